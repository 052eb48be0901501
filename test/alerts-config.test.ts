import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config/load.js';
import type { ConfigInput } from '../src/config/schema.js';
import { createLogger } from '../src/logger.js';
import { captureLogs } from './helpers/context.js';
import { makeConfig } from './helpers/factories.js';

function problems(alerts: unknown[], env: Record<string, string> = {}, over: Record<string, unknown> = {}): string[] {
  try {
    makeConfig({ alerts: alerts as ConfigInput['alerts'], ...over } as Partial<ConfigInput>, env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected the config to be rejected');
}

const SLACK_URL = 'https://hooks.slack.com/services/T000/B000/XXXXXXXX';

describe('alert channel config', () => {
  it('accepts every channel type with routing, digest and secrets from the environment', () => {
    const cfg = makeConfig(
      {
        publicUrl: 'https://reviews.example.com',
        sources: [{ id: 'harbor', type: 'rss', url: 'https://reviews.example.com/harbor.rss', schedule: '*/5 * * * *' }],
        alerts: [
          { type: 'log', minSeverity: 'high' },
          { type: 'webhook', id: 'ops', url: 'https://hooks.example.com/r', secretEnv: 'HOOK_SECRET', sources: ['harbor'], topics: ['waiting_time'] },
          { type: 'slack', webhookUrlEnv: 'SLACK_URL', digest: { windowSeconds: 600 }, apiBaseUrl: 'https://api.example.com' },
          { type: 'email', smtp: { host: 'smtp.example.com', user: 'alerts', passEnv: 'SMTP_PASS' }, from: 'Reviews <alerts@example.com>', to: ['owner@example.com'] },
        ],
      },
      { HOOK_SECRET: 'a-very-long-shared-secret', SLACK_URL, SMTP_PASS: 'hunter2-hunter2' },
    );
    expect(cfg.publicUrl).toBe('https://reviews.example.com');
    expect(cfg.alerts.map((a) => a.id)).toEqual(['log', 'ops', 'slack', 'email']);
    expect(cfg.alerts[1]).toMatchObject({ secret: 'a-very-long-shared-secret', sources: ['harbor'], topics: ['waiting_time'], minSeverity: 'low' });
    expect(cfg.alerts[2]).toMatchObject({ webhookUrl: SLACK_URL, digest: { windowSeconds: 600 }, timeoutMs: 10_000 });
    expect(cfg.alerts[3]).toMatchObject({ smtp: { host: 'smtp.example.com', port: 587, secure: false, user: 'alerts', pass: 'hunter2-hunter2' } });
  });

  it('names the missing environment variable and the field that refers to it', () => {
    expect(
      problems([
        { type: 'webhook', url: 'https://hooks.example.com/r', secretEnv: 'HOOK_SECRET' },
        { type: 'slack', webhookUrlEnv: 'SLACK_URL' },
        { type: 'email', smtp: { host: 'smtp.example.com', passEnv: 'SMTP_PASS' }, from: 'a@example.com', to: ['b@example.com'] },
      ]),
    ).toEqual([
      'alerts[0].secretEnv: environment variable HOOK_SECRET is not set',
      'alerts[1].webhookUrlEnv: environment variable SLACK_URL is not set',
      'alerts[2].smtp.passEnv: environment variable SMTP_PASS is not set',
    ]);
    expect(problems([{ type: 'slack', webhookUrlEnv: 'SLACK_URL' }], { SLACK_URL: 'not a url' })).toEqual(['alerts[0].webhookUrlEnv: SLACK_URL is not an http(s) URL']);
  });

  it('rejects bad channel fields with their paths', () => {
    const got = problems([
      { type: 'slack' },
      { type: 'webhook', url: 'https://x.example.com', secret: 'short' },
      { type: 'webhook', url: 'https://x.example.com', secret: '0123456789abcdef', secretEnv: 'S' },
      { type: 'email', smtp: { host: 'h' }, from: 'a@example.com', to: [] },
      { type: 'log', digest: { windowSeconds: 0 }, sources: [], topics: [] },
      { type: 'log', digest: { window: 5 } },
    ]);
    expect(got).toContainEqual(expect.stringMatching(/^alerts\[0\]\.webhookUrl: required: give "webhookUrl" or "webhookUrlEnv"/));
    expect(got).toContainEqual(expect.stringMatching(/^alerts\[1\]\.secret: use a secret of at least 16 characters/));
    expect(got).toContainEqual('alerts[2].secretEnv: give "secret" or "secretEnv", not both');
    expect(got).toContainEqual('alerts[3].to: list at least one recipient');
    expect(got).toContainEqual(expect.stringMatching(/^alerts\[4\]\.digest\.windowSeconds: /));
    expect(got).toContainEqual('alerts[4].sources: list at least one source id, or leave "sources" out');
    expect(got).toContainEqual('alerts[4].topics: list at least one topic, or leave "topics" out');
    expect(got).toContainEqual(expect.stringMatching(/^alerts\[5\]\.digest: Unrecognized key.*window/));
    expect(problems([{ type: 'log' }], {}, { publicUrl: 'ftp://x' })).toEqual([expect.stringMatching(/^publicUrl: /)]);
  });

  it('refuses a channel routed to a source the config does not have, naming it', () => {
    expect(problems([{ type: 'log', sources: ['harbor', 'harbour'] }], {}, { sources: [{ id: 'harbor', type: 'rss', url: 'https://x.example/h.rss', schedule: '* * * * *' }] })).toEqual([
      'alerts[0].sources[1]: Unknown source "harbour" (configured: harbor)',
    ]);
  });

  it('checks a config without its secrets when asked to (check-config --no-secrets, draft)', () => {
    const raw = {
      business: { name: 'B', contact: { email: 'care@b.example' }, signature: 'S' },
      sources: [],
      alerts: [{ type: 'slack', webhookUrlEnv: 'SLACK_URL' }, { type: 'email', smtp: { host: 'smtp.example.com', passEnv: 'SMTP_PASS' }, from: 'a@example.com', to: ['b@example.com'] }],
      api: { keys: [{ name: 'ops', keyEnv: 'OPS_KEY' }] },
    };
    expect(() => parseConfig(raw, { env: {} })).toThrow(/SLACK_URL is not set/);
    const cfg = parseConfig(raw, { env: {}, secrets: false });
    expect(cfg.alerts.map((a) => a.id)).toEqual(['slack', 'email']);
    // Shapes are still checked.
    expect(() => parseConfig({ ...raw, alerts: [{ type: 'slack', webhookUrlEnv: 'not a name' }] }, { env: {}, secrets: false })).toThrow(/alerts\[0\]\.webhookUrlEnv/);
  });

  it('never writes channel secrets to the logs', () => {
    const cfg = parseConfig(
      {
        business: { name: 'B', contact: { email: 'care@b.example' }, signature: 'S' },
        alerts: [
          { type: 'webhook', url: 'https://hooks.example.com/r', secret: 'webhook-secret-123456', headers: { authorization: 'Bearer header-secret' } },
          { type: 'slack', webhookUrl: SLACK_URL },
          { type: 'email', smtp: { host: 'smtp.example.com', user: 'u', pass: 'smtp-password-1' }, from: 'a@example.com', to: ['b@example.com'] },
        ],
      },
      {},
    );
    const logs = captureLogs();
    const logger = createLogger('info', logs.stream);
    logger.info({ config: cfg }, 'config');
    logger.info({ alerts: cfg.alerts }, 'alerts');
    logger.info({ channel: cfg.alerts[2] }, 'one channel');
    logger.flush();
    const out = JSON.stringify(logs.lines);
    expect(logs.lines).toHaveLength(3);
    for (const secret of ['webhook-secret-123456', 'header-secret', 'XXXXXXXX', 'smtp-password-1']) expect(out).not.toContain(secret);
    expect(out).toContain('smtp.example.com');
  });
});
