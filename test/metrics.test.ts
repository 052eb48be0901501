import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApi } from '../src/api/server.js';
import { pollSource } from '../workers/poll-worker.js';
import { testContext } from './helpers/context.js';

/** The value of one Prometheus sample line, or undefined. */
function sample(text: string, line: RegExp): number | undefined {
  const m = new RegExp(`^${line.source} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
}

describe('Prometheus metrics', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0).reverse()) await c();
  });

  async function setup() {
    const dir = mkdtempSync(path.join(tmpdir(), 'rm-metrics-'));
    writeFileSync(path.join(dir, 'reviews.jsonl'), '{"id":"1","text":"Cold soup and a rude waiter.","rating":1}\n{"id":"2","text":"Lovely evening.","rating":5}\n');
    const t = await testContext({
      sources: [
        { id: 'harbor', type: 'file', path: path.join(dir, 'reviews.jsonl'), schedule: '0 0 * * *' },
        { id: 'tidy', type: 'rss', url: 'https://x.example/b.rss', schedule: '0 0 * * *' },
      ],
      alerts: [{ type: 'log', id: 'ops-log' }],
      api: { keys: ['metrics-key-0123456789'] },
    });
    closers.push(t.close);
    const api = await buildApi(t.ctx);
    closers.push(() => api.close());
    return { ctx: t.ctx, api };
  }

  it('names process metrics once (review_monitor_process_…, not …_process_process_…) and has every counter at zero from start-up', async () => {
    const { api } = await setup();
    const text = (await api.inject({ url: '/metrics' })).body;
    expect(text).toMatch(/^review_monitor_process_cpu_seconds_total /m);
    expect(text).not.toContain('process_process');
    expect(sample(text, /review_monitor_ingested_total\{source="harbor",scope="deployment"\}/)).toBe(0);
    expect(sample(text, /review_monitor_poll_errors_total\{source="tidy",scope="deployment"\}/)).toBe(0);
    for (const severity of ['low', 'medium', 'high', 'critical']) expect(sample(text, new RegExp(`review_monitor_flagged_total\\{source="tidy",severity="${severity}",scope="deployment"\\}`))).toBe(0);
    expect(sample(text, /review_monitor_alerts_sent_total\{channel="ops-log",scope="deployment"\}/)).toBe(0);
    expect(sample(text, /review_monitor_source_last_success_timestamp_seconds\{source="harbor",scope="deployment"\}/)).toBe(0);
  });

  it('labels the deployment totals read from Redis, so two API replicas are not summed into twice the count', async () => {
    const { ctx, api } = await setup();
    await ctx.metrics.inc('ingested', ['harbor'], 7);
    const second = await buildApi(ctx);
    closers.push(() => second.close());
    for (const replica of [api, second]) {
      const text = (await replica.inject({ url: '/metrics' })).body;
      expect(sample(text, /review_monitor_ingested_total\{source="harbor",scope="deployment"\}/)).toBe(7);
      // Per-process series carry no such label.
      expect(text).toMatch(/^review_monitor_process_resident_memory_bytes \d/m);
    }
  });

  it('measures API requests by route, polls by source and outcome, and the last successful poll', async () => {
    const { ctx, api } = await setup();
    for (let i = 0; i < 3; i++) await api.inject({ url: `/v1/reviews/harbor-${i}000`, headers: { authorization: 'Bearer metrics-key-0123456789' } });
    expect(await pollSource(ctx, { sourceId: 'harbor', tick: new Date().toISOString(), reason: 'manual' })).toMatchObject({ created: 2 });
    const text = (await api.inject({ url: '/metrics' })).body;
    expect(sample(text, /review_monitor_http_request_duration_seconds_count\{method="GET",route="\/v1\/reviews\/:id",status="404"\}/)).toBe(3);
    expect(sample(text, /review_monitor_poll_duration_seconds_count\{source="harbor",outcome="ok"\}/)).toBe(1);
    const last = sample(text, /review_monitor_source_last_success_timestamp_seconds\{source="harbor",scope="deployment"\}/);
    expect(last).toBeGreaterThan(Date.now() / 1000 - 60);
  });

  it('serves a worker\'s own process metrics on its health port, without the deployment totals', async () => {
    const { ctx } = await setup();
    const health = await buildApi(ctx, { healthOnly: true });
    closers.push(() => health.close());
    const res = await health.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^review_monitor_process_cpu_seconds_total /m);
    expect(res.body).toContain('# TYPE review_monitor_queue_wait_seconds histogram');
    expect(res.body).toContain('# TYPE review_monitor_poll_duration_seconds histogram');
    expect(res.body).not.toContain('review_monitor_ingested_total');
  });
});
