import { createHmac } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { startService, type Service } from '../src/app.js';
import type { ConfigInput } from '../src/config/schema.js';
import { createLogger } from '../src/logger.js';
import { analyzeBatch } from '../workers/analyze-worker.js';
import { deliverAlerts, LeftForLaterError, notifyJobId } from '../workers/notify-worker.js';
import { decodeHeader, parseMail, seedFlagged, startSmtpServer, type MimePart } from './helpers/alerts.js';
import { makeConfig, makeReview } from './helpers/factories.js';
import { captureLogs, inlineAnalysis, queuesIdle, serviceHarness, testContext } from './helpers/context.js';
import { startTestServer, waitFor, type TestServer } from './helpers/http.js';
import { TEST_REDIS_URL, uniquePrefix } from './helpers/redis.js';
import { signedAt, verifyBodySignature, verifyTimestamped } from './helpers/webhook-receiver.js';

const KEY = 'test-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };
const SECRET = 'webhook-secret-0123456789';

describe('alert delivery through the workers', () => {
  const h = serviceHarness();
  afterEach(() => h.teardown());

  async function server(handler?: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
    const s = await startTestServer(handler);
    h.closers.push(() => s.close());
    return s;
  }

  /** Starts a worker (or `all`, with the API) on a shared prefix with short retries. */
  async function boot(alerts: ConfigInput['alerts'], role: 'worker' | 'all' = 'worker', env: Record<string, string> = {}): Promise<Service> {
    const config = makeConfig(
      {
        redis: { url: TEST_REDIS_URL, prefix: h.prefix, autostart: false },
        publicUrl: 'https://rm.example.com',
        // Routing names these sources; the worker role never polls them.
        sources: ['harbor', 'tidy'].map((id) => ({ id, type: 'rss' as const, url: `https://reviews.example.com/${id}.rss`, schedule: '0 0 1 1 *' })),
        alerts,
        workers: { retryDelayMs: 10 },
        api: { port: 0, host: '127.0.0.1', keys: [KEY] },
      },
      env,
    );
    const service = await startService(config, createLogger('silent', captureLogs().stream), role, { pollOnStart: false });
    h.services.push(service);
    return service;
  }

  it('e-mails an alert over SMTP with a text and an escaped HTML part', async () => {
    h.prefix = uniquePrefix('mail');
    const smtp = await startSmtpServer();
    h.closers.push(smtp.close);
    const service = await boot([{ type: 'email', smtp: { host: '127.0.0.1', port: smtp.port, secure: false }, from: 'Review monitor <alerts@harbor.example>', to: ['owner@harbor.example', 'ops@harbor.example'] }]);
    const id = await seedFlagged(service.ctx, { review: { title: 'Awful <b>night</b>', text: 'The page said <script>alert("pwned")</script> & the soup was cold.', url: 'https://reviews.example.com/r/9' } });
    const mail = await waitFor(() => smtp.mails[0], 10_000, 'an e-mail');
    expect(mail.from).toBe('alerts@harbor.example');
    expect(mail.to).toEqual(['owner@harbor.example', 'ops@harbor.example']);
    const { headers, parts } = parseMail(mail.raw);
    expect(decodeHeader(headers.get('subject') ?? '')).toBe('[review-monitor] Negative 1★ review on harbor (high): Awful <b>night</b>');
    expect(headers.get('message-id')).toBe(`<${id}-email@review-monitor>`);
    expect(parts.map((p) => p.contentType)).toEqual(['text/plain', 'text/html']);
    const [text, html] = parts as [MimePart, MimePart];
    expect(text.body).toContain('The page said <script>alert("pwned")</script> & the soup was cold.');
    expect(text.body).toContain('Thank you for telling us');
    expect(html.body).not.toContain('<script>');
    expect(html.body).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; the soup was cold.');
    expect(html.body).toContain(`<a href="https://rm.example.com/v1/reviews/${id}">`);
    await waitFor(async () => (await service.ctx.store.deliveries.get(id, 'email'))?.status === 'delivered', 5_000, 'the delivered record');
    expect(await service.ctx.store.deliveries.get(id, 'email')).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(smtp.mails).toHaveLength(1);
  });

  it('posts Block Kit to a Slack incoming webhook', async () => {
    h.prefix = uniquePrefix('slack');
    const slack = await server((_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
    const service = await boot([{ type: 'slack', webhookUrlEnv: 'TEST_SLACK_URL', apiBaseUrl: 'https://api.harbor.example' }], 'worker', { TEST_SLACK_URL: `${slack.url}/services/T0/B0/secret` });
    const id = await seedFlagged(service.ctx, { verdict: { topics: ['waiting_time', 'staff_service'] }, review: { url: 'https://reviews.example.com/r/7', author: 'Ana Silva' } });
    const req = await waitFor(() => slack.received[0], 10_000, 'a Slack post');
    expect(req.url).toBe('/services/T0/B0/secret');
    expect(req.headers['content-type']).toBe('application/json');
    const msg = JSON.parse(req.body) as { text: string; blocks: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { url?: string }[] }[] };
    expect(msg.text).toMatch(/^Negative 1★ review on harbor/);
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'Negative review on harbor' } });
    expect(msg.blocks[1]!.fields!.map((f) => f.text)).toEqual(['*Rating*\n★☆☆☆☆ 1/5', '*Severity*\nhigh', '*Topics*\nwaiting time, staff service', '*Author*\nAna Silva']);
    expect(msg.blocks[2]!.text!.text).toContain('>We waited 50 minutes and the soup was cold.');
    expect(msg.blocks[3]!.text!.text).toMatch(/^\*Draft reply\*\n>Thank you/);
    expect(msg.blocks.find((b) => b.type === 'actions')!.elements!.map((e) => e.url)).toEqual([`https://api.harbor.example/reviews/${id}`, 'https://reviews.example.com/r/7', `https://api.harbor.example/v1/reviews/${id}`]);
    await waitFor(async () => (await service.ctx.store.deliveries.deliveredAt(id, 'slack')) !== undefined, 5_000, 'delivered mark');
  });

  it('signs webhook bodies and keeps the idempotency key across retries', async () => {
    h.prefix = uniquePrefix('hook');
    let calls = 0;
    const hook = await server((_req, res) => {
      calls += 1;
      res.writeHead(calls <= 2 ? 503 : 204).end();
    });
    const service = await boot([{ type: 'webhook', id: 'ops', url: `${hook.url}/in`, secretEnv: 'TEST_HOOK_SECRET' }], 'worker', { TEST_HOOK_SECRET: SECRET });
    const id = await seedFlagged(service.ctx);
    await waitFor(async () => (await service.ctx.store.deliveries.get(id, 'ops'))?.status === 'delivered', 10_000, 'delivered after retries');
    expect(hook.received).toHaveLength(3);
    for (const r of hook.received) {
      const expected = `sha256=${createHmac('sha256', SECRET).update(Buffer.from(r.body, 'utf8')).digest('hex')}`;
      expect(r.headers['x-signature']).toBe(expected);
      // The receiver's checks from the README accept both signatures of every attempt, just signed…
      expect(verifyBodySignature(SECRET, r.body, r.headers)).toBe(true);
      expect(verifyTimestamped(SECRET, r.body, r.headers)).toBe(true);
      expect(Math.abs(signedAt(r.headers) - Date.now() / 1000)).toBeLessThan(60);
      // …and refuse the same request replayed six minutes later, or with its timestamp moved forward.
      expect(verifyTimestamped(SECRET, r.body, r.headers, 300, Date.now() + 360_000)).toBe(false);
      const moved = String(r.headers['review-monitor-signature']).replace(/t=\d+/, `t=${Math.floor(Date.now() / 1000) + 360}`);
      expect(verifyTimestamped(SECRET, r.body, { ...r.headers, 'review-monitor-signature': moved }, 300, Date.now() + 360_000)).toBe(false);
      expect(r.headers['idempotency-key']).toBe(`${id}-ops`);
      const body = JSON.parse(r.body) as { type: string; idempotencyKey: string; sentAt: string; apiUrl: string };
      expect(body).toMatchObject({ type: 'alert', idempotencyKey: `${id}-ops`, apiUrl: `https://rm.example.com/v1/reviews/${id}` });
      expect(Date.parse(body.sentAt)).toBeGreaterThan(Date.now() - 60_000);
    }
    // A forged body does not verify.
    const tampered = hook.received[0]!.body.replace('"alert"', '"digest"');
    expect(`sha256=${createHmac('sha256', SECRET).update(tampered).digest('hex')}`).not.toBe(hook.received[0]!.headers['x-signature']);
    expect(verifyBodySignature(SECRET, tampered, hook.received[0]!.headers)).toBe(false);
    expect(verifyTimestamped(SECRET, tampered, hook.received[0]!.headers)).toBe(false);
    expect(verifyTimestamped('another-secret-0123', hook.received[0]!.body, hook.received[0]!.headers)).toBe(false);
    expect(await service.ctx.store.deliveries.get(id, 'ops')).toMatchObject({ status: 'delivered', attempts: 3, lastError: expect.stringMatching(/HTTP 503/) });
  });

  it('keeps a failing delivery with its error, lists it in the API, and re-sends it once the receiver is back', async () => {
    h.prefix = uniquePrefix('fail');
    let healthy = false;
    const hook = await server((_req, res) => void res.writeHead(healthy ? 200 : 500).end(healthy ? '' : 'receiver exploded'));
    const service = await boot([{ type: 'webhook', id: 'ops', url: `${hook.url}/in` }, { type: 'log' }], 'all');
    const api = service.api!;
    const id = await seedFlagged(service.ctx);
    await waitFor(async () => (await service.ctx.store.deliveries.get(id, 'ops'))?.status === 'failed', 20_000, 'a failed delivery');
    expect(hook.received).toHaveLength(8);

    const list = await api.inject({ url: '/v1/deliveries?status=failed', headers: auth });
    expect(list.statusCode).toBe(200);
    const body = list.json() as { items: Record<string, unknown>[]; nextCursor: string | null };
    expect(body.nextCursor).toBeNull();
    expect(body.items).toEqual([
      expect.objectContaining({ reviewId: id, channelId: 'ops', channelType: 'webhook', status: 'failed', attempts: 8, lastError: 'webhook ops: HTTP 500 receiver exploded', reviewPath: `/v1/reviews/${id}` }),
    ]);
    const perReview = (await api.inject({ url: `/v1/reviews/${id}/alerts`, headers: auth })).json() as { items: { channelId: string; status: string }[] };
    expect(perReview.items.map((d) => `${d.channelId}:${d.status}`)).toEqual(['log:delivered', 'ops:failed']);

    // Bad input is a 400 naming the field; unknown things are 404; a delivered alert is not re-sent.
    const bad = await api.inject({ url: '/v1/deliveries?status=pending&limit=0', headers: auth });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { details: { path: string }[] }).details.map((d) => d.path).sort()).toEqual(['query.limit', 'query.status']);
    expect((await api.inject({ method: 'POST', url: `/v1/reviews/${id}/alerts/nope/resend`, headers: auth })).statusCode).toBe(404);
    expect((await api.inject({ method: 'POST', url: `/v1/reviews/${id}:x/alerts/ops/resend`, headers: auth })).json()).toMatchObject({ error: 'bad_request', details: [{ path: 'params.id' }] });
    expect((await api.inject({ method: 'POST', url: `/v1/reviews/${id}/alerts/log/resend`, headers: auth })).statusCode).toBe(409);
    expect((await api.inject({ method: 'POST', url: `/v1/reviews/${id}/alerts/ops/resend` })).statusCode).toBe(401);

    healthy = true;
    const resend = await api.inject({ method: 'POST', url: `/v1/reviews/${id}/alerts/ops/resend`, headers: auth });
    expect(resend.statusCode).toBe(202);
    expect(resend.json()).toEqual({ queued: true, jobId: `notify-${id}-ops-r1` });
    // A second click while it is pending (or once delivered) queues nothing.
    expect((await api.inject({ method: 'POST', url: `/v1/reviews/${id}/alerts/ops/resend`, headers: auth })).statusCode).toBe(409);
    await waitFor(async () => (await service.ctx.store.deliveries.get(id, 'ops'))?.status === 'delivered', 10_000, 're-sent delivery');
    await queuesIdle(service.ctx);
    expect(hook.received.filter((_, i) => i >= 8)).toHaveLength(1);
    expect(await service.ctx.store.deliveries.get(id, 'ops')).toMatchObject({ status: 'delivered', attempts: 1, resends: 1 });
    expect(((await api.inject({ url: '/v1/deliveries', headers: auth })).json() as { items: unknown[] }).items).toEqual([]);
  });

  it('routes by source, topic and severity; critical bypasses severity and topics but not sources', async () => {
    h.prefix = uniquePrefix('route');
    const hook = await server((_req, res) => void res.writeHead(200).end());
    const service = await boot([
      { type: 'webhook', id: 'tidy', url: `${hook.url}/tidy`, sources: ['tidy'] },
      { type: 'webhook', id: 'bugs', url: `${hook.url}/bugs`, topics: ['app_bugs'] },
      { type: 'webhook', id: 'harbor', url: `${hook.url}/harbor`, sources: ['harbor'], minSeverity: 'medium' },
    ]);
    const critical = await seedFlagged(service.ctx, { verdict: { severity: 'critical', topics: [] } });
    const low = await seedFlagged(service.ctx, { verdict: { severity: 'low', topics: ['app_bugs'] } });
    await waitFor(() => hook.received.length >= 3, 10_000, 'three deliveries');
    await queuesIdle(service.ctx);
    const got = hook.received.map((r) => `${r.url}:${(JSON.parse(r.body) as { reviewId: string }).reviewId}`).sort();
    expect(got).toEqual([`/bugs:${critical}`, `/bugs:${low}`, `/harbor:${critical}`].sort());
  });

  it('the analyze worker enqueues, per channel that routing accepts, one notify job with the batch\'s alerts', async () => {
    const t = await testContext({
      sources: [
        { id: 'harbor', type: 'rss', url: 'https://reviews.example.com/a.rss', schedule: '* * * * *', alertOnBackfill: true },
        { id: 'tidy', type: 'rss', url: 'https://reviews.example.com/t.rss', schedule: '* * * * *' },
      ],
      alerts: [{ type: 'log', id: 'all' }, { type: 'log', id: 'elsewhere', sources: ['tidy'] }, { type: 'log', id: 'bugs', topics: ['app_bugs'] }],
    });
    h.closers.push(t.close);
    const soup = makeReview('harbor', { rating: 1, text: 'We waited 50 minutes and the soup was cold. Terrible service.' });
    const crash = makeReview('harbor', { rating: 1, text: 'The app crashes every time I open the menu. Useless.' });
    const fine = makeReview('harbor', { rating: 5, text: 'Lovely evening, great food.' });
    await t.ctx.store.upsertReviews([soup, crash, fine], { backfill: false });
    const ids = [soup.id, crash.id, fine.id];
    expect(await analyzeBatch(t.ctx, { sourceId: 'harbor', reviewIds: ids }, inlineAnalysis(t.ctx.config))).toMatchObject({ flagged: 2 });
    const jobs = await t.ctx.queues.queues.notify.getJobs(['waiting']);
    const byChannel = Object.fromEntries(jobs.map((j) => [(j.data as { channelId: string }).channelId, { id: j.id, reviewIds: (j.data as { reviewIds: string[] }).reviewIds }]));
    expect(byChannel).toEqual({
      // The id depends on the reviews, not their order: a retried batch cannot enqueue a twin.
      all: { id: notifyJobId('all', [crash.id, soup.id]), reviewIds: [soup.id, crash.id] },
      bugs: { id: `notify-${crash.id}-bugs`, reviewIds: [crash.id] },
    });
  });

  it('delivers a job\'s alerts side by side, never more at once per channel than notifyConcurrency across jobs', async () => {
    h.prefix = uniquePrefix('limit');
    let inFlight = 0;
    let most = 0;
    const hook = await server(async (_req, res) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 40));
      inFlight -= 1;
      res.writeHead(204).end();
    });
    const config = makeConfig({
      redis: { url: TEST_REDIS_URL, prefix: h.prefix, autostart: false },
      alerts: [{ type: 'webhook', id: 'ops', url: `${hook.url}/in` }],
      workers: { retryDelayMs: 10, notifyConcurrency: 3 },
    });
    const service = await startService(config, createLogger('silent', captureLogs().stream), 'worker', { pollOnStart: false });
    h.services.push(service);
    const ids: string[] = [];
    for (let i = 0; i < 18; i++) ids.push(await seedFlagged(service.ctx, { enqueue: false, review: { text: `The soup was cold, visit ${i}.` } }));
    const job = (part: string[]) => ({ id: notifyJobId('ops', part), data: { channelId: 'ops', reviewIds: part } });
    // One job: its alerts go out side by side, up to the limit.
    await service.ctx.queues.addBulk('notify', [job(ids.slice(0, 6))]);
    await waitFor(() => hook.received.length >= 6, 10_000, 'six deliveries');
    expect(most).toBe(3);
    // Two jobs at once (the worker runs three): the limit is the channel's, not each job's.
    most = 0;
    await service.ctx.queues.addBulk('notify', [job(ids.slice(6, 12)), job(ids.slice(12))]);
    await waitFor(() => hook.received.length >= 18, 10_000, 'eighteen deliveries');
    expect(most).toBe(3);
    expect(hook.received.map((r) => (JSON.parse(r.body) as { reviewId: string }).reviewId).sort()).toEqual([...ids].sort());
  });

  it('a stopping worker starts no further delivery of a job: the rest is left for another worker', async () => {
    const t = await testContext({ sources: [{ id: 'harbor', type: 'rss', url: 'https://reviews.example.com/a.rss', schedule: '* * * * *' }] });
    h.closers.push(t.close);
    const ids = [await seedFlagged(t.ctx, { enqueue: false }), await seedFlagged(t.ctx, { enqueue: false, review: { text: 'Rude staff.' } })];
    const stopping = new AbortController();
    stopping.abort();
    const err = await deliverAlerts(t.ctx, { channelId: 'log', reviewIds: ids }, undefined, { signal: stopping.signal }).then(() => undefined, (e: Error) => e);
    // Not a failure: the worker puts the job back for another worker (see the next test).
    expect(err).toBeInstanceOf(LeftForLaterError);
    expect(err?.message).toMatch(/^2 of 2 alerts to log not sent .*the worker is stopping/);
    expect(await Promise.all(ids.map((id) => t.ctx.store.deliveries.deliveredAt(id, 'log')))).toEqual([undefined, undefined]);
    // Not a failed attempt of the alerts: their records stay as they were.
    expect(await t.ctx.store.deliveries.get(ids[0]!, 'log')).toBeUndefined();
    expect(await deliverAlerts(t.ctx, { channelId: 'log', reviewIds: ids })).toEqual({ delivered: 2, digested: 0, skipped: 0 });
  });

  it('puts a job a stopping worker could not finish back in the queue, uncounted, and another worker delivers the rest', async () => {
    h.prefix = uniquePrefix('handover');
    const hook = await server(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 150));
      res.writeHead(204).end();
    });
    const alerts: ConfigInput['alerts'] = [{ type: 'webhook', id: 'ops', url: `${hook.url}/in` }];
    const boot1 = async (): Promise<Service & { logs: ReturnType<typeof captureLogs> }> => {
      const config = makeConfig({ redis: { url: TEST_REDIS_URL, prefix: h.prefix, autostart: false }, alerts, workers: { retryDelayMs: 10, notifyConcurrency: 1 } });
      const logs = captureLogs();
      const service = await startService(config, createLogger('info', logs.stream), 'worker', { pollOnStart: false });
      return Object.assign(service, { logs });
    };
    const first = await boot1();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await seedFlagged(first.ctx, { enqueue: false, review: { text: `The soup was cold, visit ${i}.` } }));
    const jobId = notifyJobId('ops', ids);
    await first.ctx.queues.addBulk('notify', [{ id: jobId, data: { channelId: 'ops', reviewIds: ids } }]);
    // One alert at a time: stop the worker while the first is being delivered.
    await waitFor(() => hook.received.length >= 1 || undefined, 10_000, 'the first delivery');
    await first.stop();
    expect(hook.received).toHaveLength(1);
    const second = await boot1();
    h.services.push(second);
    const job = await second.ctx.queues.queues.notify.getJob(jobId);
    // Back in the queue (or already taken by the new worker), with no attempt used and nothing failed.
    expect(job?.attemptsMade).toBe(0);
    expect(job?.failedReason).toBeFalsy();
    expect(first.logs.lines.filter((l) => l.msg === 'job failed')).toEqual([]);
    expect(first.logs.lines.filter((l) => l.msg === 'job left for another worker')).toHaveLength(1);
    await waitFor(() => hook.received.length >= 3 || undefined, 10_000, 'the other two deliveries');
    expect(hook.received.map((r) => (JSON.parse(r.body) as { reviewId: string }).reviewId).sort()).toEqual([...ids].sort());
    // Each recorded delivered (the record is written once the receiver has answered).
    await waitFor(async () => (await Promise.all(ids.map((id) => second.ctx.store.deliveries.deliveredAt(id, 'ops')))).every(Boolean) || undefined, 10_000, 'the records');
  });

  it('still delivers a one-review notify job queued by an earlier version', async () => {
    h.prefix = uniquePrefix('legacy');
    const hook = await server((_req, res) => void res.writeHead(204).end());
    const service = await boot([{ type: 'webhook', id: 'ops', url: `${hook.url}/in` }]);
    const id = await seedFlagged(service.ctx, { enqueue: false });
    await service.ctx.queues.queues.notify.add('notify', { reviewId: id, channelId: 'ops' }, { jobId: `notify-${id}-ops` });
    await waitFor(async () => (await service.ctx.store.deliveries.get(id, 'ops'))?.status === 'delivered', 10_000, 'the legacy job delivered');
    expect(hook.received.map((r) => (JSON.parse(r.body) as { reviewId: string }).reviewId)).toEqual([id]);
  });
});
