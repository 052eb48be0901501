import { createClassifier, DEFAULT_TAXONOMY, type ClassifierOptions, type Topic } from '../classify/index.js';
import type { Config } from '../config/schema.js';
import type { Review } from '../domain/review.js';
import type { Draft, Verdict } from '../domain/verdict.js';
import { draftReply } from '../draft/index.js';
import { draftContextFor } from '../lifecycle/draft-context.js';

/** The parts of the config that analysis reads: what an analysis thread is given. */
export type AnalysisConfig = Pick<Config, 'classifier' | 'business' | 'drafting' | 'sources'>;

/** What analysis makes of one review: its verdict and, when asked for and negative, the template draft. */
export interface Analysis {
  verdict: Verdict;
  draft?: Draft | undefined;
}

/** Classifies and drafts reviews with the configured taxonomy, rules and drafting; pure and synchronous. */
export type Analyzer = (review: Review, opts: { draft: boolean }) => Analysis;

/** The classifier's options from config: configured topics replace default ones of the same id and add the rest. */
export function classifierOptionsFrom(config: Pick<Config, 'classifier'>): ClassifierOptions {
  const own = config.classifier.topics;
  const taxonomy: Topic[] = config.classifier.replaceDefaultTopics
    ? [...own]
    : [...DEFAULT_TAXONOMY.map((t) => own.find((o) => o.id === t.id) ?? t), ...own.filter((o) => !DEFAULT_TAXONOMY.some((t) => t.id === o.id))];
  return { taxonomy, criticalRules: config.classifier.criticalRules, clearComplaintLogit: config.classifier.clearComplaintLogit };
}

/** Builds the analyzer for a config: the classifier is compiled once, here. */
export function createAnalyzer(config: AnalysisConfig): Analyzer {
  const classifier = createClassifier(classifierOptionsFrom(config));
  return (review, opts) => {
    const verdict = classifier.classify({ text: review.text, title: review.title, rating: review.rating, language: review.language });
    const draft = opts.draft && verdict.negative ? draftReply(review, verdict, draftContextFor(config, review.sourceId)) : undefined;
    return draft ? { verdict, draft } : { verdict };
  };
}
