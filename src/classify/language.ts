
/**
 * Stop words that are frequent in one language and rare in the others. Reviews are short, so a
 * handful of hits decides; a per-review cost of one Set look-up per word keeps the classifier fast
 * (a trigram detector such as franc costs far more per review than the whole sentiment model).
 */
const STOP_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'is', 'was', 'it', 'this', 'that', 'with', 'for', 'of', 'to', 'my', 'you', 'are', 'were', 'have',
    'has', 'but', 'not', 'very', 'they', 'we', 'i', 'its', 'at', 'be', 'would', 'will', 'just', 'dont', 'been', 'from', 'what', 'so', 'there'],
  es: ['el', 'los', 'las', 'que', 'y', 'es', 'muy', 'pero', 'una', 'con', 'por', 'para', 'del', 'lo', 'se', 'fue', 'está',
    'esta', 'como', 'más', 'mas', 'nada', 'todo', 'mi', 'bueno', 'malo', 'nunca', 'también', 'de', 'la'],
  fr: ['le', 'les', 'et', 'est', 'une', 'un', 'très', 'mais', 'pas', 'avec', 'pour', 'des', 'du', 'ce', 'cest', 'je', 'nous',
    'qui', 'sur', 'été', 'jai', 'il', 'elle', 'au', 'aux', 'ne', 'tout', 'bien', 'trop', 'était', 'de', 'la'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'sehr', 'aber', 'mit', 'ein', 'eine', 'ich', 'wir', 'war', 'zu', 'auf',
    'für', 'auch', 'es', 'den', 'dem', 'sich', 'noch', 'nur', 'wie', 'kein', 'keine', 'gut', 'schlecht', 'hat', 'haben'],
  it: ['il', 'che', 'e', 'di', 'non', 'molto', 'ma', 'una', 'con', 'per', 'sono', 'della', 'gli', 'anche', 'questo',
    'stato', 'è', 'ho', 'mai', 'più', 'buono', 'tutto', 'ottimo', 'nel', 'alla'],
  pt: ['o', 'os', 'que', 'e', 'não', 'muito', 'mas', 'uma', 'com', 'para', 'do', 'da', 'dos', 'das', 'foi', 'é', 'está',
    'eu', 'nao', 'bom', 'ruim', 'nunca', 'também', 'você', 'isso', 'de'],
  nl: ['de', 'het', 'een', 'en', 'is', 'niet', 'zeer', 'maar', 'met', 'voor', 'van', 'ik', 'wij', 'we', 'was', 'dat', 'die',
    'er', 'heel', 'goed', 'slecht', 'geen', 'ook', 'nog', 'zijn', 'naar'],
  sv: ['och', 'är', 'det', 'inte', 'mycket', 'men', 'med', 'för', 'jag', 'vi', 'var', 'som', 'en', 'ett', 'på', 'att', 'bra', 'dålig'],
  da: ['og', 'er', 'det', 'ikke', 'meget', 'men', 'med', 'for', 'jeg', 'vi', 'var', 'som', 'en', 'et', 'på', 'at', 'godt', 'dårlig'],
  pl: ['i', 'nie', 'jest', 'bardzo', 'ale', 'się', 'na', 'że', 'to', 'do', 'w', 'z', 'jak', 'było', 'dobry', 'polecam'],
  tr: ['ve', 'bir', 'bu', 'çok', 'ama', 'için', 'ile', 'değil', 'da', 'de', 'gibi', 'daha', 'iyi', 'kötü', 'hiç'],
};

const LANGUAGES = Object.keys(STOP_WORDS); // 'en' first
const LANGUAGE_INDEX = new Map(LANGUAGES.map((l, i) => [l, i] as const));
const votes = new Float64Array(LANGUAGES.length);

/** Stop word -> the languages (indexes in LANGUAGES) it belongs to; the word table copies this onto its entries. */
export const STOP_WORD_LANGUAGES: ReadonlyMap<string, readonly number[]> = (() => {
  const index = new Map<string, number[]>();
  for (const [lang, words] of Object.entries(STOP_WORDS)) {
    for (const w of words) {
      const key = w.replace(/['’]/g, '');
      const list = index.get(key);
      const l = LANGUAGE_INDEX.get(lang) as number;
      if (list) list.push(l);
      else index.set(key, [l]);
    }
  }
  return index;
})();

/** Languages the text model can judge; for any other the rating decides. */
export const SUPPORTED_LANGUAGES: ReadonlySet<string> = new Set(['en']);

/** Undetermined: too little text to tell (e.g. only emoji). */
export const UNDETERMINED = 'und';

/*
 * The review's language (ISO 639-1) is voted while analyzeText reads the tokens: writing system
 * first (Cyrillic, Arabic, CJK…: the first word in such a script decides), then stop-word votes for
 * Latin-script languages; `und` when nothing tells.
 */

// The votes of the text being read. Module state, like the vote array: the classifier is synchronous,
// and voting inside analyzeText's pass over the tokens saved a pass of its own per review.
let words = 0;
let script: string | undefined;

/** Starts the votes of a new text. */
export function startLanguageVotes(): void {
  for (let l = 0; l < votes.length; l++) votes[l] = 0; // a loop: fill() is a call into C++
  words = 0;
  script = undefined;
}

/** Counts one word of the text: `langs` are the languages it is a stop word of (its table entry's). */
export function voteLanguage(norm: string, langs: readonly number[] | undefined): void {
  words++;
  if (script !== undefined) return;
  const c = norm.charCodeAt(0);
  // The first word in a non-Latin script decides.
  if (c > 0x2ff && (script = scriptOf(c)) !== undefined) return;
  if (!langs) return;
  // A word shared by several languages counts for each, but less.
  const share = 1 / langs.length;
  for (let k = 0; k < langs.length; k++) votes[langs[k] as number]! += share;
}

/** The language the words counted since startLanguageVotes point to. */
export function votedLanguage(): string {
  if (script !== undefined) return script;
  if (words === 0) return UNDETERMINED;
  let best = -1;
  let bestVotes = 0;
  for (let l = 0; l < LANGUAGES.length; l++) {
    const v = votes[l] as number;
    // Ties go to English (index 0).
    if (v > bestVotes) {
      best = l;
      bestVotes = v;
    }
  }
  // English is the default for short Latin-script texts with no stop word ("Terrible!", "Great app").
  if (best < 0 || bestVotes < 1) return 'en';
  const en = votes[0] as number;
  // Loanwords and names put a stray vote on another language: ask for a clear lead over English.
  if (best !== 0 && bestVotes < en * 1.5 + 0.5) return 'en';
  return LANGUAGES[best] as string;
}

function scriptOf(c: number): string | undefined {
  if (c >= 0x0400 && c <= 0x04ff) return 'ru';
  if (c >= 0x0370 && c <= 0x03ff) return 'el';
  if (c >= 0x0590 && c <= 0x05ff) return 'he';
  if (c >= 0x0600 && c <= 0x06ff) return 'ar';
  if (c >= 0x0900 && c <= 0x097f) return 'hi';
  if (c >= 0x0e00 && c <= 0x0e7f) return 'th';
  if (c >= 0x3040 && c <= 0x30ff) return 'ja';
  if (c >= 0xac00 && c <= 0xd7af) return 'ko';
  if (c >= 0x4e00 && c <= 0x9fff) return 'zh';
  return undefined;
}
