import { foldAccents, type Token } from './tokenize.js';
import { hashWord, type WordTable } from './word-table.js';

/**
 * A phrase pattern: space-separated tokens written as the tokenizer normalises them
 * (lower case, no apostrophes). `word*` matches any token starting with `word`
 * (at least 3 letters), `#` matches any number ("waited # minutes"), a lone `*` (not first)
 * matches any one word ("took * forever"), and a lone `,` (not first) the comma a language writes inside a set
 * phrase ("hält , was es verspricht"): no other punctuation is crossed. A pattern opening with a given number
 * ("5 stars") matches only where the number opens its clause ("5 stars!", not "2 out of 5 stars").
 */
export type PhrasePattern = string;

/** One pattern found in a review: `start`/`end` are token indexes (end exclusive). */
export interface PhraseHit<T> {
  value: T;
  pattern: string;
  start: number;
  end: number;
}

/** How one part of a pattern matches a token, decided once when the pattern is added. */
const EXACT = 0;
const ANY_WORD = 1;
const NUMBER = 2;
const PREFIX = 3;
const COMMA = 4;

interface Compiled<T> {
  /** EXACT, ANY_WORD, NUMBER, PREFIX or COMMA per part. */
  kinds: Uint8Array;
  /** The word an EXACT part must equal, the start a PREFIX part needs ("refund" for "refund*"), else "". */
  words: string[];
  value: T;
  pattern: string;
}

/** Bits of a 2^16-bit filter: a token whose bit is clear starts no pattern, and costs no Map look-up. */
const FILTER_WORDS = 2048;

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
  private readonly leadingNumber: Compiled<T>[] = [];
  // Most tokens start no pattern: a bit per (hashed) key answers that before the Map is asked.
  private readonly exactFilter = new Uint32Array(FILTER_WORDS);
  private readonly prefixFilter = new Uint32Array(FILTER_WORDS);

  // The patterns that may start at each word of a word table, by word id (null: none), once bound.
  private byWord: (Compiled<T>[] | null)[] | undefined;

  constructor(entries: Iterable<readonly [PhrasePattern, T]>) {
    for (const [pattern, value] of entries) this.add(pattern, value);
  }

  /**
   * Looks up, once, the patterns each word of `table` may start; findAll then takes a known word's
   * candidates from its table entry: one array read instead of two filters and two map look-ups per
   * token (the matcher was a seventh of the classifier's time).
   */
  bindWords(table: WordTable): void {
    const byWord: (Compiled<T>[] | null)[] = new Array<Compiled<T>[] | null>(table.size).fill(null);
    for (let id = 0; id < table.size; id++) {
      const w = table.word(id);
      // Only the patterns whose first part this very word matches (the maps are keyed by hashes):
      // findAll then checks a candidate from its second part on.
      const cands = [
        ...(this.exact.get(exactKey(hashWord(w))) ?? []).filter((c) => c.words[0] === w),
        ...((w.length >= 3 ? this.prefix.get(prefixKey(w)) : undefined) ?? []).filter((c) => w.startsWith(c.words[0] as string)),
      ];
      if (cands.length > 0) byWord[id] = cands;
    }
    this.byWord = byWord;
  }

  /** Adds one pattern (normalised the way the tokenizer normalises words). */
  add(pattern: PhrasePattern, value: T): void {
    this.byWord = undefined; // a new pattern: bind again
    const parts = normalisePattern(pattern);
    const first = parts[0];
    if (first === undefined) return;
    const c = compile(parts, value, pattern.trim());
    // A lone "*" matches any one word: a pattern cannot start with it (it would be tried at every token).
    if (first === '*') throw new Error(`Pattern "${pattern.trim()}" cannot start with "*" (any word): start with a word`);
    if (first === ',') throw new Error(`Pattern "${pattern.trim()}" cannot start with ",": start with a word`);
    // Numbers carry no hash (the tokenizer never looks them up): a pattern opening with a given number ("5 sterne") is
    // tried at number tokens that open a clause ("5 Sterne!", not "2 von 5 Sternen", "would give 5 stars but").
    if (first === '#') this.numeric.push(c);
    else if (/^\d+$/.test(first)) this.leadingNumber.push(c);
    else if (first.endsWith('*')) {
      if (first.length < 4) throw new Error(`Prefix pattern "${pattern}" needs at least 3 letters before "*"`);
      const key = prefixKey(first);
      setBit(this.prefixFilter, filterBit(key));
      push(this.prefix, key, c);
    } else {
      const key = exactKey(hashWord(first));
      setBit(this.exactFilter, filterBit(key));
      push(this.exact, key, c);
    }
  }

  /**
   * Every match, in token order; overlapping matches are all reported. `ids` are the tokens' ids in the
   * table given to bindWords (-1 for unknown words and non-words), when known.
   */
  findAll(tokens: readonly Token[], ids?: Int32Array): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    const byWord = ids ? this.byWord : undefined;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.kind === 'punct') continue;
      const id = byWord ? ((ids as Int32Array)[i] as number) : -1;
      // undefined: an unknown word, or one added to the table after binding, looked up below.
      const cands = id < 0 ? undefined : (byWord as (Compiled<T>[] | null)[])[id];
      if (cands !== undefined) {
        if (cands !== null) this.tryAll(cands, tokens, i, hits, 1);
        continue;
      }
      if (t.kind === 'number') {
        this.tryAll(this.numeric, tokens, i, hits);
        if (this.leadingNumber.length > 0 && (i === 0 || (tokens[i - 1] as Token).kind === 'punct')) this.tryAll(this.leadingNumber, tokens, i, hits);
      } else {
        const key = exactKey(t.hash);
        if (hasBit(this.exactFilter, filterBit(key))) {
          const cands = this.exact.get(key);
          if (cands) this.tryAll(cands, tokens, i, hits);
        }
      }
      if (t.norm.length >= 3) {
        const key = prefixKey(t.norm);
        if (hasBit(this.prefixFilter, filterBit(key))) {
          const p = this.prefix.get(key);
          if (p) this.tryAll(p, tokens, i, hits);
        }
      }
    }
    return hits;
  }

  /** Tries each candidate at token `i`; `from` parts of each are known to match already. */
  private tryAll(cands: Compiled<T>[], tokens: readonly Token[], i: number, hits: PhraseHit<T>[], from = 0): void {
    for (let k = 0; k < cands.length; k++) {
      const c = cands[k] as Compiled<T>;
      const end = c.kinds.length === from ? i + from : matchAt(c, tokens, i, from);
      if (end > 0) hits.push({ value: c.value, pattern: c.pattern, start: i, end });
    }
  }
}

