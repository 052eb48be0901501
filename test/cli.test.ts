import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { connectRedis, redisAnswers, RedisUnavailableError } from '../src/redis.js';
import { captureLogs } from './helpers/context.js';
import { CLI, runCli, startCli } from './helpers/cli.js';
import { spawnSync } from 'node:child_process';
import { freePort, startTestServer, waitFor } from './helpers/http.js';

describe('review-monitor CLI', () => {
  it('check-config exits 0 on a good file and 1 listing every bad field', async () => {
    const ok = await runCli(['check-config', 'config/default.yaml']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/OK \(3 sources/);
    const dir = mkdtempSync(path.join(tmpdir(), 'rm-cli-'));
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'business:\n  name: X\n  contact: {email: not-an-email}\n  signature: S\nsources:\n  - {id: a, type: rss, url: https://x.example/a, schedule: "* * * * *"}\n  - {id: b, type: rss, url: https://x.example/b, schedule: "* * * * *"}\n  - {id: c, type: rss, url: "nope", schedule: "* * * * *"}\n');
    const res = await runCli(['check-config', bad]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('business.contact.email');
    expect(res.stderr).toContain('sources[2].url: Invalid URL');
  });

  it('check-config --no-secrets checks a config whose secrets are not set here; draft never needs them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rm-cli-secrets-'));
    const file = path.join(dir, 'config.yaml');
    writeFileSync(
      file,
      `business: { name: Harbor Bistro, contact: { email: care@harborbistro.example }, signature: Maya }
sources: []
alerts:
  - { type: email, smtp: { host: smtp.example.com, user: alerts, passEnv: RM_TEST_SMTP_PASS }, from: a@example.com, to: [b@example.com] }
`,
    );
    const strict = await runCli(['check-config', file]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('alerts[0].smtp.passEnv: environment variable RM_TEST_SMTP_PASS is not set');
    const relaxed = await runCli(['check-config', file, '--no-secrets']);
    expect(relaxed.code).toBe(0);
    const draft = await runCli(['draft', '--config', file], {}, 45_000, '{"text":"The soup was cold.","rating":1}\n');
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain('care@harborbistro.example');
    // Three cold CLI starts (the draft one loads every language model): seconds each on a loaded CI machine.
  }, 60_000);

  it('reads config/config.yaml when there is one, else the bundled config/default.yaml', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rm-cli-default-'));
    const cli = path.resolve(CLI);
    const own = await runCliIn(dir, cli, ['check-config']);
    expect(own.code).toBe(1);
    expect(own.stderr).toContain('config/default.yaml');
    mkdirSync(path.join(dir, 'config'));
    writeFileSync(path.join(dir, 'config', 'config.yaml'), 'business: { name: Own, contact: { email: own@example.com }, signature: Own }\nsources: []\n');
    const found = await runCliIn(dir, cli, ['check-config']);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('config/config.yaml: OK (0 sources');
  });

  it('prints help, and refuses an unknown command', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/check-config/);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('fails at once, naming the URL, when the Redis it was given does not answer', async () => {
    const port = await freePort();
    // "At once" is measured beside what starting the CLI takes on this machine (a slow CI machine needed over 5 s
    // for that alone): the probe's own wait is short, and a CLI that retried would take far longer.
    const helpStarted = Date.now();
    await runCli(['--help']);
    const startup = Date.now() - helpStarted;
    const started = Date.now();
    const res = await runCli(['all', '--config', 'config/default.yaml'], { REDIS_URL: `redis://127.0.0.1:${port}`, PORT: '0' });
    expect(res.code).toBe(1);
    expect(res.stdout + res.stderr).toContain(`Redis does not answer at redis://127.0.0.1:${port}`);
    expect(Date.now() - started).toBeLessThan(2 * startup + 5_000);
  });

  it('poll-once --dry-run shows what would be stored and alerted, writing nothing (its log on standard error)', async () => {
    const res = await runCli(['poll-once', '--dry-run', '--config', 'config/default.yaml'], { REDIS_PREFIX: `dry-${Date.now()}`, LOG_LEVEL: 'info' });
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('dry run: read the source; nothing was written');
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; status: string; wouldAlert: boolean; verdict: { negative: boolean }; draft: string | null });
    expect(lines).toHaveLength(13);
    expect(lines.every((l) => l.status === 'new')).toBe(true);
    const alerted = lines.filter((l) => l.wouldAlert);
    expect(alerted.length).toBeGreaterThan(2);
    // Each demo source's replies carry its own business's contact.
    const contact: Record<string, string> = { 'harbor-demo': 'care@harborbistro.example', 'tidy-demo': 'support@tidy-app.example' };
    expect(alerted.every((l) => l.verdict.negative && l.draft?.includes(contact[l.source]!))).toBe(true);
  });

  it('draft turns JSON Lines of reviews into playbook replies from the config, one error line per bad line', async () => {
    const input = ['{"text":"Waited 40 minutes and the food was cold","rating":1,"author":"Ana Silva","id":"r1"}', '{"text":"Cold food","rating":9}', '{"text":"Rude host and a wrong bill","rating":2}'].join('\n');
    const res = await runCli(['draft', '--config', 'config/default.yaml'], {}, 45_000, input);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as { reply?: string; violations?: unknown[]; score?: number; line?: number; error?: string });
    expect(lines).toHaveLength(3);
    expect(lines[0]?.reply).toMatch(/Ana/);
    expect(lines[0]?.reply).toContain('care@harborbistro.example');
    expect(lines[0]).toMatchObject({ violations: [], score: 1 });
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringContaining('rating') });
    expect(lines[2]?.reply).toContain('Harbor Bistro');
    expect(res.code).toBe(1);
  });

  it('stops quietly when its reader stops early (`… | head -1`), as Unix tools do', () => {
    // A new user's trial: "draft … | head -1" ended in an unhandled "Error: write EPIPE" with a stack trace.
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `r${i}`, text: 'The food was cold and the waiter rude.', rating: 1 })).join('\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'rm-epipe-'));
    writeFileSync(path.join(dir, 'in.jsonl'), lines);
    for (const command of ['classify', 'draft --config config/default.yaml']) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${path.resolve(CLI)}" ${command} < "${path.join(dir, 'in.jsonl')}" | head -1`], { encoding: 'utf8', timeout: 45_000 });
      expect(r.stdout.trim().split('\n'), command).toHaveLength(1);
      expect(r.stderr, command).not.toMatch(/EPIPE|Error/);
    }
  });
});

