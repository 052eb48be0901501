import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import { buildApi } from '../../src/api/server.js';
import { benchContext, benchReviews } from './setup.js';
import { classify } from '../../src/classify/index.js';
import { draftReply } from '../../src/draft/index.js';
import { draftContextFor } from '../../src/lifecycle/draft-context.js';

/** `GET /v1/alerts?limit=50` versus a bare Fastify hello-world, both under autocannon in the same run. */
export interface ApiBench {
  rps: number;
  p99Ms: number;
  p50Ms: number;
  helloRps: number;
  helloP99Ms: number;
  ratio: number;
  connections: number;
  /** Seconds of load per round, and rounds of each (the API's and hello-world's alternate). */
  seconds: number;
  rounds: number;
}

const KEY = 'bench-key-0123456789';

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** Loads `url` with autocannon in a process of its own, so the client does not share the server's thread. */
function load(url: string, seconds: number, connections: number, headers: Record<string, string> = {}): Promise<{ rps: number; p99: number; p50: number; errors: number }> {
  const args = [AUTOCANNON, '--json', '-c', String(connections), '-d', String(seconds), ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]), url];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => {
      if (err) return reject(err);
      const r = JSON.parse(stdout) as { requests: { average: number }; latency: { p99: number; p50: number }; errors: number; non2xx: number };
      resolve({ rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50, errors: r.errors + r.non2xx });
    });
  });
}

/**
 * Fills the store with flagged reviews (verdict and draft), then loads both servers in alternating rounds
 * (as the pipeline benchmark does: both get the same minutes of a machine whose speed swings). Rates are
 * each side's best round; the API's p99 is its worst round's.
 */
export async function benchApi({ quick = false } = {}): Promise<ApiBench> {
  const seconds = quick ? 2 : 3;
  const rounds = quick ? 2 : 4;
  const connections = 10;
  const { ctx, close } = await benchContext({ api: { keys: [KEY], rateLimit: { max: 1_000_000_000, windowMs: 60_000 } } });
  const hello = Fastify();
  hello.get('/', async () => ({ hello: 'world' }));
  try {
    const reviews = benchReviews(quick ? 500 : 2_000);
    await ctx.store.upsertReviews(reviews, { backfill: false });
    const dctx = draftContextFor(ctx.config, 'bench');
    const entries = reviews.map((r) => {
      const verdict = classify({ text: r.text, title: r.title, rating: r.rating });
      return { id: r.id, sourceId: 'bench', hash: r.contentHash, verdict, draft: verdict.negative ? draftReply(r, verdict, dctx) : undefined, flag: verdict.negative };
    });
    await ctx.store.saveAnalyses(entries);
    const api = await buildApi(ctx);
    const apiUrl = await api.listen({ port: 0, host: '127.0.0.1' });
    const helloUrl = await hello.listen({ port: 0, host: '127.0.0.1' });
    // Warm both up (JIT, connections) before measuring.
    await load(`${apiUrl}/v1/alerts?limit=50`, 1, connections, { authorization: `Bearer ${KEY}` });
    await load(helloUrl, 1, connections);
    const apiRounds: Awaited<ReturnType<typeof load>>[] = [];
    const helloRounds: Awaited<ReturnType<typeof load>>[] = [];
    for (let r = 0; r < rounds; r++) {
      const api = (): Promise<number> => load(`${apiUrl}/v1/alerts?limit=50`, seconds, connections, { authorization: `Bearer ${KEY}` }).then((x) => apiRounds.push(x));
      const bare = (): Promise<number> => load(helloUrl, seconds, connections).then((x) => helloRounds.push(x));
      // Which goes first alternates too.
      if (r % 2 === 0) await api().then(bare);
      else await bare().then(api);
    }
    const errors = apiRounds.reduce((n, x) => n + x.errors, 0);
    if (errors > 0) throw new Error(`the API answered ${errors} requests with errors during the benchmark`);
    await api.close();
    const best = <T extends { rps: number }>(xs: T[]): T => xs.reduce((b, x) => (x.rps > b.rps ? x : b));
    const a = best(apiRounds);
    const h = best(helloRounds);
    const p99Ms = Math.max(...apiRounds.map((x) => x.p99));
    return { rps: Math.round(a.rps), p99Ms, p50Ms: a.p50, helloRps: Math.round(h.rps), helloP99Ms: h.p99, ratio: Math.round((a.rps / h.rps) * 100) / 100, connections, seconds, rounds };
  } finally {
    await hello.close();
    await close();
  }
}
