import { topicPhraseFor, type Industry } from '../classify/taxonomies/index.js';
import type { Review } from '../domain/review.js';
import type { Draft, Verdict } from '../domain/verdict.js';
import { summariseComplaint } from './complaint-summary.js';
import { resolveContext, type Contact, type DraftContext, type ResolvedContext } from './context.js';
import { checkGuardrails, codePointLength } from './guardrails.js';
import { firstNameOf } from './personalise.js';
import { fillSlots, pick, prepareTemplate, renderTemplate, type PreparedTemplate } from './pick.js';
import { templateSetFor, type PartName, type TemplateSet, type Tone } from './templates.js';

/** A drafted reply with what a person needs to decide on it. */
export interface ReplyDraft extends Draft {
  /** True for `critical` reviews and for drafts with violations: never publish without a person. */
  requiresHuman: boolean;
  autoPublish: boolean;
  language: string;
  tone: Tone;
  maxLength: number;
  /** Playbook parts present, in order: shows what was dropped to fit the platform limit. */
  parts: string[];
}

type Slots = Record<string, string | undefined>;

type PreparedParts = Record<PartName, Record<Tone, PreparedTemplate[]>>;
/** Each set's lines, parsed once. */
const preparedParts = new WeakMap<TemplateSet, PreparedParts>();

function preparedLines(set: TemplateSet, part: PartName, tone: Tone): PreparedTemplate[] {
  let parts = preparedParts.get(set);
  if (!parts) {
    const entries = Object.entries(set.parts).map(([name, lines]) => [name, { friendly: lines.friendly.map(prepareTemplate), formal: lines.formal.map(prepareTemplate) }]);
    preparedParts.set(set, (parts = Object.fromEntries(entries) as PreparedParts));
  }
  return parts[part][tone];
}

/** Two whitespace characters in a row: what an empty `[|x]` alternative can leave behind. */
const DOUBLE_SPACE = /\s\s/;

/** Renders one part: a phrasing whose slots can all be filled, chosen by the seed, alternatives expanded. */
export function renderPart(set: TemplateSet, part: PartName, tone: Tone, seed: string, slots: Slots): string {
  const options = preparedLines(set, part, tone).filter((t) => t.slots.every((s) => slots[s] !== undefined));
  if (options.length === 0) throw new Error(`template set "${set.language}": no ${tone} "${part}" line whose slots can be filled`);
  const chosen = pick(options, seed, part);
  const text = renderTemplate(chosen, seed, part, slots);
  return DOUBLE_SPACE.test(text) ? text.replace(/\s{2,}/g, ' ') : text;
}

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "the wait and the billing": up to `max` items joined the way the language joins a list. */
export function joinList(set: TemplateSet, items: string[], max = 2): string | undefined {
  const used = items.slice(0, max);
  return used.length === 0 ? undefined : used.join(set.listAnd);
}

/**
 * How the reply names a topic: the industry's wording in the set's language (src/classify/taxonomies), else
 * the template set's, else the topic id's own words (a configured topic).
 */
export function topicPhrase(set: TemplateSet, topic: string, form: 'long' | 'short', industry?: Industry): string {
  const builtIn = topicPhraseFor(industry, set.language, topic, form);
  if (builtIn) return builtIn;
  const known = set.topics[topic];
  if (known) return known[form];
  return fillSlots(set.unknownTopic, { topic: topic.replace(/[_-]+/g, ' ').trim().toLowerCase() });
}

/** "at a@b.c or on 0123", in one of the language's phrasings, chosen by the seed. */
export function contactPhrase(set: TemplateSet, c: Contact, seed: string): string | undefined {
  const kind = c.email && c.phone ? 'both' : c.email ? 'email' : c.phone ? 'phone' : undefined;
  if (!kind) return undefined;
  return fillSlots(pick(set.contactPhrase[kind], seed, 'contactPhrase'), { email: c.email, phone: c.phone });
}

function contactShortPhrase(set: TemplateSet, c: Contact): string | undefined {
  if (c.email) return fillSlots(set.contactShort.email, { email: c.email });
  if (c.phone) return fillSlots(set.contactShort.phone, { phone: c.phone });
  return undefined;
}

