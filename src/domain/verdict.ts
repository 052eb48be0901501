/** Severity of a negative review: `critical` needs a human today. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What the classifier decided about one review, and why. */
export interface Verdict {
  negative: boolean;
  /** -1 (very negative) … 1 (very positive). */
  score: number;
  severity: Severity;
  topics: string[];
  /**
   * A review that is not negative but criticises something ("Lovely room. Breakfast was disappointing"): the topics of
   * its complaining clauses, for the thank-you to take note of. Absent when there are none, and on a negative review.
   */
  concerns?: string[] | undefined;
  /** The words, phrases and rating that drove the decision, for the owner to see. */
  reasons: string[];
  language: string;
}

/** A drafted reply and what the guardrails found in it. */
export interface Draft {
  reply: string;
  violations: { rule: string; message: string; span?: string | undefined }[];
  /** 0–1: share of guardrails passed. */
  score: number;
}

/** Input to the classifier: a review's text, title and rating. */
export interface ClassifyInput {
  text: string;
  title?: string | undefined;
  rating?: number | undefined;
  /** ISO 639-1 language the platform reported; when absent the classifier detects it. */
  language?: string | undefined;
}
