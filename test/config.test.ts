import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, envBool, loadConfig } from '../src/config/load.js';

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
    // The example takes its channel secrets from these environment variables.
    const env = { ALERT_WEBHOOK_SECRET: 'example-secret-0123456789', SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/x', SMTP_PASSWORD: 'example' };
    for (const f of ['config/default.yaml', 'config/example.yaml']) expect(() => loadConfig(f, env)).not.toThrow();
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

  it('applies environment overrides; an explicit REDIS_URL turns the private Redis off', () => {
    const cfg = loadConfig(writeTemp(ISSUE_EXAMPLE), { REDIS_URL: 'redis://redis:6379', PORT: '8080', LOG_LEVEL: 'debug', API_KEYS: 'first-key-123, second-key-456,' });
    expect(cfg.redis).toMatchObject({ url: 'redis://redis:6379', autostart: false });
    expect(cfg.api.port).toBe(8080);
    expect(cfg.log.level).toBe('debug');
    expect(cfg.api.keys).toEqual(['first-key-123', 'second-key-456']);
    expect(problemsOf(writeTemp(ISSUE_EXAMPLE), { PORT: 'eighty' })).toEqual([expect.stringMatching(/^api\.port: /)]);
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
});
