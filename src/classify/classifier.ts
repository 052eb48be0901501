import type { ClassifyInput, Verdict } from '../domain/verdict.js';
import { AnalysisBuffer, analyzeTokens, createPhraseMatcher, type PhraseTag, type TextAnalysis } from './features.js';
import { LANGUAGE_RULES } from './lang/index.js';
import type { PhraseMatcher } from './phrases.js';
import { businessLanguageFor, detectLanguage, readsLanguage, UNDETERMINED } from './language.js';
import { SentimentModel, type ModelFile } from './model.js';
import { tokenize } from './tokenize.js';
import type { WordTable } from './word-table.js';
import { textReasons } from './reasons.js';
import { CriticalMatcher, DEFAULT_CRITICAL_RULES, severityOf, type CriticalHit, type CriticalRule } from './severity.js';
import { DEFAULT_TAXONOMY, TopicMatcher, type Topic } from './topics.js';
import modelJson from './model/sentiment-model.json' with { type: 'json' };
import deJson from './model/sentiment-model.de.json' with { type: 'json' };
import esJson from './model/sentiment-model.es.json' with { type: 'json' };
import frJson from './model/sentiment-model.fr.json' with { type: 'json' };
import itJson from './model/sentiment-model.it.json' with { type: 'json' };
import nlJson from './model/sentiment-model.nl.json' with { type: 'json' };
import ptJson from './model/sentiment-model.pt.json' with { type: 'json' };

/** How the classifier is set up: taxonomy and extra critical rules come from config. */
export interface ClassifierOptions {
  /** Topics to tag; replaces the default taxonomy (spread DEFAULT_TAXONOMY in to extend it). */
  taxonomy?: readonly Topic[] | undefined;
  /** Extra critical rules, added to the built-in ones. */
  criticalRules?: readonly CriticalRule[] | undefined;
  /** Text logit above which a 4–5 star review still counts as a complaint (default 2: p ≈ 0.88). */
  clearComplaintLogit?: number | undefined;
  /** `business.language`: a text of a few words its lexicon knows is read as this language (see businessLanguageFor). */
  businessLanguage?: string | undefined;
  /** A trained English model other than the shipped one (tests, experiments). */
  model?: ModelFile | undefined;
}

/** One judged language: its model (word table, weights) and its phrase matcher, bound to that table. */
interface LanguageModel {
  model: SentimentModel;
  matcher: PhraseMatcher<PhraseTag>;
}

/** A configured classifier. */
export interface Classifier {
  /** Decides whether a review is negative, how bad, about what and why. Pure and synchronous. */
  classify(input: ClassifyInput): Verdict;
}

// Built on first use, once per process: a process that never classifies (the CLI's --help, the API)
// does not pay for seven models' tables. The call path does no I/O.
let defaultModel: SentimentModel | undefined;
let languageModels: ReadonlyMap<string, SentimentModel> | undefined;

function otherLanguageModels(): ReadonlyMap<string, SentimentModel> {
  languageModels ??= new Map(
    [deJson, esJson, frJson, itJson, nlJson, ptJson].map((f) => {
      const file = f as unknown as ModelFile;
      return [file.language as string, new SentimentModel(file)] as const;
    }),
  );
  return languageModels;
}

/** A text whose logit is below this is clearly praise: a keyword rule alone cannot flag it. */
const CLEAR_PRAISE_LOGIT = -1.5;

/** Everything a classifier reads a review with, per language; built by its first call. */
interface Tables {
  languages: ReadonlyMap<string, LanguageModel>;
  words: ReadonlyMap<string, WordTable>;
}

/** Builds a classifier for a taxonomy and rule set; compile once, call many times. */
export function createClassifier(options: ClassifierOptions = {}): Classifier {
  const topics = new TopicMatcher(options.taxonomy ?? DEFAULT_TAXONOMY);
  const critical = new CriticalMatcher([...DEFAULT_CRITICAL_RULES, ...(options.criticalRules ?? [])]);
  // A bad pattern is refused here, not at the first review.
  createPhraseMatcher([...topics.patterns(), ...critical.patterns()]);
  const build = (): Tables => {
    const model = options.model ? new SentimentModel(options.model) : (defaultModel ??= new SentimentModel(modelJson as unknown as ModelFile));
    const languages = new Map<string, LanguageModel>();
    for (const [code, m] of [['en', model] as const, ...otherLanguageModels()]) {
      const rules = LANGUAGE_RULES[code];
      const matcher = createPhraseMatcher([...topics.patterns(), ...critical.patterns(rules)], rules);
      matcher.bindWords(m.words);
      languages.set(code, { model: m, matcher });
    }
    return { languages, words: new Map([...languages].map(([code, l]) => [code, l.model.words] as const)) };
  };
  let tables: Tables | undefined;
  const clearComplaint = options.clearComplaintLogit ?? 2;
  // Nothing of a review's tokens outlives its verdict, so one buffer serves every call.
  const buffer = new AnalysisBuffer();
  // The business's language as the tables are keyed ("pt" for "pt-PT"), worked out once, not per review.
  const businessLanguage = platformLanguage(options.businessLanguage);
  return { classify: (input) => classifyWith(input, (tables ??= build()), buffer, topics, critical, clearComplaint, businessLanguage) };
}

