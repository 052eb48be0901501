import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { BusinessConfig, DraftingConfig } from '../config/schema.js';
import { normaliseReview, type Review } from '../domain/review.js';
import type { ClassifyInput, Verdict } from '../domain/verdict.js';
import { fallbackVerdict } from '../draft/fallback-verdict.js';
import { draftWithProvider } from '../draft/provider-openai.js';

/** One input line of `review-monitor draft`. */
export const draftInputSchema = z.strictObject({
  text: z.string().trim().min(1, 'text must not be empty'),
  title: z.string().optional(),
  rating: z.number().min(1).max(5).optional(),
  author: z.string().optional(),
  /** Source id: picks per-source contact and length limit from `drafting.sources`. */
  source: z.string().min(1).optional(),
  id: z.string().min(1).optional(),
});
export type DraftInput = z.infer<typeof draftInputSchema>;

export interface DraftCliDeps {
  business: BusinessConfig;
  drafting?: Partial<DraftingConfig> | undefined;
  /** The classifier; without it severity comes from the rating and topics from keyword spotting. */
  classify?: ((input: ClassifyInput) => Verdict) | undefined;
  /** For the provider's API key; process.env by default. */
  env?: Record<string, string | undefined>;
}

function reviewOf(input: DraftInput): Review {
  // Without an id, normaliseReview derives one from the content, so the same line always gets the same draft.
  return normaliseReview({ platformId: input.id, author: input.author, rating: input.rating, title: input.title, text: input.text }, input.source ?? 'cli', new Date(0));
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
    if (line.trim() === '') continue;
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
      const classifyInput = { text: review.text, title: review.title, rating: review.rating };
      const verdict = deps.classify ? deps.classify(classifyInput) : fallbackVerdict(classifyInput);
      const d = await draftWithProvider(review, verdict, { business: deps.business, drafting: deps.drafting }, deps.env ? { env: deps.env } : {});
      await write({
        ...(parsed.data.id ? { id: parsed.data.id } : {}),
        reply: d.reply,
        violations: d.violations,
        score: d.score,
        requiresHuman: d.requiresHuman,
        severity: verdict.severity,
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
