import { z } from 'zod';
import { INDUSTRIES } from '../classify/taxonomies/index.js';

// Fields both `classify` and `draft` read from a JSON line, validated alike.

/**
 * A review's language as a platform gives it: an ISO 639 code, with a region or script after "-" or "_" ("de",
 * "pt-BR", "de_DE"). A word ("german", "klingon") was cut to its first two letters and judged as a language it is not.
 */
export const languageField = z
  .string()
  .trim()
  .min(1, 'language must not be empty')
  // An empty one is min's to name.
  .refine((s) => s === '' || /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(s), { error: (issue) => `"${String(issue.input)}" is not a language code such as de or pt-BR` });

/** The business's industry for one line, over the config's: picks the topic taxonomy and its wording. */
export const industryField = z.enum(INDUSTRIES, { error: () => `industry must be one of ${INDUSTRIES.join(', ')}` });
