/**
 * Builds the per-language dev sets `npm run eval` reads, from sources downloaded by hand (see
 * data/MANIFEST.md for each source's repository, commit and licence). Nothing here downloads.
 *
 *   npx tsx scripts/prepare-lang-data.ts --semeval DIR [--pt-books DIR] [--de-amazon DIR] [--appstore-bank-dump FILE]
 *     [--appstore-shop FILE[,FILE…]] [--pt-olist FILE] [--absita FILE] --out DIR
 *
 * --semeval DIR: the SemEval-2016 Task 5 restaurant files in the ABSADatasets "apc" layout
 *   (restaurants_{train,test}_{dutch,french,spanish}.xml.dat: a sentence with $T$ for the aspect,
 *   the aspect, its polarity; three lines per opinion). A sentence whose opinions are all negative
 *   is a negative example, all positive a positive one; mixed and neutral sentences are left out.
 *   Sentences are ordered by a hash of their text (a fixed shuffle), then the first 250 negative and
 *   250 positive ones are the dev set (OUT/dev/<code>.jsonl: only ever scored, never tuned on) and
 *   the rest the tuning set (OUT/tune/<code>.jsonl: what the word lists may be checked against).
 * --pt-books DIR: the Amazon Brazilian Portuguese book reviews (books_pt_neg, books_pt_pos: one review
 *   a line, below and above 3 stars), split the same way into OUT/dev/pt.jsonl and OUT/tune/pt.jsonl.
 * --de-amazon DIR: German Amazon.de product reviews (thermal mugs, dishwasher tablets, washing powder) in
 *   the NLP_22Z layout (negative_reviews.txt: below 3 stars; positive_reviews.txt: 4 and 5 stars; one
 *   review a line), split the same way into OUT/dev/de.jsonl and OUT/tune/de.jsonl.
 * --appstore-bank-dump FILE: Google Play reviews of three banking apps as a PostgreSQL dump (its
 *   `COPY public.reviews (review_id, bank_id, review_text, rating, …)` block), labelled by stars (1–2
 *   negative, 4–5 positive, 3 left out), split the same way into OUT/appstore.jsonl (the text-only app-store
 *   set `npm run eval` scores) and OUT/tune/appstore.jsonl.
 * --appstore-shop FILE[,FILE…]: Google Play reviews of shopping apps as google-play-scraper CSVs (text in `content`,
 *   stars in `score`; or, as a cleaned export writes them, `ReviewText` and `Rating`), labelled by stars like the bank
 *   apps. Each file gives the dev set an equal share (250 negative and 250 positive in all), so one large app does
 *   not make up the whole set: OUT/appstore-shop.jsonl (scored beside the bank apps) and OUT/tune/appstore-shop.jsonl.
 * --pt-olist FILE: Brazilian online-shop reviews, the Olist `olist_order_reviews_dataset.csv` (stars and the
 *   customer's title and message), labelled by stars (1–2 negative, 4–5 positive, 3 left out), split the same way
 *   into OUT/dev/pt-shop.jsonl and OUT/tune/pt-shop.jsonl: a second Portuguese dev set, of shop reviews.
 * --absita FILE: Italian hotel review sentences (booking.com), the ABSITA 2018 training CSV (`absita_2018_training.csv`:
 *   three 0/1 columns per aspect, then the sentence), labelled like the SemEval sentences (every aspect negative or
 *   every one positive; mixed left out), split the same way into OUT/dev/it.jsonl and OUT/tune/it.jsonl.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

interface Example {
  text: string;
  negative: boolean;
  source: string;
}

const SEMEVAL_LANGUAGES = { dutch: 'nl', french: 'fr', spanish: 'es' } as const;

/** Sentence-level examples from one SemEval-2016 apc file, in file order. */
export function semevalSentences(raw: string, source: string): Example[] {
  const lines = raw.split('\n');
  const polarities = new Map<string, Set<string>>();
  for (let i = 0; i + 2 < lines.length; i += 3) {
    const withTarget = lines[i]!.trim();
    const aspect = lines[i + 1]!.trim();
    const polarity = lines[i + 2]!.trim().toLowerCase();
    if (!withTarget) continue;
    const sentence = withTarget.replace('$T$', aspect).replace(/\s+/g, ' ').trim();
    const set = polarities.get(sentence) ?? new Set<string>();
    set.add(polarity);
    polarities.set(sentence, set);
  }
  const out: Example[] = [];
  for (const [text, set] of polarities) {
    if (set.size !== 1) continue;
    const only = [...set][0];
    if (only === 'negative' || only === 'positive') out.push({ text, negative: only === 'negative', source });
  }
  return out;
}

/** A test that is true the first time it sees a text and false after: each source keeps a repeated text once. */
function firstTime(): (text: string) => boolean {
  const seen = new Set<string>();
  return (text) => !seen.has(text) && Boolean(seen.add(text));
}

