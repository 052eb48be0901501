/**
 * What a language adds to the guardrails: its own wording of each prohibited move, the words that make a
 * sentence an incentive offer about the review, and the keywords before an order or booking number.
 * The rule logic stays in ../guardrails.ts; these modules are word lists only.
 */
export type ProhibitionRule = 'no-blame' | 'no-argument' | 'no-policy' | 'no-review-change' | 'no-incentive' | 'no-public-refund';

export interface LanguageGuardrails {
  prohibitions: Record<ProhibitionRule, RegExp>;
  /** An incentive (voucher, discount, free…): counts only in a sentence that also names the review. */
  incentive: RegExp;
  /** The review, its rating or stars. */
  reviewWords: RegExp;
  /** Words before an order, booking or invoice number ("Bestellnummer 48213"). */
  referenceWords: readonly string[];
}

/**
 * `source` as whole words in any script. `\b` only knows ASCII letters, so "remboursé " or "Rückerstattung"
 * would not end (or start) a word for it: letters and digits of every script are the word characters here.
 * Texts are matched after `normaliseApostrophes`, so patterns write the ASCII apostrophe only.
 */
export function phrases(source: string): RegExp {
  // A phrase may end in an elided article ("en échange d'"), which a letter follows.
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${source})(?:(?<=')|(?![\\p{L}\\p{N}_]))`, 'giu');
}

/** Typographic apostrophes as ASCII ones: French and Italian drafts use either. */
export function normaliseApostrophes(text: string): string {
  return text.replace(/[\u2019\u2018\u02BC]/g, "'");
}
