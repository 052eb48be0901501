import { describe, expect, it } from 'vitest';
import { normaliseRating, normaliseReview } from '../src/domain/review.js';

describe('normaliseReview', () => {
  it('gives the same platform review the same id on every poll, safe for job ids', () => {
    const a = normaliseReview({ platformId: 'https://x.example/r?id=1:2', text: 'Cold soup' }, 'harbor');
    const b = normaliseReview({ platformId: 'https://x.example/r?id=1:2', text: 'Cold soup, edited' }, 'harbor');
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(/^harbor-[0-9a-f]{16}$/);
    expect(a.contentHash).not.toBe(b.contentHash);
  });

  it('derives an id from the content when the platform has none', () => {
    const a = normaliseReview({ author: 'Ana', text: 'Great  food\n' }, 's');
    const b = normaliseReview({ author: 'Ana', text: 'Great food' }, 's');
    const c = normaliseReview({ author: 'Ben', text: 'Great food' }, 's');
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
  });

  it('maps 10-point and percent ratings onto 1–5 and keeps the original', () => {
    expect(normaliseRating(2, 10)).toBe(2);
    expect(normaliseRating(5, 10)).toBe(3);
    expect(normaliseRating(30, 100)).toBe(2);
    expect(normaliseRating(100, 100)).toBe(5);
    expect(normaliseRating(0, 100)).toBe(1);
    expect(normaliseRating(7, 5)).toBeUndefined();
    const r = normaliseReview({ platformId: 'x', text: 't', rating: 8, ratingBest: 10 }, 's');
    expect(r.rating).toBe(4);
    expect(r.ratingOriginal).toEqual({ value: 8, best: 10 });
  });

  it('drops an unparseable date rather than storing garbage', () => {
    expect(normaliseReview({ platformId: 'x', text: 't', publishedAt: 'yesterday-ish' }, 's').publishedAt).toBeUndefined();
    expect(normaliseReview({ platformId: 'x', text: 't', publishedAt: 'Sat, 21 Nov 2026 20:14:00 GMT' }, 's').publishedAt).toBe('2026-11-21T20:14:00.000Z');
  });
});