function classifyWith(
  input: ClassifyInput,
  { languages, words: tables }: Tables,
  buffer: AnalysisBuffer,
  topicMatcher: TopicMatcher,
  criticalMatcher: CriticalMatcher,
  clearComplaint: number,
  businessLanguage: string | undefined,
): Verdict {
  const title = input.title?.trim();
  const body = input.text ?? '';
  const text = title ? joinTitle(title, body) : body;
  const rating = validRating(input.rating);
  const tokens = tokenize(text, buffer.tokens);
  const language = platformLanguage(input.language) ?? businessLanguageFor(tokens, tables, businessLanguage) ?? detectLanguage(text, tokens, tables);
  const own = languages.get(language);
  // A language the text model cannot judge is still read with the English tables, for its topics.
  const { model, matcher } = own ?? (languages.get('en') as LanguageModel);
  const a = analyzeTokens(tokens, model.words, matcher, buffer);
  const judgeable = (own !== undefined || language === UNDETERMINED) && a.tokens.length > 0 && hasSignal(a);

  const s = judgeable ? model.score(a) : undefined;
  const lukewarm = judgeable && onlyLukewarm(a, language);
  // Nothing in an English text the trained model knows (a name, a word of Amharic in Latin letters, a typo): its
  // logit would be the model's bias alone, which leans one way or the other by the luck of training. Neither praise
  // nor a complaint. The built models of the other languages lean negative on purpose (a booking.com "Camera mini"
  // has no word a lexicon knows), and keep their bias: with it, Dutch and Italian dev F1 are 0.857 and 0.896, without
  // it 0.736 and 0.824.
  // Punctuation is no word: "Dashibak?" read 79% negative on the question mark's feature alone.
  const unknown = s !== undefined && a.cues.length === 0 && s.ngram === 0 && (language === 'en' || language === UNDETERMINED);
  const logit = lukewarm ? Math.min(0, s?.logit ?? 0) : unknown ? 0 : (s?.logit ?? 0);
  const pNegative = 1 / (1 + Math.exp(-logit));
  const textScore = 1 - 2 * pNegative;
  const critical: CriticalHit[] = judgeable ? criticalMatcher.match(a) : [];
  const reasons: string[] = [];

  let negative: boolean;
  let criticalCounts: boolean;
  if (rating !== undefined && rating <= 2) {
    negative = true;
    criticalCounts = true;
    reasons.push(`rating ${rating}/5: 1–2 stars is negative whatever the text`);
  } else if (rating !== undefined && rating < 4) {
    criticalCounts = logit > CLEAR_PRAISE_LOGIT;
    negative = judgeable ? logit > 0 || (criticalCounts && critical.length > 0) : false;
    reasons.push(`rating ${rating}/5: 3 stars, the text decides`);
  } else if (rating !== undefined) {
    criticalCounts = logit > 0;
    negative = judgeable && (logit > clearComplaint || (criticalCounts && critical.length > 0));
    reasons.push(
      negative ? `rating ${rating}/5, but the text is clearly a complaint` : `rating ${rating}/5: 4–5 stars count as negative only when the text is clearly a complaint`,
    );
  } else {
    criticalCounts = logit > CLEAR_PRAISE_LOGIT;
    negative = judgeable && (logit > 0 || (criticalCounts && critical.length > 0));
  }

  if (!judgeable) {
    reasons.push(
      !readsLanguage(language)
        ? `text in language "${language}" cannot be judged by the text model: ${rating !== undefined ? 'decided by the rating' : 'no rating, not flagged'}`
        : `text has no words to judge: ${rating !== undefined ? 'decided by the rating' : 'no rating, not flagged'}`,
    );
  } else if (lukewarm) {
    reasons.push('text is only a lukewarm word: neither praise nor a complaint');
  } else if (unknown) {
    reasons.push('text has no word the model knows: neither praise nor a complaint');
  } else {
    reasons.push(`text reads ${logit > 0 ? 'negative' : 'positive'} (${Math.round(Math.max(pNegative, 1 - pNegative) * 100)}% confidence)`);
    reasons.push(...textReasons(a, logit > 0, model));
  }
  const criticalUsed = criticalCounts && negative ? critical : [];
  for (const c of criticalUsed) reasons.push(`critical, ${c.label}: "${c.phrase}"`);

  const ratingScore = rating === undefined ? undefined : (rating - 3) / 2;
  let score = ratingScore === undefined ? textScore : judgeable ? (ratingScore + textScore) / 2 : ratingScore;
  // Keep the sign of the score in line with the decision, so sorting by score never contradicts it.
  if (negative) score = Math.min(score, -0.05);
  score = Math.round(Math.max(-1, Math.min(1, score)) * 1000) / 1000;

  const topics = topicMatcher.match(a);
  // Only a judged language's cues say which clause complains (another is read with the English tables).
  const concerns = !negative && topics.length > 0 && judgeable ? topicMatcher.concerns(a, model) : [];
  return {
    negative,
    score,
    severity: severityOf(negative, score, rating, criticalUsed),
    topics,
    ...(concerns.length > 0 ? { concerns } : {}),
    reasons,
    language,
  };
}

