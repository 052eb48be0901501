import { Readable, Writable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runUsersCli } from '../src/cli/users.js';
import { KeyBuilder } from '../src/store/keys.js';
import { PeopleStore } from '../src/store/people-store.js';
import { runCli } from './helpers/cli.js';
import { deleteKeys, testRedis, uniquePrefix, TEST_REDIS_URL } from './helpers/redis.js';

const PASSWORD = 'correct horse battery';

describe('people store', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  function setup(): { people: PeopleStore; prefix: string; redis: ReturnType<typeof testRedis>['redis'] } {
    const prefix = uniquePrefix('people');
    const t = testRedis(prefix);
    cleanups.push(t.cleanup);
    return { people: new PeopleStore(t.redis, new KeyBuilder(prefix)), prefix, redis: t.redis };
  }

  it('adds a person found by e-mail in any case; the password is stored only as a salted scrypt hash', async () => {
    const { people, prefix, redis } = setup();
    await people.add({ email: 'Maya@Harbor.example', name: 'Maya Lopez', role: 'owner', password: PASSWORD });
    await people.add({ email: 'rui@harbor.example', name: 'Rui Costa', role: 'responder', password: PASSWORD });
    expect(await people.get('MAYA@harbor.example')).toMatchObject({ email: 'maya@harbor.example', name: 'Maya Lopez', role: 'owner' });
    expect((await people.list()).map((p) => p.email)).toEqual(['maya@harbor.example', 'rui@harbor.example']);
    const stored = await redis.hgetall(`${prefix}:person:maya@harbor.example`);
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    // Same password, different salt: different hashes.
    expect(stored.passwordHash).not.toBe((await redis.hgetall(`${prefix}:person:rui@harbor.example`)).passwordHash);
    expect(JSON.stringify(await people.get('maya@harbor.example'))).not.toContain('scrypt');
  });

  it('verifies the password, refusing a wrong one and an unknown e-mail alike', async () => {
    const { people } = setup();
    await people.add({ email: 'maya@harbor.example', name: 'Maya Lopez', role: 'owner', password: PASSWORD });
    expect(await people.verify('MAYA@harbor.example', PASSWORD)).toMatchObject({ name: 'Maya Lopez' });
    expect(await people.verify('maya@harbor.example', `${PASSWORD}!`)).toBeUndefined();
    expect(await people.verify('nobody@harbor.example', PASSWORD)).toBeUndefined();
    await people.setPassword('maya@harbor.example', 'a new passphrase 42');
    expect(await people.verify('maya@harbor.example', PASSWORD)).toBeUndefined();
    expect(await people.verify('maya@harbor.example', 'a new passphrase 42')).toBeDefined();
  });

  it('refuses a duplicate, a bad role, a bad address and weak passwords, naming what is wrong', async () => {
    const { people } = setup();
    await people.add({ email: 'maya@harbor.example', name: 'Maya Lopez', role: 'owner', password: PASSWORD });
    await expect(people.add({ email: 'MAYA@harbor.example', name: 'Maya 2', role: 'owner', password: PASSWORD })).rejects.toThrow(/already a person/);
    await expect(people.add({ email: 'rui@harbor.example', name: 'Rui', role: 'admin', password: PASSWORD })).rejects.toThrow(/role must be one of owner, responder, viewer/);
    await expect(people.add({ email: 'not-an-address', name: 'Rui', role: 'viewer', password: PASSWORD })).rejects.toThrow(/email: must be an e-mail address/);
    await expect(people.add({ email: 'rui@harbor.example', name: 'Rui', role: 'viewer', password: '' })).rejects.toThrow(/password: empty/);
    await expect(people.add({ email: 'rui@harbor.example', name: 'Rui', role: 'viewer', password: 'short' })).rejects.toThrow(/too short/);
    await expect(people.add({ email: 'rui@harbor.example', name: 'Rui', role: 'viewer', password: 'aaaaaaaaaaaa' })).rejects.toThrow(/too weak/);
    expect(await people.get('rui@harbor.example')).toBeUndefined();
    await expect(people.setRole('nobody@harbor.example', 'viewer')).rejects.toThrow(/no person with e-mail nobody@harbor.example/);
  });

  it('links one Slack user to one person, and forgets the link when the person is removed', async () => {
    const { people } = setup();
    await people.add({ email: 'maya@harbor.example', name: 'Maya Lopez', role: 'owner', password: PASSWORD });
    await people.add({ email: 'rui@harbor.example', name: 'Rui Costa', role: 'responder', password: PASSWORD });
    await people.setSlackUser('maya@harbor.example', 'U024BE7LH');
    expect(await people.bySlackUser('U024BE7LH')).toMatchObject({ email: 'maya@harbor.example' });
    await expect(people.setSlackUser('rui@harbor.example', 'U024BE7LH')).rejects.toThrow(/already linked to maya@harbor.example/);
    await people.remove('maya@harbor.example');
    expect(await people.bySlackUser('U024BE7LH')).toBeUndefined();
    expect(await people.count()).toBe(1);
  });
});

