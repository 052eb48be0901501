import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import type { ConfigInput } from '../../src/config/schema.js';
import type { AppContext } from '../../src/context.js';
import type { WorkspaceOptions } from '../../src/workspace/plugin.js';
import { testContext } from '../helpers/context.js';
import { makeConfig } from '../helpers/factories.js';

const PASSWORD = 'correct horse battery';

/** A protected page standing in for the workspace's pages: it shows who is signed in. */
const whoami: WorkspaceOptions['pages'] = (app, helpers) => {
  app.get('/whoami', async (req, reply) => reply.type('text/html').send(`<p>${helpers.person(req).name} (${helpers.person(req).role})</p><form><input name="_csrf" value="${helpers.csrfToken(req, reply)}"></form>`));
  app.post('/whoami', async (req) => ({ ok: true, by: helpers.person(req).name }));
};

/** A browser's cookie jar, enough for one site. */
class Jar {
  readonly cookies = new Map<string, string>();
  take(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
  header(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }
}

const tokenIn = (body: string): string => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

describe('workspace sign-in', () => {
  const apps: FastifyInstance[] = [];
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close();
    await close?.();
    close = undefined;
  });

  async function setup(over: Partial<ConfigInput> = {}, env: Record<string, string> = {}): Promise<{ ctx: AppContext; api: FastifyInstance }> {
    const t = await testContext(over, env);
    close = t.close;
    await t.ctx.people.add({ email: 'maya@harbor.example', name: 'Maya Lopez', role: 'owner', password: PASSWORD });
    const api = await buildApi(t.ctx, { workspacePages: whoami });
    apps.push(api);
    return { ctx: t.ctx, api };
  }

  /** Opens the sign-in page and signs in; returns the answer to the form post. */
  async function signIn(api: FastifyInstance, jar: Jar, opts: { email?: string; password?: string; next?: string; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
    const form = await api.inject({ url: `/login${opts.next ? `?next=${encodeURIComponent(opts.next)}` : ''}`, headers: { ...jar.header(), ...opts.headers } });
    jar.take(form);
    const res = await api.inject({
      method: 'POST',
      url: '/login',
      headers: { ...jar.header(), ...opts.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: tokenIn(form.body), email: opts.email ?? 'Maya@harbor.example', password: opts.password ?? PASSWORD, next: opts.next ?? '/' }).toString(),
    });
    jar.take(res);
    return res;
  }

