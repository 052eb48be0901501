import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';

describe('rating and text together', () => {
  it('flags 1-2 stars whatever the text says, and says why', () => {
    for (const rating of [1, 2]) {
      const v = classify({ text: 'Lovely place, great staff!', rating });
      expect(v.negative).toBe(true);
      expect(v.reasons[0]).toContain(`rating ${rating}/5`);
    }
  });

  it('lets the text decide at 3 stars', () => {
    expect(classify({ text: 'Cold food and a rude waiter.', rating: 3 }).negative).toBe(true);
    expect(classify({ text: 'Lovely staff and a great view.', rating: 3 }).negative).toBe(false);
  });

  it('flags 4-5 stars only when the text is clearly a complaint', () => {
    expect(classify({ text: 'A bit slow at lunch, otherwise great.', rating: 4 }).negative).toBe(false);
    expect(classify({ text: 'Good', rating: 5 }).negative).toBe(false);
    const v = classify({ text: 'Terrible. The app crashes constantly, support never answered and I want a refund.', rating: 5 });
    expect(v.negative).toBe(true);
    expect(v.reasons[0]).toContain('clearly a complaint');
  });

  it('uses the text alone without a rating', () => {
    expect(classify({ text: 'Horrible service, never again.' }).negative).toBe(true);
    expect(classify({ text: 'Wonderful service, see you soon.' }).negative).toBe(false);
  });

  it('makes a 1-star review more severe than a 2-star one with the same text', () => {
    const order = ['low', 'medium', 'high', 'critical'];
    const one = classify({ text: 'It was okay.', rating: 1 });
    const two = classify({ text: 'It was okay.', rating: 2 });
    expect(order.indexOf(one.severity)).toBeGreaterThan(order.indexOf(two.severity));
  });

  it('blends the rating into the score', () => {
    const text = 'The room was fine.';
    expect(classify({ text, rating: 5 }).score).toBeGreaterThan(classify({ text, rating: 3 }).score);
  });
});
