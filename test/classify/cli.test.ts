import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runClassifyCli } from '../../src/cli/classify.js';

async function run(lines: string[]): Promise<{ code: number; out: Record<string, unknown>[] }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  const code = await runClassifyCli(Readable.from([lines.join('\n') + '\n']), output);
  output.end();
  const text = Buffer.concat(chunks).toString('utf8');
  return { code, out: text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('review-monitor classify (JSON Lines)', () => {
  it('writes one verdict per review, in input order', async () => {
    const { code, out } = await run([
      JSON.stringify({ text: 'Rude staff and we waited an hour.', rating: 2 }),
      JSON.stringify({ text: 'Lovely breakfast, friendly people.', rating: 5 }),
      JSON.stringify({ title: 'Avoid', text: 'The app crashes on start.' }),
    ]);
    expect(code).toBe(0);
    expect(out.map((v) => v.negative)).toEqual([true, false, true]);
    for (const v of out) expect(Object.keys(v).sort()).toEqual(['language', 'negative', 'reasons', 'score', 'severity', 'topics']);
  });

  it('reports a malformed line in the middle and goes on with the rest', async () => {
    const { code, out } = await run([
      JSON.stringify({ text: 'Terrible, never again.' }),
      JSON.stringify({ text: 'Great coffee.' }),
      JSON.stringify({ text: 42, rating: 3 }),
      '{"text": "unterminated',
      JSON.stringify({ text: 'Fine', rating: 11 }),
      JSON.stringify({ text: 'Cold food and slow service.' }),
    ]);
    expect(code).toBe(1);
    expect(out).toHaveLength(6);
    expect(out[0]!.negative).toBe(true);
    expect(out[1]!.negative).toBe(false);
    expect(out[2]).toEqual({ line: 3, error: expect.stringMatching(/^text: .*expected string/) });
    expect(out[3]).toEqual({ line: 4, error: 'invalid JSON' });
    expect(out[4]).toEqual({ line: 5, error: expect.stringMatching(/^rating: /) });
    expect(out[5]!.negative).toBe(true);
  });

  it('takes the language of a line as given, over what it would detect, and judges every supported one', async () => {
    const { code, out } = await run([
      JSON.stringify({ text: 'Slecht, nooit meer', language: 'nl' }),
      JSON.stringify({ text: 'Das Brot war alt und die Verkäuferin unfreundlich.', rating: 3 }),
      JSON.stringify({ text: 'Excelente atención, lo recomiendo.', language: 'es-ES' }),
    ]);
    expect(code).toBe(0);
    expect(out.map((v) => [v.language, v.negative])).toEqual([['nl', true], ['de', true], ['es', false]]);
  });

  it('names a language that is no language code, with the line\'s id, instead of judging it as "ge" or "kl"', async () => {
    const { code, out } = await run([
      JSON.stringify({ id: 'g', text: 'Nie wieder!', language: 'german' }),
      JSON.stringify({ id: 7, text: 'Nie wieder!', language: 'klingon' }),
      JSON.stringify({ id: 'ok', text: 'Nie wieder!', language: 'de_DE' }),
    ]);
    expect(code).toBe(1);
    expect(out[0]).toEqual({ line: 1, id: 'g', error: 'language: "german" is not a language code such as de or pt-BR' });
    expect(out[1]).toEqual({ line: 2, id: 7, error: 'language: "klingon" is not a language code such as de or pt-BR' });
    expect(out[2]).toMatchObject({ id: 'ok', language: 'de', negative: true });
  });

  it('reads a line with its own industry taxonomy, and names a bad industry as the field in error', async () => {
    const text = 'My card was declined twice and the transfer is still pending.';
    const { code, out } = await run([
      JSON.stringify({ id: 'bank', text, rating: 1, industry: 'bank_fintech' }),
      JSON.stringify({ id: 'food', text, rating: 1, industry: 'restaurant' }),
      JSON.stringify({ id: 'bad', text, industry: 'banking' }),
    ]);
    expect(code).toBe(1);
    expect(out[0]!.topics).toEqual(expect.arrayContaining(['cards', 'transfers']));
    expect(out[1]!.topics).not.toContain('cards');
    expect(out[2]).toEqual({ line: 3, id: 'bad', error: expect.stringMatching(/^industry: industry must be one of restaurant, cafe_bakery, .*generic$/) });
  });

  it('gives a verdict, never an error, for text it cannot read: no text with a rating, emoji only, another script, mixed languages', async () => {
    const { code, out } = await run([
      JSON.stringify({ text: '', rating: 1 }),
      JSON.stringify({ text: '😡😡👎', rating: 2 }),
      JSON.stringify({ text: 'อาหารเย็นชืดและพนักงานไม่สุภาพ', rating: 1 }),
      JSON.stringify({ text: 'The service was slow. Das Essen war kalt und der Kellner unfreundlich.' }),
    ]);
    expect(code).toBe(0);
    expect(out.every((v) => typeof v.negative === 'boolean' && typeof v.severity === 'string')).toBe(true);
    expect(out.slice(0, 3).map((v) => v.negative)).toEqual([true, true, true]);
    expect(out[3]!.negative).toBe(true);
  });

  it('echoes an id so results can be joined back to their reviews', async () => {
    const { out } = await run([JSON.stringify({ id: 'r-17', text: 'Awful.' })]);
    expect(out[0]!.id).toBe('r-17');
  });

  it('answers a blank line with an error line so output line N still matches input line N', async () => {
    const { code, out } = await run([JSON.stringify({ text: 'Good.' }), '', JSON.stringify({ text: 'Bad.' })]);
    expect(code).toBe(0);
    expect(out[1]).toEqual({ line: 2, error: 'empty line' });
    expect(out[2]!.negative).toBe(true);
  });

  it('applies classifier options (taxonomy from config)', async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (c: Buffer) => chunks.push(c));
    await runClassifyCli(Readable.from([JSON.stringify({ text: 'No parking anywhere.' }) + '\n']), output, {
      classifier: { taxonomy: [{ id: 'parking', label: 'Parking', keywords: ['parking'] }] },
    });
    expect((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { topics: string[] }).topics).toEqual(['parking']);
  });
});
