import { hashWord } from './word-table.js';

/** What a token is: it decides which rules may look at it. */
export type TokenKind = 'word' | 'number' | 'emoji' | 'emoticon' | 'punct';

/** One token of a review, with the surface form kept for `reasons`. */
export interface Token {
  /**
   * Lower-cased, apostrophes dropped (`don't` -> `dont`), letter runs of 3+ cut to 2 (`sooo` -> `soo`),
   * accents folded (`très` -> `tres`, see foldAccents; umlauts, `ñ` and short words kept).
   */
  norm: string;
  /** As written, for showing the owner. */
  raw: string;
  kind: TokenKind;
  /** Written in capitals (2+ letters), e.g. `TERRIBLE`. */
  caps: boolean;
  /** hashWord(norm): the word table and the phrase matcher both key on it. */
  hash: number;
  /** A run of three or more letters was cut to two ("baaaad" -> "baad"): `destretched` may read it another way. */
  stretched?: boolean;
}

const LETTER = /[\p{L}\p{M}]/u;
const UPPER = /\p{Lu}/u;
const PICTO = /\p{Extended_Pictographic}/u;
const EMOTICON_MOUTH = new Set([...'()[]dDpP/\\|*3oO@$']);
const EMOTICON_EYES = new Set([...':;=']);

/**
 * Splits a review into word, number, emoji, emoticon and punctuation tokens. A hand-written
 * scanner over char codes: a Unicode-property regex tokenizer cost more than everything else
 * in the classifier together.
 */
export function tokenize(text: string, buffer?: TokenBuffer): Token[] {
  const out = buffer ? buffer.start(text) : new TokenList(text);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= 32) {
      i++;
      continue;
    }
    if (isAsciiLetter(c) || (c > 127 && isLetterAt(text, i))) {
      i = scanWord(text, i, out);
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      if (j + 1 < n && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 44) && isDigit(text.charCodeAt(j + 1))) {
        j += 2;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
      }
      const raw = text.slice(i, j);
      emit(out, raw, i, j, 'number', false);
      i = j;
      continue;
    }
    if (c === 33 || c === 63) {
      // "!", "?", "?!" runs are one token: "!!!" is emphasis.
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63)) j++;
      const raw = text.slice(i, j);
      emit(out, raw, i, j, 'punct', false);
      i = j;
      continue;
    }
    // "10:30" is a time and "http://" a URL, not faces; "great:)" is a face.
    if ((c === 58 || c === 59 || c === 61) && !(i > 0 && isDigit(text.charCodeAt(i - 1))) && !text.startsWith('//', i + 1)) {
      const end = emoticonAt(text, i);
      if (end > i) {
        const raw = text.slice(i, end);
        emit(out, raw.toLowerCase(), i, end, 'emoticon', false);
        i = end;
        continue;
      }
    }
    if (c === 60 /* < */ && text.charCodeAt(i + 1) === 51 /* 3 */) {
      emit(out, '<3', i, i + 2, 'emoticon', false);
      i += 2;
      continue;
    }
    if ((c === 41 || c === 40) && i + 1 < n) {
      // Reversed emoticons "(:" and "):" only when the eyes follow directly.
      const d = text.charCodeAt(i + 1) === 45 ? i + 2 : i + 1;
      if (EMOTICON_EYES.has(text[d] ?? '') && !isAsciiLetter(text.charCodeAt(d + 1))) {
        const raw = text.slice(i, d + 1);
        emit(out, raw, i, d + 1, 'emoticon', false);
        i = d + 1;
        continue;
      }
    }
    if (c === 46 || c === 44 || c === 59 || c === 58 || c === 0x2026) {
      let j = i + 1;
      if (c === 46) while (j < n && text.charCodeAt(j) === 46) j++;
      const raw = text.slice(i, j);
      emit(out, raw, i, j, 'punct', false);
      i = j;
      continue;
    }
    // A dash between clauses: " - ", or an en or em dash however spaced ("Personal – so muss das sein": a negation
    // before it reached the praise after it).
    if ((c === 45 && i > 0 && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32) || c === 0x2013 || c === 0x2014) {
      emit(out, '-', i, i + 1, 'punct', false);
      i++;
      continue;
    }
    if (c >= 0x2000) {
      const cp = text.codePointAt(i) as number;
      const len = cp > 0xffff ? 2 : 1;
      if (c >= 0x2600 || len === 2) {
        const raw = text.slice(i, i + len);
        if (PICTO.test(raw)) {
          emit(out, raw, i, i + len, 'emoji', false);
          i += len;
          continue;
        }
      }
      i += len;
      continue;
    }
    i++;
  }
  return out.finish();
}

