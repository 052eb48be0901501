import { describe, expect, it } from 'vitest';
import { parseHtmlPage } from '../src/sources/html.js';
import { fixture } from './helpers/fixtures.js';

const selectors = { item: 'article.review-card', author: '.reviewer', rating: '.stars@data-rating', title: '.headline', text: '.review-body', date: 'time@datetime', link: 'a.permalink' };
const pageUrl = 'https://harborbistro.example/guestbook';

describe('HTML adapter', () => {
  it('scrapes reviews by the configured selectors, with attributes, absolute links and link ids', () => {
    const { reviews, rejected } = parseHtmlPage(fixture('html/guestbook.html'), selectors, { pageUrl });
    expect(reviews).toHaveLength(12);
    expect(reviews[0]).toMatchObject({ author: 'jdoe_88', rating: 5, ratingBest: 5, title: 'Best in class', url: 'https://harborbistro.example/guestbook/900', platformId: 'https://harborbistro.example/guestbook/900' });
    expect(reviews[0]?.publishedAt).toBe('2026-11-22T09:30:00-07:00');
    // The promo card has no text: skipped and counted.
    expect(rejected).toEqual({ count: 1, reasons: ['1 item(s) with neither text at selectors.text nor a rating'] });
  });

  it('reads star glyphs and an id attribute', () => {
    const { reviews } = parseHtmlPage(fixture('html/guestbook.html'), { ...selectors, rating: '.stars', id: '@data-review-id', link: undefined }, { pageUrl });
    expect(reviews[1]).toMatchObject({ rating: 5, platformId: 'gb-901', url: undefined });
  });

  it('keeps an item that is only a rating when the page has texts (the text selector works), as the file source does', () => {
    const html = '<div class="r"><b data-r="1"></b><p>Cold soup.</p></div><div class="r"><b data-r="1"></b></div><div class="r"></div><div class="r"><b data-r="0"></b></div>';
    const { reviews, rejected } = parseHtmlPage(html, { item: '.r', text: 'p', rating: 'b@data-r' });
    expect(reviews.map((r) => [r.text, r.rating])).toEqual([['Cold soup.', 1], ['', 1]]);
    // An empty card, and one rated 0 of 5 ("not rated"), are no reviews.
    expect(rejected).toEqual({ count: 2, reasons: ['2 item(s) with neither text at selectors.text nor a rating'] });
    // Ratings alone, no text anywhere: the text selector is what broke, not the reviews.
    expect(() => parseHtmlPage('<div class="r"><b data-r="1"></b></div>', { item: '.r', text: 'p', rating: 'b@data-r' })).toThrow(/none has text/);
  });

  it('does not use a link shared by every item as the review id', () => {
    const html = '<div class="r"><p>Great</p><a href="/all">x</a></div><div class="r"><p>Bad</p><a href="/all">x</a></div>';
    const { reviews } = parseHtmlPage(html, { item: '.r', text: 'p', link: 'a' });
    expect(reviews.map((r) => r.platformId)).toEqual([undefined, undefined]);
  });

  it('fails clearly when the page lacks the expected elements', () => {
    expect(() => parseHtmlPage('<html><body>Please enable cookies</body></html>', selectors)).toThrow(/no element matches selectors.item "article.review-card"/);
    expect(() => parseHtmlPage(fixture('html/guestbook.html'), { ...selectors, text: '.gone' })).toThrow(/none has text at selectors.text ".gone"/);
    expect(() => parseHtmlPage('<p>x</p>', { item: 'p[', text: 'p' })).toThrow(/not a valid CSS selector/);
  });

  it('reads ratings written as percentages and as "x out of y" text', () => {
    const html = '<div class="r"><p>Good</p><b>80%</b></div><div class="r"><p>Meh</p><b>6 out of 10</b></div>';
    const { reviews } = parseHtmlPage(html, { item: '.r', text: 'p', rating: 'b' });
    expect(reviews.map((r) => [r.rating, r.ratingBest])).toEqual([
      [80, 100],
      [6, 10],
    ]);
  });
});
