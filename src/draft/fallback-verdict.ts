import type { ClassifyInput, Severity, Verdict } from '../domain/verdict.js';
import { spotTopics } from '../classify/topics.js';

// Only for callers without the classifier (the `draft` CLI run on its own): just enough of a verdict to
// draft with. Severity comes from the rating, raised to critical by words that need a person today.
const CRITICAL = /\b(food poisoning|poison(ed|ing)?|allergic reaction|hospital|injur(ed|y)|lawyer|solicitor|sue|lawsuit|police|fraud|scam|stole|theft|discriminat\w*|racis[mt]|harass\w*|assault\w*|unsafe|dangerous|fire hazard)\b/i;

/** A verdict from rating and keywords alone, for drafting when no classifier is available. */
export function fallbackVerdict(input: ClassifyInput): Verdict {
  const text = `${input.title ?? ''} ${input.text}`;
  const critical = CRITICAL.exec(text);
  const rating = input.rating;
  let severity: Severity = rating === undefined ? 'medium' : rating <= 1 ? 'high' : rating <= 2 ? 'medium' : 'low';
  if (critical) severity = 'critical';
  const reasons = [rating === undefined ? 'no rating' : `rating ${rating}`, ...(critical ? [`"${critical[0]}"`] : [])];
  return {
    negative: rating === undefined ? true : rating <= 3,
    score: rating === undefined ? -0.5 : (rating - 3) / 2,
    severity,
    topics: spotTopics(text),
    reasons,
    language: 'en',
  };
}
