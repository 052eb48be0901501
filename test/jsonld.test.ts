import { describe, expect, it } from 'vitest';
import { normaliseReview } from '../src/domain/review.js';
import { ParseError } from '../src/sources/errors.js';
import { parseJsonLdPage } from '../src/sources/jsonld.js';
import { fixture } from './helpers/fixtures.js';

const PAGE = 'https://www.trustpilot.com/review/harborbistro.example';

describe('JSON-LD adapter', () => {
  it("prefers Trustpilot's __NEXT_DATA__ reviews, which carry the platform's review ids", () => {
    const { reviews } = parseJsonLdPage(fixture('jsonld/trustpilot-business.html'), PAGE);
    expect(reviews).toHaveLength(20);
    expect(reviews[0]).toMatchObject({ platformId: '674000a1b2c3d4e5f6a7b8c900', author: 'jdoe_88', rating: 5, language: 'en', url: 'https://www.trustpilot.com/reviews/674000a1b2c3d4e5f6a7b8c900' });
    expect(reviews[0]?.publishedAt).toBe('2026-11-22T09:30:00.000Z');
  });

  it('reads Review nodes from a JSON-LD @graph when there is no __NEXT_DATA__', () => {
    const { reviews } = parseJsonLdPage(fixture('jsonld/trustpilot-jsonld-only.html'), PAGE);
    expect(reviews).toHaveLength(20);
    expect(reviews[0]).toMatchObject({ platformId: expect.stringContaining('/schema/Review/harborbistro.example/'), author: 'jdoe_88', rating: 5, ratingBest: 5, title: 'Best in class' });
  });

  it('reads a business with a review array on a 10-point scale, skipping a broken JSON-LD block', () => {
    const { reviews, warnings } = parseJsonLdPage(fixture('jsonld/restaurant-10-point.html'));
    expect(reviews.map((r) => r.author)).toEqual(['Helen W.', 'Gareth P.', 'Ines M.']);
    expect(warnings).toEqual([expect.stringMatching(/^1 of 2 JSON-LD block\(s\) is not valid JSON \(/)]);
    const normalised = reviews.map((r) => normaliseReview(r, 'site'));
    expect(normalised.map((r) => r.rating)).toEqual([3.5, 2, 5]);
    expect(normalised[1]?.ratingOriginal).toEqual({ value: 2, best: 10 });
    // No ids on the page: the content-hash id keeps re-polls stable.
    expect(normalised[0]?.platformId).toMatch(/^h-/);
  });

  it('reads microdata reviews', () => {
    const { reviews } = parseJsonLdPage(fixture('jsonld/microdata.html'));
    expect(reviews).toEqual([
      expect.objectContaining({ author: 'Olu A.', rating: 2, ratingBest: 5, title: 'Booking lost', text: 'They lost our booking and sat us by the kitchen door.', publishedAt: '2026-11-19' }),
      expect.objectContaining({ author: 'Jo B.', rating: 5, text: 'Wonderful anniversary dinner, thank you!', publishedAt: '2026-11-12' }),
    ]);
  });

  it('accepts a business page without reviews yet, but not a page without review data', () => {
    const noReviews = '<script type="application/ld+json">{"@type":"LocalBusiness","name":"X","aggregateRating":{"ratingValue":"0","reviewCount":"0"}}</script>';
    expect(parseJsonLdPage(noReviews).reviews).toEqual([]);
    expect(() => parseJsonLdPage('<html><body><h1>Access denied</h1></body></html>')).toThrow(/no schema.org review data/);
    expect(() => parseJsonLdPage('<script type="application/ld+json">{"@type":"BreadcrumbList"}</script>')).toThrow(ParseError);
  });
});
