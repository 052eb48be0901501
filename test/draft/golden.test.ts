import { describe, expect, it } from 'vitest';
import { GOLDEN, goldenHash } from './golden.js';

// Drafting is optimised for speed; its output must not change by a byte. This checks every 4th review (a few
// seconds); `npx tsx test/draft/golden.ts` checks all of them. On a mismatch, dump both versions
// (`npx tsx test/draft/golden.ts --dump FILE`, here and at the golden commit) and diff them.
describe('drafting golden output', () => {
  it('drafts, follow-ups and guardrail results over the shared reviews are unchanged', () => {
    expect(goldenHash(4)).toEqual(GOLDEN[4]);
  }, 120_000);
});