/** How much of the reply to keep; the ladder below goes from everything to the bare playbook minimum. */
interface Level {
  ack: 'full' | 'compact' | 'none';
  reassure: boolean;
  signoff: boolean;
  greeting: boolean;
  short: boolean;
}
// Thanks, apology and contact are never dropped, only shortened; the rest goes in this order.
const LADDER: Level[] = [
  { ack: 'full', reassure: true, signoff: true, greeting: true, short: false },
  { ack: 'compact', reassure: true, signoff: true, greeting: true, short: false },
  { ack: 'compact', reassure: false, signoff: true, greeting: true, short: false },
  { ack: 'compact', reassure: false, signoff: false, greeting: true, short: false },
  { ack: 'compact', reassure: false, signoff: false, greeting: true, short: true },
  { ack: 'compact', reassure: false, signoff: false, greeting: false, short: true },
  { ack: 'none', reassure: false, signoff: false, greeting: false, short: true },
];

/** Review facts the parts are made of, computed once per draft. */
interface Material {
  set: TemplateSet;
  tone: Tone;
  seed: string;
  name?: string | undefined;
  business: string;
  signature: string;
  issues: string[];
  clause?: string | undefined;
  topicsLong: string[];
  topicShort?: string | undefined;
  contact: Contact;
  escalation: Contact;
  critical: boolean;
  /** Sentences already rendered for this draft, by variant: the length ladder reuses most of them. */
  rendered: Map<string, string | undefined>;
}

/** The sentence for `key`, rendered once per draft (rendering is deterministic for the draft's material). */
function once(m: Material, key: string, render: () => string | undefined): string | undefined {
  if (m.rendered.has(key)) return m.rendered.get(key);
  const text = render();
  m.rendered.set(key, text);
  return text;
}

function acknowledgement(m: Material, level: Level['ack']): { part: string; text: string } | undefined {
  if (level === 'none') return undefined;
  const base = { business: m.business };
  const issue = joinList(m.set, m.issues, level === 'full' ? 2 : 1);
  if (issue) return { part: 'acknowledge', text: renderPart(m.set, 'ackIssue', m.tone, m.seed, { ...base, issue, Issue: upperFirst(issue) }) };
  if (m.clause && level === 'full') return { part: 'acknowledge', text: renderPart(m.set, 'ackClause', m.tone, m.seed, { ...base, clause: m.clause }) };
  const topics = joinList(m.set, m.topicsLong, level === 'full' ? 2 : 1);
  if (topics) return { part: 'acknowledge', text: renderPart(m.set, 'ackIssue', m.tone, m.seed, { ...base, issue: topics, Issue: upperFirst(topics) }) };
  return { part: 'acknowledge', text: renderPart(m.set, 'ackGeneric', m.tone, m.seed, base) };
}

function contactSentence(m: Material, short: boolean): string {
  const c = m.critical ? m.escalation : m.contact;
  const escName = m.critical ? c.name : undefined;
  if (short) {
    const slots = { contactShort: contactShortPhrase(m.set, c), whom: escName ?? m.set.whomUnnamed[m.tone] };
    return renderPart(m.set, m.critical ? 'escalateShort' : 'contactShort', m.tone, m.seed, slots);
  }
  const slots = { contactPhrase: contactPhrase(m.set, c, m.seed), escName, business: m.business };
  const part: PartName = !m.critical ? 'contact' : escName ? 'escalateNamed' : 'escalate';
  return renderPart(m.set, part, m.tone, m.seed, slots);
}

