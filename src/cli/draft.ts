import { createInterface } from 'node:readline';
import { z } from 'zod';
import { type Industry } from '../classify/taxonomies/index.js';
import type { BusinessConfig, DraftingConfig } from '../config/schema.js';
import { normaliseReview, type Review } from '../domain/review.js';
import type { ClassifyInput, Verdict } from '../domain/verdict.js';
import { fallbackVerdict } from '../draft/fallback-verdict.js';
import { draftWithProvider } from '../draft/provider-openai.js';
import { industryField, languageField } from './line-fields.js';

/** One input line of `review-monitor draft`. */
export const draftInputSchema = z
  .strictObject({
    /** May be empty when a rating says enough ("★☆☆☆☆" without words): the reply then acknowledges in general terms. */
    text: z.string().trim().default(''),
    title: z.string().optional(),
    rating: z.number().min(1).max(5).optional(),
    author: z.string().optional(),
    /** Source id: picks per-source contact and length limit from `drafting.sources`. */
    source: z.string().min(1).optional(),
    id: z.string().min(1).optional(),
    /** The review's language as given, over what the classifier would detect: the reply is written in it. */
    language: languageField.optional(),
    /** The business (its id) the reply is written for, in a config of several; default: the source's, else the first. */
    business: z.string().min(1).optional(),
    /** The business's industry for this line, over the config's: its topics and their wording in the reply. */
    industry: industryField.optional(),
  })
  .refine((r) => r.text !== '' || r.rating !== undefined, { path: ['text'], message: 'text must not be empty without a rating' });
export type DraftInput = z.infer<typeof draftInputSchema>;

export interface DraftCliDeps {
  business: BusinessConfig;
  drafting?: Partial<DraftingConfig> | undefined;
  /**
   * The classifier, with the line's industry when it names one; without it severity comes from the rating
   * and topics from keyword spotting.
   */
  /** `business`: the line's business (with several), whose industry and language the review is read with. */
  classify?: ((input: ClassifyInput, industry?: Industry, business?: BusinessConfig) => Verdict) | undefined;
  /** For the provider's API key; process.env by default. */
  env?: Record<string, string | undefined>;
  /**
   * The business a line is drafted for, by the id it names or its source's (a config of several businesses):
   * its facts and drafting section, or a message saying what is wrong. Without it every line is `business`'s.
   */
  businessOf?: ((id: string | undefined, sourceId: string | undefined) => { business: BusinessConfig; drafting: Partial<DraftingConfig> } | string) | undefined;
}

function reviewOf(input: DraftInput): Review {
  // Without an id, normaliseReview derives one from the content, so the same line always gets the same draft.
  return normaliseReview(
    { platformId: input.id, author: input.author, rating: input.rating, title: input.title, text: input.text, language: input.language },
    input.source ?? 'cli',
    new Date(0),
  );
}

/**
 * `review-monitor draft`: reads JSON Lines of reviews, writes one JSON line per input line (`reply`,
 * `violations`, `score`, or `error` for a malformed line). Returns the exit code: 0, or 1 when any line failed.
 */
export async function runDraftCli(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, deps: DraftCliDeps): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let failed = 0;
  const write = (obj: unknown): Promise<void> =>
    new Promise((resolve) => {
      if (output.write(`${JSON.stringify(obj)}\n`)) resolve();
      else output.once('drain', () => resolve());
    });
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') {
      // Still one output line, so output line N always answers input line N; not counted as a failure (as in classify).
      await write({ line: lineNo, error: 'empty line' });
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      failed++;
      await write({ line: lineNo, error: `invalid JSON: ${(err as Error).message}` });
      continue;
    }
    const parsed = draftInputSchema.safeParse(raw);
    if (!parsed.success) {
      failed++;
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`).join('; ');
      await write({ line: lineNo, ...(isObj(raw) && typeof raw.id === 'string' ? { id: raw.id } : {}), error: detail });
      continue;
    }
    try {
      const review = reviewOf(parsed.data);
      const owner = deps.businessOf?.(parsed.data.business, parsed.data.source) ?? { business: deps.business, drafting: deps.drafting ?? {} };
      if (typeof owner === 'string') {
        failed++;
        await write({ line: lineNo, ...(parsed.data.id ? { id: parsed.data.id } : {}), error: `business: ${owner}` });
        continue;
      }
      // The line's industry, else its business's: the taxonomy it is classified with and the words of the reply.
      const industry = parsed.data.industry ?? (deps.businessOf ? owner.business.industry : undefined);
      const classifyInput = { text: review.text, title: review.title, rating: review.rating, language: review.language };
      const verdict = deps.classify ? deps.classify(classifyInput, industry, deps.businessOf ? owner.business : undefined) : fallbackVerdict(classifyInput);
      const business = industry ? { ...owner.business, industry } : owner.business;
      const d = await draftWithProvider(review, verdict, { business, drafting: owner.drafting }, deps.env ? { env: deps.env } : {});
      await write({
        ...(parsed.data.id ? { id: parsed.data.id } : {}),
        reply: d.reply,
        violations: d.violations,
        score: d.score,
        requiresHuman: d.requiresHuman,
        severity: verdict.severity,
        language: d.language,
        topics: verdict.topics,
        provider: d.provider,
        ...(d.fallbackReason ? { fallbackReason: d.fallbackReason } : {}),
      });
    } catch (err) {
      failed++;
      await write({ line: lineNo, error: (err as Error).message });
    }
  }
  return failed > 0 ? 1 : 0;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
