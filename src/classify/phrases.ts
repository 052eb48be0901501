import type { Token } from './tokenize.js';
import { hashWord } from './word-table.js';

/**
 * A phrase pattern: space-separated tokens written as the tokenizer normalises them
 * (lower case, no apostrophes). `word*` matches any token starting with `word`
 * (at least 3 letters), `#` matches any number ("waited # minutes"), a lone `*` (not first)
 * matches any one word ("took * forever").
 */
export type PhrasePattern = string;

/** One pattern found in a review: `start`/`end` are token indexes (end exclusive). */
export interface PhraseHit<T> {
  value: T;
  pattern: string;
  start: number;
  end: number;
}

interface Compiled<T> {
  parts: string[];
  value: T;
  pattern: string;
}

/**
 * Finds many phrase patterns in one pass over the tokens. Patterns are indexed by their first
 * token so a review costs a couple of map look-ups per token, whatever the number of patterns:
 * taxonomies and rule lists can grow from config without slowing the classifier down.
 */
export class PhraseMatcher<T> {
  // Keyed by the token's hash (computed once by the tokenizer), so no string is hashed again here;
  // matchAt compares the words themselves.
  private readonly exact = new Map<number, Compiled<T>[]>();
  // Keyed by the first three char codes packed in a number: no substring per token.
  private readonly prefix = new Map<number, Compiled<T>[]>();
  private readonly numeric: Compiled<T>[] = [];

  constructor(entries: Iterable<readonly [PhrasePattern, T]>) {
    for (const [pattern, value] of entries) this.add(pattern, value);
  }

  /** Adds one pattern (normalised the way the tokenizer normalises words). */
  add(pattern: PhrasePattern, value: T): void {
    const parts = normalisePattern(pattern);
    const first = parts[0];
    if (first === undefined) return;
    const c: Compiled<T> = { parts, value, pattern: pattern.trim() };
    if (first === '#') this.numeric.push(c);
    else if (first.endsWith('*')) {
      if (first.length < 4) throw new Error(`Prefix pattern "${pattern}" needs at least 3 letters before "*"`);
      const key = prefixKey(first);
      const list = this.prefix.get(key);
      if (list) list.push(c);
      else this.prefix.set(key, [c]);
    } else push(this.exact, exactKey(hashWord(first)), c);
  }

  /** Every match, in token order; overlapping matches are all reported. */
  findAll(tokens: readonly Token[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.kind === 'punct') continue;
      const cands = t.kind === 'number' ? this.numeric : this.exact.get(exactKey(t.hash));
      if (cands) this.tryAll(cands, tokens, i, hits);
      if (this.prefix.size > 0 && t.norm.length >= 3) {
        const p = this.prefix.get(prefixKey(t.norm));
        if (p) this.tryAll(p, tokens, i, hits);
      }
    }
    return hits;
  }

  private tryAll(cands: Compiled<T>[], tokens: readonly Token[], i: number, hits: PhraseHit<T>[]): void {
    for (const c of cands) {
      const end = matchAt(c.parts, tokens, i);
      if (end > 0) hits.push({ value: c.value, pattern: c.pattern, start: i, end });
    }
  }
}

function prefixKey(s: string): number {
  // 10 bits a char keeps the key a small integer; a collision between non-ASCII prefixes only costs
  // a failed startsWith check.
  return ((s.charCodeAt(0) & 0x3ff) << 20) | ((s.charCodeAt(1) & 0x3ff) << 10) | (s.charCodeAt(2) & 0x3ff);
}

function exactKey(h: number): number {
  return h & 0x3fffffff; // small-integer keys hash fastest
}

function push<T>(m: Map<number, Compiled<T>[]>, key: number, c: Compiled<T>): void {
  const list = m.get(key);
  if (list) list.push(c);
  else m.set(key, [c]);
}

/** Lower-cases and drops apostrophes so patterns read naturally ("don't work") yet match tokens. */
export function normalisePattern(pattern: string): string[] {
  return pattern
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/\s+/)
    .filter((p) => p.length > 0);
}

function matchAt(parts: string[], tokens: readonly Token[], i: number): number {
  let j = i;
  for (const part of parts) {
    const t = tokens[j];
    if (!t || t.kind === 'punct') return 0;
    if (part === '*') {
      if (t.kind !== 'word') return 0;
    } else if (part === '#') {
      if (t.kind !== 'number') return 0;
    } else if (part.endsWith('*')) {
      if (!t.norm.startsWith(part.slice(0, -1))) return 0;
    } else if (t.norm !== part) return 0;
    j++;
  }
  return j;
}

/** The words a hit covers, as the reviewer wrote them. */
export function surface(tokens: readonly Token[], start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += (i > start ? ' ' : '') + (tokens[i] as Token).raw;
  return s;
}
