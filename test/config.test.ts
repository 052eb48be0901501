import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, envBool, loadConfig } from '../src/config/load.js';
import { classify } from '../src/classify/index.js';
import { draftReply } from '../src/draft/index.js';
import { draftContextFor } from '../src/lifecycle/draft-context.js';
import { makeReview } from './helpers/factories.js';

const ISSUE_EXAMPLE = `business:
  name: Harbor Bistro
  contact:
    email: care@harborbistro.example
    phone: "+1 555 0100"
  signature: Maya, Guest Relations
sources:
  - id: harbor-rss
    type: rss
    url: https://reviews.example.com/harbor.rss
    schedule: "*/5 * * * *"     # node-cron syntax; a six-field (seconds) form is accepted too
    alertOnBackfill: false
alerts:
  - type: log
  - type: webhook
    url: https://hooks.example.com/reviews
`;

function writeTemp(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rm-config-'));
  const file = path.join(dir, 'config.yaml');
  writeFileSync(file, text);
  return file;
}

function problemsOf(file: string, env: Record<string, string> = {}): string[] {
  try {
    loadConfig(file, env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected the config to be rejected');
}

describe('config', () => {
  it('accepts the documented example unchanged, with defaults filled in', () => {
    const cfg = loadConfig(writeTemp(ISSUE_EXAMPLE), {});
    expect(cfg.business.contact.email).toBe('care@harborbistro.example');
    expect(cfg.sources[0]).toMatchObject({ id: 'harbor-rss', type: 'rss', schedule: '*/5 * * * *', alertOnBackfill: false, enabled: true });
    expect(cfg.alerts.map((a) => `${a.id}:${a.type}`)).toEqual(['log:log', 'webhook:webhook']);
    expect(cfg.api.port).toBe(3000);
    expect(cfg.redis.url).toBe('redis://127.0.0.1:6379');
    expect(Object.isFrozen(cfg.sources[0])).toBe(true);
  });

  it('accepts the bundled default and example configs', () => {
    // The example takes its API key and channel secrets from the environment, as a deployment would.
    const env = { MAYA_API_KEY: 'maya-key-123456', ALERT_WEBHOOK_SECRET: 'example-secret-0123456789', SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/x', SMTP_PASSWORD: 'example', GOOGLE_CLIENT_SECRET: 'example', GOOGLE_REFRESH_TOKEN: 'example', PLAY_SERVICE_ACCOUNT_JSON: '{}', ASC_PRIVATE_KEY: 'example' };
    for (const f of ['config/default.yaml', 'config/example.yaml', 'deploy/k8s/config.yaml']) expect(() => loadConfig(f, { ...env, OPS_API_KEY: 'ops-key-123456' })).not.toThrow();
  });

  it('lists every bad field by its path', () => {
    const file = writeTemp(`business:
  name: Harbor Bistro
  contact: {}
  signature: Maya
sources:
  - id: ok
    type: rss
    url: https://x.example/a.rss
    schedule: "*/5 * * * *"
  - id: second
    type: rss
    url: https://x.example/b.rss
    schedule: "*/5 * * * *"
  - id: "bad:id"
    type: rss
    url: not a url
    schedule: "61 * * * *"
alerts:
  - type: webhook
    url: ftp://hooks.example.com/x
`);
    const problems = problemsOf(file);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^business\.contact: .*email or a phone/),
        expect.stringMatching(/^sources\[2\]\.id: /),
        'sources[2].url: Invalid URL',
        expect.stringMatching(/^sources\[2\]\.schedule: Invalid cron expression "61 \* \* \* \*"/),
        expect.stringMatching(/^alerts\[0\]\.url: /),
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('rejects unknown keys and duplicate source ids, naming them', () => {
    const dup = ISSUE_EXAMPLE.replace('alerts:', `  - id: harbor-rss\n    type: rss\n    url: https://x.example/c.rss\n    schedule: "* * * * *"\nalerts:`);
    expect(problemsOf(writeTemp(dup))).toEqual([expect.stringMatching(/^sources\[1\]\.id: Duplicate source id "harbor-rss"/)]);
    expect(problemsOf(writeTemp(ISSUE_EXAMPLE.replace('signature:', 'signatur: x\n  signature:')))).toEqual([expect.stringMatching(/^business: Unrecognized key.*signatur/)]);
  });

  it('reports YAML syntax errors and unreadable files as config errors', () => {
    expect(problemsOf(writeTemp('business: [unclosed'))[0]).toMatch(/^\(yaml\)/);
    expect(problemsOf('/nonexistent/review-monitor.yaml')[0]).toMatch(/cannot read/);
  });

  it('reports a YAML alias bomb as one (yaml) line, not a stack trace', () => {
    // "Billion laughs": each level doubles the one before; expanded it is 2^20 copies of "lol".
    const levels = Array.from({ length: 20 }, (_, i) => `l${i + 1}: &l${i + 1} [*l${i}, *l${i}]`).join('\n');
    const problems = problemsOf(writeTemp(`l0: &l0 lol\n${levels}\n`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\(yaml\): [^\n]*alias/i);
  });

  it('refuses a config file over the size cap before reading it, naming the cap', () => {
    // A valid config padded with comments past 1 MiB.
    const file = writeTemp(`${ISSUE_EXAMPLE}${'# padding\n'.repeat(110_000)}`);
    expect(problemsOf(file)).toEqual([expect.stringMatching(/^\(file\): .* is 1\d{6} bytes, over the 1048576-byte limit for a config file$/)]);
  });

  it('applies environment overrides; an explicit REDIS_URL turns the private Redis off', () => {
    const cfg = loadConfig(writeTemp(ISSUE_EXAMPLE), { REDIS_URL: 'redis://redis:6379', PORT: '8080', LOG_LEVEL: 'debug', API_KEYS: 'first-key-123, second-key-456,' });
    expect(cfg.redis).toMatchObject({ url: 'redis://redis:6379', autostart: false });
    expect(cfg.api.port).toBe(8080);
    expect(cfg.log.level).toBe('debug');
    expect(cfg.api.keys).toEqual([
      { name: 'key-1', key: 'first-key-123', scopes: ['read', 'write'] },
      { name: 'key-2', key: 'second-key-456', scopes: ['read', 'write'] },
    ]);
    expect(problemsOf(writeTemp(ISSUE_EXAMPLE), { PORT: 'eighty' })).toEqual([expect.stringMatching(/^api\.port: /)]);
  });

  it('takes named keys with scopes, from the file or from an environment variable it names', () => {
    const text = ISSUE_EXAMPLE + 'api:\n  keys:\n    - name: dashboard\n      keyEnv: DASH_KEY\n      scopes: [read]\n    - name: ops\n      key: ops-key-123456\n';
    const cfg = loadConfig(writeTemp(text), { DASH_KEY: 'dash-key-123456' });
    expect(cfg.api.keys).toEqual([
      { name: 'dashboard', key: 'dash-key-123456', scopes: ['read'] },
      { name: 'ops', key: 'ops-key-123456', scopes: ['read', 'write'] },
    ]);
    expect(problemsOf(writeTemp(text))).toEqual(['api.keys[0].keyEnv: environment variable DASH_KEY is not set']);
  });

  it('accepts a Redis Cluster hash tag as the key prefix, and nothing else with braces', () => {
    expect(loadConfig(writeTemp(ISSUE_EXAMPLE), { REDIS_PREFIX: '{rm}' }).redis.prefix).toBe('{rm}');
    expect(problemsOf(writeTemp(ISSUE_EXAMPLE), { REDIS_PREFIX: '{rm' })).toEqual([expect.stringMatching(/^redis\.prefix: /)]);
    expect(problemsOf(writeTemp(ISSUE_EXAMPLE), { REDIS_PREFIX: 'a:b' })).toEqual([expect.stringMatching(/^redis\.prefix: /)]);
  });

  it('parses booleans from the environment explicitly', () => {
    expect(envBool('X', 'false')).toBe(false);
    expect(envBool('X', '0')).toBe(false);
    expect(envBool('X', 'TRUE')).toBe(true);
    expect(envBool('X', undefined)).toBeUndefined();
    expect(() => envBool('REDIS_AUTOSTART', 'maybe')).toThrow(/REDIS_AUTOSTART must be true or false/);
    expect(loadConfig(writeTemp(ISSUE_EXAMPLE), { REDIS_AUTOSTART: 'false' }).redis.autostart).toBe(false);
  });

  it('resolves file://./ URLs against the config file folder', () => {
    const file = writeTemp(ISSUE_EXAMPLE.replace('https://reviews.example.com/harbor.rss', 'file://./feeds/harbor.rss'));
    const cfg = loadConfig(file, {});
    const source = cfg.sources[0];
    expect(source && 'url' in source ? source.url : '').toBe(pathToFileURL(path.join(path.dirname(file), 'feeds/harbor.rss')).href);
  });

  it('accepts six-field (seconds) cron expressions', () => {
    const cfg = loadConfig(writeTemp(ISSUE_EXAMPLE.replace('"*/5 * * * *"', '"*/10 * * * * *"')), {});
    expect(cfg.sources[0]?.schedule).toBe('*/10 * * * * *');
  });

  it('accepts every source type with its keys and defaults; file paths are relative to the config file', () => {
    const file = writeTemp(`business: { name: B, contact: { email: a@b.co }, signature: S }
sources:
  - { id: ios, type: appstore, appId: "284882215", schedule: "0 * * * *" }
  - { id: play, type: googleplay, appId: com.example.app, schedule: "0 * * * *", url: "http://127.0.0.1:8080" }
  - { id: tp, type: jsonld, url: "https://www.trustpilot.com/review/example.com", schedule: "0 * * * *" }
  - id: guestbook
    type: html
    url: https://example.com/guestbook
    schedule: "0 * * * *"
    selectors: { item: .review, text: .body, rating: ".stars@data-rating" }
  - { id: import, type: file, path: exports/reviews.csv, schedule: "0 0 * * *" }
`);
    const cfg = loadConfig(file, {});
    expect(cfg.sources[0]).toMatchObject({ type: 'appstore', appId: '284882215', country: 'us', maxPages: 10 });
    expect(cfg.sources[1]).toMatchObject({ type: 'googleplay', lang: 'en', country: 'us', maxPages: 5, url: 'http://127.0.0.1:8080' });
    expect(cfg.sources[3]).toMatchObject({ selectors: { item: '.review', text: '.body', rating: '.stars@data-rating' } });
    expect(cfg.sources[4]).toMatchObject({ path: path.join(path.dirname(file), 'exports/reviews.csv') });
    expect(cfg.fetch).toMatchObject({ connectTimeoutMs: 10_000, perHostConcurrency: 2, perHostIntervalMs: 1_000 });
  });

  it('names every bad field of the new source types by its path', () => {
    const file = writeTemp(`business: { name: B, contact: { email: a@b.co }, signature: S }
sources:
  - { id: a, type: appstore, schedule: "* * * * *" }
  - { id: b, type: html, url: "https://x.example/", schedule: "* * * * *", selectors: { text: .t } }
  - { id: c, type: googleplay, appId: not a package, schedule: "* * * * *", extra: 1 }
  - { id: d, type: tripadvisor, schedule: "* * * * *" }
  - { id: e, type: file, schedule: "* * * * *" }
  - { id: f, type: appstore, appId: abc, country: usa, schedule: "* * * * *" }
`);
    expect(problemsOf(file)).toEqual([
      'sources[0].appId: Required',
      'sources[1].selectors.item: Required',
      'sources[2].appId: must be an Android package name, e.g. "com.example.app"',
      'sources[2]: Unrecognized key: "extra"',
      "sources[3].type: Invalid discriminator value. Expected 'rss' | 'appstore' | 'googleplay' | 'google-business' | 'appstore-connect' | 'google-play-api' | 'trustpilot' | 'yelp' | 'facebook' | 'jsonld' | 'html' | 'file'",
      'sources[4].path: Required',
      'sources[5].appId: must be the numeric App Store id, e.g. "284882215"',
      'sources[5].country: must be a two-letter country code, e.g. "us"',
    ]);
  });
});

describe('the bundled demo config', () => {
  it('signs each demo source\'s replies with its own business', () => {
    const config = loadConfig('config/default.yaml', {});
    const draftFor = (sourceId: string): string => {
      const review = makeReview(sourceId, { rating: 1, text: 'It stopped working after a day and nobody answered.' });
      return draftReply(review, classify({ text: review.text, rating: 1 }), draftContextFor(config, sourceId)).reply;
    };
    const bistro = draftFor('harbor-demo');
    expect(bistro).toContain('Harbor Bistro');
    expect(bistro).toContain('care@harborbistro.example');
    const app = draftFor('tidy-demo');
    expect(app).toContain('Sam, Tidy Support');
    expect(app).toContain('support@tidy-app.example');
    expect(app).not.toContain('Harbor Bistro');
  });
});

describe('reply languages and template sets', () => {
  const withDrafting = (business: string, drafting = ''): string =>
    ISSUE_EXAMPLE.replace('  signature: Maya, Guest Relations\n', `  signature: Maya, Guest Relations\n${business}`) + drafting;

  it('names a business language or reply language that no template set writes, instead of answering in English unsaid', () => {
    expect(problemsOf(writeTemp(withDrafting('  language: xx\n')))).toEqual([
      'business.language: no reply templates for "xx" (built in: de, en, es, fr, it, nl, pt, pt-PT; more from drafting.templatesDir)',
    ]);
    expect(problemsOf(writeTemp(withDrafting('  replyLanguage: sv\n')))).toEqual([
      'business.replyLanguage: no reply templates for "sv" (built in: de, en, es, fr, it, nl, pt, pt-PT; more from drafting.templatesDir)',
    ]);
    // A region falls back to its language's set; "reviewer" needs none.
    expect(loadConfig(writeTemp(withDrafting('  language: en-GB\n  replyLanguage: reviewer\n')), {}).business.language).toBe('en-GB');
    // With one reply language for every review, the business's own language writes no reply (code review: a Swedish
    // business replying in English would not start).
    expect(loadConfig(writeTemp(withDrafting('  language: sv\n  replyLanguage: en\n')), {}).business.language).toBe('sv');
  });

  it('reads drafting.templatesDir beside the config file, checks its sets at load, and lets them add a language', () => {
    const file = writeTemp(withDrafting('  language: sv\n', 'drafting:\n  templatesDir: ./templates\n'));
    expect(problemsOf(file)).toEqual([`drafting.templatesDir: folder ${path.join(path.dirname(file), 'templates')} does not exist`]);
    const dir = path.join(path.dirname(file), 'templates');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'sv.json'), JSON.stringify({ language: 'sv' }));
    expect(problemsOf(file)).toEqual([expect.stringMatching(/^drafting\.templatesDir: Invalid template set .*sv\.json: /)]);
    const en = JSON.parse(readFileSync(new URL('../src/draft/templates/en.json', import.meta.url), 'utf8')) as { language: string };
    writeFileSync(path.join(dir, 'sv.json'), JSON.stringify({ ...en, language: 'sv' }));
    const cfg = loadConfig(file, {});
    expect([cfg.drafting.templatesDir, cfg.businesses[0]!.drafting.templatesDir]).toEqual([dir, dir]);
    // A reload reads the folder again: a set added since is found, one broken since is refused.
    const file2 = writeTemp(withDrafting('  language: da\n', `drafting:\n  templatesDir: ${dir}\n`));
    expect(problemsOf(file2)).toEqual([expect.stringMatching(/^business\.language: no reply templates for "da"/)]);
    writeFileSync(path.join(dir, 'da.json'), JSON.stringify({ ...en, language: 'da' }));
    expect(loadConfig(file2, {}).business.language).toBe('da');
    writeFileSync(path.join(dir, 'da.json'), '{');
    expect(problemsOf(file2)).toEqual([expect.stringMatching(/^drafting\.templatesDir: Invalid template set .*da\.json: not JSON/)]);
  });
});
