import { afterEach, describe, expect, it } from 'vitest';
import { barChartSvg, chartAlt, renderPng } from '../../src/insights/charts.js';
import { enqueueWeeklyReport, reportedWeek } from '../../src/insights/report-sender.js';
import { durationWords, renderWeeklyEmail, renderWeeklySlack } from '../../src/insights/weekly-email.js';
import type { WeeklyReport } from '../../src/insights/weekly-report.js';
import type { Verdict } from '../../src/domain/verdict.js';
import { deliverAlerts } from '../../workers/notify-worker.js';
import { parseMail, startSmtpServer, decodeHeader } from '../helpers/alerts.js';
import { testContext } from '../helpers/context.js';
import { makeReview } from '../helpers/factories.js';

const report = (over: Partial<WeeklyReport> = {}): WeeklyReport => ({
  week: '2026-W48',
  since: '2026-11-23T00:00:00.000Z',
  until: '2026-11-30T00:00:00.000Z',
  reviews: { count: 142, previous: 118 },
  negative: { count: 31, previous: 17 },
  averageRating: { value: 3.92, previous: 4.21, trend: 'down' },
  topics: [
    { topic: 'cleanliness', count: 14, previous: 2, change: 12 },
    { topic: 'waiting_time', count: 8, previous: 7, change: 1 },
  ],
  responseTimes: { alertToReply: { count: 22, medianSeconds: 12_000, p90Seconds: 90_000 }, withinSla: 18, pastSla: 4 },
  openByStatus: { new: 5, acknowledged: 2, replied: 9 },
  followUpsSent: 6,
  recoveries: 2,
  champions: [{ reviewId: 'harbor:1', author: '<script>Dana</script>', from: 2, to: 5 }],
  patterns: [{ type: 'spike', id: 'spike-2026-W48-topic-cleanliness', at: '2026-11-25T23:00:00.000Z', summary: 'Negative reviews about cleanliness: 9 this week, usually about 1 a week.' }],
  truncated: false,
  ...over,
});

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (b: Buffer): { width: number; height: number } => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

