import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifierOptionsFrom } from '../../src/analysis/analyze.js';
import { classifiersByBusiness } from '../../src/cli/classify.js';
import { runDraftCli } from '../../src/cli/draft.js';
import { draftingSchema } from '../../src/config/schema.js';
import type { ClassifyInput, Verdict } from '../../src/domain/verdict.js';
import { makeConfig } from '../helpers/factories.js';
import { business, verdict } from './factories.js';

async function run(lines: string[], deps: Partial<Parameters<typeof runDraftCli>[2]> = {}): Promise<{ code: number; out: Record<string, unknown>[] }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  const code = await runDraftCli(Readable.from([lines.join('\n')]), output, { business: business(), ...deps });
  const out = Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, out };
}

describe('runDraftCli', () => {
  it('writes one JSON line per input line, with reply, violations and score', async () => {
    const { code, out } = await run([
      JSON.stringify({ id: 'a', text: 'We waited 40 minutes and the food was cold.', rating: 2, author: 'Ann Lee' }),
      JSON.stringify({ text: 'The app crashes every time I open it.', title: 'Useless', rating: 1 }),
    ]);
    expect(code).toBe(0);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ id: 'a', violations: [], score: 1 });
    expect(out[0]?.reply).toMatch(/Ann/);
    expect(out[0]?.reply).toMatch(/the 40-minute wait/i);
    expect(out[1]?.reply).toMatch(/hello@cafeluna\.example/);
  });

  it('reports a malformed line on its own line and carries on', async () => {
    const { code, out } = await run([
      JSON.stringify({ text: 'Cold food.', rating: 1 }),
      '{"text": "broken',
      JSON.stringify({ text: 42 }),
      JSON.stringify({ text: 'ok', rating: 9, id: 'r9' }),
      '',
      JSON.stringify({ text: 'Slow service, we waited an hour.', rating: 2 }),
    ]);
    expect(code).toBe(1);
    // One output line per input line, the empty one too (as classify does): output line N answers input line N.
    expect(out).toHaveLength(6);
    expect(out[0]).toHaveProperty('reply');
    expect(out[1]).toMatchObject({ line: 2 });
    expect(out[1]?.error).toMatch(/invalid JSON/);
    expect(out[2]).toMatchObject({ line: 3 });
    expect(out[2]?.error).toMatch(/^text: /);
    expect(out[3]).toMatchObject({ line: 4, id: 'r9' });
    expect(out[3]?.error).toMatch(/^rating: /);
    expect(out[4]).toEqual({ line: 5, error: 'empty line' });
    expect(out[5]?.reply).toMatch(/the hour-long wait/i);
  });

  it('uses the classifier when given one, and rating and keywords when not', async () => {
    const seen: ClassifyInput[] = [];
    const classify = (i: ClassifyInput): Verdict => {
      seen.push(i);
      return verdict({ severity: 'critical', topics: ['staff_service'] });
    };
    const drafting = draftingSchema.parse({ escalation: { name: 'Maria Rossi', phone: '020 7000 2222' } });
    const line = JSON.stringify({ text: 'Meh.', rating: 2 });
    const withClassifier = await run([line], { classify, drafting });
    expect(seen).toEqual([{ text: 'Meh.', rating: 2, title: undefined }]);
    expect(withClassifier.out[0]).toMatchObject({ requiresHuman: true, severity: 'critical' });
    expect(withClassifier.out[0]?.reply).toContain('Maria Rossi');
    const without = await run([line], { drafting });
    expect(without.out[0]).toMatchObject({ requiresHuman: false, severity: 'medium' });
    const poisoned = await run([JSON.stringify({ text: 'I got food poisoning here.', rating: 1 })], { drafting });
    expect(poisoned.out[0]).toMatchObject({ requiresHuman: true, severity: 'critical' });
  });

  it('applies the per-source contact and length limit named by "source"', async () => {
    const drafting = draftingSchema.parse({ sources: { play: { platform: 'google-play', contact: { email: 'app@cafeluna.example' } } } });
    const text = 'We waited 40 minutes for a table, the food was cold and the waiter was rude when we asked about it.';
    const { out } = await run([JSON.stringify({ text, source: 'play', author: 'Jo Bloggs' })], { drafting });
    expect(String(out[0]?.reply).length).toBeLessThanOrEqual(350);
    expect(out[0]?.reply).toContain('app@cafeluna.example');
    expect(out[0]?.violations).toEqual([]);
  });

  it('gives the same line the same draft on every run', async () => {
    const line = JSON.stringify({ text: 'The room was dirty and nobody answered the phone.', rating: 1 });
    const a = await run([line]);
    const b = await run([line]);
    expect(a.out).toEqual(b.out);
  });

  it('writes the reply in the language a line gives and words its topics for the industry it names', async () => {
    const { createClassifier, taxonomyFor } = await import('../../src/classify/index.js');
    const classify = (input: ClassifyInput, industry?: Parameters<typeof taxonomyFor>[0]) =>
      createClassifier(industry ? { taxonomy: taxonomyFor(industry) } : {}).classify(input);
    const text = 'Karte zweimal abgelehnt, die Überweisung hängt seit Tagen.';
    const { code, out } = await run(
      [
        JSON.stringify({ id: 'de-bank', text, rating: 1, language: 'de', industry: 'bank_fintech' }),
        JSON.stringify({ id: 'nie', text: 'Nie wieder.', rating: 1, language: 'de' }),
        JSON.stringify({ id: 'bad', text, industry: 'bank' }),
        JSON.stringify({ id: 'empty-lang', text, language: ' ' }),
        JSON.stringify({ id: 'word-lang', text: 'Nie wieder!', language: 'german' }),
      ],
      { classify },
    );
    expect(code).toBe(1);
    expect(out[0]).toMatchObject({ id: 'de-bank', language: 'de', violations: [] });
    expect(out[0]!.topics).toEqual(expect.arrayContaining(['cards', 'transfers']));
    expect(out[0]!.reply).toMatch(/Karte|Überweisung/);
    expect(out[0]!.reply).not.toMatch(/\b(the|your|sorry)\b/i);
    expect(out[1]).toMatchObject({ id: 'nie', language: 'de', violations: [] });
    expect(out[2]).toEqual({ line: 3, id: 'bad', error: expect.stringMatching(/^industry: industry must be one of /) });
    expect(out[3]).toEqual({ line: 4, id: 'empty-lang', error: 'language: language must not be empty' });
    // "german" was cut to "ge", not judged, and "Nie wieder!" got a thank-you (a new user's trial).
    expect(out[4]).toEqual({ line: 5, id: 'word-lang', error: 'language: "german" is not a language code such as de or pt-BR' });
  });

  it('drafts a sensible reply, never an error, for no text with a rating, emoji only, another script and mixed languages', async () => {
    const { code, out } = await run([
      JSON.stringify({ id: 'empty', text: '', rating: 1, author: 'Ann Lee' }),
      JSON.stringify({ id: 'emoji', text: '😡😡👎', rating: 1 }),
      JSON.stringify({ id: 'thai', text: 'อาหารเย็นชืดและพนักงานไม่สุภาพ', rating: 1 }),
      JSON.stringify({ id: 'mixed', text: 'The service was slow. Das Essen war kalt und der Kellner unfreundlich.', rating: 1 }),
      JSON.stringify({ id: 'five', text: '', rating: 5 }),
    ]);
    expect(code).toBe(0);
    for (const line of out) {
      expect(line.error, String(line.id)).toBeUndefined();
      expect(line.violations, String(line.id)).toEqual([]);
    }
    // The 1-star ones are complaints: each reply takes the conversation offline.
    for (const line of out.slice(0, 4)) expect(String(line.reply), String(line.id)).toContain('hello@cafeluna.example');
    // Without words to go on, the reply neither quotes nor invents: a general acknowledgement.
    expect(out[0]!.reply).not.toMatch(/undefined|null|""/);
    expect(out[2]!.language).toBe('en'); // Thai has no template set: the business language
    // A 5-star rating without text is thanked, not apologised to.
    expect(out[4]!.reply).not.toMatch(/sorry|apolog/i);
  });

  it('still refuses a line with neither text nor rating, naming the field', async () => {
    const { code, out } = await run([JSON.stringify({ id: 'x', text: ' ' })]);
    expect(code).toBe(1);
    expect(out[0]).toEqual({ line: 1, id: 'x', error: 'text: text must not be empty without a rating' });
  });
});

describe('review-monitor draft with several businesses', () => {
  it("reads each line as its own business: its industry and its language for a short text ('Pessimo!' at a trattoria)", async () => {
    const config = makeConfig();
    const ofBusiness = classifiersByBusiness((b, classifier: typeof config.classifier) => classifierOptionsFrom({ classifier, business: b }));
    const trattoria = business({ name: 'Trattoria Sole', language: 'it', industry: 'restaurant' });
    const seen: (string | undefined)[] = [];
    const { out } = await run(['{"text":"Pessimo!","rating":1,"business":"milan"}', '{"text":"Pessimo!","rating":1,"business":"default"}'], {
      businessOf: (id) => ({ business: id === 'milan' ? trattoria : business(), drafting: {} }),
      classify: (input, industry, b) => {
        seen.push(b?.language);
        return ofBusiness(industry ? { ...b!, industry } : b!, config.classifier).classify(input);
      },
    });
    expect(seen).toEqual(['it', 'en']);
    expect(out[0]!.language).toBe('it');
    expect(out[1]!.language).toBe('pt');
  });
});
