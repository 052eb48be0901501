import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import type { SourceConfig } from '../src/config/schema.js';
import { parsePage } from '../src/sources/index.js';

const fixture = (p: string): string => readFileSync(new URL(`../test/fixtures/${p}`, import.meta.url), 'utf8');
const base = { schedule: '* * * * *', alertOnBackfill: false, enabled: true, publisher: { type: 'manual' as const } };

/** An RSS 2.0 feed of the App Store fixture's 50 reviews, so every type parses the same texts. */
function rssOfAppstoreFixture(): string {
  const entries = (JSON.parse(fixture('appstore/page1.json')) as { feed: { entry: Record<string, { label: string }>[] } }).feed.entry;
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const items = entries.map(
    (e) =>
      `<item><title>${esc(e.title!.label)}</title><guid isPermaLink="false">${e.id!.label}</guid><dc:creator>${esc((e.author as unknown as { name: { label: string } }).name.label)}</dc:creator><review:rating>${e['im:rating']!.label}</review:rating><pubDate>${new Date(e.updated!.label).toUTCString()}</pubDate><description>${esc(e.content!.label)}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:review="http://purl.org/stuff/rev#"><channel><title>Reviews</title><link>https://x.example/</link><description>bench</description>${items.join('')}</channel></rss>`;
}

interface Case {
  name: string;
  body: string;
  run: (body: string) => Promise<number>;
}

function cases(): Case[] {
  const viaAdapter = (source: SourceConfig) => async (body: string) => (await parsePage(source, body)).reviews.length;
  const rss = rssOfAppstoreFixture();
  const rssParser = new Parser();
  return [
    { name: 'rss-parser (reference)', body: rss, run: async (b) => (await rssParser.parseString(b)).items.length },
    { name: 'rss', body: rss, run: viaAdapter({ ...base, id: 'b', type: 'rss', url: 'https://x.example/' }) },
    { name: 'appstore', body: fixture('appstore/page1.json'), run: viaAdapter({ ...base, id: 'b', type: 'appstore', appId: '1', country: 'us', maxPages: 10 }) },
    { name: 'googleplay', body: fixture('googleplay/page1.txt'), run: viaAdapter({ ...base, id: 'b', type: 'googleplay', appId: 'com.example.app', lang: 'en', country: 'us', maxPages: 5 }) },
    { name: 'jsonld (__NEXT_DATA__)', body: fixture('jsonld/trustpilot-business.html'), run: viaAdapter({ ...base, id: 'b', type: 'jsonld', url: 'https://x.example/' }) },
    { name: 'jsonld (JSON-LD @graph)', body: fixture('jsonld/trustpilot-jsonld-only.html'), run: viaAdapter({ ...base, id: 'b', type: 'jsonld', url: 'https://x.example/' }) },
    {
      name: 'html',
      body: fixture('html/guestbook.html'),
      run: viaAdapter({ ...base, id: 'b', type: 'html', url: 'https://x.example/', selectors: { item: '.review-card', text: '.review-body', author: '.reviewer', rating: '.stars@data-rating', date: 'time@datetime', link: 'a.permalink' } }),
    },
    { name: 'file (csv)', body: fixture('file/reviews.csv'), run: viaAdapter({ ...base, id: 'b', type: 'file', path: '/x/r.csv' }) },
    { name: 'file (jsonl)', body: fixture('file/reviews.jsonl'), run: viaAdapter({ ...base, id: 'b', type: 'file', path: '/x/r.jsonl' }) },
  ];
}

/** Parse throughput per source type (reviews/s) on the recorded fixtures, with rss-parser alone as the reference. */
export async function benchParse(opts: { quick?: boolean } = {}): Promise<Record<string, { reviewsPerSec: number }>> {
  const budgetMs = opts.quick ? 150 : 1_500;
  const out: Record<string, { reviewsPerSec: number }> = {};
  for (const c of cases()) {
    for (let i = 0; i < 5; i++) await c.run(c.body); // warm up
    let reviews = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < budgetMs) {
      reviews += await c.run(c.body);
      elapsed = performance.now() - started;
    }
    out[c.name] = { reviewsPerSec: Math.round((reviews / elapsed) * 1000) };
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const results = await benchParse({ quick });
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  console.log(`parse throughput (${quick ? 'quick' : 'full'} run, node ${process.version})`);
  for (const [name, r] of Object.entries(results)) console.log(`${name.padEnd(width)}  ${r.reviewsPerSec.toLocaleString('en-US').padStart(10)} reviews/s`);
}
