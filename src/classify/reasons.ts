import type { Cue, TextAnalysis } from './features.js';
import type { NgramContribution } from './model.js';
import { surface } from './phrases.js';

const MAX_TEXT_REASONS = 4;

/**
 * The words and phrases that pushed the text towards the decision, strongest first, written so
 * an owner sees why: `"not good" (negated)`, `"waited 40 minutes" (complaint)`, `"RUDE" (capitals)`.
 */
export function textReasons(
  a: TextAnalysis,
  negative: boolean,
  topNgrams: (k: number) => readonly NgramContribution[],
): string[] {
  const wanted = (v: number): boolean => (negative ? v < 0 : v > 0);
  const cues = a.cues.filter((c) => wanted(c.valence)).sort((x, y) => Math.abs(y.valence) - Math.abs(x.valence));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const c of cues) {
    if (out.length >= MAX_TEXT_REASONS) break;
    const words = surface(a.tokens, c.start, c.end);
    if (seen.has(words.toLowerCase())) continue;
    seen.add(words.toLowerCase());
    out.push(`"${words}" (${describe(c)})`);
  }
  // The learned word weights explain what the lexicon does not ("stopped", "returned"); only
  // when the lexicon found little, and only content words ("the room" explains nothing).
  let learned = 0;
  // Asked for only when the lexicon explained little: ranking n-grams costs as much as scoring.
  for (const g of out.length >= 2 ? [] : topNgrams(6)) {
    if (out.length >= 2 || learned >= 2) break;
    if (!hasContentWord(a, g.start, g.end)) continue;
    // Model weights are for the negative class: a positive push means "more negative".
    if (negative ? g.value <= 0.05 : g.value >= -0.05) continue;
    const words = surface(a.tokens, g.start, g.end);
    const key = words.toLowerCase();
    if ([...seen].some((s) => s.includes(key))) continue;
    seen.add(key);
    learned++;
    out.push(`"${words}" (learned from reviews)`);
  }
  if (a.exclaim >= 2 && out.length > 0) out.push(`"${'!'.repeat(Math.min(a.exclaim, 3))}" (emphasis)`);
  if (a.shouting) out.push('written in capitals (emphasis)');
  return out;
}

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

function describe(c: Cue): string {
  const sign = c.valence < 0 ? 'negative' : 'positive';
  const notes: string[] = [];
  switch (c.kind) {
    case 'negated': notes.push(`negated, reads ${sign}`); break;
    case 'phrase': notes.push(c.valence < 0 ? 'complaint' : 'praise'); break;
    case 'sarcasm': notes.push('sarcasm'); break;
    case 'emoji': notes.push(`${sign} emoji`); break;
    default: notes.push(`${sign} word`);
  }
  if (c.intensified) notes.push('intensified');
  if (c.caps) notes.push('capitals');
  if (c.clause > 1) notes.push('after "but", the part that counts');
  return notes.join(', ');
}
