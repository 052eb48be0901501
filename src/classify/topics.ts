import type { PhraseTag, TextAnalysis } from './features.js';
import { PhraseMatcher, type PhraseHit } from './phrases.js';
import { DEFAULT_INDUSTRY, taxonomyFor, type Industry } from './taxonomies/index.js';
import { tokenize } from './tokenize.js';

/** One topic of the taxonomy: config can add its own, keywords use the PhraseMatcher syntax. */
export interface Topic {
  id: string;
  label: string;
  /** Words and phrases: `refund*` matches refunds/refunded, `#` any number ("waited # minutes"). */
  keywords: string[];
}

/**
 * The taxonomy of a business whose industry is not set (`generic`); ids are stable (stored with verdicts,
 * used in alerts and config). Every industry's taxonomy is data in ./taxonomies/.
 */
export const DEFAULT_TAXONOMY: readonly Topic[] = taxonomyFor('generic');

/** A taxonomy as phrase patterns for the shared matcher, and the topics found in an analysed text. */
export class TopicMatcher {
  private readonly ids: string[];

  constructor(private readonly taxonomy: readonly Topic[]) {
    this.ids = taxonomy.map((t) => t.id);
  }

  /** The keywords tagged with their topic, for createPhraseMatcher. */
  patterns(): (readonly [string, PhraseTag])[] {
    return this.taxonomy.flatMap((t, index) => t.keywords.map((k) => [k, { kind: 'topic', index }] as const));
  }

  /** Topic ids mentioned in the text, in taxonomy order. */
  match(a: TextAnalysis): string[] {
    return this.fromHits(a.phraseHits);
  }

  /** Topic ids of the topic hits among `hits`, in taxonomy order. */
  fromHits(hits: readonly PhraseHit<PhraseTag>[]): string[] {
    // A plain array: a typed array's backing store costs a malloc per review.
    let seen: boolean[] | undefined;
    for (const h of hits) {
      if (h.value.kind !== 'topic') continue;
      seen ??= new Array<boolean>(this.ids.length).fill(false);
      seen[h.value.index] = true;
    }
    const out: string[] = [];
    if (seen) for (let i = 0; i < this.ids.length; i++) if (seen[i]) out.push(this.ids[i] as string);
    return out;
  }
}

const spotters = new Map<Industry, { topics: TopicMatcher; phrases: PhraseMatcher<PhraseTag> }>();

/**
 * The topics of an industry's taxonomy a text mentions, without the rest of the classifier: for drafting
 * when no verdict is at hand. The same keywords, so the same topics, as a verdict's.
 */
export function spotTopics(text: string, industry: Industry = DEFAULT_INDUSTRY): string[] {
  let s = spotters.get(industry);
  if (!s) {
    const topics = new TopicMatcher(taxonomyFor(industry));
    spotters.set(industry, (s = { topics, phrases: new PhraseMatcher<PhraseTag>(topics.patterns()) }));
  }
  return s.topics.fromHits(s.phrases.findAll(tokenize(text)));
}
