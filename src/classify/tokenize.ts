/** What a token is: it decides which rules may look at it. */
export type TokenKind = 'word' | 'number' | 'emoji' | 'emoticon' | 'punct';

/** One token of a review, with the surface form kept for `reasons`. */
export interface Token {
  /** Lower-cased, apostrophes dropped (`don't` -> `dont`), letter runs of 3+ cut to 2 (`sooo` -> `soo`). */
  norm: string;
  /** As written, for showing the owner. */
  raw: string;
  kind: TokenKind;
  /** Written in capitals (2+ letters), e.g. `TERRIBLE`. */
  caps: boolean;
}

// Emoticons need the eyes first or last so that "(8 pieces)" or "x)" in prose don't count; `<3` is a heart.
const EMOTICON = String.raw`(?:[:;=][-'^o]?[()\[\]dDpP/\\|*3oO@$]+|[)(\]\[][-'^]?[:;=]|<3|</3|\^_\^|\b[xX][dD]\b)`;
// Words keep inner apostrophes and hyphens ("don't", "check-in"); numbers keep decimals ("4.5", "40").
const WORD = String.raw`[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*|\p{N}+(?:[.,]\p{N}+)?`;
const EMOJI = String.raw`\p{Extended_Pictographic}`;
const PUNCT = String.raw`[!?]+|\.\.+|[.,;:…]|\s-\s`;
const TOKEN_RE = new RegExp(`${EMOTICON}|${WORD}|${EMOJI}|${PUNCT}`, 'gu');
const HAS_UPPER = /\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

/** Splits a review into word, number, emoji, emoticon and punctuation tokens (single pass, one regex). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const raw = m[0];
    const c = raw.charCodeAt(0);
    out.push(classifyToken(raw, c));
  }
  return out;
}

function classifyToken(raw: string, c: number): Token {
  // ASCII letters are the common case: test them before the Unicode regexes.
  const isAsciiLetter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (isAsciiLetter || (c > 127 && /^[\p{L}\p{M}]/u.test(raw))) {
    if (raw.length === 2 && (raw === 'xD' || raw === 'XD' || raw === 'xd')) return { norm: 'xd', raw, kind: 'emoticon', caps: false };
    let norm = raw.toLowerCase();
    if (norm.includes("'") || norm.includes('’')) norm = norm.replace(/['’]/g, '');
    if (/(\p{L})\1\1/u.test(norm)) norm = norm.replace(/(\p{L})\1{2,}/gu, '$1$1');
    const caps = raw.length >= 2 && HAS_UPPER.test(raw) && !HAS_LOWER.test(raw);
    return { norm, raw, kind: 'word', caps };
  }
  if (c >= 48 && c <= 57) return { norm: raw, raw, kind: 'number', caps: false };
  if (c === 33 || c === 63 || c === 46 || c === 44 || c === 59 || c === 8230 || (c === 58 && raw.length === 1) || (raw.length === 3 && raw.trim() === '-')) {
    return { norm: raw.trim(), raw, kind: 'punct', caps: false };
  }
  if (/^\p{Extended_Pictographic}/u.test(raw)) return { norm: raw, raw, kind: 'emoji', caps: false };
  return { norm: raw.toLowerCase(), raw, kind: 'emoticon', caps: false };
}

/** True when a punctuation token ends a clause: negation scope and contrast stop there. */
export function isClauseBreak(t: Token): boolean {
  return t.kind === 'punct';
}
