import type { ClassifyInput, Verdict } from '../domain/verdict.js';

// First classifier of the walking skeleton: the rating decides when there is one, else a small
// word list with negation. The flagging issue replaces it with the measured classifier.
const NEGATIVE = ['bad', 'terrible', 'awful', 'horrible', 'rude', 'cold', 'worst', 'dirty', 'slow', 'broken', 'refund', 'disappointed', 'disappointing', 'never', 'waited', 'crash', 'crashes', 'poor', 'overpriced', 'inedible', 'sick', 'hate'];
const POSITIVE = ['good', 'great', 'excellent', 'amazing', 'love', 'loved', 'friendly', 'delicious', 'perfect', 'best', 'wonderful', 'fantastic', 'recommend', 'fresh', 'nice'];
const NEGATORS = new Set(['not', 'no', "n't", 'never', 'hardly', 'isnt', "isn't", "wasn't", 'wasnt', "don't", 'dont', "didn't", 'didnt']);

/** Decides whether a review is negative, from its rating when present, else from its text. */
export function classify(input: ClassifyInput): Verdict {
  const words = `${input.title ?? ''} ${input.text}`.toLowerCase().match(/[a-z']+/g) ?? [];
  let sum = 0;
  const reasons: string[] = [];
  words.forEach((w, i) => {
    const polarity = NEGATIVE.includes(w) ? -1 : POSITIVE.includes(w) ? 1 : 0;
    if (!polarity) return;
    const negated = NEGATORS.has(words[i - 1] ?? '') || NEGATORS.has(words[i - 2] ?? '');
    const value = negated ? -polarity : polarity;
    sum += value;
    if (value < 0) reasons.push(negated ? `"${words[i - 1]} ${w}"` : `"${w}"`);
  });
  const textScore = words.length ? Math.max(-1, Math.min(1, sum / 3)) : 0;
  let negative = textScore < 0;
  let score = textScore;
  if (input.rating !== undefined) {
    score = (input.rating - 3) / 2;
    negative = input.rating <= 2 || (input.rating === 3 && textScore < 0);
    reasons.unshift(`rating ${input.rating}/5`);
  }
  const severity = !negative ? 'low' : score <= -0.9 ? 'high' : score <= -0.4 ? 'medium' : 'low';
  return { negative, score: Math.round(score * 100) / 100, severity, topics: [], reasons: negative ? reasons : [], language: 'en' };
}
