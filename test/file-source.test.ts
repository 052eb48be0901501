import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normaliseReview } from '../src/domain/review.js';
import { fetchSource } from '../src/sources/fetch.js';
import { fileFormat, parseReviewFile } from '../src/sources/file.js';
import { fixture } from './helpers/fixtures.js';

describe('file adapter', () => {
  it('reads CSV with RFC 4180 quoting, keeps the good rows and names the bad ones', () => {
    const { reviews, rejected } = parseReviewFile(fixture('file/reviews.csv'), 'csv');
    expect(reviews.map((r) => r.platformId)).toEqual(['imp-1', 'imp-2', 'imp-4', 'imp-5']);
    expect(reviews[0]).toMatchObject({ author: 'Ortiz, Daniel', rating: 2, title: 'Cold fish', language: 'en' });
    expect(reviews[0]?.text).toBe('We waited 45 minutes, and the fish came out cold.\nThe waiter said "kitchen is busy" and walked off.');
    expect(rejected?.count).toBe(2);
    expect(rejected?.reasons).toEqual([expect.stringMatching(/^line 8: .*record length/i), 'line 5: rating "five" is not a number']);
  });

  it('keeps a review that is only a rating, as the platforms do: a 1-star without a word is still a complaint to answer', () => {
    const { reviews, rejected } = parseReviewFile('id,rating,text\nr-1,1,\nr-2,,\nr-3,0,\n', 'csv');
    expect(reviews).toEqual([expect.objectContaining({ platformId: 'r-1', rating: 1, text: '' })]);
    // 0 of 5 is how some exports say "not rated": with no text either, there is no review.
    const why = 'no text and no rating (expected a text, body, review or content column, or a rating)';
    expect(rejected).toEqual({ count: 2, reasons: [`line 3: ${why}`, `line 4: ${why}`] });
    expect(normaliseReview(reviews[0]!, 'f')).toMatchObject({ rating: 1, text: '' });
    // Without an id column, two such reviews by "A Google user" stay two (code review: they shared one id).
    const bare = parseReviewFile('author,rating,text,date\nA Google user,1,,2026-11-01\nA Google user,2,,2026-11-01\nA Google user,1,,2026-11-02\n', 'csv').reviews;
    expect(new Set(bare.map((r) => normaliseReview(r, 'f').id)).size).toBe(3);
  });

  it('reads JSONL with case-insensitive keys and other scales, skipping a broken line', () => {
    const { reviews, rejected } = parseReviewFile(fixture('file/reviews.jsonl'), 'jsonl');
    expect(reviews.map((r) => [r.platformId, r.rating, r.ratingBest])).toEqual([
      ['j-1', 1, 5],
      ['j-2', 9, 10],
      ['j-4', 4, 5],
    ]);
    expect(rejected).toEqual({ count: 1, reasons: ['line 3: not valid JSON'] });
    expect(normaliseReview(reviews[1]!, 'f').rating).toBe(4.5);
  });

  it('reads a JSON array, percent ratings included', () => {
    const { reviews, rejected } = parseReviewFile(fixture('file/reviews.json'), 'json');
    expect(reviews).toHaveLength(3);
    expect(rejected).toBeUndefined();
    expect(normaliseReview(reviews[1]!, 'f')).toMatchObject({ rating: 4, ratingOriginal: { value: 80, best: 100 } });
  });

  it('rejects a file of the wrong shape, and a file where no row is usable', () => {
    expect(() => parseReviewFile('{"data":1}', 'json')).toThrow(/JSON array of reviews/);
    expect(() => parseReviewFile('[{"author":"Ann"}]', 'json')).toThrow(/no usable review in the file; 1 rejected: item 1: no text and no rating/);
    expect(() => parseReviewFile('[{"text":"x","rating":9}]', 'json')).toThrow(/rating 9 is outside 0–5/);
  });

  it('takes the format from the extension unless configured', () => {
    expect(fileFormat({ path: '/x/a.CSV' })).toBe('csv');
    expect(fileFormat({ path: '/x/a.ndjson' })).toBe('jsonl');
    expect(fileFormat({ path: '/x/a.txt', format: 'csv' })).toBe('csv');
  });

  describe('reading the file', () => {
    const opts = { timeoutMs: 2_000, maxBodyBytes: 1_000, userAgent: 'test' };
    const inTemp = (run: (dir: string) => Promise<void>) => async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'rm-file-source-'));
      try {
        await run(dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };

    it('refuses a file over the size cap before reading it, naming the cap', inTemp(async (dir) => {
      const file = path.join(dir, 'big.json');
      writeFileSync(file, `[${'"x",'.repeat(400)}"x"]`);
      await expect(fetchSource({ url: pathToFileURL(file).href }, opts)).rejects.toThrow(/is 1605 bytes, over the 1000-byte limit/);
      writeFileSync(file, '[]');
      await expect(fetchSource({ url: pathToFileURL(file).href }, opts)).resolves.toMatchObject({ body: '[]' });
    }));

    it('refuses what is not a regular file (a FIFO would block, a device never ends) instead of reading it', inTemp(async (dir) => {
      const fifo = path.join(dir, 'reviews.csv');
      execFileSync('mkfifo', [fifo]);
      await expect(fetchSource({ url: pathToFileURL(fifo).href }, opts)).rejects.toThrow(/is not a regular file/);
      await expect(fetchSource({ url: 'file:///dev/zero' }, opts)).rejects.toThrow(/is not a regular file/);
    }), 5_000);
  });
});
