import { parseConfig } from '../../src/config/load.js';
import type { Config, ConfigInput } from '../../src/config/schema.js';
import { normaliseReview, type RawReview, type Review } from '../../src/domain/review.js';

/** A valid config with small defaults for tests; `over` replaces top-level sections. */
export function makeConfig(over: Partial<ConfigInput> = {}, env: Record<string, string> = {}): Config {
  return parseConfig(
    {
      business: { name: 'Harbor Bistro', contact: { email: 'care@harborbistro.example', phone: '+1 555 0100' }, signature: 'Maya, Guest Relations' },
      sources: [],
      alerts: [{ type: 'log' }],
      log: { level: 'silent' },
      // Tests poll one local host many times in a row; the per-host interval is tested on its own.
      fetch: { perHostIntervalMs: 0 },
      ...over,
    },
    { env },
  );
}

let seq = 0;

/** A stored-shape review for a source; `over` sets any raw field. */
export function makeReview(sourceId = 'src', over: Partial<RawReview> = {}): Review {
  seq += 1;
  return normaliseReview({ platformId: `p-${seq}`, author: 'Dana Reyes', text: 'Lovely evening, great food.', rating: 5, publishedAt: new Date(Date.UTC(2026, 10, 1, 12, seq)).toISOString(), ...over }, sourceId);
}

export interface FeedItem {
  id: string;
  title: string;
  text: string;
  author?: string;
  rating?: number;
  date?: string;
}

/** An RSS 2.0 document of review items with `<review:rating>` elements. */
export function rssFeed(items: FeedItem[]): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:review="http://purl.org/stuff/rev#"><channel>
<title>Reviews</title><link>https://reviews.example.com/</link><description>test feed</description>
${items
  .map(
    (i) => `<item><title>${esc(i.title)}</title><guid isPermaLink="false">${esc(i.id)}</guid><link>https://reviews.example.com/r/${esc(i.id)}</link>
<dc:creator>${esc(i.author ?? 'Sam Carter')}</dc:creator><pubDate>${new Date(i.date ?? '2026-11-20T12:00:00Z').toUTCString()}</pubDate>
${i.rating !== undefined ? `<review:rating>${i.rating}</review:rating>` : ''}<description>${esc(i.text)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

/** Reviews used across the pipeline tests: clearly negative, clearly positive. */
export const NEGATIVE_ITEMS: FeedItem[] = [
  { id: 'n1', title: 'Cold food, long wait', text: 'We waited 50 minutes and the soup was cold. Terrible service.', rating: 1, author: 'Ana Silva' },
  { id: 'n2', title: 'Rude staff', text: 'The waiter was rude and the bill was wrong. Really disappointing.', rating: 2, author: 'Ben Okafor' },
];
export const POSITIVE_ITEMS: FeedItem[] = [
  { id: 'p1', title: 'Wonderful dinner', text: 'Fantastic food and friendly staff. We loved it.', rating: 5, author: 'Chloe Martin' },
  { id: 'p2', title: 'Great brunch', text: 'Great coffee, fresh pastries, lovely terrace.', rating: 4, author: 'Dev Patel' },
];

/** An HTML page of `n` minimal review items (`li.r` with the text in `p`), about 36 bytes each. */
export function reviewListPage(n: number): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) items.push(`<li class="r"><p>Good ${i}</p></li>`);
  return `<!doctype html><html><body><ul>${items.join('')}</ul></body></html>`;
}