function prefixKey(s: string): number {
  // 10 bits a char keeps the key a small integer; a collision between non-ASCII prefixes only costs
  // a failed startsWith check.
  return ((s.charCodeAt(0) & 0x3ff) << 20) | ((s.charCodeAt(1) & 0x3ff) << 10) | (s.charCodeAt(2) & 0x3ff);
}

function filterBit(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 16;
}

function setBit(filter: Uint32Array, bit: number): void {
  filter[bit >>> 5] = (filter[bit >>> 5] as number) | (1 << (bit & 31));
}

function hasBit(filter: Uint32Array, bit: number): boolean {
  return ((filter[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
}

function compile<T>(parts: readonly string[], value: T, pattern: string): Compiled<T> {
  const kinds = new Uint8Array(parts.length);
  const words: string[] = [];
  parts.forEach((part, k) => {
    // Same precedence as the pattern syntax: a lone "*", a lone "#", then "word*", then a word.
    const kind = part === '*' ? ANY_WORD : part === '#' ? NUMBER : part === ',' ? COMMA : part.endsWith('*') ? PREFIX : EXACT;
    kinds[k] = kind;
    words.push(kind === PREFIX ? part.slice(0, -1) : kind === EXACT ? part : '');
  });
  return { kinds, words, value, pattern };
}

function exactKey(h: number): number {
  return h & 0x3fffffff; // small-integer keys hash fastest
}

function push<T>(m: Map<number, Compiled<T>[]>, key: number, c: Compiled<T>): void {
  const list = m.get(key);
  if (list) list.push(c);
  else m.set(key, [c]);
}

/**
 * Lower-cases, drops apostrophes and folds accents as the tokenizer does, so patterns read naturally
 * ("don't work", "très sale") yet match tokens.
 */
export function normalisePattern(pattern: string): string[] {
  return pattern
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/\s+/)
    .filter((p) => p.length > 0)
    .map(foldAccents);
}

function matchAt<T>(c: Compiled<T>, tokens: readonly Token[], i: number, from: number): number {
  const { kinds, words } = c;
  let j = i + from;
  for (let k = from; k < kinds.length; k++) {
    const t = tokens[j];
    if (!t) return 0;
    const kind = kinds[k];
    if (t.kind === 'punct') {
      if (kind !== COMMA || t.norm !== ',') return 0;
    } else if (kind === COMMA) return 0;
    else if (kind === EXACT) {
      if (t.norm !== words[k]) return 0;
    } else if (kind === ANY_WORD) {
      if (t.kind !== 'word') return 0;
    } else if (kind === NUMBER) {
      if (t.kind !== 'number') return 0;
    } else if (!t.norm.startsWith(words[k] as string)) return 0;
    j++;
  }
  return j;
}

/** The words a hit covers, as the reviewer wrote them. */
export function surface(tokens: readonly Token[], start: number, end: number): string {
  if (end === start + 1) return (tokens[start] as Token).raw;
  let s = '';
  // A comma inside a phrase ("Hält, was es verspricht") follows its word without a space.
  for (let i = start; i < end; i++) {
    const t = tokens[i] as Token;
    s += (i > start && t.kind !== 'punct' ? ' ' : '') + t.raw;
  }
  return s;
}