/** Reviews from the `COPY public.reviews (…) FROM stdin;` block of a PostgreSQL dump: tab-separated, `\.` ends it. */
export function bankAppReviews(dump: string): Example[] {
  const lines = dump.split('\n');
  const start = lines.findIndex((l) => l.startsWith('COPY public.reviews ('));
  if (start < 0) throw new Error('no "COPY public.reviews" block in the dump');
  const columns = /\(([^)]*)\)/.exec(lines[start]!)![1]!.split(',').map((c) => c.trim());
  const textAt = columns.indexOf('review_text');
  const ratingAt = columns.indexOf('rating');
  const out: Example[] = [];
  const isNew = firstTime();
  for (const line of lines.slice(start + 1)) {
    if (line === '\\.') break;
    const cells = line.split('\t');
    // COPY text format escapes: \n, \t, \\ inside a cell.
    const text = (cells[textAt] ?? '').replace(/\\n/g, ' ').replace(/\\t/g, ' ').replace(/\\\\/g, '\\').trim();
    const rating = Number(cells[ratingAt]);
    if (!text || text === '\\N' || rating === 3 || !(rating >= 1 && rating <= 5) || !isNew(text)) continue;
    out.push({ text, negative: rating <= 2, source: 'google-play-bank-apps' });
  }
  return out;
}

/**
 * Reviews of a google-play-scraper CSV (`content`, `score`) or of a cleaned export of one (`ReviewText`, `Rating`),
 * labelled by stars (1–2 negative, 4–5 positive, 3 left out); an empty or repeated text is left out.
 */
export function playStoreReviews(csv: string, source: string): Example[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  const columns = Object.keys(rows[0] ?? {});
  const textColumn = ['content', 'ReviewText'].find((c) => columns.includes(c));
  const ratingColumn = ['score', 'Rating'].find((c) => columns.includes(c));
  if (!textColumn || !ratingColumn) throw new Error(`${source}: no review text (content, ReviewText) or stars (score, Rating) column in ${columns.join(', ')}`);
  const out: Example[] = [];
  const isNew = firstTime();
  for (const row of rows) {
    const text = (row[textColumn] ?? '').replace(/\s+/g, ' ').trim();
    const rating = Number(row[ratingColumn]);
    if (!text || rating === 3 || !(rating >= 1 && rating <= 5) || !isNew(text)) continue;
    out.push({ text, negative: rating <= 2, source });
  }
  return out;
}

/**
 * Reviews of the Olist Brazilian e-commerce dataset (`olist_order_reviews_dataset.csv`: review_score,
 * review_comment_title, review_comment_message), labelled by stars (1–2 negative, 4–5 positive, 3 left out); the
 * title, when there is one, is joined before the message as a review's title and text would be. A review without a
 * message, or one repeated, is left out.
 */
export function olistReviews(csv: string): Example[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  const out: Example[] = [];
  const isNew = firstTime();
  for (const row of rows) {
    const message = (row.review_comment_message ?? '').replace(/\s+/g, ' ').trim();
    const title = (row.review_comment_title ?? '').replace(/\s+/g, ' ').trim();
    const rating = Number(row.review_score);
    if (!message || rating === 3 || !(rating >= 1 && rating <= 5)) continue;
    const text = title ? `${title}. ${message}` : message;
    if (!isNew(text)) continue;
    out.push({ text, negative: rating <= 2, source: 'olist-br-shop' });
  }
  return out;
}

/** The aspects of ABSITA 2018, each with `<aspect>_presence`, `<aspect>_positive` and `<aspect>_negative` columns. */
const ABSITA_ASPECTS = ['cleanliness', 'comfort', 'amenities', 'staff', 'value', 'wifi', 'location', 'other'] as const;

/**
 * Sentences of Italian hotel reviews (booking.com) from the ABSITA 2018 task's CSV (`;`-separated: sentence_id,
 * three 0/1 columns per aspect, sentence). As with SemEval: a sentence whose every present aspect is negative (and
 * not also positive) is a negative example, every one positive a positive one; mixed sentences, and those with no
 * aspect, are left out, and so is a sentence repeated.
 */
