import { describe, expect, it } from 'vitest';
import { appstorePageUrl, parseAppstorePage } from '../src/sources/appstore.js';
import { ParseError } from '../src/sources/errors.js';
import { fixture } from './helpers/fixtures.js';

describe('App Store adapter', () => {
  it('reads a page of the customer-reviews feed with ratings, versions and dates', () => {
    const page = parseAppstorePage(fixture('appstore/page1.json'), 1);
    expect(page.reviews).toHaveLength(50);
    expect(page.reviews[0]).toMatchObject({ platformId: '11900000000', author: expect.any(String), ratingBest: 5, appVersion: expect.stringMatching(/^4\.\d\.\d$/) });
    expect(page.reviews[0]?.text.length).toBeGreaterThan(20);
    expect(new Date(page.reviews[0]!.publishedAt!).toISOString()).toBe('2026-11-22T16:30:00.000Z');
    expect(page.reviews.every((r) => r.rating! >= 1 && r.rating! <= 5)).toBe(true);
    expect(page.next).toBe('2');
  });

  it('reads a page whose feed.entry is a single object', () => {
    expect(parseAppstorePage(fixture('appstore/single-entry.json')).reviews).toHaveLength(1);
  });

  it('skips the app-info entry older responses put first', () => {
    const { reviews } = parseAppstorePage(fixture('appstore/app-info-first.json'));
    expect(reviews).toHaveLength(5);
    expect(reviews.map((r) => r.title)).not.toContain('Tidy - Lists & Notes - Tidy Labs');
  });

  it('treats an empty page as the end, not an error, and stops at page 10', () => {
    expect(parseAppstorePage(fixture('appstore/empty.json'), 4)).toEqual({ reviews: [] });
    expect(parseAppstorePage(fixture('appstore/page1.json'), 10).next).toBeUndefined();
  });

  it('rejects JSON of the wrong shape with a ParseError naming what is missing', () => {
    expect(() => parseAppstorePage('{"results":[]}')).toThrow(/no "feed" object/);
    expect(() => parseAppstorePage('{"feed":{"entry":[{"foo":1},{"bar":2}]}}')).toThrow(/none with id, im:rating and content/);
    expect(() => parseAppstorePage(fixture('appstore/page1.json').slice(0, 5000))).toThrow(ParseError);
  });

  it('builds Apple URLs, or the same path on an overriding host', () => {
    expect(appstorePageUrl({ appId: '123', country: 'gb' }, 3)).toBe('https://itunes.apple.com/gb/rss/customerreviews/page=3/id=123/sortby=mostrecent/json');
    expect(appstorePageUrl({ appId: '123', country: 'us', url: 'http://127.0.0.1:9/apple/' }, 1)).toBe('http://127.0.0.1:9/apple/us/rss/customerreviews/page=1/id=123/sortby=mostrecent/json');
  });
});
