import { createInterface } from 'node:readline';
import { z } from 'zod';
import { createClassifier, type Classifier, type ClassifierOptions, type Industry } from '../classify/index.js';
import { taxonomyFor } from '../classify/taxonomies/index.js';
import type { BusinessConfig } from '../config/schema.js';
import { industryField, languageField } from './line-fields.js';

/** One input line of `review-monitor classify`. */
export const classifyLineSchema = z.object({
  /** Echoed back on the output line, so callers can join results without counting lines. */
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string(),
  title: z.string().optional(),
  rating: z.number().min(1).max(5).optional(),
  /** The review's language as given (a platform's), over what the classifier would detect. */
  language: languageField.optional(),
  /** The business's industry for this line, over the config's: picks the topic taxonomy. */
  industry: industryField.optional(),
});

/** Options of `runClassifyCli`: the classifier's taxonomy and rules (from config). */
export interface ClassifyCliOptions {
  classifier?: ClassifierOptions | undefined;
  /**
   * The options for a line naming an industry (from the config with that industry); without it, that
   * industry's built-in taxonomy over `classifier`.
   */
  classifierFor?: ((industry: Industry) => ClassifierOptions) | undefined;
}

/** One classifier per industry a run meets, built on first use: building one compiles its taxonomy. */
export function classifiersByIndustry(base: ClassifierOptions, optionsFor?: (industry: Industry) => ClassifierOptions): (industry: Industry | undefined) => Classifier {
  const built = new Map<Industry | undefined, Classifier>();
  return (industry) => {
    let c = built.get(industry);
    if (!c) {
      c = createClassifier(industry === undefined ? base : (optionsFor?.(industry) ?? { ...base, taxonomy: taxonomyFor(industry) }));
      built.set(industry, c);
    }
    return c;
  };
}

/**
 * A classifier per business a line names (its industry's taxonomy, its language for short texts, its own classifier
 * section), each compiled once and shared by businesses alike in all three: `review-monitor draft` with several businesses.
 */
export function classifiersByBusiness<Section>(
  optionsFor: (business: BusinessConfig, section: Section) => ClassifierOptions,
): (business: BusinessConfig, section: Section) => Classifier {
  const built = new Map<string, Classifier>();
  return (business, section) => {
    // The business's own classifier section (topics, critical rules) is part of what makes two classifiers differ.
    const key = JSON.stringify([business.industry, business.language, section]);
    let c = built.get(key);
    if (!c) built.set(key, (c = createClassifier(optionsFor(business, section))));
    return c;
  };
}

/**
 * `review-monitor classify`: JSON Lines in (one review a line), one JSON line out per input line,
 * in order. A malformed line gets an error line naming the line and the field; the run goes on.
 * Resolves to the exit code: 0 when every line was classified, 1 when some line was not.
 */
export async function runClassifyCli(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  options: ClassifyCliOptions = {},
): Promise<number> {
  const classifierFor = classifiersByIndustry(options.classifier ?? {}, options.classifierFor);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let failed = 0;
  for await (const raw of lines) {
    lineNo++;
    const line = raw.trim();
    let out: string;
    if (line === '') {
      // Still one output line, so output line N always answers input line N; not counted as a failure.
      out = JSON.stringify({ line: lineNo, error: 'empty line' });
    } else {
      const parsed = parseLine(line);
      const id = parsed.id;
      try {
        if (parsed.error !== undefined) throw new Error(parsed.error);
        const { id: _id, industry, ...review } = parsed.data;
        const verdict = classifierFor(industry).classify(review);
        out = JSON.stringify(id === undefined ? verdict : { id, ...verdict });
      } catch (err) {
        failed++;
        // The line's id when it has one, as draft does: a caller joins answers by id.
        out = JSON.stringify({ line: lineNo, ...(id !== undefined ? { id } : {}), error: err instanceof Error ? err.message : String(err) });
      }
    }
    if (!output.write(out + '\n')) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  }
  return failed > 0 ? 1 : 0;
}

type ParsedLine =
  | { data: z.output<typeof classifyLineSchema>; id: string | number | undefined; error?: undefined }
  | { id: string | number | undefined; error: string };

/** A line's review, or what is wrong with it; with the line's id (a string or a number) whenever its JSON has one. */
function parseLine(line: string): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { id: undefined, error: 'invalid JSON' };
  }
  const rawId = typeof json === 'object' && json !== null ? (json as { id?: unknown }).id : undefined;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : undefined;
  const parsed = classifyLineSchema.safeParse(json);
  if (!parsed.success) return { id, error: parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'line'}: ${i.message}`).join('; ') };
  return { data: parsed.data, id };
}
