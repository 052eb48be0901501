import type { AppContext } from '../../src/context.js';
import type { InboxFilters } from '../../src/workspace/pages/inbox.js';
import type { Chrome } from '../../src/workspace/pages/layout.js';
import { renderInbox } from '../../src/workspace/pages/routes.js';
import { fillStore } from './footprint.js';
import { benchContext, pct } from './setup.js';

/** Server time to build the inbox page (Redis reads and HTML) for a store of `storedReviews`. */
export interface InboxBench {
  storedReviews: number;
  flagged: number;
  /** The first page, no filter: what an owner opens. */
  firstPage: { medianMs: number; p95Ms: number; rows: number };
  /** The first page of a status tab past `new` (its own index), with 1,000 reviews acknowledged. */
  statusPage: { medianMs: number; p95Ms: number; rows: number };
  /** The first page filtered by severity and a search word: the alert index is scanned (at most 5,000 a page). */
  searchPage: { medianMs: number; p95Ms: number; rows: number };
  /** Renders timed for each. */
  runs: number;
}

const chrome: Chrome = { person: { email: 'maya@harbor.example', name: 'Maya Chen', role: 'owner' }, csrfToken: 'bench', assets: { css: '/assets/app.css', js: '/assets/app.js' } };

async function time(ctx: AppContext, filters: InboxFilters, runs: number): Promise<{ medianMs: number; p95Ms: number; rows: number }> {
  let rows = 0;
  for (let i = 0; i < 5; i++) await renderInbox(ctx, chrome, filters);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const page = await renderInbox(ctx, chrome, filters);
    ms.push(performance.now() - started);
    rows = (page.match(/<li class="row">/g) ?? []).length;
  }
  const round = (v: number): number => Math.round(v * 100) / 100;
  return { medianMs: round(pct(ms, 50)), p95Ms: round(pct(ms, 95)), rows };
}

/** Times the inbox on a store already filled with `n` reviews. */
export async function measureInbox(ctx: AppContext, n: number, runs = 50): Promise<InboxBench> {
  const first = await time(ctx, {}, runs);
  for (const id of await ctx.redis.zrevrange(ctx.store.key('alerts'), 0, 999)) await ctx.lifecycle.transition(id, 'acknowledge', { actor: 'bench' });
  const status = await time(ctx, { status: 'acknowledged' }, runs);
  const search = await time(ctx, { severity: 'high', q: 'service' }, Math.max(5, Math.floor(runs / 5)));
  return { storedReviews: n, flagged: await ctx.redis.zcard(ctx.store.key('alerts')), firstPage: first, statusPage: status, searchPage: search, runs };
}

/** Fills a store (1,000,000 reviews; 20,000 with `quick`) and times the inbox on it. */
export async function benchInbox({ quick = false } = {}): Promise<InboxBench> {
  const n = quick ? 20_000 : 1_000_000;
  const { ctx, close } = await benchContext();
  try {
    await fillStore(ctx, n);
    return await measureInbox(ctx, n);
  } finally {
    await close();
  }
}
