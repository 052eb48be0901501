import { customersVisit } from '../classify/taxonomies/index.js';
import type { Review } from '../domain/review.js';
import type { Draft, Verdict } from '../domain/verdict.js';
import { formalWording, summariseComplaint } from './complaint-summary.js';
import { resolveContext, type DraftContext } from './context.js';
import { fallbackVerdict } from './fallback-verdict.js';
import { checkGuardrails, codePointLength } from './guardrails.js';
import { draftReply, mayBeEnglish, renderPart, replySet, standIn, topicPhrase, type ReplyDraft } from './reply.js';
import type { Tone } from './templates.js';

// Platforms keep one public reply per review, so the follow-up is posted as an update of the reply:
// `combined` is what gets posted. The follow-up on its own is checked with the `follow-up` rules (thanks
// required; apology and contact not, since the matter is resolved and the reply above carries them); the
// combined text is checked as a full reply.

/** A loop-closing follow-up and the single text (reply + follow-up) to post. */
export interface FollowUpDraft extends Draft {
  language: string;
  tone: Tone;
  maxLength: number;
  /** The original reply with the follow-up appended, within the platform limit, checked as a reply. */
  combined: Draft & {
    /** True when the original reply did not fit beside the follow-up and was replaced by a shorter draft. */
    replyRewritten: boolean;
  };
}

export interface FollowUpInput {
  /** What changed, in the owner's words ("we added a second chef on weekends"). */
  note?: string | undefined;
  /** The reply as posted (possibly edited by a person); drafted afresh when absent. */
  originalReply?: string | undefined;
  verdict?: Verdict | undefined;
}

const cleanNote = (note: string): string => note.replace(/\s+/g, ' ').trim().replace(/[.!\s]+$/, '');

/** Drafts the public follow-up for a resolved review, plus the combined reply + follow-up text. */
export function draftFollowUp(review: Review, input: FollowUpInput, ctx: DraftContext): FollowUpDraft {
  const r = resolveContext(ctx, review.sourceId);
  const verdict = input.verdict ?? fallbackVerdict({ text: review.text, title: review.title, rating: review.rating });
  const set = replySet(review, verdict, r);
  const tone = r.tone;
  // A different salt from the reply's, so the follow-up does not reuse the reply's phrasings.
  const seed = `${review.id || review.text}|follow-up`;
  const english = set.language === 'en' && mayBeEnglish(verdict.language || review.language);
  // As the reply (materialFor): nothing of a critical review's claim said back, and a formal one written out.
  const extracted = english && verdict.severity !== 'critical' ? summariseComplaint(review, verdict.topics).issues[0] : undefined;
  const issue = extracted && tone === 'formal' ? formalWording(extracted) : extracted;
  const topic = verdict.topics[0] ? topicPhrase(set, verdict.topics[0], 'long', r.industry) : undefined;
  const subject = issue ?? topic;
  const business = r.businessName;
  const note = input.note ? cleanNote(input.note) : '';

  const invite = standIn(set, 'followUpInvite', { ratingOnly: false, critical: false, visits: customersVisit(r.industry) });
  const build = (withInvite: boolean, specific: boolean): string => {
    const about = specific && subject
      ? renderPart(set, 'followUpAbout', tone, seed, { issue: subject })
      : renderPart(set, 'followUpAboutGeneric', tone, seed, {});
    const sentences = [
      renderPart(set, 'followUpOpen', tone, seed, { about, business }),
      note ? renderPart(set, 'followUpChange', tone, seed, { note, business }) : undefined,
      renderPart(set, 'followUpThanks', tone, seed, { business }),
      withInvite ? renderPart(set, invite, tone, seed, { business }) : undefined,
    ];
    return `${sentences.filter(Boolean).join(' ')}\n${r.signature}`;
  };
  const length = codePointLength;
  // From the full follow-up to the bare minimum; the first that fits is the follow-up on its own.
  const levels = [build(true, true), build(true, false), build(false, false)];
  const start = Math.max(0, levels.findIndex((t) => length(t) <= r.maxLength));
  const followUp = levels[start] ?? (levels[levels.length - 1] as string);
  const contacts = [r.contact, r.escalation];
  const checkCtx = { maxLength: r.maxLength, contacts, review, language: set.language, templatesDir: r.templatesDir };
  const own = checkGuardrails(followUp, { ...checkCtx, kind: 'follow-up' });

  const prefix = renderPart(set, 'updatePrefix', tone, seed, {});
  const join = (reply: string, fu: string): string => `${reply.trimEnd()}\n\n${prefix} ${fu}`;
  let combinedText: string | undefined;
  let replyRewritten = false;
  if (input.originalReply !== undefined && length(join(input.originalReply, followUp)) <= r.maxLength) {
    combinedText = join(input.originalReply, followUp);
  } else {
    // Too long together (or no reply yet): a fresh reply drafted into the room a follow-up leaves,
    // shortening the follow-up first when the reply cannot fit its minimum beside it.
    for (const fu of levels.slice(start)) {
      const room = r.maxLength - length(join('', fu));
      if (room <= 0) continue;
      const fresh: ReplyDraft = draftReply(review, verdict, { ...ctx, maxLength: room });
      if (length(join(fresh.reply, fu)) <= r.maxLength) {
        combinedText = join(fresh.reply, fu);
        replyRewritten = input.originalReply !== undefined;
        break;
      }
    }
  }
  // Nothing fits beside the reply: post the follow-up alone; the guardrails then say what is missing.
  const combined = checkGuardrails(combinedText ?? followUp, { ...checkCtx, kind: 'reply' });
  return { ...own, language: set.language, tone, maxLength: r.maxLength, combined: { ...combined, replyRewritten } };
}
