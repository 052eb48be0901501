import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../src/config/schema.js';
import { ParseError } from '../src/sources/errors.js';
import { adapters } from '../src/sources/index.js';
import { fixture } from './helpers/fixtures.js';
import { rssFeed, POSITIVE_ITEMS } from './helpers/factories.js';

const base = { schedule: '* * * * *', alertOnBackfill: false, enabled: true, publisher: { type: 'manual' as const } };
const SOURCES: { source: SourceConfig; sample: string }[] = [
  { source: { ...base, id: 'rss', type: 'rss', url: 'https://x.example/feed' }, sample: rssFeed(POSITIVE_ITEMS) },
  { source: { ...base, id: 'ios', type: 'appstore', appId: '1', country: 'us', maxPages: 10 }, sample: fixture('appstore/single-entry.json') },
  { source: { ...base, id: 'play', type: 'googleplay', appId: 'com.example.app', lang: 'en', country: 'us', maxPages: 5 }, sample: fixture('googleplay/page2.txt').slice(0, 3000) + ']"]]' },
  { source: { ...base, id: 'ld', type: 'jsonld', url: 'https://x.example/' }, sample: fixture('jsonld/restaurant-10-point.html') },
  { source: { ...base, id: 'html', type: 'html', url: 'https://x.example/', selectors: { item: '.review-card', text: '.review-body', rating: '.stars@data-rating', date: 'time@datetime', link: 'a' } }, sample: fixture('html/guestbook.html').slice(0, 2500) },
  { source: { ...base, id: 'csv', type: 'file', path: '/x/r.csv' }, sample: fixture('file/reviews.csv') },
  { source: { ...base, id: 'jsonl', type: 'file', path: '/x/r.jsonl' }, sample: fixture('file/reviews.jsonl') },
  { source: { ...base, id: 'json', type: 'file', path: '/x/r.json' }, sample: fixture('file/reviews.json') },
];

/** Arbitrary input: unicode text, raw bytes read as UTF-8, JSON values, and a real page cut and spliced with junk. */
function inputs(sample: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 2000 }),
    fc.uint8Array({ maxLength: 4000 }).map((b) => Buffer.from(b).toString('utf8')),
    fc.json({ maxDepth: 6 }),
    fc.tuple(fc.nat(sample.length), fc.nat(sample.length), fc.string({ maxLength: 50 })).map(([a, b, junk]) => sample.slice(0, Math.min(a, b)) + junk + sample.slice(Math.max(a, b))),
  );
}

describe('parsers on arbitrary input', () => {
  for (const { source, sample } of SOURCES) {
    it(`${source.id}: never throws anything but ParseError, and finishes quickly`, async () => {
      const adapter = adapters[source.type] as { parse(body: string, source: SourceConfig, page: number, limits: { maxItems: number }): unknown };
      let slowest = 0;
      await fc.assert(
        fc.asyncProperty(inputs(sample), async (body) => {
          const started = performance.now();
          try {
            const page = (await adapter.parse(body, source, 1, { maxItems: 2_000 })) as { reviews: unknown[] };
            expect(Array.isArray(page.reviews)).toBe(true);
          } catch (err) {
            if (!(err instanceof ParseError)) throw err;
          }
          slowest = Math.max(slowest, performance.now() - started);
        }),
        { numRuns: 300, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}), verbose: 1 },
      );
      expect(slowest).toBeLessThan(500);
    });
  }
});
