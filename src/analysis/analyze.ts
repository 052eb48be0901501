import { createClassifier, taxonomyFor, type ClassifierOptions, type Topic } from '../classify/index.js';
import type { Config } from '../config/schema.js';
import type { Review } from '../domain/review.js';
import type { Draft, Verdict } from '../domain/verdict.js';
import { draftReply } from '../draft/index.js';
import { draftContextFor } from '../lifecycle/draft-context.js';
import { businessIdOf } from '../config/businesses.js';
import { contributionOf } from '../insights/counters.js';
import { reviewFromStored, storedDraftJson, withDetectedLanguage, type SerializedAnalysis, type StoredReviewInput } from '../store/stored-json.js';

export type { StoredReviewInput } from '../store/stored-json.js';

/** The parts of the config that analysis reads: what an analysis thread is given. */
export type AnalysisConfig = Pick<Config, 'classifier' | 'business' | 'drafting' | 'sources'> & Partial<Pick<Config, 'businesses'>>;

/** What analysis makes of one review: its verdict and, when asked for and negative, the template draft. */
export interface Analysis {
  verdict: Verdict;
  draft?: Draft | undefined;
}

/**
 * An analysis as the store writes it: the verdict's and the draft's JSON, with the few fields the analyze
 * worker routes alerts by. The worker passes the JSON to Redis as it is: it never builds the objects.
 */
export interface StoredAnalysis extends SerializedAnalysis {
  id: string;
  sourceId: string;
  negative: boolean;
  topics: string[];
}

/** Classifies and drafts reviews with the configured taxonomy, rules and drafting; pure and synchronous. */
export interface Analyzer {
  (review: Review, opts: { draft: boolean }): Analysis;
  /**
   * The analyses of many reviews, in order: all are classified first, then the negative ones drafted. Each
   * phase keeps its own code and tables (the model's word tables, the templates and patterns) in the CPU's
   * caches; review by review, the two evict each other (6–26% slower on a batch of 250).
   */
  all(reviews: readonly Review[], opts: { draft: boolean }): Analysis[];
  /**
   * `all` from stored JSON to stored JSON: what an analysis thread does with a batch. Parsing and
   * serialising here, beside the analysis, spares the worker's event loop the reviews' and results'
   * objects: structured cloning them both ways and building them cost it more than the JSON (and, kept
   * while a batch waits for the thread, they were much of what its garbage collector had to move).
   */
  stored(inputs: readonly StoredReviewInput[], opts: { draft: boolean }): StoredAnalysis[];
}

/**
 * The classifier's options from config: the taxonomy of `business.industry`, where configured topics replace
 * built-in ones of the same id and add the rest (or are all there is, with `replaceDefaultTopics`).
 */
export function classifierOptionsFrom(config: Pick<Config, 'classifier' | 'business'>): ClassifierOptions {
  const own = config.classifier.topics;
  const builtIn = taxonomyFor(config.business.industry);
  const taxonomy: Topic[] = config.classifier.replaceDefaultTopics
    ? [...own]
    : [...builtIn.map((t) => own.find((o) => o.id === t.id) ?? t), ...own.filter((o) => !builtIn.some((t) => t.id === o.id))];
  return { taxonomy, criticalRules: config.classifier.criticalRules, clearComplaintLogit: config.classifier.clearComplaintLogit, businessLanguage: config.business.language };
}

/**
 * Builds the analyzer for a config: each business's classifier (its industry's taxonomy, its topics and rules) is
 * compiled once, here, and a review is classified with its source's business's.
 */
export function createAnalyzer(config: AnalysisConfig): Analyzer {
  const single = !config.businesses || config.businesses.length <= 1;
  // Businesses of one industry with the same classifier section share one compiled classifier: a chain of a
  // thousand bakeries compiles one, not a thousand.
  const bySignature = new Map<string, ReturnType<typeof createClassifier>>();
  const compiled = single
    ? undefined
    : new Map(
        config.businesses!.map((b) => {
          const signature = JSON.stringify([b.business.industry, b.business.language, b.classifier]);
          let c = bySignature.get(signature);
          if (!c) bySignature.set(signature, (c = createClassifier(classifierOptionsFrom({ business: b.business, classifier: b.classifier }))));
          return [b.id, c];
        }),
      );
  const only = single ? createClassifier(classifierOptionsFrom(config)) : undefined;
  const classifierOf = (sourceId: string) => only ?? compiled!.get(businessIdOf(config as Required<AnalysisConfig>, sourceId))!;
  const classify = (review: Review): Verdict => classifierOf(review.sourceId).classify({ text: review.text, title: review.title, rating: review.rating, language: review.language });
  // The draft is written with the review's language: the platform's, else the one the classifier detected.
  const complete = (review: Review, verdict: Verdict, draft: boolean): Analysis =>
    draft && verdict.negative ? { verdict, draft: draftReply(withDetectedLanguage(review, verdict), verdict, draftContextFor(config, review.sourceId)) } : { verdict };
  const one = (review: Review, opts: { draft: boolean }): Analysis => complete(review, classify(review), opts.draft);
  const all = (reviews: readonly Review[], opts: { draft: boolean }): Analysis[] => {
    const verdicts = reviews.map(classify);
    return reviews.map((review, i) => complete(review, verdicts[i]!, opts.draft));
  };
  const stored = (inputs: readonly StoredReviewInput[], opts: { draft: boolean }): StoredAnalysis[] => {
    const reviews = inputs.map((i) => reviewFromStored(i.json, i.hash, i.fetchedAt));
    return all(reviews, opts).map(({ verdict, draft }, i) => ({
      id: reviews[i]!.id,
      sourceId: reviews[i]!.sourceId,
      negative: verdict.negative,
      severity: verdict.severity,
      topics: verdict.topics,
      verdict: JSON.stringify(verdict),
      draft: draft ? storedDraftJson(draft) : undefined,
      counted: contributionOf({ sourceId: reviews[i]!.sourceId, rating: reviews[i]!.rating, publishedAt: reviews[i]!.publishedAt, createdAt: inputs[i]!.createdAt, verdict }),
      publishedAt: reviews[i]!.publishedAt,
    }));
  };
  return Object.assign(one, { all, stored });
}
