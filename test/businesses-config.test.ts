import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigDir, parseConfig } from '../src/config/load.js';
import { businessOf, slaFor } from '../src/config/businesses.js';
import { isOverdue } from '../src/lifecycle/sla.js';
import { createAnalyzer } from '../src/analysis/analyze.js';
import { makeConfig, makeReview } from './helpers/factories.js';
import { createChannels } from '../src/alerts/channels.js';
import { reportChannels } from '../src/insights/report-sender.js';
import { createLogger } from '../src/logger.js';
import { runCli } from './helpers/cli.js';

const ENV = { AGENCY_API_KEY: 'agency-key-0123456', HARBOR_API_KEY: 'harbor-key-0123456' };
const EXAMPLE_DIR = path.resolve('config/businesses');

/** A copy of the bundled example folder (the demo feeds beside it too), to add and break files in. */
function exampleCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'rm-businesses-'));
  cpSync(path.resolve('config/demo'), path.join(root, 'demo'), { recursive: true });
  cpSync(EXAMPLE_DIR, path.join(root, 'businesses'), { recursive: true });
  return path.join(root, 'businesses');
}

function problems(load: () => unknown): string[] {
  try {
    load();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected the config to be refused');
}

const biz = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  name: `Business ${id}`,
  contact: { email: `care@${id}.example` },
  signature: `The ${id} team`,
  sources: [{ id: 'google', type: 'rss' as const, url: `https://${id}.example/reviews.rss`, schedule: '0 * * * *' }],
  ...over,
});