describe('review-monitor classify', () => {
  it('writes one verdict line per input line, in order, with an error line for a malformed one', async () => {
    const input = ['{"text":"The staff were rude and the room was dirty","rating":3}', '{"text":5}', '{"text":"Lovely stay, friendly staff, great breakfast"}'].join('\n');
    const res = await runCli(['classify'], {}, 45_000, input);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as { negative?: boolean; reasons?: string[]; topics?: string[]; line?: number; error?: string });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ negative: true });
    expect(lines[0]?.topics).toEqual(expect.arrayContaining(['staff_service', 'cleanliness']));
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringContaining('text') });
    expect(lines[2]).toMatchObject({ negative: false });
  });
});

describe('poll-once with the new source types', () => {
  it('dry-runs a file import and a paged App Store source from the built CLI', async () => {
    const server = await startTestServer((req, res) => {
      const page = Number(/page=(\d+)/.exec(req.url)?.[1]);
      res.writeHead(200).end(readFileSync(`test/fixtures/appstore/${page === 1 ? 'page1' : 'empty'}.json`));
    });
    try {
      const dir = mkdtempSync(path.join(tmpdir(), 'rm-cli-sources-'));
      writeFileSync(path.join(dir, 'reviews.jsonl'), readFileSync('test/fixtures/file/reviews.jsonl'));
      const file = path.join(dir, 'config.yaml');
      writeFileSync(
        file,
        `business: { name: Harbor Bistro, contact: { email: care@harborbistro.example }, signature: Maya }
sources:
  - { id: import, type: file, path: reviews.jsonl, schedule: "0 0 * * *" }
  - { id: ios, type: appstore, appId: "1234567890", url: "${server.url}", allowPrivateNetwork: true, schedule: "0 * * * *" }
`,
      );
      const res = await runCli(['poll-once', '--dry-run', '--config', file], { REDIS_PREFIX: `dry-${Date.now()}`, LOG_LEVEL: 'silent' });
      expect(res.code).toBe(0);
      const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string });
      expect(lines.filter((l) => l.source === 'import')).toHaveLength(3);
      expect(lines.filter((l) => l.source === 'ios')).toHaveLength(50);
    } finally {
      await server.close();
    }
  });
});

describe('Redis start-up', () => {
  it('starts a private redis-server with AOF when nothing answers, and stops it on close', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'rm-redis-'));
    const logs = captureLogs();
    const handle = await connectRedis({ url: `redis://127.0.0.1:${port}`, autostart: true, dataDir, logger: createLogger('info', logs.stream) });
    expect(await handle.redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await handle.redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    await handle.redis.set('k', 'v');
    expect(logs.lines.some((l) => String(l.msg).includes('started a private redis-server'))).toBe(true);
    await handle.close();
    expect(await redisAnswers(`redis://127.0.0.1:${port}`, 300)).toBe(false);
    expect(existsSync(dataDir) && readdirSync(dataDir).some((f) => f.startsWith('appendonly'))).toBe(true);
  });

  it('stops the private redis-server when the service is killed (SIGKILL), not only when it stops', async () => {
    const port = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), 'rm-redis-kill-'));
    const file = path.join(dir, 'config.yaml');
    writeFileSync(
      file,
      `business: { name: Harbor Bistro, contact: { email: care@harborbistro.example }, signature: Maya }
redis: { url: "redis://127.0.0.1:${port}", autostart: true, dataDir: "${path.join(dir, 'data')}" }
api: { port: 0 }
sources: []
`,
    );
    // An empty REDIS_URL counts as unset: the config's URL (and its autostart) apply.
    const svc = startCli(['api', '--config', file], { REDIS_URL: '', LOG_LEVEL: 'info' });
    try {
      await waitFor(() => svc.output().includes('API listening'), 15_000, 'the API to start on its private Redis');
      expect(await redisAnswers(`redis://127.0.0.1:${port}`, 500)).toBe(true);
      svc.child.kill('SIGKILL');
      await svc.exited;
      await waitFor(async () => !(await redisAnswers(`redis://127.0.0.1:${port}`, 300)), 5_000, 'the orphaned redis-server to stop');
    } finally {
      // A start-up that timed out must not leave the service (and its redis-server) running.
      if (svc.child.exitCode === null && svc.child.signalCode === null) svc.child.kill('SIGKILL');
    }
  });

  it('fails with a message naming the URL when autostart is off', async () => {
    const port = await freePort();
    const err = await connectRedis({ url: `redis://127.0.0.1:${port}`, autostart: false, dataDir: tmpdir(), logger: createLogger('silent') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedisUnavailableError);
    expect((err as Error).message).toMatch(new RegExp(`Redis does not answer at redis://127.0.0.1:${port}.*REDIS_URL`));
  });
});

/** Runs the built CLI in another working directory (where it looks for config/config.yaml). */
async function runCliIn(cwd: string, cli: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 45_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
