import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';

/** One review of the Multi-Domain Sentiment Dataset, in the train set's shape (shared/data/train). */
export interface BlitzerReview {
  domain: string;
  rating: number;
  title: string;
  text: string;
  negative: boolean;
}

/**
 * The reviews of one `sorted_data_acl/<domain>/{positive,negative}.review` file of the Multi-Domain Sentiment
 * Dataset (Blitzer, Dredze, Pereira, ACL 2007): pseudo-XML, one `<review>` element each with `<rating>`, `<title>`
 * and `<review_text>`; its `&` are not escaped, so it is read as HTML-ish markup by cheerio's forgiving parser.
 */
export function parseBlitzerReviews(markup: string, domain: string, negative: boolean): BlitzerReview[] {
  const $ = cheerio.load(markup, { xml: { xmlMode: true, decodeEntities: false } });
  const out: BlitzerReview[] = [];
  $('review').each((_, el) => {
    const r = $(el);
    const rating = Number(r.children('rating').text().trim());
    const text = r.children('review_text').text().trim();
    if (!text || !Number.isFinite(rating)) return;
    out.push({ domain, rating, title: r.children('title').text().trim(), text, negative });
  });
  return out;
}

/**
 * Every domain under a `sorted_data_acl` directory (`books`, `dvd`, `electronics`, `kitchen_&_housewares`), with the
 * domain named by its first word, as the shared train set names books and DVD.
 */
export function loadBlitzerDomains(dir: string, only?: ReadonlySet<string>): BlitzerReview[] {
  const out: BlitzerReview[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const domain = entry.name.split('_')[0] as string;
    if (only && !only.has(domain)) continue;
    for (const polarity of ['negative', 'positive'] as const) {
      const markup = readFileSync(join(dir, entry.name, `${polarity}.review`), 'utf8');
      out.push(...parseBlitzerReviews(markup, domain, polarity === 'negative'));
    }
  }
  return out.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
}
