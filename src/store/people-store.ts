import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { PERSON_ROLES, type PersonRef, type PersonRole } from '../domain/person.js';
import type { KeyBuilder } from './keys.js';
import { ID_PATTERN } from '../domain/ids.js';

/** A person of the workspace as stored (never with the password hash). */
export interface Person extends PersonRef {
  slackUserId?: string | undefined;
  createdAt: string;
}

/** A refused change to the people store, with a message for the person at the terminal or page. */
export class PeopleError extends Error {
  constructor(
    readonly code: 'exists' | 'unknown' | 'bad_input',
    message: string,
  ) {
    super(message);
    this.name = 'PeopleError';
  }
}

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

const emailSchema = z.email({ error: 'must be an e-mail address like maya@example.com' }).max(254);
const nameSchema = z.string().trim().min(1, 'name must not be empty').max(100);
const roleSchema = z.enum(PERSON_ROLES, { error: `role must be one of ${PERSON_ROLES.join(', ')}` });
const slackSchema = z.string().regex(/^[UW][A-Z0-9]{2,20}$/, 'must be a Slack user id like U024BE7LH');
const businessesSchema = z.array(z.string().regex(ID_PATTERN, 'each business must be a business id')).min(1, 'list at least one business, or "all"');

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new PeopleError('bad_input', `${what}: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}

/** E-mail addresses identify people case-insensitively. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Refuses an empty or short password, or one that is a single repeated character. */
export function checkPassword(password: string): void {
  if (password.length === 0) throw new PeopleError('bad_input', 'password: empty (give it on standard input)');
  if (password.length < MIN_PASSWORD_LENGTH) throw new PeopleError('bad_input', `password: too short (at least ${MIN_PASSWORD_LENGTH} characters)`);
  if (new Set(password).size < 4) throw new PeopleError('bad_input', 'password: too weak (use at least 4 different characters)');
}

// scrypt's cost (N = 2^15, 32 MiB with r = 8) is stored with each hash, so it can be raised later
// without breaking existing passwords.
const SCRYPT = { N: 32_768, r: 8, p: 1, keylen: 32 };

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keylen, { ...opts, maxmem: 128 * opts.N! * opts.r! * 2 }, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash` (salt and hash base64) of a password, with a fresh salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, SCRYPT.keylen, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Whether `password` matches a stored `hashPassword` value, compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algo, n, r, p, salt, hash] = stored.split('$');
  if (algo !== 'scrypt' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64');
  const got = await scryptAsync(password, Buffer.from(salt, 'base64'), want.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(got, want);
}

// Verified against when the e-mail is unknown, so a sign-in takes as long either way.
let dummyHash: Promise<string> | undefined;

/** The workspace's people: who they are, their role, password hash and Slack user id. */
export class PeopleStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyBuilder,
  ) {}

  private personKey(email: string): string {
    return this.keys.key('person', normaliseEmail(email));
  }
  private get indexKey(): string {
    return this.keys.key('people');
  }
  private get slackKey(): string {
    return this.keys.key('people', 'slack');
  }

  /** Adds a person; refuses an e-mail already present. */
  async add(input: { email: string; name: string; role: string; password: string; slackUserId?: string | undefined; businesses?: readonly string[] | undefined }, now = new Date()): Promise<Person> {
    const email = normaliseEmail(check(emailSchema, input.email.trim(), 'email'));
    const person: Person = { email, name: check(nameSchema, input.name, 'name'), role: check(roleSchema, input.role, 'role'), createdAt: now.toISOString() };
    if (input.slackUserId) person.slackUserId = check(slackSchema, input.slackUserId, 'slack user id');
    if (input.businesses) person.businesses = check(businessesSchema, [...input.businesses], 'businesses');
    checkPassword(input.password);
    const fields: Record<string, string> = { email, name: person.name, role: person.role, createdAt: person.createdAt, passwordHash: await hashPassword(input.password) };
    if (person.slackUserId) fields.slackUserId = person.slackUserId;
    if (person.businesses) fields.businesses = person.businesses.join(',');
    // HSETNX on the e-mail first: two concurrent adds of one address cannot both win.
    if (!(await this.redis.hsetnx(this.personKey(email), 'email', email))) throw new PeopleError('exists', `${email} is already a person here (use set-role or set-password)`);
    const multi = this.redis.multi().hset(this.personKey(email), fields).sadd(this.indexKey, email);
    if (person.slackUserId) multi.hset(this.slackKey, person.slackUserId, email);
    await multi.exec();
    return person;
  }

  /** The person with this e-mail (any case), or undefined. */
  async get(email: string): Promise<Person | undefined> {
    return toPerson(await this.redis.hgetall(this.personKey(email)));
  }

  /** Everyone, ordered by e-mail. */
  async list(): Promise<Person[]> {
    const emails = (await this.redis.smembers(this.indexKey)).sort();
    const pipe = this.redis.pipeline();
    for (const e of emails) pipe.hgetall(this.personKey(e));
    const rows = (await pipe.exec()) ?? [];
    return rows.map(([, h]) => toPerson(h as Record<string, string>)).filter((p): p is Person => p !== undefined);
  }

  /** How many people there are. */
  async count(): Promise<number> {
    return this.redis.scard(this.indexKey);
  }

  /** Removes a person; refuses an unknown e-mail. */
  async remove(email: string): Promise<void> {
    const person = await this.require(email);
    const multi = this.redis.multi().del(this.personKey(person.email)).srem(this.indexKey, person.email);
    if (person.slackUserId) multi.hdel(this.slackKey, person.slackUserId);
    await multi.exec();
  }

  /** Replaces a person's password. */
  async setPassword(email: string, password: string): Promise<void> {
    const person = await this.require(email);
    checkPassword(password);
    await this.redis.hset(this.personKey(person.email), 'passwordHash', await hashPassword(password));
  }

  /** Changes a person's role. */
  async setRole(email: string, role: string): Promise<Person> {
    const person = await this.require(email);
    person.role = check(roleSchema, role, 'role');
    await this.redis.hset(this.personKey(person.email), 'role', person.role);
    return person;
  }

  /** Limits a person to these businesses' reviews (null: every business again). */
  async setBusinesses(email: string, businesses: readonly string[] | null): Promise<Person> {
    const person = await this.require(email);
    if (businesses === null) {
      await this.redis.hdel(this.personKey(person.email), 'businesses');
      delete person.businesses;
    } else {
      person.businesses = check(businessesSchema, [...businesses], 'businesses');
      await this.redis.hset(this.personKey(person.email), 'businesses', person.businesses.join(','));
    }
    return person;
  }

  /** Links a person to their Slack user id (or unlinks with null); one Slack user maps to one person. */
  async setSlackUser(email: string, slackUserId: string | null): Promise<Person> {
    const person = await this.require(email);
    const id = slackUserId === null ? undefined : check(slackSchema, slackUserId, 'slack user id');
    if (id) {
      const holder = await this.redis.hget(this.slackKey, id);
      if (holder && holder !== person.email) throw new PeopleError('exists', `Slack user ${id} is already linked to ${holder}`);
    }
    const multi = this.redis.multi();
    if (person.slackUserId) multi.hdel(this.slackKey, person.slackUserId);
    if (id) multi.hset(this.slackKey, id, person.email).hset(this.personKey(person.email), 'slackUserId', id);
    else multi.hdel(this.personKey(person.email), 'slackUserId');
    await multi.exec();
    person.slackUserId = id;
    return person;
  }

  /** The person linked to a Slack user id, or undefined. */
  async bySlackUser(slackUserId: string): Promise<Person | undefined> {
    const email = await this.redis.hget(this.slackKey, slackUserId);
    return email ? this.get(email) : undefined;
  }

  /** The person when the e-mail and password match; as slow for an unknown e-mail as for a wrong password. */
  async verify(email: string, password: string): Promise<Person | undefined> {
    const h = await this.redis.hgetall(this.personKey(email));
    if (!h.passwordHash) {
      await verifyPassword(password, await (dummyHash ??= hashPassword('not-a-real-password')));
      return undefined;
    }
    return (await verifyPassword(password, h.passwordHash)) ? toPerson(h) : undefined;
  }

  private async require(email: string): Promise<Person> {
    const person = await this.get(email);
    if (!person) throw new PeopleError('unknown', `no person with e-mail ${normaliseEmail(email)} (see: users list)`);
    return person;
  }
}

function toPerson(h: Record<string, string>): Person | undefined {
  if (!h.email || !h.role) return undefined;
  const p: Person = { email: h.email, name: h.name ?? h.email, role: h.role as PersonRole, createdAt: h.createdAt ?? '' };
  if (h.slackUserId) p.slackUserId = h.slackUserId;
  if (h.businesses) p.businesses = h.businesses.split(',');
  return p;
}