/**
 * Token objects recycled from one review to the next. The classifier keeps nothing of a review's
 * tokens once it has returned its verdict, so it tokenizes into a buffer: allocation (and the
 * garbage collection it causes) was the largest cost after the word look-ups. Callers that keep
 * tokens across calls (the trainer) tokenize without one.
 */
export class TokenBuffer {
  private readonly list = new TokenList('');

  /** Starts a new review: the tokens of the previous one become invalid. */
  start(text: string): TokenList {
    this.list.reset(text);
    return this.list;
  }
}

/**
 * A token of a TokenList. The surface form is cut from the text only when asked for (reasons quote a
 * few words per review): storing a second string per token cost a GC write barrier per token.
 */
class ListToken implements Token {
  constructor(
    private readonly list: TokenList,
    public norm: string,
    public start: number,
    public end: number,
    public kind: TokenKind,
    public caps: boolean,
    public hash: number,
    public stretched: boolean,
  ) {}

  get raw(): string {
    return this.list.text.slice(this.start, this.end);
  }
}

/** A growing list of tokens that reuses its objects when reset. */
class TokenList {
  private readonly pool: ListToken[] = [];
  private readonly tokens: Token[] = [];
  private n = 0;

  constructor(public text: string) {}

  reset(text: string): void {
    this.text = text;
    this.n = 0;
  }

  /** Adds the token at [start, end) of the text; `hash` is hashWord(norm), or 0 for numbers and punctuation (never looked up). */
  push(norm: string, start: number, end: number, kind: TokenKind, caps: boolean, hash: number, stretched = false): void {
    let t = this.pool[this.n];
    if (t === undefined) {
      t = new ListToken(this, norm, start, end, kind, caps, hash, stretched);
      this.pool.push(t);
    } else {
      t.norm = norm;
      t.start = start;
      t.end = end;
      t.kind = kind;
      t.caps = caps;
      t.hash = hash;
      t.stretched = stretched;
    }
    this.tokens[this.n++] = t;
  }

  finish(): Token[] {
    this.tokens.length = this.n;
    return this.tokens;
  }
}

