import { setsAsideWhatCameBefore, type Cue, type TextAnalysis } from './features.js';
import { CONTRAST } from './word-table.js';
import type { NgramContribution } from './model.js';
import { surface } from './phrases.js';

const MAX_TEXT_REASONS = 4;

/**
 * The words and phrases that pushed the text towards the decision, strongest first, written so
 * an owner sees why: `"not good" (negated)`, `"waited 40 minutes" (complaint)`, `"RUDE" (capitals)`.
 */
export function textReasons(a: TextAnalysis, negative: boolean, model: { score(a: TextAnalysis, topK: number): { top: readonly NgramContribution[] } }): string[] {
  // The cues pointing the decided way, strongest first (ties in text order). A review has a few: an
  // insertion sort into a reused array beats filter + sort with closures (reasons were a sixth of the
  // classifier's time); a very long text, with hundreds, is sorted by Array.sort instead.
  const cues = a.cues;
  let n = 0;
  for (let i = 0; i < cues.length; i++) {
    const v = (cues[i] as Cue).valence;
    if (negative ? v < 0 : v > 0) order[n++] = i;
  }
  order.length = n;
  if (n > INSERTION_SORT_MAX) order.sort((x, y) => Math.abs((cues[y] as Cue).valence) - Math.abs((cues[x] as Cue).valence) || x - y);
  else {
    for (let k = 1; k < n; k++) {
      const i = order[k] as number;
      const abs = Math.abs((cues[i] as Cue).valence);
      let j = k;
      while (j > 0 && Math.abs((cues[order[j - 1] as number] as Cue).valence) < abs) {
        order[j] = order[j - 1] as number;
        j--;
      }
      order[j] = i;
    }
  }
  const out: string[] = [];
  // Lower-cased surfaces already quoted (a handful: an array is cheaper than a Set).
  const seen: string[] = [];
  for (let k = 0; k < n && out.length < MAX_TEXT_REASONS; k++) {
    const c = cues[order[k] as number] as Cue;
    const words = surface(a.tokens, c.start, c.end);
    const key = words.toLowerCase();
    if (seen.includes(key)) continue;
    seen.push(key);
    out.push('"' + words + '" (' + describe(c, a) + ')');
  }
  if (out.length < 2) {
    let learned = 0;
    // The model's strongest n-grams, from a second scoring pass: only for the few texts that need them.
    for (const g of model.score(a, 6).top) {
      if (out.length >= 2 || learned >= 2) break;
      if (!hasContentWord(a, g.start, g.end)) continue;
      if (negative ? g.value <= 0.05 : g.value >= -0.05) continue;
      const words = surface(a.tokens, g.start, g.end);
      const key = words.toLowerCase();
      if (seen.some((s) => s.includes(key))) continue;
      seen.push(key);
      learned++;
      out.push('"' + words + '" (learned from reviews)');
    }
  }
  if (a.exclaim >= 2 && out.length > 0) out.push(`"${'!'.repeat(Math.min(a.exclaim, 3))}" (emphasis)`);
  if (a.shouting) out.push('written in capitals (emphasis)');
  return out;
}

/** Indexes of the cues being ranked, reused from review to review. */
const order: number[] = [];
/** Above this many cues the insertion sort's quadratic cost would show: Array.sort takes over. */
const INSERTION_SORT_MAX = 32;

const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'was', 'were',
  'is', 'are', 'be', 'been', 'it', 'its', 'this', 'that', 'i', 'we', 'you', 'they', 'he', 'she', 'my', 'our', 'their', 'me', 'us',
  'them', 'his', 'her', 'as', 'so', 'if', 'than', 'then', 'there', 'here', 'have', 'has', 'had', 'do', 'did', 'does', 'just', 'all']);

function hasContentWord(a: TextAnalysis, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const t = a.tokens[i];
    if (t && t.kind === 'word' && t.norm.length > 2 && !FUNCTION_WORDS.has(t.norm)) return true;
  }
  return false;
}

/**
 * The contrast the reviewer wrote before token `start` ("but", "aber", "mais", "however", "other than that"), as written
 * (lower case), for the reason to name; "but" when none is found (a clause weighted for another cause).
 */
function contrastBefore(a: TextAnalysis, start: number): string {
  const flags = a.table.flags;
  for (let j = start - 1; j >= 0; j--) {
    const t = a.tokens[j];
    if (t === undefined) break;
    if (setsAsideWhatCameBefore(a.tokens, j)) return `${a.tokens[j - 2]?.raw ?? ''} ${a.tokens[j - 1]?.raw ?? ''} ${t.raw}`.trim().toLowerCase();
    const id = a.ids[j] as number;
    if (id >= 0 && ((flags[id] as number) & CONTRAST) !== 0) {
      // Two-word contrasts are flagged by their second word: "sin embargo", "no obstante".
      const before = a.tokens[j - 1];
      const pair = before && (t.norm === 'embargo' || t.norm === 'obstante') ? `${before.raw} ` : '';
      return (pair + t.raw).toLowerCase();
    }
  }
  return 'but';
}

function describe(c: Cue, a: TextAnalysis): string {
  const sign = c.valence < 0 ? 'negative' : 'positive';
  let note: string;
  switch (c.kind) {
    case 'negated': note = 'negated, reads ' + sign; break;
    case 'phrase': note = c.valence < 0 ? 'complaint' : 'praise'; break;
    case 'sarcasm': note = 'sarcasm'; break;
    case 'emoji': note = sign + ' emoji'; break;
    default: note = sign + ' word';
  }
  if (c.intensified) note += ', intensified';
  if (c.caps) note += ', capitals';
  if (c.clause > 1) note += `, after "${contrastBefore(a, c.start)}", the part that counts`;
  return note;
}
