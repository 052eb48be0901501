import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startService } from '../src/app.js';
import { loadConfigDir } from '../src/config/load.js';
import { createLogger } from '../src/logger.js';
import { watchConfig, type ConfigReloader } from '../src/reload.js';
import { captureLogs, serviceHarness } from './helpers/context.js';
import { waitFor } from './helpers/http.js';
import { TEST_REDIS_URL, uniquePrefix } from './helpers/redis.js';

const ENV = { AGENCY_API_KEY: 'agency-key-0123456', HARBOR_API_KEY: 'harbor-key-0123456', REDIS_URL: TEST_REDIS_URL };

const BAKERY = `name: Bäckerei Sonne
industry: cafe_bakery
language: de
contact: { email: hallo@sonne.example }
signature: Anna, Bäckerei Sonne
sources:
  - id: feed
    type: rss
    url: file://./../demo/harbor-bistro.rss
    schedule: "0 0 1 1 *"
    alertOnBackfill: true
`;

describe('reloading the config of a running service', () => {
  const h = serviceHarness();
  let reloader: ConfigReloader | undefined;
  afterEach(async () => {
    reloader?.stop();
    await h.teardown();
  });

  it('takes a business added to the folder, refuses a broken file and keeps running, and stops polling a removed business but keeps its data', { timeout: 60_000 }, async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'rm-reload-'));
    cpSync(path.resolve('config/demo'), path.join(root, 'demo'), { recursive: true });
    const dir = path.join(root, 'businesses');
    cpSync(path.resolve('config/businesses'), dir, { recursive: true });
    h.prefix = uniquePrefix();
    writeFileSync(path.join(dir, 'service.yaml'), `alerts: [{ type: log }]\nredis: { prefix: ${h.prefix}, autostart: false }\napi: { port: 0, host: 127.0.0.1, keys: [{ name: agency, keyEnv: AGENCY_API_KEY }], rateLimit: { max: 1000000 } }\nlog: { level: info }\n`);
    const logs = captureLogs();
    const logger = createLogger('info', logs.stream);
    const service = await startService(loadConfigDir(dir, ENV), logger, 'all');
    h.services.push(service);
    reloader = watchConfig({ target: dir, env: ENV, logger, apply: (next) => service.reload(next), settleMs: 50 });
    const api = async (url: string) => (await fetch(`${service.address}${url}`, { headers: { authorization: `Bearer ${ENV.AGENCY_API_KEY}` } })).json() as Promise<{ items: { id: string; sourceId?: string }[] }>;
    const reviewsOf = async (business: string) => (await api(`/v1/reviews?business=${business}&limit=100`)).items ?? [];

    // Both businesses are polled at start.
    const tidy = await waitFor(async () => ((await reviewsOf('tidy-app')).length > 0 ? reviewsOf('tidy-app') : undefined), 15_000, 'tidy reviews');
    expect((await api('/v1/businesses')).items.map((b) => b.id)).toEqual(['harbor-bistro', 'tidy-app']);

    // A business dropped into the folder runs without a restart: listed, polled at once, its reviews its own.
    writeFileSync(path.join(dir, 'sonne.yaml'), BAKERY);
    await waitFor(async () => (await reviewsOf('sonne')).length > 0, 15_000, 'the new business polled');
    expect((await api('/v1/businesses')).items.map((b) => b.id)).toEqual(['harbor-bistro', 'sonne', 'tidy-app']);
    expect((await reviewsOf('sonne')).every((r) => r.sourceId === 'sonne.feed')).toBe(true);

    // A broken file is refused with its problems; the running config stays.
    writeFileSync(path.join(dir, 'broken.yaml'), 'name: Broken\nsignature: x\n');
    await waitFor(() => logs.lines.some((l) => l.msg === 'config not reloaded: 1 problem(s); the running config stays'), 5_000, 'the refusal');
    const refusal = logs.lines.find((l) => String(l.msg).startsWith('config not reloaded'))!;
    expect(refusal.problems).toEqual(['broken.yaml: contact: Invalid input: expected object, received undefined']);
    expect((await api('/v1/businesses')).items.map((b) => b.id)).toEqual(['harbor-bistro', 'sonne', 'tidy-app']);
    rmSync(path.join(dir, 'broken.yaml'));

    // A removed business stops polling; its reviews stay where they were.
    rmSync(path.join(dir, 'tidy-app.yaml'));
    await waitFor(() => logs.lines.some((l) => l.msg === 'scheduler reloaded' && (l.removed as string[]).includes('tidy-app.rss')), 5_000, 'tidy unscheduled');
    expect((await api('/v1/businesses')).items.map((b) => b.id)).toEqual(['harbor-bistro', 'sonne']);
    expect(service.scheduler).toBeDefined();
    const kept = await fetch(`${service.address}/v1/reviews/${tidy[0]!.id}`, { headers: { authorization: `Bearer ${ENV.AGENCY_API_KEY}` } });
    expect(kept.status).toBe(200);
  });

  it('reloads a single config file on SIGHUP: a new API key works at once, and a change to a start-only section waits for a restart', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rm-hup-'));
    const file = path.join(dir, 'config.yaml');
    h.prefix = uniquePrefix();
    const base = `business: { name: Harbor Bistro, contact: { email: care@harbor.example }, signature: Maya }\nredis: { prefix: ${h.prefix}, autostart: false }\nlog: { level: info }\n`;
    writeFileSync(file, `${base}api: { port: 0, host: 127.0.0.1, keys: [first-key-0123456] }\n`);
    const logs = captureLogs();
    const logger = createLogger('info', logs.stream);
    const { loadConfig } = await import('../src/config/load.js');
    const service = await startService(loadConfig(file, ENV), logger, 'api');
    h.services.push(service);
    reloader = watchConfig({ target: file, env: ENV, logger, apply: (next) => service.reload(next) });
    const status = async (key: string) => (await fetch(`${service.address}/v1/businesses`, { headers: { authorization: `Bearer ${key}` } })).status;
    expect(await status('second-key-0123456')).toBe(401);
    writeFileSync(file, `${base}api: { port: 0, host: 127.0.0.1, keys: [first-key-0123456, second-key-0123456], accessLog: false }\n`);
    process.emit('SIGHUP', 'SIGHUP');
    await waitFor(() => logs.lines.find((l) => String(l.msg).startsWith('config reloaded')), 5_000, 'the reload');
    expect(await status('second-key-0123456')).toBe(200);
    expect(logs.lines.find((l) => String(l.msg).startsWith('config reloaded'))!.needsRestart).toEqual(['api']);
  });
});
