import type { LookupFunction } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webhookChannel } from '../src/alerts/channels/webhook.js';
import { createPublisher } from '../src/publishers/index.js';
import { fetchSource } from '../src/sources/fetch.js';
import { classifyAddress } from '../src/sources/network-guard.js';
import { makeConfig, makeReview } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/http.js';

const opts = { timeoutMs: 2_000, maxBodyBytes: 10_000, userAgent: 'review-monitor-test' };

/** A resolver answering from a table, as DNS would (no real DNS in tests). */
function fakeDns(table: Record<string, string[]>): LookupFunction {
  return (hostname, options, callback) => {
    const addresses = table[hostname];
    if (!addresses) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', undefined);
    const all = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    if (options.all) return (callback as unknown as (e: null, a: typeof all) => void)(null, all);
    return callback(null, all[0]!.address, all[0]!.family);
  };
}

describe('address classification', () => {
  it.each([
    ['93.184.216.34', 'public'],
    ['2606:2800:220:1:248:1893:25c8:1946', 'public'],
    ['::ffff:93.184.216.34', 'public'],
    ['127.0.0.1', 'private'],
    ['127.9.9.9', 'private'],
    ['::1', 'private'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['0.0.0.0', 'private'],
    ['::', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['::ffff:127.0.0.1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['169.254.1.1', 'metadata'],
    ['fe80::1', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['64:ff9b::169.254.169.254', 'metadata'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address).kind).toBe(kind);
  });
});

describe('source fetches refuse private and metadata addresses', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer((_req, res) => void res.writeHead(200).end('<rss/>'));
  });
  afterEach(() => server.close());

  it('refuses loopback unless the source allows private networks', async () => {
    await expect(fetchSource({ url: `${server.url}/feed` }, opts)).rejects.toThrow(/refused to connect to 127\.0\.0\.1 \(loopback address; set allowPrivateNetwork: true/);
    expect(server.received).toHaveLength(0);
    expect(await fetchSource({ url: `${server.url}/feed` }, { ...opts, allowPrivateNetwork: true })).toMatchObject({ body: '<rss/>' });
  });

  it('refuses a host name that resolves to a private address, or to any private address among several', async () => {
    const network = { lookup: fakeDns({ 'reviews.example': ['10.20.30.40'], 'mixed.example': ['93.184.216.34', '192.168.0.10'] }) };
    await expect(fetchSource({ url: 'http://reviews.example/feed' }, { ...opts, network })).rejects.toThrow(/refused to connect to 10\.20\.30\.40 \(private address/);
    await expect(fetchSource({ url: 'http://mixed.example/feed' }, { ...opts, network })).rejects.toThrow(/refused to connect to 192\.168\.0\.10 \(private address/);
  });

  it('refuses a redirect from a public host to loopback or to a name that resolves to a private address', async () => {
    // The test server stands in for a public host: the injected classification calls 127.0.0.1 public.
    const network = {
      lookup: fakeDns({ 'feeds.example': ['127.0.0.1'], 'intranet.example': ['10.0.0.7'] }),
      classify: (a: string) => (a === '127.0.0.1' ? { kind: 'public' as const, label: 'public' } : classifyAddress(a)),
    };
    const port = new URL(server.url).port;
    server.handle((req, res) => {
      if (req.url === '/to-loopback') return void res.writeHead(302, { location: `http://[::1]:${port}/admin` }).end();
      if (req.url === '/to-intranet') return void res.writeHead(301, { location: 'http://intranet.example/secrets' }).end();
      res.writeHead(200).end('<rss/>');
    });
    expect(await fetchSource({ url: `http://feeds.example:${port}/feed` }, { ...opts, network })).toMatchObject({ body: '<rss/>' });
    await expect(fetchSource({ url: `http://feeds.example:${port}/to-loopback` }, { ...opts, network })).rejects.toThrow(
      `refused to connect to ::1 (loopback address; set allowPrivateNetwork: true on the source to allow private addresses), redirected from http://feeds.example:${port}/to-loopback`,
    );
    await expect(fetchSource({ url: `http://feeds.example:${port}/to-intranet` }, { ...opts, network })).rejects.toThrow(/refused to connect to 10\.0\.0\.7 \(private address/);
    expect(server.received.map((r) => r.url)).toEqual(['/feed', '/to-loopback', '/to-intranet']);
  });

  it('refuses link-local and cloud metadata addresses even when private networks are allowed', async () => {
    const network = { lookup: fakeDns({ 'metadata.google.internal': ['169.254.169.254'], 'v6meta.example': ['fd00:ec2::254'] }) };
    const allowed = { ...opts, allowPrivateNetwork: true, network };
    server.handle((req, res) => {
      const to: Record<string, string> = {
        '/ip': 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
        '/mapped': 'http://[::ffff:169.254.169.254]/latest/meta-data/',
        '/name': 'http://metadata.google.internal/computeMetadata/v1/',
        '/v6': 'http://v6meta.example/latest/meta-data/',
      };
      const location = to[req.url];
      if (location) return void res.writeHead(302, { location }).end();
      res.writeHead(200).end('ok');
    });
    await expect(fetchSource({ url: `${server.url}/ip` }, allowed)).rejects.toThrow(/^refused to connect to 169\.254\.169\.254 \(link-local\/metadata address\), redirected from/);
    await expect(fetchSource({ url: `${server.url}/mapped` }, allowed)).rejects.toThrow(/refused to connect to ::ffff:a9fe:a9fe \(link-local\/metadata address\)/);
    await expect(fetchSource({ url: `${server.url}/name` }, allowed)).rejects.toThrow(/refused to connect to 169\.254\.169\.254 \(link-local\/metadata address\)/);
    await expect(fetchSource({ url: `${server.url}/v6` }, allowed)).rejects.toThrow(/refused to connect to fd00:ec2::254 \(link-local\/metadata address\)/);
    await expect(fetchSource({ url: 'http://169.254.169.254/latest/meta-data/' }, allowed)).rejects.toThrow('refused to connect to 169.254.169.254 (link-local/metadata address)');
  });

  it('follows redirects only to http and https', async () => {
    server.handle((_req, res) => void res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    await expect(fetchSource({ url: `${server.url}/feed` }, { ...opts, allowPrivateNetwork: true })).rejects.toThrow(/refused redirect to file: URL from .* \(only http and https are followed\)/);
  });
});

describe('alert channels and publishers post only to the configured URL', () => {
  // Their URLs are the operator's own (an internal host is normal), so no address is refused there; but
  // a redirect is not followed, so a signed alert or a reply never lands somewhere else.
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer((req, res) => {
      if (req.url === '/hook') return void res.writeHead(307, { location: '/elsewhere' }).end();
      res.writeHead(200).end('ok');
    });
  });
  afterEach(() => server.close());

  it('an alert webhook answering with a redirect fails without following it', async () => {
    const cfg = makeConfig({ alerts: [{ type: 'webhook', id: 'ops', url: `${server.url}/hook` }] }).alerts[0]!;
    if (cfg.type !== 'webhook') throw new Error('expected a webhook channel');
    const channel = webhookChannel(cfg, { userAgent: 'review-monitor-test' });
    const review = makeReview('harbor');
    await expect(channel.deliver({ idempotencyKey: 'k1', review } as never)).rejects.toThrow('webhook ops: HTTP 307 redirect not followed (configure the URL it points to)');
    expect(server.received.map((r) => r.url)).toEqual(['/hook']);
  });

  it('a webhook publisher answering with a redirect fails for good without following it', async () => {
    const p = createPublisher({ type: 'webhook', url: `${server.url}/hook`, timeoutMs: 2_000 }, {});
    await expect(p.publish({ review: makeReview('harbor'), text: 'Thank you', kind: 'reply' })).rejects.toMatchObject({ status: 307, permanent: true });
    expect(server.received.map((r) => r.url)).toEqual(['/hook']);
  });
});