function compose(m: Material, level: Level): { text: string; parts: string[] } {
  const parts: string[] = [];
  const body: string[] = [];
  const add = (part: string, text: string | undefined): void => {
    if (!text) return;
    parts.push(part);
    body.push(text);
  };
  add('acknowledge', once(m, `ack:${level.ack}`, () => acknowledgement(m, level.ack)?.text));
  const thanks: PartName = level.short ? 'thanksShort' : 'thanks';
  add('thanks', once(m, thanks, () => renderPart(m.set, thanks, m.tone, m.seed, { business: m.business })));
  const apology: PartName = level.short ? 'apologyShort' : 'apology';
  add('apology', once(m, apology, () => renderPart(m.set, apology, m.tone, m.seed, { business: m.business })));
  if (level.reassure) add('reassure', once(m, 'reassure', () => renderPart(m.set, 'reassure', m.tone, m.seed, { business: m.business, topicShort: m.topicShort })));
  add(m.critical ? 'escalate' : 'contact', once(m, `contact:${level.short}`, () => contactSentence(m, level.short)));

  const greeting = level.greeting
    ? once(m, 'greeting', () => renderPart(m.set, m.name ? 'greeting' : 'greetingNoName', m.tone, m.seed, { name: m.name }))
    : undefined;
  const bodyText = body.join(' ');
  // The business name must appear once; the signature carries it when no sentence did.
  const named = bodyText.toLowerCase().includes(m.business.toLowerCase()) || m.signature.toLowerCase().includes(m.business.toLowerCase());
  const signature = named ? m.signature : `${m.signature}, ${m.business}`;
  const roomy = level.signoff;
  const signoff = level.signoff ? once(m, 'signoff', () => renderPart(m.set, 'signoff', m.tone, m.seed, {})) : undefined;
  const text = roomy
    ? [greeting, bodyText, `${signoff}\n${signature}`].filter(Boolean).join('\n\n')
    : [greeting, bodyText, signature].filter(Boolean).join('\n');
  return { text, parts: [...(greeting ? ['greeting'] : []), ...parts, ...(signoff ? ['signoff'] : []), 'signature'] };
}

function materialFor(review: Review, verdict: Verdict, r: ResolvedContext, set: TemplateSet): Material {
  const english = set.language === 'en' && (!verdict.language || verdict.language.toLowerCase().startsWith('en'));
  // Phrase extraction is English-only: for another language the topics and the generic line do the acknowledging.
  const summary = english ? summariseComplaint(review, verdict.topics) : { issues: [], clause: undefined };
  const firstTopic = verdict.topics[0];
  return {
    set,
    tone: r.tone,
    // The review id makes the draft stable across re-analysis; the text covers callers without ids.
    seed: review.id || review.text,
    name: firstNameOf(review.author),
    business: r.businessName,
    signature: r.signature,
    issues: summary.issues,
    clause: summary.clause,
    topicsLong: verdict.topics.map((t) => topicPhrase(set, t, 'long', r.industry)),
    topicShort: firstTopic ? topicPhrase(set, firstTopic, 'short', r.industry) : undefined,
    contact: r.contact,
    escalation: r.escalation,
    critical: verdict.severity === 'critical',
    rendered: new Map(),
  };
}

/** Drafts a playbook reply for a negative review: deterministic per review id, within the platform limit. */
export function draftReply(review: Review, verdict: Verdict, ctx: DraftContext): ReplyDraft {
  const r = resolveContext(ctx, review.sourceId);
  const set = templateSetFor(verdict.language || review.language, r.templatesDir);
  const m = materialFor(review, verdict, r, set);
  // The first level that fits; when none does, the shortest (and the guardrails report the length).
  let composed!: ReturnType<typeof compose>;
  for (const level of LADDER) {
    composed = compose(m, level);
    if (codePointLength(composed.text) <= r.maxLength) break;
  }
  const checked = checkGuardrails(composed.text, {
    maxLength: r.maxLength,
    kind: 'reply',
    contacts: [r.contact, r.escalation],
    review,
    language: set.language,
    templatesDir: r.templatesDir,
  });
  const requiresHuman = m.critical || checked.violations.length > 0;
  // Fields written out, not spread: spreading `checked` and adding six more took 6% of a draft.
  return {
    reply: checked.reply,
    violations: checked.violations,
    score: checked.score,
    requiresHuman,
    autoPublish: !requiresHuman,
    language: set.language,
    tone: r.tone,
    maxLength: r.maxLength,
    parts: composed.parts,
  };
}
