import type { BusinessConfig } from '../config/schema.js';
import type { Review } from '../domain/review.js';
import type { Draft, Verdict } from '../domain/verdict.js';

/** Business facts a draft needs. */
export interface DraftContext {
  business: BusinessConfig;
}

// First draft of the walking skeleton, one fixed phrasing per playbook step; the drafting issue
// replaces it with varied, personalised drafts and guardrails.
/** A reply that acknowledges, thanks, apologises, reassures and takes the conversation offline. */
export function draftReply(review: Review, _verdict: Verdict, ctx: DraftContext): Draft {
  const { business } = ctx;
  const first = review.author && /^[A-Z][a-z]+(\s|$)/.test(review.author) ? review.author.split(/\s+/)[0] : undefined;
  const contact = [business.contact.email && `e-mail us at ${business.contact.email}`, business.contact.phone && `call us on ${business.contact.phone}`]
    .filter(Boolean)
    .join(' or ');
  const about = review.title ? `what happened ("${review.title}")` : 'your experience';
  const reply = [
    `${first ? `Hi ${first}, t` : 'T'}hank you for taking the time to tell us about ${about} at ${business.name}.`,
    `We're sorry we let you down; that is not the experience we want anyone to have.`,
    `We are looking into it now.`,
    `Please ${contact} so we can put it right.`,
    `— ${business.signature}`,
  ].join(' ');
  return { reply, violations: [], score: 1 };
}
