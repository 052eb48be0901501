import type { Review } from '../domain/review.js';
import type { Verdict } from '../domain/verdict.js';
import { resolveContext, type DraftContext, type ResolvedContext } from './context.js';
import { textContradictsRating } from '../classify/classifier.js';
import { checkGuardrails } from './guardrails.js';
import { greetingNameOf } from './personalise.js';
import { draftReply, replySet, type ReplyDraft } from './reply.js';
import type { TemplateSet } from './templates.js';

// A model may write the draft, but it never gets the last word: its text must pass the same guardrails as
// a template draft, and any failure (no key, HTTP error, timeout, bad JSON, a guardrail violation) falls back
// to the template draft, with the reason recorded for the owner.

/** A reply drafted by the configured provider, or by the template when the provider could not be used. */
export type ProviderDraft = ReplyDraft & { provider: 'template' | 'openai-compatible'; fallbackReason?: string | undefined };

export interface ProviderOptions {
  /** Environment to read the API key from (defaults to process.env). */
  env?: Record<string, string | undefined>;
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/** The playbook rules as the model is told them. */
export const PLAYBOOK_PROMPT = [
  'You write the public reply of a business to a negative customer review, following this playbook:',
  '1. Acknowledge the specific problem the customer described, in their own terms (no generic "sorry for any inconvenience").',
  '2. Thank them for taking the time to give the feedback.',
  '3. Apologise sincerely, without blaming anyone or any circumstance, and without excuses.',
  '4. Reassure them that the business is looking into it.',
  '5. Take it offline: give the contact below and invite them to use it.',
  '6. Never suggest the customer is wrong, argue, quote policy or terms, ask for the review to be removed or changed,',
  '   offer anything in exchange for changing it, or promise a refund or any amount of money in public.',
  "7. Never repeat the customer's e-mail, phone or order number. Never invent facts that are not in the review.",
  'Write plain text only (no markdown, no HTML, no placeholders), sign with the signature given, and reply with the reply text only.',
].join('\n');

/** "German (de)": the language named in English, which models follow more reliably than a bare code. */
function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

function businessFacts(review: Review, r: ResolvedContext, verdict: Verdict, set: TemplateSet): string {
  const contact = verdict.severity === 'critical' ? r.escalation : r.contact;
  const address = set.address?.[r.tone];
  return [
    `Business: ${r.businessName}`,
    `Tone: ${r.tone}`,
    `Contact to give: ${[contact.name, contact.email, contact.phone].filter(Boolean).join(', ')}`,
    `Signature: ${r.signature}`,
    `Maximum length: ${r.maxLength} characters`,
    // The reply is checked in this language (thanks, apology, prohibitions), so the model must write in it.
    `Write the whole reply in ${languageName(set.language)}, as a native speaker writes to a customer${address ? `, addressing the reviewer as "${address}"` : ''}.`,
    verdict.severity === 'critical' ? 'This review is critical: say it is being treated as urgent and name the contact person.' : '',
    // A model told to acknowledge "in their own terms" thanks a rating alone for its "detailed feedback".
    !review.text.trim() && !review.title?.trim()
      ? 'This review is only a rating, with no text: never refer to anything the customer wrote; acknowledge the rating, thank them for it, and invite them to say what went wrong.'
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function reviewMessage(review: Review, verdict: Verdict, r: ResolvedContext, set: TemplateSet): string {
  return JSON.stringify({
    // The name the template's greeting would use: the whole name in a formal German, French, Dutch, Italian or
    // Spanish reply, the first name otherwise.
    reviewer_name: greetingNameOf(review.author, set.greetingName?.[r.tone]) ?? null,
    rating: review.rating ?? null,
    title: review.title ?? null,
    text: review.text,
    topics: verdict.topics,
    severity: verdict.severity,
  });
}

async function askModel(review: Review, verdict: Verdict, r: ResolvedContext, ctx: DraftContext, opts: ProviderOptions, set: TemplateSet): Promise<string> {
  const cfg = ctx.drafting?.openai;
  if (!cfg) throw new FallbackError('no openai section in drafting config');
  const env = opts.env ?? process.env;
  const key = env[cfg.apiKeyEnv];
  if (!key) throw new FallbackError(`API key environment variable ${cfg.apiKeyEnv} is not set`);
  const url = `${cfg.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        model: cfg.model,
        temperature: cfg.temperature ?? 0.4,
        messages: [
          { role: 'system', content: `${PLAYBOOK_PROMPT}\n\n${businessFacts(review, r, verdict, set)}` },
          { role: 'user', content: reviewMessage(review, verdict, r, set) },
        ],
      }),
      signal: AbortSignal.timeout(cfg.timeoutMs ?? 15_000),
    });
  } catch (err) {
    const e = err as Error;
    throw new FallbackError(e.name === 'TimeoutError' || e.name === 'AbortError' ? `timeout after ${cfg.timeoutMs ?? 15_000} ms` : `request failed: ${e.message}`);
  }
  if (!res.ok) throw new FallbackError(`HTTP ${res.status} from provider`);
  let body: unknown;
  try {
    body = await res.json();
  } catch (err) {
    const e = err as Error;
    throw new FallbackError(e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timeout reading the response' : 'response is not JSON');
  }
  const content = (body as { choices?: { message?: { content?: unknown } }[] })?.choices?.[0]?.message?.content;
  if (typeof content !== 'string' || content.trim() === '') throw new FallbackError('response has no choices[0].message.content');
  return content.trim();
}

class FallbackError extends Error {}

/** Drafts with the configured provider; model output must pass the guardrails, else the template draft is used. */
export async function draftWithProvider(review: Review, verdict: Verdict, ctx: DraftContext, opts: ProviderOptions = {}): Promise<ProviderDraft> {
  const template = draftReply(review, verdict, ctx);
  // The playbook prompt is for complaints; a review that is not negative gets the template's thank-you.
  if ((ctx.drafting?.provider ?? 'template') !== 'openai-compatible' || !verdict.negative) return { ...template, provider: 'template' };
  const r = resolveContext(ctx, review.sourceId);
  const set = replySet(review, verdict, r);
  let text: string;
  try {
    text = await askModel(review, verdict, r, ctx, opts, set);
  } catch (err) {
    const reason = err instanceof FallbackError ? err.message : `provider error: ${(err as Error).message}`;
    return { ...template, provider: 'template', fallbackReason: reason };
  }
  const checked = checkGuardrails(text, {
    maxLength: r.maxLength,
    kind: 'reply',
    contacts: [r.contact, r.escalation],
    review,
    language: template.language,
    templatesDir: r.templatesDir,
  });
  if (checked.violations.length > 0) {
    const rules = [...new Set(checked.violations.map((v) => v.rule))].join(', ');
    return { ...template, provider: 'template', fallbackReason: `model draft failed guardrails: ${rules}` };
  }
  const requiresHuman = verdict.severity === 'critical' || textContradictsRating(verdict, review.rating);
  return {
    ...checked,
    requiresHuman,
    autoPublish: !requiresHuman,
    language: template.language,
    tone: template.tone,
    maxLength: r.maxLength,
    parts: ['model'],
    provider: 'openai-compatible',
  };
}
