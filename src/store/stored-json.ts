import type { Review } from '../domain/review.js';
import type { Draft, Severity, Verdict } from '../domain/verdict.js';

// How reviews and drafts are written into a review's hash. Pure functions, apart from the store: the
// analysis thread, which never loads the Redis client, reads and writes the same JSON.
//
// Every byte of a stored review is paid a million times over: fields kept elsewhere in the hash
// (content hash, fetch time) and drafting diagnostics are left out of the stored JSON.

/** A review as the store keeps it: its JSON and the hash fields beside it. */
export interface StoredReviewInput {
  json: string;
  /** The content hash (the hash's `hash` field). */
  hash: string;
  /** When it was fetched (`editedAt`, else `createdAt`). */
  fetchedAt: string;
  /** When the service first stored it (the counters' day of a review without a date). */
  createdAt?: string | undefined;
}

/** A verdict and draft already written as the store keeps them (the analysis thread writes them so). */
export interface SerializedAnalysis {
  /** JSON of the Verdict. */
  verdict: string;
  /** JSON of the Draft as storedDraftJson writes it, when there is one. */
  draft?: string | undefined;
  /** The verdict's severity, for the flagged counters. */
  severity: Severity;
  /** The review's contribution to the stats counters (src/insights/counters.ts `contributionOf`). */
  counted?: string | undefined;
  /** The review's publication time: its time to alert is counted when it is flagged. */
  publishedAt?: string | undefined;
}

/** A review's JSON as stored: without `contentHash` (the `hash` field) and `fetchedAt` (`createdAt`/`editedAt`). */
export function storedReviewJson(review: Review): string {
  const { contentHash: _hash, fetchedAt: _fetched, ...rest } = review;
  return JSON.stringify(rest);
}

/** The review again from its stored JSON and the hash fields kept beside it. */
export function reviewFromStored(json: string, contentHash: string, fetchedAt: string): Review {
  const review = JSON.parse(json) as Review;
  review.contentHash = contentHash;
  review.fetchedAt = fetchedAt;
  return review;
}

/**
 * The review with the language its verdict detected, when the platform gave none: the stored JSON
 * is written at ingest, before the language is known, so the language is taken from the verdict kept
 * beside it (the store passes it only when it was made for the review's current content). `und`
 * (too little text to tell) is not a language.
 */
export function withDetectedLanguage(review: Review, verdict: Pick<Verdict, 'language'> | undefined): Review {
  if (!review.language && verdict?.language && verdict.language !== 'und') review.language = verdict.language;
  return review;
}

/** A draft's JSON as stored: the reply, what the guardrails found, and whether a person must publish it. */
export function storedDraftJson(draft: Draft & { requiresHuman?: boolean; autoPublish?: boolean }): string {
  const { reply, violations, score, requiresHuman, autoPublish } = draft;
  return JSON.stringify({ reply, violations, score, ...(requiresHuman !== undefined ? { requiresHuman } : {}), ...(autoPublish !== undefined ? { autoPublish } : {}) });
}
