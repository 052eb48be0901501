import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import type { Review } from '../../src/domain/review.js';
import type { Verdict } from '../../src/domain/verdict.js';
import { PeopleStore } from '../../src/store/people-store.js';
import { loadAssets } from '../../src/workspace/assets.js';
import type { PagePerson } from '../../src/workspace/pages/layout.js';
import { pageRoutes } from '../../src/workspace/pages/routes.js';
import { makeReview } from '../helpers/factories.js';
import { testContext } from '../helpers/context.js';

const verdict: Verdict = { negative: true, score: -0.9, severity: 'high', topics: ['waiting_time'], reasons: [], language: 'en' };
const business = (id: string) => ({ id, name: `Bakery ${id}`, contact: { email: `care@${id}.example` }, signature: id, sources: [{ id: 'google', type: 'rss' as const, url: `https://${id}.example/r.rss`, schedule: '0 * * * *' }] });

describe('workspace of a person limited to one business', () => {
  let ctx: AppContext;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  const reviews: Record<string, Review> = {};
  // The owner of the Berlin bakery sees Berlin only; the agency's owner sees both.
  const people: Record<string, PagePerson> = {
    berlin: { email: 'anna@berlin.example', name: 'Anna', role: 'owner', businesses: ['berlin'] },
    agency: { email: 'max@agency.example', name: 'Max', role: 'owner' },
  };

  beforeAll(async () => {
    ({ ctx, close } = await testContext({ business: undefined, businesses: [business('berlin'), business('lyon')] }));
    for (const [b, title] of [['berlin', 'Cold rolls in Berlin'], ['lyon', 'Stale croissants in Lyon']] as const) {
      const review = makeReview(`${b}.google`, { rating: 1, title, text: `${title}, and nobody said sorry.` });
      await ctx.store.upsertReviews([review], { backfill: false });
      await ctx.store.saveAnalyses([{ id: review.id, sourceId: review.sourceId, hash: review.contentHash, verdict, flag: true }]);
      reviews[b] = review;
    }
    app = Fastify();
    await app.register(formbody);
    pageRoutes(app, { ctx, assets: loadAssets(), person: (req) => people[String(req.headers['x-as'])]!, csrfToken: () => 'token' });
    // The page routes read `req.person` for the check done before a handler: the workspace plugin sets it.
    app.addHook('onRequest', async (req) => {
      req.person = people[String(req.headers['x-as'])];
    });
  });
  afterAll(async () => {
    await app.close();
    await close();
  });

  it('lists only the person’s businesses in the inbox, the sources and the counts', async () => {
    const inbox = (await app.inject({ url: '/', headers: { 'x-as': 'berlin' } })).body;
    expect(inbox).toContain('Cold rolls in Berlin');
    expect(inbox).not.toContain('Lyon');
    expect(inbox).toContain('new<span class="n">1</span>');
    const everyone = (await app.inject({ url: '/', headers: { 'x-as': 'agency' } })).body;
    expect(everyone).toContain('Stale croissants in Lyon');
    expect(everyone).toContain('new<span class="n">2</span>');
    const sources = (await app.inject({ url: '/sources', headers: { 'x-as': 'berlin' } })).body;
    expect(sources).toContain('berlin.google');
    expect(sources).not.toContain('lyon.google');
    expect((await app.inject({ url: '/?source=lyon.google', headers: { 'x-as': 'berlin' } })).statusCode).toBe(404);
  });

  it('lets a person who sees several businesses narrow the inbox to one, and names each row’s business', async () => {
    const all = (await app.inject({ url: '/', headers: { 'x-as': 'agency' } })).body;
    expect(all).toContain('<option value="lyon">Bakery lyon</option>');
    expect(all).toContain('<span class="business">Bakery berlin</span>');
    const lyon = (await app.inject({ url: '/?business=lyon', headers: { 'x-as': 'agency' } })).body;
    expect(lyon).toContain('Stale croissants in Lyon');
    expect(lyon).not.toContain('Cold rolls in Berlin');
    expect(lyon).toContain('new<span class="n">1</span>');
    // One business to see: nothing to pick, and another's is not there.
    expect((await app.inject({ url: '/', headers: { 'x-as': 'berlin' } })).body).not.toContain('id="f-business"');
    expect((await app.inject({ url: '/?business=lyon', headers: { 'x-as': 'berlin' } })).statusCode).toBe(404);
  });

  it('answers another business’s review page and its form posts as a review that does not exist', async () => {
    const other = reviews.lyon!.id;
    const page = await app.inject({ url: `/reviews/${other}`, headers: { 'x-as': 'berlin' } });
    // The page of a review of Berlin's that does not exist, to the same person, says exactly the same.
    const missing = await app.inject({ url: `/reviews/berlin.google-0000000000000000`, headers: { 'x-as': 'berlin' } });
    expect(page.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(page.body.replace(other, 'ID')).toBe(missing.body.replace('berlin.google-0000000000000000', 'ID'));
    const post = await app.inject({ method: 'POST', url: `/reviews/${other}/acknowledge`, headers: { 'x-as': 'berlin', 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(post.statusCode).toBe(404);
    expect((await ctx.store.get(other))?.status).toBe('new');
    expect((await app.inject({ url: `/reviews/${reviews.berlin!.id}`, headers: { 'x-as': 'berlin' } })).statusCode).toBe(200);
  });

  it('shows insights and the weekly report of the business picked, to a person who may see it', async () => {
    const kpi = (page: string): string | undefined => /<div class="v">([\d,]+)<\/div><div class="k">reviews<\/div>/.exec(page)?.[1];
    const everyone = (await app.inject({ url: '/insights', headers: { 'x-as': 'agency' } })).body;
    expect(everyone).toContain('<select id="p-business" name="business">');
    expect(kpi(everyone)).toBe('2');
    const lyon = (await app.inject({ url: '/insights?weeks=12&business=lyon', headers: { 'x-as': 'agency' } })).body;
    expect(kpi(lyon)).toBe('1');
    expect(lyon).toContain('<option value="lyon" selected>Bakery lyon</option>');
    const report = (await app.inject({ url: '/reports/weekly?business=lyon', headers: { 'x-as': 'agency' } }));
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('<option value="lyon" selected>');
    // One business to see: no picker, and another's is not there.
    expect((await app.inject({ url: '/insights', headers: { 'x-as': 'berlin' } })).body).not.toContain('p-business');
    expect((await app.inject({ url: '/insights?business=lyon', headers: { 'x-as': 'berlin' } })).statusCode).toBe(404);
    expect((await app.inject({ url: '/reports/weekly?business=lyon', headers: { 'x-as': 'berlin' } })).statusCode).toBe(404);
  });

  it('keeps a person’s businesses with them, and lifts the limit with "all"', async () => {
    const store = new PeopleStore(ctx.redis, ctx.store.keys);
    await store.add({ email: 'anna@berlin.example', name: 'Anna', role: 'owner', password: 'correct horse battery', businesses: ['berlin'] });
    expect((await store.get('anna@berlin.example'))?.businesses).toEqual(['berlin']);
    await store.setBusinesses('anna@berlin.example', null);
    expect((await store.get('anna@berlin.example'))?.businesses).toBeUndefined();
    await expect(store.setBusinesses('anna@berlin.example', [])).rejects.toThrow('businesses: list at least one business, or "all"');
  });
});
