import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenHash, goldenLines, HASH_FILE } from './golden-verdicts.js';

describe('classifier golden output', () => {
  it('gives the same verdict as before for every review of the train and eval sets', () => {
    // On a difference: npx tsx test/classify/golden-verdicts.ts --dump=/tmp/new.jsonl on both versions, then diff.
    expect(goldenHash(goldenLines())).toBe(readFileSync(HASH_FILE, 'utf8').trim());
  }, 60_000);
});