describe('several businesses in one deployment', () => {
  it('reads the bundled config folder: one file per business, ids across the deployment qualified by the business', () => {
    const config = loadConfigDir(EXAMPLE_DIR, ENV);
    expect(config.businesses.map((b) => [b.id, b.business.name, b.business.tone])).toEqual([
      ['harbor-bistro', 'Harbor Bistro', 'friendly'],
      ['tidy-app', 'Tidy', 'formal'],
    ]);
    expect(config.sources.map((s) => [s.id, s.business])).toEqual([
      ['harbor-bistro.rss', 'harbor-bistro'],
      ['tidy-app.rss', 'tidy-app'],
    ]);
    // The service's channel takes every business; the business's own takes only its sources.
    expect(config.alerts.map((a) => [a.id, a.business, a.sources])).toEqual([
      ['log', undefined, undefined],
      ['harbor-bistro.log', 'harbor-bistro', ['harbor-bistro.rss']],
    ]);
    expect(config.api.keys.find((k) => k.name === 'harbor-owner')?.businesses).toEqual(['harbor-bistro']);
    expect(businessOf(config, 'tidy-app.rss').business.signature).toBe('Sam, Tidy Support');
  });

  it('drafts each review as its own business: name, signature, register and vocabulary', () => {
    const config = loadConfigDir(EXAMPLE_DIR, ENV);
    const analyze = createAnalyzer(config);
    const complaint = { text: 'The app crashed after the update and I lost my login. Support never answered.', rating: 1 };
    const tidy = analyze(makeReview('tidy-app.rss', complaint), { draft: true });
    const harbor = analyze(makeReview('harbor-bistro.rss', { text: 'Cold food and a rude waiter, we waited an hour.', rating: 1 }), { draft: true });
    expect(tidy.draft?.reply).toContain('Sam, Tidy Support');
    expect(tidy.draft?.reply).toContain('support@tidy-app.example');
    expect(tidy.draft?.reply).not.toContain('Harbor');
    expect(harbor.draft?.reply).toContain('Maya, Guest Relations');
    expect(harbor.draft?.reply).not.toContain('Tidy');
    // The app's taxonomy tags the crash; the restaurant's would not know it.
    expect(tidy.verdict.topics.length).toBeGreaterThan(0);
    expect(tidy.verdict.topics).not.toEqual(harbor.verdict.topics);
  });

  it('keeps a single business exactly as before: bare ids, one business named default', () => {
    const config = makeConfig({ sources: [{ id: 'harbor', type: 'rss', url: 'https://h.example/r.rss', schedule: '0 * * * *' }] });
    expect(config.businesses.map((b) => b.id)).toEqual(['default']);
    expect(config.sources.map((s) => [s.id, s.business])).toEqual([['harbor', 'default']]);
    expect(config.alerts.map((a) => a.id)).toEqual(['log']);
  });

  it('refuses two businesses with one id, a source id twice in a business, and a channel naming another business’s source', () => {
    const found = problems(() =>
      makeConfig({
        business: undefined,
        businesses: [
          biz('berlin', { sources: [biz('x').sources[0], { ...biz('x').sources[0], url: 'https://other.example/r.rss' }] }),
          biz('berlin'),
          biz('lyon', { alerts: [{ type: 'log', sources: ['google', 'berlin.google'] }, { type: 'webhook', url: 'https://hooks.example/x', sources: ['yelp'] }] }),
        ],
      }),
    );
    expect(found).toContain('businesses[1].id: Duplicate business id "berlin" (also businesses[0])');
    expect(found).toContain('businesses[0].sources[1].id: Duplicate source id "google" in business "berlin" (also businesses[0].sources[0])');
    expect(found.find((p) => p.startsWith('businesses[2].alerts[0].sources[1]:'))).toMatch(/belongs to business "berlin", not "lyon"/);
    expect(found.find((p) => p.startsWith('businesses[2].alerts[1].sources[0]:'))).toMatch(/Unknown source "yelp"/);
    // The same source id in two businesses is two sources.
    expect(found.some((p) => p.includes('businesses[2].sources'))).toBe(false);
    expect(found).toHaveLength(4);
  });

  it('refuses a config with both or neither of business and businesses, top-level sources beside businesses, and a key limited to an unknown business', () => {
    expect(problems(() => parseConfig({ sources: [] }))).toEqual(['business: Required: give "business" (the one business) or "businesses" (several)']);
    const both = problems(() => makeConfig({ businesses: [biz('a')] }));
    expect(both).toEqual(['businesses: give "business" (one business) or "businesses" (several), not both']);
    const stray = problems(() => makeConfig({ business: undefined, businesses: [biz('a')], sources: biz('b').sources as never }));
    expect(stray[0]).toMatch(/^sources: with "businesses", every source belongs to one/);
    const key = problems(() => makeConfig({ business: undefined, businesses: [biz('a')], api: { keys: [{ name: 'client', key: 'client-key-123456', businesses: ['b'] }] } }));
    expect(key).toEqual(['api.keys[0].businesses[0]: Unknown business "b" (configured: a)']);
  });

  it('names the file and the field of every problem in a config folder, and refuses business sections in service.yaml', () => {
    const dir = exampleCopy();
    writeFileSync(path.join(dir, 'lyon.yaml'), 'name: Hôtel Lyon\ncontact: {}\nsignature: Claire\nsources:\n  - { id: web, type: rss, url: "nope", schedule: "0 * * * *" }\n');
    writeFileSync(path.join(dir, 'broken.yml'), 'name: [unclosed\n');
    writeFileSync(path.join(dir, 'service.yaml'), 'sources: []\nalerts: [{ type: log }]\n');
    const found = problems(() => loadConfigDir(dir, ENV));
    expect(found.find((p) => p.startsWith('broken.yml: (yaml):'))).toMatch(/Flow sequence .* at line 2, column 1/);
    expect(found).toContain(`service.yaml: sources: goes in a business's own file in ${dir}, not in service.yaml`);
    // Once the folder reads, the schema's problems name their file too.
    writeFileSync(path.join(dir, 'broken.yml'), 'name: Fixed\ncontact: { email: a@b.example }\nsignature: A\n');
    writeFileSync(path.join(dir, 'service.yaml'), 'alerts: [{ type: log }]\n');
    const schema = problems(() => loadConfigDir(dir, ENV));
    expect(schema).toContain('lyon.yaml: contact: Give at least an email or a phone number: every reply takes the conversation offline');
    expect(schema).toContain('lyon.yaml: sources[0].url: Invalid URL');
    expect(schema).toHaveLength(2);
  });

  it('takes a business id from its file name unless the file gives one, and refuses two files with one id', () => {
    const dir = exampleCopy();
    writeFileSync(path.join(dir, 'lyon.yaml'), 'name: Hôtel Lyon\ncontact: { email: c@lyon.example }\nsignature: Claire\nlanguage: fr\nindustry: hotel\n');
    expect(loadConfigDir(dir, ENV).businesses.map((b) => b.id)).toEqual(['harbor-bistro', 'lyon', 'tidy-app']);
    writeFileSync(path.join(dir, 'lyon-copy.yaml'), 'id: lyon\nname: Hôtel Lyon\ncontact: { email: c@lyon.example }\nsignature: Claire\n');
    expect(problems(() => loadConfigDir(dir, ENV))).toEqual(['lyon.yaml: id: Duplicate business id "lyon" (also businesses[1])']);
  });

  it('holds each business to its own reply SLA over the service’s', () => {
    const config = makeConfig({ business: undefined, businesses: [biz('clinic', { sla: { high: 1, medium: 2 } }), biz('shop')], lifecycle: { sla: { high: 8 } } });
    expect(slaFor(config, 'clinic.google')).toEqual({ critical: 1, high: 1, medium: 2, low: 72 });
    expect(slaFor(config, 'shop.google')).toEqual({ critical: 1, high: 8, medium: 24, low: 72 });
    // Flagged three hours ago, high severity, no reply: late for the clinic, in time for the shop.
    const now = Date.UTC(2026, 11, 4, 12);
    const flagged = (sourceId: string) => ({ review: makeReview(sourceId), alertedAt: new Date(now - 3 * 3_600_000).toISOString(), verdict: { negative: true, score: -1, severity: 'high' as const, topics: [], reasons: [], language: 'en' }, lifecycle: {}, status: 'new' });
    expect(isOverdue(flagged('clinic.google') as never, slaFor(config, 'clinic.google'), now)).toBe(true);
    expect(isOverdue(flagged('shop.google') as never, slaFor(config, 'shop.google'), now)).toBe(false);
  });

  it('sends each business its weekly report to its own e-mail and Slack channels, as it chooses, or not at all', () => {
    const email = (to: string) => ({ type: 'email' as const, smtp: { host: 'smtp.example.com' }, from: 'rm@example.com', to: [to] });
    const slack = { type: 'slack' as const, webhookUrl: 'https://hooks.slack.com/services/T0/B0/x' };
    const config = makeConfig({
      business: undefined,
      alerts: [{ ...email('agency@example.com'), id: 'agency' }],
      businesses: [
        biz('berlin', { alerts: [{ ...email('berlin@example.com'), id: 'mail' }, { ...slack, id: 'team' }], report: { channels: ['team'] } }),
        biz('lyon', { alerts: [{ ...email('lyon@example.com'), id: 'mail' }], report: { enabled: false } }),
        biz('porto', { alerts: [{ ...email('porto@example.com'), id: 'mail' }] }),
      ],
    });
    const channels = createChannels(config.alerts, { logger: createLogger('silent'), userAgent: 'test', interactive: false });
    expect(reportChannels({ config, channels }).map((c) => c.id)).toEqual(['agency', 'berlin.team', 'porto.mail']);
    const wrong = problems(() => makeConfig({ business: undefined, businesses: [biz('berlin', { alerts: [{ type: 'log', id: 'ops' }], report: { channels: ['ops', 'nope'] } })] }));
    expect(wrong).toEqual([
      'businesses[0].report.channels[0]: the weekly report goes to e-mail and Slack channels; "ops" is a log channel',
      'businesses[0].report.channels[1]: Unknown channel "nope" of business "berlin" (its channels: ops)',
    ]);
  });

  it('drafts each line of review-monitor draft as the business it names, or its source’s, and refuses an unknown one', async () => {
    const lines = [
      { id: 'a', text: 'The app crashed and I lost my notes.', rating: 1, business: 'tidy-app' },
      { id: 'b', text: 'Cold soup and a long wait.', rating: 1, source: 'harbor-bistro.rss' },
      { id: 'c', text: 'Rude staff.', rating: 1, business: 'nowhere' },
    ];
    const res = await runCli(['draft', '--config-dir', 'config/businesses'], {}, 45_000, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const out = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id?: string; reply?: string; error?: string });
    expect(out.find((o) => o.id === 'a')?.reply).toContain('Sam, Tidy Support');
    expect(out.find((o) => o.id === 'b')?.reply).toContain('Maya, Guest Relations');
    expect(out.find((o) => o.id === 'c')?.error).toBe('business: unknown business "nowhere" (configured: harbor-bistro, tidy-app)');
    expect(res.code).toBe(1);
  });

  it("classifies each line of review-monitor draft with its business's own classifier section", async () => {
    const dir = exampleCopy();
    const tidy = path.join(dir, 'tidy-app.yaml');
    writeFileSync(tidy, readFileSync(tidy, 'utf8') + '\nclassifier:\n  criticalRules:\n    - { id: store_report, label: Reported to the app store, patterns: ["reporting the app to google"] }\n');
    const text = 'The update deleted my notes, so I am reporting the app to Google.';
    const lines = [
      { id: 'tidy', text, rating: 2, business: 'tidy-app' },
      { id: 'bistro', text, rating: 2, business: 'harbor-bistro' },
    ];
    const res = await runCli(['draft', '--config-dir', dir], {}, 45_000, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const out = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id?: string; severity?: string });
    expect(out.find((o) => o.id === 'tidy')?.severity, res.stdout + res.stderr).toBe('critical');
    expect(out.find((o) => o.id === 'bistro')?.severity).not.toBe('critical');
  });
});