describe('the weekly report as e-mail and Slack', () => {
  it('carries the figures in text and HTML, the charts as inline PNGs the HTML references, with alt text', () => {
    const m = renderWeeklyEmail(report(), { businessName: 'Harbor & Co', insightsUrl: 'https://rm.example.com/insights' });
    expect(m.subject).toBe('Harbor & Co: week 2026-W48, 142 reviews, 31 negative');
    for (const line of ['Reviews: 142 (up from 118)', 'Negative reviews: 31 (up from 17)', 'Average rating: 3.92 / 5, falling (4.21 the week before)', 'Alert to reply: median 3 h 20 min, 90% within 25 h (22 replies)', 'Replies within the SLA: 18 of 22 (4 late)', 'Follow-ups sent: 6', 'Recoveries: 2', '- cleanliness: 14 (+12)', 'Patterns this week:\n- 2026-11-25: Negative reviews about cleanliness: 9 this week, usually about 1 a week.', '- <script>Dana</script>: 2 → 5 stars', 'Insights: https://rm.example.com/insights']) {
      expect(m.text).toContain(line);
    }
    expect(m.html).toContain('Harbor &amp; Co: week 2026-W48');
    expect(m.html).toContain('&lt;script&gt;Dana&lt;/script&gt;: 2 → 5 stars');
    expect(m.html).not.toContain('<script>');
    expect(m.attachments.map((a) => a.cid)).toEqual(['volume-2026-W48@review-monitor', 'topics-2026-W48@review-monitor']);
    for (const a of m.attachments) {
      expect(a.content.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(m.html).toContain(`src="cid:${a.cid}"`);
    }
    // Drawn at twice the size the e-mail shows them.
    expect(pngSize(m.attachments[1]!.content)).toEqual({ width: 1120, height: 520 });
    expect(m.html).toContain('alt="Negative reviews by topic. cleanliness: 2 week before, 14 2026-W48; waiting time: 7 week before, 8 2026-W48."');
  });

  it('says so when nothing came in, without charts', () => {
    const m = renderWeeklyEmail(report({ reviews: { count: 0, previous: 0 }, negative: { count: 0, previous: 0 }, topics: [], averageRating: { value: null, previous: null, trend: null }, champions: [], responseTimes: { alertToReply: { count: 0, medianSeconds: null, p90Seconds: null }, withinSla: 0, pastSla: 0 } }), { businessName: 'Harbor' });
    expect(m.attachments).toEqual([]);
    expect(m.text).toContain('No reviews came in this week or the week before.');
    expect(m.text).toContain('Average rating: no rated reviews');
    expect(m.html).not.toContain('<img');
  });

  it('escapes Slack control characters and links the insights page', () => {
    const s = renderWeeklySlack(report(), { businessName: 'Harbor <@U123>', insightsUrl: 'https://rm.example.com/insights?a=1&b=2' });
    // Slack parses mentions in mrkdwn and the notification text; the header is plain_text, shown as written.
    expect(s.text).toBe('Harbor &lt;@U123&gt;: week 2026-W48, 142 reviews, 31 negative');
    const mrkdwnTexts = JSON.stringify(s.blocks.filter((b) => b.type !== 'header'));
    expect(mrkdwnTexts).not.toContain('<@U123>');
    const all = JSON.stringify(s);
    expect(all).toContain('&lt;script&gt;Dana&lt;/script&gt;');
    expect(all).toContain('<https://rm.example.com/insights?a=1&amp;b=2|Open the insights>');
  });

  it('words durations and draws whatever the numbers', () => {
    expect([durationWords(45), durationWords(180), durationWords(12_000), durationWords(7_200), durationWords(200_000), durationWords(null)]).toEqual(['45 s', '3 min', '3 h 20 min', '2 h', '2 days 7 h', '–']);
    const chart = { title: 'T', categories: ['a <b>'], series: [{ name: 'x', color: '#000', values: [0] }] };
    expect(barChartSvg(chart)).toContain('a &lt;b&gt;');
    expect(pngSize(renderPng(barChartSvg(chart))).width).toBe(1120);
    expect(chartAlt({ ...chart, categories: [] })).toBe('T: nothing to show.');
  });

  it('is e-mailed once per week and channel, with its charts inline, on the week that ended', { timeout: 60_000 }, async () => {
    expect(reportedWeek(new Date('2026-11-30T07:00:00Z'))).toBe('2026-W48');
    const smtp = await startSmtpServer();
    const t = await testContext({
      sources: [{ id: 'harbor', type: 'rss', url: 'https://x.example/a.rss', schedule: '0 * * * *' }],
      alerts: [
        { type: 'log' },
        { id: 'owner-mail', type: 'email', smtp: { host: '127.0.0.1', port: smtp.port, secure: false }, from: 'rm@harbor.example', to: ['owner@harbor.example'] },
      ],
    });
    try {
      const neg: Verdict = { negative: true, score: -0.8, severity: 'high', topics: ['cleanliness'], reasons: [], language: 'en' };
      const reviews = [1, 2, 5].map((rating, i) => makeReview('harbor', { rating, text: `Visit ${i}`, publishedAt: `2026-11-2${4 + i}T12:00:00.000Z` }));
      await t.ctx.store.upsertReviews(reviews, { backfill: false });
      await t.ctx.store.saveAnalyses(reviews.map((r) => ({ id: r.id, sourceId: 'harbor', hash: r.contentHash, verdict: r.rating! <= 2 ? neg : { ...neg, negative: false, topics: [] }, flag: r.rating! <= 2 })));

      expect(await enqueueWeeklyReport(t.ctx, '2026-W48')).toEqual(['owner-mail']);
      // A second replica's tick, or a restart: nothing more.
      expect(await enqueueWeeklyReport(t.ctx, '2026-W48')).toEqual([]);
      const jobs = await t.ctx.queues.queues.notify.getJobs(['waiting']);
      expect(jobs.map((j) => j.id)).toEqual(['report-owner-mail-2026-W48']);
      await deliverAlerts(t.ctx, jobs[0]!.data);
      expect(smtp.mails).toHaveLength(1);
      const { headers, parts } = parseMail(smtp.mails[0]!.raw);
      expect(decodeHeader(headers.get('subject') ?? '')).toBe('Harbor Bistro: week 2026-W48, 3 reviews, 2 negative');
      expect(headers.get('message-id')).toBe('<report-2026-W48-owner-mail@review-monitor>');
      expect(parts.map((p) => p.contentType)).toEqual(['text/plain', 'text/html', 'image/png', 'image/png']);
      expect(parts[0]!.body).toContain('Negative reviews: 2 (up from 0)');
      expect(parts[0]!.body).toContain('Average rating: 2.67 / 5');
      const images = parts.filter((p) => p.contentType === 'image/png');
      for (const img of images) {
        expect(img.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
        const cid = img.headers.get('content-id')!.replace(/[<>]/g, '');
        expect(parts[1]!.body).toContain(`cid:${cid}`);
      }
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});

describe('review-monitor report --send', () => {
  it('prints the report and e-mails it now to the report channels', { timeout: 60_000 }, async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { runCli } = await import('../helpers/cli.js');
    const { TEST_REDIS_URL, uniquePrefix, deletePrefix } = await import('../helpers/redis.js');
    const smtp = await startSmtpServer();
    const dir = mkdtempSync(path.join(tmpdir(), 'rm-report-'));
    const prefix = uniquePrefix('report-cli');
    try {
      const file = path.join(dir, 'config.yaml');
      writeFileSync(file, `business: { name: Harbor Bistro, contact: { email: care@harbor.example }, signature: Maya }\nsources: []\nalerts:\n  - { type: log }\n  - { type: email, smtp: { host: 127.0.0.1, port: ${smtp.port}, secure: false }, from: rm@harbor.example, to: [owner@harbor.example] }\n`);
      const res = await runCli(['report', '--week', '2026-W48', '--send', '--config', file], { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
      expect(res.stderr).toContain('sent the report of 2026-W48 to email');
      expect(res.code).toBe(0);
      expect(JSON.parse(res.stdout)).toMatchObject({ week: '2026-W48', reviews: { count: 0, previous: 0 } });
      expect(smtp.mails).toHaveLength(1);
      expect(parseMail(smtp.mails[0]!.raw).parts[0]!.body).toContain('No reviews came in this week or the week before.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await deletePrefix(prefix);
      await smtp.close();
    }
  });
});
