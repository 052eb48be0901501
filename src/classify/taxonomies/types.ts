import type { Topic } from '../topics.js';

/** The languages every built-in taxonomy has keywords and reply phrases for. */
export const TOPIC_LANGUAGES = ['en', 'de', 'fr', 'es', 'nl', 'it', 'pt'] as const;
export type TopicLanguage = (typeof TOPIC_LANGUAGES)[number];

/**
 * How a reply names a topic: `long` in the acknowledgement ("Reading about {long} was hard for us"),
 * `short` where the reply says who looks into it ("the team will look at {short}"). Both are noun
 * phrases that read as natural language, never the topic's label. Outside English they carry their
 * article and no second-person pronoun (the register, du/Sie or tu/vous, is the template's), and read
 * as a subject or a direct object: German heads are feminine, neuter or plural (nominative and
 * accusative alike); Portuguese is Brazilian, like the template set; templates introduce them without a
 * preposition that contracts with the article
 * (fr "de"/"à", es "de"/"a", it "di"/"a", pt "de"/"em"): "concernant", "sobre", "riguardo a"…
 */
export interface TopicPhrase {
  long: string;
  short: string;
}

/** [long, short] per language: the way the data files write phrases. */
export type PhrasePairs = Record<TopicLanguage, readonly [long: string, short: string]>;

/** Keywords per language, in the phrase syntax (`refund*` prefix, `#` a number, lone `*` any one word, not first). */
export type KeywordsByLanguage = Record<TopicLanguage, readonly string[]>;

/** One built-in topic: id and label as the config and alerts see them, keywords and reply phrases per language. */
export interface TopicSpec {
  id: string;
  label: string;
  keywords: KeywordsByLanguage;
  phrases: PhrasePairs;
}

/** Defines a topic. */
export function topic(id: string, label: string, keywords: KeywordsByLanguage, phrases: PhrasePairs): TopicSpec {
  return { id, label, keywords, phrases };
}

/**
 * A shared topic as one industry words it: other reply phrases (every language, the shared ones do not
 * fit) and/or more keywords. The id stays, so alert routing on it works whatever the industry.
 */
export function variant(base: TopicSpec, change: { label?: string; phrases?: PhrasePairs; moreKeywords?: Partial<KeywordsByLanguage> }): TopicSpec {
  const keywords = Object.fromEntries(
    Object.entries(base.keywords).map(([lang, words]) => [lang, [...words, ...(change.moreKeywords?.[lang as TopicLanguage] ?? [])]]),
  ) as unknown as KeywordsByLanguage;
  return { id: base.id, label: change.label ?? base.label, keywords, phrases: change.phrases ?? base.phrases };
}

// French and Italian write the article into the word ("l'attente", "dell'accoglienza") and the tokenizer
// drops the apostrophe ("lattente"): a keyword starting with a vowel or "h" is also matched so elided.
const ELISIONS: Partial<Record<TopicLanguage, readonly string[]>> = {
  fr: ['l', 'd'],
  it: ['l', 'd', 'un', 'dell', 'all', 'dall', 'nell', 'sull'],
};
const ELIDES = /^[aeiouhàâéèêîôûáíóú]/;

/** A keyword and its elided forms ("attente" → "lattente", "dattente", …) in the languages that elide. */
export function withElisions(lang: TopicLanguage, keyword: string): string[] {
  const prefixes = ELISIONS[lang];
  const k = keyword.trim().toLowerCase();
  if (!prefixes || !ELIDES.test(k)) return [k];
  return [k, ...prefixes.map((p) => p + k)];
}

/** The classifier's view of a spec: every language's keywords (and elided forms) in one list. */
export function toTopic(spec: TopicSpec): Topic {
  const keywords = new Set<string>();
  for (const [lang, words] of Object.entries(spec.keywords) as [TopicLanguage, readonly string[]][]) {
    for (const w of words) for (const k of withElisions(lang, w)) keywords.add(k);
  }
  return { id: spec.id, label: spec.label, keywords: [...keywords] };
}
