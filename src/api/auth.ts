import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyConfig } from '../config/schema.js';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Who made a request: the key's name (recorded as the actor) and what it may do. */
export interface Actor {
  name: string;
  scopes: ReadonlySet<'read' | 'write'>;
  /** The businesses whose data it may see and change (undefined: every business). */
  businesses?: readonly string[] | undefined;
}

/** Finds the key a request presented, comparing in constant time (hashing first evens out lengths). */
export function createKeyChecker(keys: readonly ApiKeyConfig[]): (presented: string | undefined) => Actor | undefined {
  const table = keys.map((k) => ({ digest: digest(k.key), actor: { name: k.name, scopes: new Set(k.scopes), businesses: k.businesses } as Actor }));
  return (presented) => {
    if (!presented) return undefined;
    const d = digest(presented);
    let found: Actor | undefined;
    // Compare against every key, never stopping early, so timing says nothing about which matched.
    for (const k of table) if (timingSafeEqual(k.digest, d) && !found) found = k.actor;
    return found;
  };
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}
