/** Negative-review classifier: rating + text -> negative, score, severity, topics, reasons, language. */
export { classify, createClassifier, textContradictsRating, type Classifier, type ClassifierOptions } from './classifier.js';
export { DEFAULT_TAXONOMY, type Topic } from './topics.js';
export { DEFAULT_CRITICAL_RULES, type CriticalRule } from './severity.js';
export type { ClassifyInput, Verdict, Severity } from '../domain/verdict.js';
export { SEVERITIES } from '../domain/verdict.js';
export { DEFAULT_INDUSTRY, INDUSTRIES, INDUSTRY_TOPICS, taxonomyFor, topicPhraseFor, type Industry } from './taxonomies/index.js';
