import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { csvField, REVIEW_CSV_COLUMNS } from '../../src/api/csv.js';
import { makeReview } from '../helpers/factories.js';
import { seedFlagged } from '../helpers/alerts.js';
import { checkedApi } from '../helpers/api.js';
import { testContext } from '../helpers/context.js';

const KEY = 'export-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };

/** RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('CSV export of reviews', () => {
  let app: FastifyInstance | undefined;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await app?.close();
    await close?.();
    app = undefined;
  });

  it('quotes per RFC 4180 and defuses formulas in text cells, but not in numbers', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1 star')).toBe("'-1 star");
    expect(csvField(-1, false)).toBe('-1');
    expect(csvField(undefined)).toBe('');
  });

  it('streams every matching review, across store pages, with the list filters, a BOM on request, and the same answer for Accept: text/csv', async () => {
    const t = await testContext({ api: { keys: [{ name: 'bi', key: KEY, scopes: ['read'] }] } });
    close = t.close;
    const { ctx } = t;
    // More reviews than one store page of the export (500), so paging is exercised.
    const bulk = Array.from({ length: 1_203 }, (_, i) => makeReview('harbor', { platformId: `p${i}`, rating: 5, text: `Lovely evening number ${i}.`, publishedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString() }));
    await ctx.store.upsertReviews(bulk, { backfill: false });
    const tricky = await seedFlagged(ctx, { review: { platformId: 'tricky', author: '=cmd|\' /C calc\'!A0', title: 'Cold, "late" soup', text: 'Line one.\nLine two, with 😡 and é.', rating: 1, publishedAt: '2026-12-01T10:00:00.000Z' } });
    app = await checkedApi(ctx);

    const res = await app.inject({ method: 'GET', url: '/v1/reviews.csv?bom=true', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="reviews-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(res.body.slice(1));
    expect(rows[0]).toEqual([...REVIEW_CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 1_204);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(1_204);
    const row = Object.fromEntries(REVIEW_CSV_COLUMNS.map((c, i) => [c, rows.find((r) => r[0] === tricky)![i]]));
    expect(row).toMatchObject({ author: "'=cmd|' /C calc'!A0", title: 'Cold, "late" soup', text: 'Line one. Line two, with 😡 and é.', rating: '1', negative: 'true', status: 'new' });

    // The list's filters apply; limit and cursor do not cut the export.
    const negatives = parseCsv((await app.inject({ method: 'GET', url: '/v1/reviews.csv?negative=true&limit=1', headers: auth })).body);
    expect(negatives.slice(1).map((r) => r[0])).toEqual([tricky]);
    const bad = await app.inject({ method: 'GET', url: '/v1/reviews.csv?rating=9', headers: auth });
    expect(bad.statusCode).toBe(400);

    const negotiated = await app.inject({ method: 'GET', url: '/v1/reviews?negative=true', headers: { ...auth, accept: 'text/csv' } });
    expect(negotiated.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(parseCsv(negotiated.body)).toEqual(negatives);
    // A JSON client is unaffected.
    const json = await app.inject({ method: 'GET', url: '/v1/reviews?negative=true', headers: auth });
    expect(json.json()).toMatchObject({ items: [{ id: tricky }] });
    expect((await app.inject({ method: 'GET', url: '/v1/reviews.csv' })).statusCode).toBe(401);
  });
});
