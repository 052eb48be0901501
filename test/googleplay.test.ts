import { describe, expect, it } from 'vitest';
import { ParseError } from '../src/sources/errors.js';
import { parsePlayPage, playRequest } from '../src/sources/googleplay.js';
import { fixture } from './helpers/fixtures.js';

const source = { appId: 'com.tidylabs.tidy', lang: 'de', country: 'at' };

describe('Google Play adapter', () => {
  it('reads a batchexecute page: ids, authors, stars, text, dates, versions and the next token', () => {
    const page = parsePlayPage(fixture('googleplay/page1.txt'), source.appId);
    expect(page.reviews).toHaveLength(60);
    expect(page.reviews[0]).toMatchObject({
      platformId: expect.stringMatching(/^gp:/),
      author: 'jdoe_88',
      rating: 5,
      appVersion: '4.2.1',
      url: expect.stringContaining('id=com.tidylabs.tidy&reviewId=gp%3A'),
    });
    expect(page.reviews[0]?.publishedAt).toBe('2026-11-22T16:30:00.000Z');
    expect(page.next).toMatch(/^CsYB/);
  });

  it('ends paging on a null payload', () => {
    expect(parsePlayPage(fixture('googleplay/last.txt'))).toEqual({ reviews: [] });
  });

  it('reads the chunked (length-prefixed) form too', () => {
    const plain = fixture('googleplay/page2.txt');
    const json = plain.slice(plain.indexOf('['));
    const chunked = `)]}'\n\n${json.length}\n${json}\n25\n[["e",4,null,null,1234]]\n`;
    expect(parsePlayPage(chunked).reviews).toHaveLength(40);
  });

  it('says a captcha page is a block page, and rejects truncated answers', () => {
    expect(() => parsePlayPage(fixture('googleplay/blocked.html'))).toThrow(/captcha/);
    expect(() => parsePlayPage(fixture('googleplay/page1.txt').slice(0, 3000))).toThrow(ParseError);
    expect(() => parsePlayPage(`)]}'\n[["wrb.fr","UsvDTd","{\\"a\\":1}"]]`)).toThrow(/not an array/);
  });

  it('posts the UsvDTd request with language, country and the continuation token, to an overriding host', () => {
    const first = playRequest({ ...source, url: 'http://127.0.0.1:9' }, undefined);
    expect(first.url).toBe('http://127.0.0.1:9/_/PlayStoreUi/data/batchexecute?rpcids=UsvDTd&hl=de&gl=at');
    expect(first.method).toBe('POST');
    const freq = JSON.parse(new URLSearchParams(first.body!).get('f.req')!) as [[[string, string]]];
    expect(freq[0][0][0]).toBe('UsvDTd');
    expect(JSON.parse(freq[0][0][1])).toEqual([null, null, [2, 2, [150, null, null], null, []], ['com.tidylabs.tidy', 7]]);
    const next = playRequest(source, 'TOKEN"1');
    expect(next.url.startsWith('https://play.google.com/_/PlayStoreUi/data/batchexecute?')).toBe(true);
    const inner = JSON.parse((JSON.parse(new URLSearchParams(next.body!).get('f.req')!) as [[[string, string]]])[0][0][1]) as unknown[][];
    expect(inner[2]![2]).toEqual([150, null, 'TOKEN"1']);
  });
});