  it('sends a page request from someone not signed in to /login?next=…, whose form has Email, Password and Sign in', async () => {
    const { api } = await setup();
    const res = await api.inject({ url: '/whoami?x=1' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Fwhoami%3Fx%3D1');
    const page = await api.inject({ url: res.headers.location as string });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toMatch(/<label for="email">Email<\/label>/);
    expect(page.body).toMatch(/<label for="password">Password<\/label>/);
    expect(page.body).toMatch(/<button type="submit">Sign in<\/button>/);
    expect(page.body).toContain('value="/whoami?x=1"');
  });

  it('signs in, goes back to the page asked for with an HttpOnly SameSite=Lax cookie, and knows the person', async () => {
    const { api } = await setup();
    const jar = new Jar();
    const res = await signIn(api, jar, { next: '/whoami?x=1' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/whoami?x=1');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/rm_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await api.inject({ url: '/whoami', headers: jar.header() });
    expect(me.body).toContain('Maya Lopez (owner)');
  });

  it('goes only to same-site paths after signing in', async () => {
    const { api } = await setup();
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await signIn(api, new Jar(), { next });
      expect(res.headers.location).toBe('/');
    }
  });

  it('refuses a form post without the CSRF token, signed in or not', async () => {
    const { api } = await setup();
    const anon = await api.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `email=maya%40harbor.example&password=${encodeURIComponent(PASSWORD)}` });
    expect(anon.statusCode).toBe(403);
    expect(anon.body).toContain('This form has expired');
    const jar = new Jar();
    await signIn(api, jar);
    const forged = await api.inject({ method: 'POST', url: '/whoami', headers: { ...jar.header(), 'content-type': 'application/x-www-form-urlencoded' }, payload: 'x=1' });
    expect(forged.statusCode).toBe(403);
    const page = await api.inject({ url: '/whoami', headers: jar.header() });
    const ok = await api.inject({ method: 'POST', url: '/whoami', headers: { ...jar.header(), 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(tokenIn(page.body))}` });
    expect(ok.json()).toEqual({ ok: true, by: 'Maya Lopez' });
  });

  it('says so on a wrong password, then locks the account after 5 failures even for the right password', async () => {
    const { api } = await setup();
    const wrong = await signIn(api, new Jar(), { password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Wrong e-mail address or password.');
    expect(wrong.body).toContain('value="Maya@harbor.example"');
    for (let i = 0; i < 4; i += 1) await signIn(api, new Jar(), { password: 'not the password', headers: { 'x-forwarded-for': `10.0.0.${i}` } });
    const locked = await signIn(api, new Jar());
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toMatch(/Too many failed sign-ins for this account or from this address\. Try again in 15 minutes\./);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
  });

  it('limits failures per address across accounts, shared through Redis by every replica', async () => {
    const { ctx, api } = await setup({ workspace: { signInLimit: { perAddress: 3, perAccount: 100 } } });
    const replica = await buildApi(ctx, { workspacePages: whoami });
    apps.push(replica);
    for (const [i, app] of [api, replica, api].entries()) await signIn(app, new Jar(), { email: `nobody${i}@harbor.example`, password: 'guess number one' });
    const refused = await signIn(replica, new Jar());
    expect(refused.statusCode).toBe(429);
  });

  it('keeps the session across an API restart and on another replica; signing out ends it everywhere', async () => {
    const { ctx, api } = await setup();
    const jar = new Jar();
    await signIn(api, jar);
    await api.close();
    const restarted = await buildApi(ctx, { workspacePages: whoami });
    apps.push(restarted);
    const me = await restarted.inject({ url: '/whoami', headers: jar.header() });
    expect(me.body).toContain('Maya Lopez');
    const stolen = jar.header();
    const out = await restarted.inject({ method: 'POST', url: '/logout', headers: { ...jar.header(), 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(tokenIn(me.body))}` });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/login');
    const after = await restarted.inject({ url: '/whoami', headers: stolen });
    expect(after.statusCode).toBe(303);
  });

  it('ends the session of a removed person and applies a role change at once', async () => {
    const { ctx, api } = await setup();
    const jar = new Jar();
    await signIn(api, jar);
    await ctx.people.setRole('maya@harbor.example', 'viewer');
    expect((await api.inject({ url: '/whoami', headers: jar.header() })).body).toContain('(viewer)');
    await ctx.people.remove('maya@harbor.example');
    expect((await api.inject({ url: '/whoami', headers: jar.header() })).statusCode).toBe(303);
  });

  it('marks the cookie Secure behind an https publicUrl (the proxy says https)', async () => {
    const { api } = await setup({ publicUrl: 'https://reviews.harbor.example' });
    const res = await signIn(api, new Jar(), { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.statusCode).toBe(303);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('signs cookies with the configured secret, refusing a config whose secret variable is unset or short', async () => {
    expect(() => makeConfig({ workspace: { sessionSecretEnv: 'SESSION_SECRET' } })).toThrow(/workspace\.sessionSecretEnv: environment variable SESSION_SECRET is not set/);
    expect(() => makeConfig({ workspace: { sessionSecretEnv: 'SESSION_SECRET' } }, { SESSION_SECRET: 'short' })).toThrow(/at least 32 characters/);
    const { ctx, api } = await setup({ workspace: { sessionSecretEnv: 'SESSION_SECRET' } }, { SESSION_SECRET: 'a-session-secret-of-at-least-32-characters' });
    expect(await ctx.redis.exists(ctx.store.keys.key('workspace', 'session-secret'))).toBe(0);
    expect(await signIn(api, new Jar())).toMatchObject({ statusCode: 303 });
  });

  it('leaves /v1 to API keys: no session cookie, still 401 without a key', async () => {
    const { api } = await setup();
    const res = await api.inject({ url: '/v1/reviews' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
