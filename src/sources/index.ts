import type { RawReview } from '../domain/review.js';
import type { SourceConfig } from '../config/schema.js';
import { parseRss } from './rss.js';

/** Turns the fetched body of a source into raw reviews. */
export type Parse = (body: string, source: SourceConfig) => Promise<RawReview[]>;

/** One parser per source type. */
export const parsers: Record<SourceConfig['type'], Parse> = {
  rss: (body) => parseRss(body),
};
