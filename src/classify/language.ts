import { eld } from 'eld/small';
import { LANGUAGE_RULES } from './lang/index.js';
import { normalisePattern } from './phrases.js';
import { destretched, type Token } from './tokenize.js';
import { hashWord, type WordTable } from './word-table.js';

/** Languages the text model can judge; for any other the rating decides. */
export const SUPPORTED_LANGUAGES: ReadonlySet<string> = new Set(Object.keys(LANGUAGE_RULES));

/** Undetermined: too little text to tell (e.g. only emoji). */
export const UNDETERMINED = 'und';

/** Whether the text model reads a text detected as `language`: a judged language, or `und` (the English model reads it). */
export const readsLanguage = (language: string): boolean => language === UNDETERMINED || SUPPORTED_LANGUAGES.has(language);

/**
 * Stop words of the judged languages (from their rules) and of a few other Latin-script languages,
 * so a Swedish or Polish review is told apart and not judged as English.
 */
const OTHER_STOP_WORDS: Readonly<Record<string, readonly string[]>> = {
  sv: ['och', 'är', 'det', 'inte', 'mycket', 'men', 'med', 'för', 'jag', 'vi', 'var', 'som', 'ett', 'på', 'att', 'bra', 'dålig', 'också', 'inget'],
  da: ['og', 'er', 'det', 'ikke', 'meget', 'men', 'med', 'for', 'jeg', 'vi', 'var', 'som', 'et', 'på', 'at', 'godt', 'dårlig', 'også', 'ingen'],
  pl: ['i', 'nie', 'jest', 'bardzo', 'ale', 'się', 'na', 'że', 'to', 'do', 'w', 'z', 'jak', 'było', 'dobry', 'polecam', 'jestem', 'tylko'],
  tr: ['ve', 'bir', 'bu', 'çok', 'ama', 'için', 'ile', 'değil', 'da', 'de', 'gibi', 'daha', 'iyi', 'kötü', 'hiç', 'ben', 'olarak'],
};

const LANGUAGES = [...Object.keys(LANGUAGE_RULES), ...Object.keys(OTHER_STOP_WORDS)]; // 'en' first

interface StopWord {
  word: string;
  langs: Uint8Array;
}

// Keyed by the token's hash (the tokenizer computes it once): a look-up per word, no string hashing.
const STOP_WORDS = ((): Map<number, StopWord[]> => {
  const byWord = new Map<string, number[]>();
  const add = (lang: string, words: readonly string[]): void => {
    const l = LANGUAGES.indexOf(lang);
    for (const w of words) {
      const key = normalisePattern(w).join(' ');
      if (key.includes(' ')) continue;
      const list = byWord.get(key) ?? [];
      if (!list.includes(l)) list.push(l);
      byWord.set(key, list);
    }
  };
  // The words a language's rules take out of its lexicon (valence 0: "doccia", "grande" in Italian) are still its
  // words: they vote for it as its stop words do, or a short text made of them ("doccia intasata") is placed nowhere.
  for (const [lang, rules] of Object.entries(LANGUAGE_RULES)) {
    add(lang, [...rules.stopWords, ...rules.lexicon.filter(([w, v]) => v === 0 && !w.includes(' ')).map(([w]) => w)]);
  }
  for (const [lang, words] of Object.entries(OTHER_STOP_WORDS)) add(lang, words);
  const map = new Map<number, StopWord[]>();
  for (const [word, langs] of byWord) {
    const h = hashWord(word);
    const list = map.get(h) ?? [];
    list.push({ word, langs: Uint8Array.from(langs) });
    map.set(h, list);
  }
  return map;
})();

// Reused by every call: the classifier is synchronous.
const votes = new Float64Array(LANGUAGES.length);

/** Texts shorter than this go to the n-gram detector whole; longer ones are cut (its cost grows with length). */
const NGRAM_CHARS = 240;

