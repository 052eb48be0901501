import { describe, expect, it } from 'vitest';
import { GOLDEN_SHA256, goldenHash } from './golden.js';

// Drafting is optimised for speed; its output must not change by a byte. On a mismatch, dump both versions
// (`npx tsx test/draft/golden.ts --dump FILE`, here and at the golden commit) and diff them.
describe('drafting golden output', () => {
  it('drafts, follow-ups and guardrail results over the shared reviews are unchanged', () => {
    const { sha256, cases } = goldenHash();
    expect(cases).toBe(26542);
    expect(sha256).toBe(GOLDEN_SHA256);
  }, 120_000);
});
