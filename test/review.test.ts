import { describe, expect, it } from 'vitest';
import { contentHashOf, normaliseRating, normaliseReview } from '../src/domain/review.js';

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

  it('stores only http(s) review URLs', () => {
    const url = (u: string) => normaliseReview({ platformId: 'x', text: 't', url: u }, 's').url;
    expect(url('javascript:alert(document.cookie)')).toBeUndefined();
    expect(url('JavaScript:alert(1)')).toBeUndefined();
    expect(url('java\tscript:alert(1)')).toBeUndefined();
    expect(url('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==')).toBeUndefined();
    expect(url('vbscript:msgbox(1)')).toBeUndefined();
    expect(url('file:///etc/passwd')).toBeUndefined();
    expect(url('not a url')).toBeUndefined();
    expect(url('https://reviews.example.com/r/1?a=1&b=2')).toBe('https://reviews.example.com/r/1?a=1&b=2');
    expect(url('http://reviews.example.com/r/2')).toBe('http://reviews.example.com/r/2');
  });

  it('strips control characters and terminal escape sequences from author, title and text', () => {
    const hostile = normaliseReview(
      {
        platformId: 'x',
        author: 'Eve\u001b]0;pwned\u0007\u001b[2J\u0000',
        title: '\u001b[31mCold\u001b[0m food\u009b1;31m',
        text: 'Waited\u001b]8;;https://evil.example\u001b\\ an hour\u001b]8;;\u001b\\ for\u0008\u0008\u0008 soup\u001bc\u0085and \u001bP1$qm\u001b\\left.\u007f',
      },
      's',
    );
    expect(hostile.author).toBe('Eve');
    expect(hostile.title).toBe('Cold food');
    expect(hostile.text).toBe('Waited an hour for soup and left.');
    for (const v of [hostile.author, hostile.title, hostile.text]) expect(v).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('keeps the id and content hash of a clean review unchanged, so an upgrade alerts nothing again', () => {
    const raw = { author: 'Zoë  Martín', title: 'Kalt —\tzu spät', text: 'Der Kaffee war kalt.\n\nUnd 50 € für 2 Personen?! 😞 — nie wieder.  ', rating: 2 };
    const r = normaliseReview(raw, 's');
    // The hashes a stored review got before hostile content was stripped (raw text collapsed, no more).
    expect(r.contentHash).toBe(contentHashOf({ rating: 2, title: 'Kalt — zu spät', text: 'Der Kaffee war kalt. Und 50 € für 2 Personen?! 😞 — nie wieder.' }));
    expect(r.contentHash).toBe('edef40d08363f75638529d15be47ad86');
    expect(r.id).toBe('s-b4c3fdae38f0e978');
  });
});