/**
 * The business's own language for a text of a few words that its lexicon knows every word of ("Pessimo!" at a
 * trattoria is Italian, not Portuguese; "Horrible" at a bistro French): such a text fits several languages, and the
 * business's customers mostly write in its language. Undefined when the text is longer or has a word it does not know.
 * `code`: the business's language without its region ("pt" for "pt-PT").
 */
export function businessLanguageFor(tokens: readonly Token[], tables: ReadonlyMap<string, WordTable>, code: string | undefined): string | undefined {
  const table = code ? tables.get(code) : undefined;
  if (!table || !code) return undefined;
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') continue;
    if (++words > SHORT_WORDS) return undefined;
    let id = table.get(t.norm, t.hash);
    const alt = id < 0 ? destretched(t) : undefined;
    if (alt !== undefined) id = table.get(alt);
    // A lexicon's word, not a weight the English model learned ("gut", "nickel" in product reviews).
    if (id < 0 || !knows(table, id, false)) return undefined;
  }
  return words > 0 ? code : undefined;
}

/**
 * The language (ISO 639-1) of a tokenized text: the writing system first (Cyrillic, Arabic, CJK…),
 * then stop-word votes, which decide at no cost when they are clear (most reviews). When they are
 * not (short reviews, few function words), the words the judged languages' lexicons know (`tables`,
 * by language) vote too; then the n-gram detector eld decides: it is accurate on sentences but
 * costs 20–60 µs a review (more than the rest of the classifier) and guesses wildly on two words
 * ("DELICIOUS!!" is Hungarian to it), so it is trusted on short texts only for a judged language.
 * `und` when nothing tells; English when nothing else does ("Great app").
 */
export function detectLanguage(text: string, tokens: readonly Token[], tables?: ReadonlyMap<string, WordTable>): string {
  for (let l = 0; l < votes.length; l++) votes[l] = 0; // a loop: fill() is a call into C++
  let words = 0;
  let otherScript = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') continue;
    words++;
    const c = t.norm.charCodeAt(0);
    // The first word in a non-Latin script decides.
    if (c > 0x2ff) {
      const script = scriptOf(c);
      if (script !== undefined) return script;
      otherScript = true;
    }
    const cands = STOP_WORDS.get(t.hash);
    if (cands === undefined) continue;
    for (const s of cands) {
      if (s.word !== t.norm) continue;
      // A word shared by several languages counts for each, but less.
      const share = 1 / s.langs.length;
      for (let k = 0; k < s.langs.length; k++) votes[s.langs[k] as number]! += share;
    }
  }
  if (words === 0) return UNDETERMINED;
  // Ties go to English (index 0).
  const best = lead(votes, LANGUAGES.length);
  const bestVotes = leadVotes;
  const second = runnerUpVotes;
  // Clear: several stop words, well ahead of the next language.
  if (best >= 0 && bestVotes >= 2 && bestVotes >= 2 * second + 0.5) return LANGUAGES[best] as string;
  // The lexicons only for a few words: on a sentence, eld is right far more often (the English model
  // knows thousands of words, foreign ones among them).
  if (tables && !otherScript && words <= LEXICON_WORDS) {
    const lexical = lexiconVote(tokens, tables, words <= SHORT_WORDS);
    // The English model knows many foreign words ("restaurant", "tanto", "toll"), so a short sentence in
    // another judged language can look English to the lexicons: eld has the last word when it clearly
    // prefers a judged language ("Un tanto caótica la recepción.", "Nicht so toll...").
    if (lexical === 'en') return clearlyOther(text) ?? 'en';
    if (lexical !== undefined) return lexical;
    // A text of a few words that no stop word and no lexicon places: eld's guess on one or two unknown words is
    // noise ("sifen" German, "gadaa" Spanish, "Infinx" Italian: names, and words of languages it does not know),
    // and judged as that language the text is flagged on the model's prior alone. Undetermined unless eld is
    // sure: the English model (a neutral prior) reads it and the reply is in the business's own language.
    if (words <= SHORT_WORDS && bestVotes === 0 && leadVotes === 0) return clearlyOther(text) ?? UNDETERMINED;
    // The words of a short text known alike to a few languages' lexicons ("Prima." is German and Dutch praise): eld
    // chooses between the two that lead, and a language behind them (Italian, where "prima" is "before", or one a
    // shared article gave a third of a vote: "Un acierto.") is no answer. Then the leader, if it leads alone.
    // A stop word of a language no model judges ("Mycket dåligt", "Polecam!") leaves it to eld, as before: such a
    // text is decided by its rating and says so.
    if (words <= SHORT_WORDS && (bestVotes === 0 || SUPPORTED_LANGUAGES.has(LANGUAGES[best] as string))) {
      const { codes } = tableList(tables);
      const leader = lead(lexVotes, codes.length);
      const [top, next] = [leadVotes, runnerUpVotes];
      const lang = eld.detect(text).language;
      const i = lang ? codes.indexOf(lang) : -1;
      if (i >= 0 && next > 0 && (lexVotes[i] as number) >= next) return lang as string;
      return leader > 0 && top > next ? (codes[leader] as string) : UNDETERMINED;
    }
  }
  const found = eld.detect(text.length > NGRAM_CHARS ? text.slice(0, NGRAM_CHARS) : text);
  const lang = found.language;
  if (lang && (SUPPORTED_LANGUAGES.has(lang) || found.isReliable() || otherScript) && (words > SHORT_WORDS || !otherScript || lang !== 'en')) return lang;
  // A script no table knows (Georgian, Armenian…) that eld could not place either: undetermined.
  if (otherScript) return UNDETERMINED;
  // English is the default for short Latin-script texts nothing else tells ("Terrible!", "Great app").
  return best >= 0 && bestVotes >= 1 ? (LANGUAGES[best] as string) : 'en';
}