export function absitaSentences(csv: string): Example[] {
  const rows = parse(csv, { columns: true, delimiter: ';', skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  const out: Example[] = [];
  const isNew = firstTime();
  for (const row of rows) {
    const text = (row.sentence ?? '').replace(/\s+/g, ' ').trim();
    let positive = 0;
    let negative = 0;
    for (const aspect of ABSITA_ASPECTS) {
      if (row[`${aspect}_presence`] !== '1') continue;
      const pos = row[`${aspect}_positive`] === '1';
      const neg = row[`${aspect}_negative`] === '1';
      if (pos) positive++;
      if (neg) negative++;
    }
    if (!text || (positive > 0) === (negative > 0) || !isNew(text)) continue;
    out.push({ text, negative: negative > 0, source: 'absita2018-hotels-it' });
  }
  return out;
}

const DEV_PER_CLASS = 250;

/** Dev set (`perClass` of each class, in a fixed shuffled order) and tuning set (the rest). */
export function split(examples: readonly Example[], perClass = DEV_PER_CLASS): { dev: Example[]; tune: Example[] } {
  const key = (e: Example): string => createHash('sha256').update(e.text).digest('hex');
  const sorted = [...examples].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const neg = sorted.filter((e) => e.negative);
  const pos = sorted.filter((e) => !e.negative);
  return {
    dev: [...neg.slice(0, perClass), ...pos.slice(0, perClass)],
    tune: [...neg.slice(perClass), ...pos.slice(perClass)],
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const out = arg('--out');
  const semeval = arg('--semeval');
  const ptBooks = arg('--pt-books');
  const deAmazon = arg('--de-amazon');
  const bankDump = arg('--appstore-bank-dump');
  const ptShop = arg('--pt-olist');
  const absita = arg('--absita');
  const shopApps = arg('--appstore-shop')?.split(',').filter(Boolean);
  if (!out || !semeval) {
    throw new Error('usage: prepare-lang-data.ts --semeval DIR [--pt-books DIR] [--de-amazon DIR] [--appstore-bank-dump FILE] [--appstore-shop FILE[,FILE…]] [--pt-olist FILE] [--absita FILE] --out DIR');
  }
  mkdirSync(join(out, 'dev'), { recursive: true });
  mkdirSync(join(out, 'tune'), { recursive: true });
  const save = (file: string, set: Example[]): void => writeFileSync(file, set.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const write = (code: string, { dev, tune }: { dev: Example[]; tune: Example[] }, devFile = join(out, 'dev', `${code}.jsonl`)): void => {
    save(devFile, dev);
    save(join(out, 'tune', `${code}.jsonl`), tune);
    const negs = (set: Example[]): number => set.filter((e) => e.negative).length;
    console.log(`${code}: dev ${dev.length} (${negs(dev)} negative), tune ${tune.length} (${negs(tune)} negative), of ${dev.length + tune.length}`);
  };
  for (const [name, code] of Object.entries(SEMEVAL_LANGUAGES)) {
    const all: Example[] = [];
    for (const part of ['train', 'test']) {
      const file = `restaurants_${part}_${name}.xml.dat`;
      all.push(...semevalSentences(readFileSync(join(semeval, file), 'utf8'), `semeval2016-restaurants-${code}-${part}`));
    }
    write(code, split(all));
  }
  const lines = (dir: string, file: string): string[] => readFileSync(join(dir, file), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  if (ptBooks) {
    write('pt', split([
      ...lines(ptBooks, 'books_pt_neg').map((text) => ({ text, negative: true, source: 'amazon-br-books' })),
      ...lines(ptBooks, 'books_pt_pos').map((text) => ({ text, negative: false, source: 'amazon-br-books' })),
    ]));
  }
  if (deAmazon) {
    // The same review can appear under two product variants: keep it once.
    const isNew = firstTime();
    write('de', split([
      ...lines(deAmazon, 'negative_reviews.txt').map((text) => ({ text, negative: true, source: 'amazon-de-products' })),
      ...lines(deAmazon, 'positive_reviews.txt').map((text) => ({ text, negative: false, source: 'amazon-de-products' })),
    ].filter((e) => isNew(e.text))));
  }
  if (bankDump) write('appstore', split(bankAppReviews(readFileSync(bankDump, 'utf8'))), join(out, 'appstore.jsonl'));
  if (shopApps?.length) {
    // Each file its share of the dev set, split on its own; the sets are their files' parts together.
    const parts = shopApps.map((file) => split(playStoreReviews(readFileSync(file, 'utf8'), `google-play-shopping-apps:${basename(file)}`), Math.floor(DEV_PER_CLASS / shopApps.length)));
    write('appstore-shop', { dev: parts.flatMap((p) => p.dev), tune: parts.flatMap((p) => p.tune) }, join(out, 'appstore-shop.jsonl'));
  }
  if (ptShop) write('pt-shop', split(olistReviews(readFileSync(ptShop, 'utf8'))));
  if (absita) write('it', split(absitaSentences(readFileSync(absita, 'utf8'))));
}

// Run as a script, not when a test imports its parsers.
// (`npx tsx scripts/prepare-lang-data` without the extension runs it too.)
const self = fileURLToPath(import.meta.url);
if (process.argv[1] && [self, self.replace(/\.ts$/, '')].includes(resolve(process.argv[1]))) main();