describe('review-monitor users', () => {
  const prefix = uniquePrefix('users-cli');
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' };
  const t = testRedis(prefix);
  const people = new PeopleStore(t.redis, new KeyBuilder(prefix));
  afterEach(async () => {
    await deleteKeys(t.redis, prefix);
  });
  afterAll(async () => t.cleanup());

  /** Runs the users command in this process, with `stdin` as standard input. */
  async function users(args: string[], opts: { name?: string; role?: string; stdin?: string; businesses?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const sink = (append: (s: string) => void) => new Writable({ write: (c: Buffer, _e, cb) => (append(c.toString()), cb()) });
    const code = await runUsersCli(args, people, {
      name: opts.name,
      role: opts.role,
      businesses: opts.businesses,
      knownBusinesses: ['berlin', 'lyon'],
      passwordStdin: opts.stdin !== undefined,
      stdin: Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]),
      out: sink((s) => (stdout += s)),
      err: sink((s) => (stderr += s)),
    });
    return { code, stdout, stderr };
  }

  it('the built CLI adds a person with the password from stdin, never printing it', async () => {
    const add = await runCli(['users', 'add', 'maya@harbor.example', '--name', 'Maya Lopez', '--role', 'owner', '--password-stdin', '--config', 'config/default.yaml'], env, 45_000, `${PASSWORD}\n`);
    expect(add).toMatchObject({ code: 0, stdout: 'added maya@harbor.example (Maya Lopez, owner)\n' });
    expect(add.stdout + add.stderr).not.toContain(PASSWORD);
    expect(await people.verify('maya@harbor.example', PASSWORD)).toBeDefined();
    expect((await runCli(['--help'])).stdout).toContain('users add EMAIL --name "Full Name" --role owner|responder|viewer [--businesses ID,ID] --password-stdin');
  });

  it('lists, changes and removes people', async () => {
    expect((await users(['add', 'maya@harbor.example'], { name: 'Maya Lopez', role: 'owner', stdin: `${PASSWORD}\n` })).code).toBe(0);
    expect((await users(['set-role', 'maya@harbor.example', 'responder'])).stdout).toBe('maya@harbor.example is now responder\n');
    expect((await users(['set-slack', 'maya@harbor.example', 'U024BE7LH'])).code).toBe(0);
    expect((await users(['list'])).stdout).toBe('maya@harbor.example\tresponder\tMaya Lopez\tslack:U024BE7LH\n');
    expect((await users(['set-password', 'maya@harbor.example'], { stdin: 'another passphrase 7\n' })).code).toBe(0);
    expect(await people.verify('maya@harbor.example', 'another passphrase 7')).toBeDefined();
    expect((await users(['remove', 'maya@harbor.example'])).code).toBe(0);
    expect(await people.count()).toBe(0);
  });

  it('limits a person to some businesses and lifts it, refusing a business that is not configured', async () => {
    expect((await users(['add', 'anna@berlin.example'], { name: 'Anna', role: 'responder', businesses: 'berlin', stdin: `${PASSWORD}\n` })).stdout).toBe('added anna@berlin.example (Anna, responder, businesses berlin)\n');
    expect((await users(['list'])).stdout).toBe('anna@berlin.example\tresponder\tAnna\tbusinesses:berlin\n');
    expect((await users(['set-businesses', 'anna@berlin.example', 'berlin,lyon'])).stdout).toBe('anna@berlin.example sees berlin, lyon\n');
    expect(await users(['set-businesses', 'anna@berlin.example', 'paris'])).toMatchObject({ code: 1, stderr: 'users: businesses: unknown "paris" (configured: berlin, lyon)\n' });
    expect((await people.get('anna@berlin.example'))?.businesses).toEqual(['berlin', 'lyon']);
    expect((await users(['set-businesses', 'anna@berlin.example', 'all'])).stdout).toBe('anna@berlin.example sees every business\n');
    expect((await people.get('anna@berlin.example'))?.businesses).toBeUndefined();
  });

  it('says clearly what is wrong: unknown e-mail, weak or missing password, bad role', async () => {
    expect(await users(['remove', 'ghost@harbor.example'])).toMatchObject({ code: 1, stderr: expect.stringContaining('no person with e-mail ghost@harbor.example') });
    expect(await users(['add', 'a@harbor.example'], { name: 'A', role: 'owner', stdin: 'abc\n' })).toMatchObject({ code: 1, stderr: expect.stringContaining('password: too short') });
    expect(await users(['add', 'a@harbor.example'], { name: 'A', role: 'owner', stdin: '' })).toMatchObject({ code: 1, stderr: expect.stringContaining('password: empty') });
    expect(await users(['add', 'a@harbor.example'], { name: 'A', role: 'owner' })).toMatchObject({ code: 2, stderr: expect.stringContaining('--password-stdin') });
    expect(await users(['add', 'a@harbor.example'], { name: 'A', role: 'boss', stdin: PASSWORD })).toMatchObject({ code: 1, stderr: expect.stringContaining('role must be one of owner, responder, viewer') });
    expect(await users(['set-role', 'a@harbor.example'])).toMatchObject({ code: 2 });
    expect(await people.count()).toBe(0);
  });
});
