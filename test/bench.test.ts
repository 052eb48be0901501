import { describe, expect, it } from 'vitest';
import { benchParse } from '../scripts/bench-parse.js';

describe('bench:parse', () => {
  it('measures every source type and the rss-parser reference', async () => {
    const results = await benchParse({ quick: true });
    expect(Object.keys(results)).toEqual(expect.arrayContaining(['rss-parser (reference)', 'rss', 'appstore', 'googleplay', 'html', 'file (csv)']));
    expect(Object.keys(results).some((k) => k.startsWith('jsonld'))).toBe(true);
    for (const r of Object.values(results)) expect(r.reviewsPerSec).toBeGreaterThan(0);
  });
});