/** The text's own score (see below) from which a 1–2 star review's text reads as praise: 70% positive or more. */
const PRAISE_DESPITE_RATING = 0.4;

/**
 * Whether a review flagged for its 1–2 star rating has text that reads as praise ("Estou super satisfeita… super
 * recomendo" at one star): a mis-tap, or a mixed review, which an apology for a bad experience would answer wrongly.
 * Read off the verdict's score, the mean of the rating's ((rating − 3) / 2) and the text's (classifyWith), so the
 * text's is 2·score − the rating's; the clamp of a negative verdict's score to −0.05 only ever hides more praise.
 */
export function textContradictsRating(verdict: Pick<Verdict, 'negative' | 'score'>, rating: number | undefined): boolean {
  // typeof: a rating stored as JSON null is no rating.
  if (!verdict.negative || typeof rating !== 'number' || rating > 2) return false;
  return 2 * verdict.score - (rating - 3) / 2 >= PRAISE_DESPITE_RATING - 1e-9;
}

/**
 * "Title. Body" as one flat string. A template literal makes a rope (cons string) whose every
 * charCodeAt the tokenizer then pays extra for; Array.join copies the parts into one flat string.
 */
function joinTitle(title: string, body: string): string {
  const end = title.charCodeAt(title.length - 1);
  // The title ends its own sentence: "." unless it already ends with ".", "!" or "?".
  const stop = end === 46 || end === 33 || end === 63 ? ' ' : '. ';
  return [title, stop, body].join('');
}

/** The platform's language as an ISO 639-1 code ("de-DE", "pt_BR", "EN" -> de, pt, en), or undefined when it gave none. */
function platformLanguage(language: string | undefined): string | undefined {
  const code = language?.trim().slice(0, 2).toLowerCase();
  return code && /^[a-z]{2}$/.test(code) ? code : undefined;
}

/** Each language's lukewarm words (its rules' `lukewarm`), by language. */
const LUKEWARM_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(LANGUAGE_RULES).flatMap(([code, rules]) => (rules.lukewarm ? [[code, new Set(rules.lukewarm)] as const] : [])),
);
/** Full stops, exclamation marks, commas and ellipses may follow a lukewarm word; "?", "-_-" and the like may not. */
const LUKEWARM_PUNCT = /^[.!,…]+$/;

/**
 * The text is its language's lukewarm words and nothing else ("Ok.", "ok ok", "Fine!!!"): no other word, no number
 * ("ok 2/10"), no emoji or emoticon ("ok 🙄", "ok -_-"), no question ("ok?").
 */
function onlyLukewarm(a: TextAnalysis, language: string): boolean {
  const words = LUKEWARM_WORDS.get(language);
  if (!words || a.nWords === 0) return false;
  for (const t of a.tokens) {
    if (t.kind === 'word') {
      if (!words.has(t.norm)) return false;
    } else if (t.kind !== 'punct' || !LUKEWARM_PUNCT.test(t.norm)) return false;
  }
  return true;
}

/** Some text to judge: a word, an emoji or an emoticon (a review of "!!!" or "5" has none). */
function hasSignal(a: TextAnalysis): boolean {
  return a.nWords > 0 || a.cues.length > 0;
}

function validRating(r: number | undefined): number | undefined {
  return typeof r === 'number' && Number.isFinite(r) && r >= 1 && r <= 5 ? r : undefined;
}

let defaultClassifier: Classifier | undefined;
const configured = new WeakMap<ClassifierOptions, Classifier>();

/** Classifies one review with the default taxonomy and rules (or `options`, compiled once per object). */
export function classify(input: ClassifyInput, options?: ClassifierOptions): Verdict {
  if (!options) return (defaultClassifier ??= createClassifier()).classify(input);
  let c = configured.get(options);
  if (!c) {
    c = createClassifier(options);
    configured.set(options, c);
  }
  return c.classify(input);
}