/**
 * When eld overrules the lexicons' English: its score for the judged language is at least ELD_SURE and that far
 * ahead of English's. On two or three words its scores are low and close ("AMAZON SUCKS." is 0.64 German), on a
 * short sentence high and apart ("Nicht so toll..." 0.83 German, "Un tanto caótica la recepción." 0.80 Spanish).
 */
const ELD_SURE = 0.72;
const ELD_OVER_ENGLISH = 0.05;

/** The judged language other than English that eld clearly prefers to English for `text`, if any. */
function clearlyOther(text: string): string | undefined {
  const found = eld.detect(text);
  const lang = found.language;
  if (!lang || lang === 'en' || !SUPPORTED_LANGUAGES.has(lang) || !found.isReliable()) return undefined;
  const scores = found.getScores();
  const score = scores[lang] ?? 0;
  return score >= ELD_SURE && score >= (scores.en ?? 0) + ELD_OVER_ENGLISH ? lang : undefined;
}

/** The English model's learned weight from which a word it knows only from training votes beside another lexicon. */
const LEARNED_VOTE = 1.2;

/** Up to this many words a text is short: English wins a tie of the lexicons ("Excellent!"). */
const SHORT_WORDS = 3;
/** Up to this many words the lexicons vote before eld is asked. */
const LEXICON_WORDS = 6;

// Votes of the lexicon pass, by the order of the tables given.
const lexVotes = new Float64Array(16);

/**
 * The judged language whose lexicon knows clearly more of the text's words than any other's (on top
 * of the stop-word votes), or undefined. A word every lexicon knows ("super", "top") counts for none.
 */
