import { describe, expect, it } from 'vitest';
import { formatP, insightSubject, renderInsightHtml, renderInsightSlack, renderInsightText } from '../../src/alerts/render-insight.js';
import type { InsightAlert } from '../../src/insights/insight-alert.js';
import { ConfigError } from '../../src/config/load.js';
import { makeConfig } from '../helpers/factories.js';

const spike: InsightAlert = {
  type: 'spike',
  id: 'spike-2026-W46-topic-cleanliness',
  at: '2026-11-11T23:00:00.000Z',
  summary: 'Negative reviews about cleanliness: 12 this week, usually about 1.2 a week.',
  spike: { kind: 'topic', subject: 'cleanliness', count: 12, baseline: 1.2, pValue: 2e-8, period: '2026-W46', since: '2026-11-09T00:00:00.000Z', until: '2026-11-16T00:00:00.000Z', sources: ['harbor'] },
  examples: [
    { reviewId: 'harbor:1', sourceId: 'harbor', rating: 1, author: '<b>Eve</b>', excerpt: 'Dirty <script>alert(1)</script> tables & floors', url: 'https://reviews.example.com/r/1', page: 'https://rm.example.com/reviews/harbor%3A1' },
    { reviewId: 'harbor:2', sourceId: 'harbor', rating: 2, excerpt: 'Sticky menus', url: 'javascript:alert(1)', page: '/reviews/harbor%3A2' },
  ],
};

describe('insight alerts for people', () => {
  it('says what rose, why it is not chance, and shows the examples with their links, escaped', () => {
    expect(insightSubject(spike)).toBe('[review-monitor] Spike: Negative reviews about cleanliness: 12 this week, usually about 1.2 a week.');
    const text = renderInsightText(spike);
    expect(text).toContain('Chance of this many at the usual rate: about 1 in 50,000,000.');
    expect(text).toContain('Review: https://reviews.example.com/r/1');
    expect(text).toContain('Open in inbox: /reviews/harbor%3A2');
    expect(text).not.toContain('javascript:');
    const html = renderInsightHtml(spike);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<a href="https://rm.example.com/reviews/harbor%3A1">Open in inbox</a>');
    expect(html).not.toContain('javascript:');
    const slack = renderInsightSlack(spike);
    const all = JSON.stringify(slack);
    expect(all).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(all).toContain('tables &amp; floors');
    expect(all).toContain('<https://reviews.example.com/r/1|Review>');
    expect(slack.text).toBe(spike.summary);
  });

  it('words a rating drop and its next step', () => {
    const drop: InsightAlert = {
      type: 'rating_drop',
      id: 'rating_drop-tidy-1',
      at: '2026-11-24T23:00:00.000Z',
      summary: 'The average rating on tidy fell from 4.3 to 3.71 over the last 28 days (96 ratings).',
      ratingDrop: { sourceId: 'tidy', from: 4.25, to: 3.75, average: 3.71, ratings: 96, windowDays: 28, pValue: 1e-12 },
      examples: [],
    };
    const text = renderInsightText(drop);
    expect(text).toContain('Reference level 4.25, now 3.71; the next alert comes if it falls below 3.75 by another step.');
    expect(text).toContain('under 1 in a billion');
    expect(text).not.toContain('For example');
    expect(formatP(0.0004)).toBe('about 1 in 2,500');
  });

  it('refuses insight channels that do not exist, and a report channel that cannot carry a report', () => {
    const load = (insights: Record<string, unknown>): unknown => makeConfig({ alerts: [{ type: 'log' }, { id: 'hook', type: 'webhook', url: 'https://h.example.com/x' }], insights } as never);
    expect(() => load({ channels: ['log', 'nope'] })).toThrow(/insights\.channels\[1\]: Unknown alert channel "nope" \(configured: log, hook\)/);
    expect(() => load({ report: { channels: ['hook'] } })).toThrow(/insights\.report\.channels\[0\]: the weekly report goes to e-mail and Slack channels; "hook" is a webhook channel/);
    expect(() => load({ report: { timezone: 'Mars/Olympus' } })).toThrow(/insights\.report\.timezone: must be an IANA time zone/);
    expect(() => load({ spikes: { significance: 0 } })).toThrow(ConfigError);
    expect(load({ channels: ['log'] })).toBeTruthy();
  });

  it('keeps the insight in its notify job (an alert job would take it and drop the key)', async () => {
    const { jobSchemas } = await import('../../src/queues.js');
    const parsed = jobSchemas.notify.parse({ channelId: 'team', reviewIds: ['harbor:1', 'harbor:2'], insight: spike });
    expect('insight' in parsed && parsed.insight.id).toBe(spike.id);
    const report = jobSchemas.notify.parse({ channelId: 'team', reviewIds: [], report: { week: '2026-W48' } });
    expect('report' in report && report.report.week).toBe('2026-W48');
  });
});
