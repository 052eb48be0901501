import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEvalSet } from '../../scripts/lib/data.js';
import { AnalysisBuffer, analyzeText, createPhraseMatcher } from '../../src/classify/features.js';
import { SentimentModel, type ModelFile } from '../../src/classify/model.js';
import modelJson from '../../src/classify/model/sentiment-model.json' with { type: 'json' };
import { goldenHash, goldenLines, HASH_FILE } from './golden-verdicts.js';

describe('classifier golden output', () => {
  it('gives the same verdict as before for every review of the train and eval sets', () => {
    // On a difference: npx tsx test/classify/golden-verdicts.ts --dump=/tmp/new.jsonl on both versions, then diff.
    expect(goldenHash(goldenLines())).toBe(readFileSync(HASH_FILE, 'utf8').trim());
  }, 60_000);

  it('analyses the same with a recycled buffer (classifier) as without one (trainer)', () => {
    const model = new SentimentModel(modelJson as unknown as ModelFile);
    const matcher = createPhraseMatcher();
    const buffer = new AnalysisBuffer();
    const view = (a: ReturnType<typeof analyzeText>): unknown => ({
      ...a,
      tokens: a.tokens.map((t) => ({ norm: t.norm, raw: t.raw, kind: t.kind, caps: t.caps, hash: t.hash })),
      ids: [...a.ids.subarray(0, a.tokens.length)],
      table: undefined,
      weight: [...a.weight.subarray(0, a.tokens.length)],
      negated: [...a.negated.subarray(0, a.tokens.length)],
      score: model.score(a, 3),
    });
    for (const { text } of loadEvalSet('yelp').slice(0, 300)) {
      expect(view(analyzeText(text, model.words, matcher, buffer))).toEqual(view(analyzeText(text, model.words, matcher)));
    }
  });
});
