import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pollSource } from '../workers/poll-worker.js';
import { testContext } from './helpers/context.js';
import { startTestServer, type TestServer } from './helpers/http.js';

const page = readFileSync(new URL('./fixtures/google-business/reviews-page2.json', import.meta.url), 'utf8');

describe('a source whose credentials stop working', () => {
  const servers: TestServer[] = [];
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    await Promise.all(servers.map((s) => s.close()));
    servers.length = 0;
    vi.unstubAllEnvs();
  });

  it('is unhealthy with a plain message, other sources go on, and the owner is told once per breakage', async () => {
    vi.stubEnv('GOOGLE_CLIENT_SECRET', 'client-secret-value');
    vi.stubEnv('GOOGLE_REFRESH_TOKEN', 'refresh-token-value');
    let revoked = true;
    const google = await startTestServer((req, res) => {
      if (req.url === '/token') {
        if (revoked) return void res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }));
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'ya29.t', expires_in: 3599 }));
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(page);
    });
    const hook = await startTestServer((_req, res) => void res.writeHead(204).end());
    const feed = await startTestServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>x</title><item><guid>a1</guid><title>Fine</title><description>Lovely evening.</description></item></channel></rss>'));
    servers.push(google, hook, feed);
    const t = await testContext({
      credentials: { g: { type: 'google-oauth', clientId: 'c.apps.googleusercontent.com', clientSecretEnv: 'GOOGLE_CLIENT_SECRET', refreshTokenEnv: 'GOOGLE_REFRESH_TOKEN', tokenUrl: `${google.url}/token` } },
      sources: [
        { id: 'harbor-google', type: 'google-business', accountId: '1', locationId: '2', credentials: 'g', url: google.url, allowPrivateNetwork: true, schedule: '*/10 * * * *' },
        { id: 'harbor-rss', type: 'rss', url: `${feed.url}/feed.rss`, allowPrivateNetwork: true, schedule: '*/10 * * * *' },
      ],
      // A channel for high severity and up still hears of it: a silent source matters more than one review.
      alerts: [{ type: 'webhook', url: `${hook.url}/hook`, minSeverity: 'high' }],
    }, { GOOGLE_CLIENT_SECRET: 'client-secret-value', GOOGLE_REFRESH_TOKEN: 'refresh-token-value' });
    close = t.close;
    const { ctx } = t;
    const notices = () => hook.received.map((r) => JSON.parse(r.body) as { type: string; sourceId: string; message: string; credentials: string });

    await expect(pollSource(ctx, { sourceId: 'harbor-google', reason: 'manual' } as never)).rejects.toThrow(/expired or revoked/);
    const state = await ctx.store.sources.getSourceState('harbor-google');
    expect(state.lastError).toBe('credentials "g": Google refused the refresh token (expired or revoked): authorise the account again and set a new refresh token');
    expect(notices()).toEqual([expect.objectContaining({ type: 'source_needs_credentials', sourceId: 'harbor-google', credentials: 'g', message: state.lastError })]);
    expect(hook.received[0]!.body).not.toMatch(/refresh-token-value|client-secret-value/);
    // The other source is polled as usual.
    await expect(pollSource(ctx, { sourceId: 'harbor-rss', reason: 'manual' } as never)).resolves.toMatchObject({ created: 1 });

    // Failing again: still unhealthy, no second notice.
    await expect(pollSource(ctx, { sourceId: 'harbor-google', reason: 'manual' } as never)).rejects.toThrow();
    expect(notices()).toHaveLength(1);

    // New credentials: a good poll, then a later breakage is told again.
    revoked = false;
    await pollSource(ctx, { sourceId: 'harbor-google', reason: 'manual' } as never);
    ctx.credentials.get('g').invalidate();
    revoked = true;
    await expect(pollSource(ctx, { sourceId: 'harbor-google', reason: 'manual' } as never)).rejects.toThrow();
    expect(notices()).toHaveLength(2);
  });
});