function lexiconVote(tokens: readonly Token[], tables: ReadonlyMap<string, WordTable>, short: boolean): string | undefined {
  const { codes, list, voteIndex } = tableList(tables);
  // On top of the stop-word votes: "Es una estafa, no funciona la app" has English words too.
  for (let l = 0; l < codes.length; l++) lexVotes[l] = votes[voteIndex[l] as number] ?? 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') continue;
    // A word some lexicon gives a valence votes for the languages whose lexicons do. The English model's learned
    // weights count for a word no lexicon knows, and beside another lexicon only when strong: trained on product
    // reviews, it has a weak weight for "nickel" (a kitchen tool's metal), which outvoted French "Nickel !"
    // (spotless), and strong ones for "mediocre" or "superficial", which are English as much as Spanish.
    let knownBy = 0;
    let englishId = -1;
    // A word no table knows may be one stretched for emphasis ("Nuuuul", "Péééssimo"): its other reading votes.
    for (let pass = 0, word = t.norm, h = t.hash; pass < 2; pass++) {
      for (let l = 0; l < list.length; l++) {
        const table = list[l] as WordTable;
        const id = table.get(word, h);
        if (l === 0) englishId = id;
        if (id >= 0 && knows(table, id, false)) knownBy |= 1 << l;
      }
      const alt = knownBy === 0 && englishId < 0 && pass === 0 ? destretched(t) : undefined;
      if (alt === undefined) break;
      word = alt;
      h = hashWord(alt);
    }
    if (!(knownBy & 1) && englishId >= 0) {
      const learned = Math.abs((list[0] as WordTable).uni[englishId] as number);
      if (learned > 0 && (knownBy === 0 || learned >= LEARNED_VOTE)) knownBy |= 1;
    }
    if (knownBy === 0 || knownBy === (1 << codes.length) - 1) continue;
    let n = 0;
    for (let k = 0; k < codes.length; k++) if (knownBy & (1 << k)) n++;
    for (let k = 0; k < codes.length; k++) if (knownBy & (1 << k)) lexVotes[k]! += 1 / n;
  }
  const best = lead(lexVotes, codes.length);
  const bestVotes = leadVotes;
  const second = runnerUpVotes;
  if (best < 0) return undefined;
  // A short text whose words English knows as well as any other language is English ("Excellent!").
  if (short && (lexVotes[0] as number) >= bestVotes) return 'en';
  return bestVotes >= 1 && bestVotes >= 1.5 * second + 0.25 ? codes[best] : undefined;
}

interface TableList {
  codes: string[];
  list: WordTable[];
  /** Index in LANGUAGES (the stop-word votes) of each table's language. */
  voteIndex: Int32Array;
}
// The tables as arrays, English first, made once per classifier: the vote runs for every short review.
const tableLists = new WeakMap<ReadonlyMap<string, WordTable>, TableList>();

function tableList(tables: ReadonlyMap<string, WordTable>): TableList {
  let t = tableLists.get(tables);
  if (!t) {
    const codes = ['en', ...[...tables.keys()].filter((c) => c !== 'en')];
    t = { codes, list: codes.map((c) => tables.get(c) as WordTable), voteIndex: Int32Array.from(codes, (c) => LANGUAGES.indexOf(c)) };
    tableLists.set(tables, t);
  }
  return t;
}

// What lead() found besides the index: module state, as the votes are (no object per review).
let leadVotes = 0;
let runnerUpVotes = 0;

/** Index of the highest of the first `n` votes (the first of equals), -1 when all are 0; sets leadVotes and runnerUpVotes. */
function lead(v: Float64Array, n: number): number {
  let best = -1;
  leadVotes = 0;
  runnerUpVotes = 0;
  for (let l = 0; l < n; l++) {
    const x = v[l] as number;
    if (x > leadVotes) {
      runnerUpVotes = leadVotes;
      best = l;
      leadVotes = x;
    } else if (x > runnerUpVotes) runnerUpVotes = x;
  }
  return best;
}

/**
 * The table has the word in its lexicon or, for English, among the words the model learned from
 * reviews ("charge", "hold"): the translated lexicons keep English words AFINN had no translation for.
 */
function knows(table: WordTable, id: number, learned: boolean): boolean {
  return !Number.isNaN(table.valence[id] as number) || (learned && table.uni[id] !== 0);
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
