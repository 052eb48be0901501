// Public API of reply drafting. Everything here is pure and synchronous except `draftWithProvider`.
export { draftReply, type ReplyDraft } from './reply.js';
export { draftFollowUp, type FollowUpDraft, type FollowUpInput } from './follow-up.js';
export { checkGuardrails, personalDataIn, GUARDRAIL_RULES, type GuardrailContext, type GuardrailRule, type Violation } from './guardrails.js';
export { draftWithProvider, PLAYBOOK_PROMPT, type ProviderDraft, type ProviderOptions } from './provider-openai.js';
export { resolveContext, PLATFORM_LIMITS, DEFAULT_MAX_LENGTH, type DraftContext, type Contact, type ResolvedContext } from './context.js';
export { firstNameOf } from './personalise.js';
export { summariseComplaint, type ComplaintSummary } from './complaint-summary.js';
export { fallbackVerdict } from './fallback-verdict.js';
export { templateSetFor, templateLanguages, templateSetSchema, type TemplateSet, type Tone } from './templates.js';