function emit(out: TokenList, norm: string, start: number, end: number, kind: TokenKind, caps: boolean): void {
  // Numbers and punctuation are never looked up.
  out.push(norm, start, end, kind, caps, kind === 'punct' || kind === 'number' ? 0 : hashWord(norm));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetterAt(text: string, j: number): boolean {
  const c = text.charCodeAt(j);
  if (isAsciiLetter(c)) return true;
  // Pictographs and symbols (0x2000-0x2BFF) are not letters; CJK, Hangul and the rest are.
  return c > 127 && (c < 0x2000 || c > 0x2bff) && c < 0xd800 && LETTER.test(text[j] as string);
}

/** A word ending in a "'ll" contraction, with no other apostrophe ("I'll", "they’ll"). */
const WILL_CONTRACTION = /^[^'’]+['’]ll$/;

/** Scans one word from `i`: letters with inner apostrophes/hyphens ("don't", "check-in"). */
function scanWord(text: string, i: number, out: TokenList): number {
  const n = text.length;
  let j = i;
  let upper = 0;
  let letters = 0;
  let apostrophe = false;
  let run = 1;
  let longRun = false;
  let prev = -1;
  // hashWord(norm) computed on the way, for an all-ASCII word: no second pass over the word.
  // Apostrophes are dropped from norm, so they are left out of the hash too.
  // "| 0": the FNV offset basis as an int32 (what Math.imul reads it as), so V8 keeps it in an integer register.
  let hash = 0x811c9dc5 | 0;
  let ascii = true;
  // Fast path: the run of ASCII letters most words are made of, in a loop with few live values
  // (V8 keeps them in registers). The general loop below takes over at the first other character.
  for (; j < n; j++) {
    const c = text.charCodeAt(j);
    const lower = c | 0x20;
    if (lower < 97 || lower > 122) break;
    if (c !== lower) upper++;
    hash = Math.imul(hash ^ lower, 16777619);
    // Runs are counted in lower case: "Soooo" and "OOooh" are stretched as "sooo" is.
    if (lower === prev) {
      run++;
      if (run >= 3) longRun = true;
    } else run = 1;
    prev = lower;
  }
  letters = j - i;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (isAsciiLetter(c)) {
      if (c <= 90) {
        upper++;
        hash = Math.imul(hash ^ (c + 32), 16777619);
      } else hash = Math.imul(hash ^ c, 16777619);
    } else if (c > 127 && isLetterAt(text, j)) {
      ascii = false;
      if (UPPER.test(text[j] as string)) upper++;
    } else if ((c === 39 || c === 0x2019 || c === 45) && j + 1 < n && isLetterAt(text, j + 1) && j > i) {
      if (c !== 45) apostrophe = true;
      if (c === 45) hash = Math.imul(hash ^ c, 16777619);
      else if (c !== 39) ascii = false;
      prev = -1;
      j++;
      continue;
    } else break;
    letters++;
    const folded = c >= 65 && c <= 90 ? c + 32 : c;
    if (folded === prev) {
      run++;
      if (run >= 3) longRun = true;
    } else run = 1;
    prev = folded;
    j++;
  }
  const raw = text.slice(i, j);
  if (letters === 2 && (raw === 'xD' || raw === 'XD')) {
    emit(out, 'xd', i, j, 'emoticon', false);
    return j;
  }
  let norm = upper > 0 ? raw.toLowerCase() : raw;
  // "I'll", "he'll", "we'll" joined would be the words "ill", "hell" and "well": a "'ll" is "will" ("iwill", "hewill").
  const will = apostrophe && WILL_CONTRACTION.test(norm);
  if (apostrophe) norm = will ? `${norm.slice(0, -3)}will` : norm.replace(/['’]/g, '');
  if (longRun) norm = norm.replace(/(\p{L})\1{2,}/gu, '$1$1');
  if (!ascii) norm = foldAccents(norm);
  // Non-ASCII letters lower-case in ways the scan does not follow, and cut runs change the word.
  const h = ascii && !longRun && !will ? hash ^ (hash >>> 15) : hashWord(norm);
  out.push(norm, i, j, 'word', letters >= 2 && upper === letters, h, longRun);
  return j;
}

/** Whether a word (as normalised) has two equal letters in a row: what a stretched run leaves after the cut to two. */
function hasDoubleLetter(norm: string): boolean {
  for (let i = 1; i < norm.length; i++) if (norm.charCodeAt(i) === norm.charCodeAt(i - 1)) return true;
  return false;
}

/**
 * The other reading of a word stretched for emphasis: its runs of three or more letters cut to one ("baaaad" -> "bad",
 * "terribleeee" -> "terrible", "Péééssimo" -> "pessimo"), where the token's `norm` cut them to two, right for "goood"
 * and "cooool". Letters doubled as written stay ("terribleeee" keeps its "rr"). Undefined when the word has no run of
 * three. For a word the tables do not know as `norm`: callers look it up both ways.
 */
export function destretched(t: Token): string | undefined {
  // The tokenizer says whether it cut a run; a token made elsewhere (tests) is checked by its letters.
  if (t.kind !== 'word' || t.stretched === false || !hasDoubleLetter(t.norm)) return undefined;
  const lower = foldAccents(t.raw.toLowerCase().replace(/['’]/g, ''));
  const cut = lower.replace(/(\p{L})\1{2,}/gu, '$1');
  return cut === lower ? undefined : cut;
}

// Accents reviewers often leave out ("tres bien", "decu", "servico"): folded so both spellings are one
// word. Umlauts, "ñ" and "ß" are kept: they tell words apart (schön/schon, año/ano); so do the accents
// of words of up to three letters ("à"/"a", "thé"/"the", "té"/"te", "más"/"mas", "é"/"e").
const FOLD: Readonly<Record<string, string>> = {
  à: 'a', á: 'a', â: 'a', ã: 'a', è: 'e', é: 'e', ê: 'e', ì: 'i', í: 'i', î: 'i',
  ò: 'o', ó: 'o', ô: 'o', õ: 'o', ù: 'u', ú: 'u', û: 'u', ç: 'c', œ: 'oe', æ: 'ae',
};
const FOLDABLE = /[àáâãèéêìíîòóôõùúûçœæ]/g;

/** A lower-case word with its foldable accents taken off (4+ letters); the tokenizer and every word list use it. */
export function foldAccents(word: string): string {
  return word.length < 4 ? word : word.replace(FOLDABLE, (c) => FOLD[c] as string);
}

/** End of an emoticon starting with eyes at `i` (":-)", ";(", ":D", ":'("), or `i` when there is none. */
function emoticonAt(text: string, i: number): number {
  let j = i + 1;
  const c = text[j];
  if (c === '-' || c === "'" || c === '^' || c === 'o') j++;
  if (!EMOTICON_MOUTH.has(text[j] ?? '')) return i;
  const mouth = text[j] as string;
  // ":D" but not ":Does" / ":pizza": a letter mouth must not be followed by more letters.
  if (/[a-zA-Z3]/.test(mouth) && isLetterAt(text, j + 1)) return i;
  j++;
  while (j < text.length && text[j] === mouth && !/[a-zA-Z]/.test(mouth)) j++;
  return j;
}

/** True when a punctuation token ends a clause: negation scope and contrast stop there. */
export function isClauseBreak(t: Token): boolean {
  return t.kind === 'punct';
}
