import { ParseError } from './errors.js';

/** The JSON body of a platform API answer, or a ParseError naming the platform. */
export function parseJsonBody(body: string, platform: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ParseError(`${platform}: the answer is not JSON`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ParseError(`${platform}: the answer is not a JSON object`);
  return json as Record<string, unknown>;
}

/** `list` when it is an array, [] when absent, a ParseError naming the field otherwise. */
export function listOf(json: Record<string, unknown>, field: string, platform: string): Record<string, unknown>[] {
  const v = json[field];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ParseError(`${platform}: "${field}" is not a list`);
  return v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
export const obj = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/**
 * A next-page link the platform gives as an absolute URL, moved onto the configured host when `url`
 * overrides the platform's (a proxy or test server), so paging stays on it.
 */
export function onHost(next: string, base: string): string {
  try {
    const n = new URL(next);
    const b = new URL(base);
    return `${b.origin}${b.pathname.replace(/\/$/, '')}${n.pathname}${n.search}`;
  } catch {
    return next;
  }
}
