import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchSource, FetchError, parseRetryAfter } from '../src/sources/fetch.js';
import { startTestServer, type TestServer } from './helpers/http.js';

// The test server is on 127.0.0.1: a private address, which a source must allow explicitly.
const opts = { timeoutMs: 1_000, maxBodyBytes: 10_000, userAgent: 'review-monitor-test', allowPrivateNetwork: true };

describe('fetchSource', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  it('sends a User-Agent and validators, and reports 304 as not modified', async () => {
    server.handle((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Sat, 21 Nov 2026 20:14:00 GMT' }).end('<rss/>');
    });
    const first = await fetchSource({ url: `${server.url}/feed` }, opts);
    expect(first).toMatchObject({ notModified: false, body: '<rss/>', etag: '"v1"', lastModified: 'Sat, 21 Nov 2026 20:14:00 GMT' });
    const second = await fetchSource({ url: `${server.url}/feed`, etag: '"v1"' }, opts);
    expect(second.notModified).toBe(true);
    expect(server.received[0]?.headers['user-agent']).toBe('review-monitor-test');
  });

  it('decompresses gzip bodies', async () => {
    server.handle((_req, res) => void res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('<rss>zipped</rss>')));
    expect(await fetchSource({ url: server.url }, opts)).toMatchObject({ body: '<rss>zipped</rss>' });
  });

  it('fails with the status and Retry-After on HTTP errors', async () => {
    server.handle((_req, res) => void res.writeHead(429, { 'retry-after': '120' }).end('slow down'));
    const err = await fetchSource({ url: server.url }, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toMatchObject({ status: 429, retryAfterMs: 120_000 });
    expect((err as Error).message).toMatch(/HTTP 429/);
  });

  it('times out a source that does not answer', async () => {
    server.handle(() => undefined);
    await expect(fetchSource({ url: server.url }, { ...opts, timeoutMs: 200 })).rejects.toThrow(/timed out after 200 ms/);
  });

  it('refuses bodies over the size limit, declared or streamed', async () => {
    server.handle((_req, res) => void res.writeHead(200, { 'content-length': '20000' }).end('x'.repeat(20_000)));
    await expect(fetchSource({ url: server.url }, opts)).rejects.toThrow(/over the 10000-byte limit/);
    server.handle((_req, res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      res.end('y'.repeat(20_000));
    });
    await expect(fetchSource({ url: server.url }, opts)).rejects.toThrow(/more than the 10000-byte limit/);
  });

  it('follows a few redirects but not a loop', async () => {
    server.handle((req, res) => {
      if (req.url === '/old') return void res.writeHead(301, { location: '/new' }).end();
      if (req.url === '/new') return void res.writeHead(200).end('moved');
      res.writeHead(302, { location: req.url }).end();
    });
    expect(await fetchSource({ url: `${server.url}/old` }, opts)).toMatchObject({ body: 'moved' });
    await expect(fetchSource({ url: `${server.url}/loop` }, opts)).rejects.toThrow(/more than 5 redirects/);
  });

  it('reads file:// sources and names a missing file', async () => {
    const res = await fetchSource({ url: new URL('../config/demo/harbor-bistro.rss', import.meta.url).href }, { ...opts, maxBodyBytes: 1e6 });
    expect(res.notModified).toBe(false);
    await expect(fetchSource({ url: 'file:///nonexistent/feed.rss' }, opts)).rejects.toThrow(/cannot read \/nonexistent\/feed.rss: ENOENT/);
  });

  it('parses Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('30')).toBe(30_000);
    expect(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(55_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
