import { textContradictsRating } from '../classify/classifier.js';
import { readsLanguage } from '../classify/language.js';
import { hasRegionalVariants, regionalVariant } from '../classify/language-variant.js';
import { customersVisit, topicPhraseFor, type Industry } from '../classify/taxonomies/index.js';
import { baseLanguage } from '../domain/language-code.js';
import type { Review } from '../domain/review.js';
import type { Draft, Verdict } from '../domain/verdict.js';
import { formalWording, summariseComplaint } from './complaint-summary.js';
import { resolveContext, type Contact, type DraftContext, type ResolvedContext } from './context.js';
import { checkGuardrails, codePointLength } from './guardrails.js';
import { greetingNameOf } from './personalise.js';
import { fillSlots, pick, prepareTemplate, renderTemplate, type PreparedTemplate } from './pick.js';
import { replySetFor, type PartName, type TemplateSet, type Tone } from './templates.js';

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

type PreparedParts = Partial<Record<PartName, Record<Tone, PreparedTemplate[]>>>;
/** Each set's lines, parsed once. */
const preparedParts = new WeakMap<TemplateSet, PreparedParts>();

function preparedLines(set: TemplateSet, part: PartName, tone: Tone): PreparedTemplate[] {
  let parts = preparedParts.get(set);
  if (!parts) {
    const entries = Object.entries(set.parts)
      .filter((e): e is [string, { friendly: string[]; formal: string[] }] => e[1] !== undefined)
      .map(([name, lines]) => [name, { friendly: lines.friendly.map(prepareTemplate), formal: lines.formal.map(prepareTemplate) }]);
    preparedParts.set(set, (parts = Object.fromEntries(entries) as PreparedParts));
  }
  return parts[part]?.[tone] ?? [];
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

/**
 * "the wait and the billing": up to `max` items joined the way the language joins a list. Two items that
 * open with the same words say them once ("die Probleme mit der Karte und die Probleme mit der Überweisung"
 * → "die Probleme mit der Karte und mit der Überweisung"): a reply never says a phrase twice. The shared part
 * keeps at least two words and gives back a short last word (an article: "der", "the", "la") to each item, and is
 * said once only when both items go on with the same word ("mit … mit"): "the trouble logging in and since the latest
 * update" was no English.
 */
export function joinList(set: TemplateSet, items: string[], max = 2): string | undefined {
  const used = items.slice(0, max);
  if (used.length === 0) return undefined;
  // An item that is itself a pair ("les rendez-vous manqués et les retards") takes "ainsi que", not a second "et".
  const and = set.listAlso !== undefined && used.length === 2 && (used[0]!.includes(set.listAnd) || used[1]!.includes(set.listAnd)) ? set.listAlso : set.listAnd;
  if (used.length === 2) {
    const [a, b] = used.map((x) => x!.split(' ')) as [string[], string[]];
    let shared = 0;
    while (shared < a.length - 1 && shared < b.length - 1 && a[shared]!.toLowerCase() === b[shared]!.toLowerCase()) shared++;
    while (shared > 0 && [...a[shared - 1]!].length <= 3) shared--;
    if (shared >= 2 && a[shared]!.toLowerCase() === b[shared]!.toLowerCase()) return `${a.join(' ')}${and}${b.slice(shared).join(' ')}`;
  }
  return used.join(and);
}

/**
 * How the reply names a topic: the industry's wording in the set's language (src/classify/taxonomies), else
 * the template set's, else the topic id's own words (a configured topic); undefined when the set has no
 * wording for unknown topics (their ids are English words, out of place in another language).
 */
export function topicPhrase(set: TemplateSet, topic: string, form: 'long' | 'short', industry?: Industry): string | undefined {
  // A regional set (pt-PT) names a topic in its own words: the taxonomies' phrases are the language's main region's
  // ("equipe", "café da manhã"), which read foreign in the other. Opt-in: a set copied from another keeps the
  // industries' wording.
  const regional = set.ownTopicWords ? set.topics[topic] : undefined;
  if (regional) return regional[form];
  const builtIn = topicPhraseFor(industry, set.language, topic, form);
  if (builtIn) return builtIn;
  const known = set.topics[topic];
  if (known) return known[form];
  if (!set.unknownTopic) return undefined;
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
  /** Not negative, but not praise either: 3 stars (or fewer, the text saying it is no complaint), or no rating and a text short of praise. */
  lukewarm: boolean;
  /** No rating and a text no model judged (a language without one): nothing tells praise from a complaint. */
  unread: boolean;
  /** A rating and no words (no text, no title): the reply speaks of the rating, never of what was written. */
  ratingOnly: boolean;
  seed: string;
  name?: string | undefined;
  business: string;
  signature: string;
  issues: string[];
  clause?: string | undefined;
  topicsLong: string[];
  /** How the reply names the verdict's `concerns` (a review that is not negative but criticises something). */
  concernsLong: string[];
  topicShort?: string | undefined;
  contact: Contact;
  escalation: Contact;
  critical: boolean;
  /** Whether the business looks forward to a next visit (customersVisit), or offers its help instead. */
  visits: boolean;
  /** Sentences already rendered for this draft, by variant: the length ladder reuses most of them. */
  rendered: Map<string, string | undefined>;
  /** Word pairs (hashes) the parts have used, each with the part (acknowledge, thanks, …) that used it first. */
  phrases: Map<number, string>;
  /** The business name's words, left out of the word pairs. */
  nameWords: Set<number>;
}

/** The sentence for `key`, rendered once per draft (rendering is deterministic for the draft's material). */
function once(m: Material, key: string, render: () => string | undefined): string | undefined {
  if (m.rendered.has(key)) return m.rendered.get(key);
  const text = render();
  m.rendered.set(key, text);
  return text;
}

/** The part a rating-only review's reply uses instead of one that speaks of the reviewer's words. */
const RATING_ONLY_PART: Partial<Record<PartName, PartName>> = {
  ackGeneric: 'ratingAck',
  thanks: 'ratingThanks',
  thanksShort: 'ratingThanks',
  reassure: 'ratingReassure',
  praiseThanks: 'ratingPraiseThanks',
  praiseGlad: 'ratingPraiseGlad',
  neutralThanks: 'ratingNeutralThanks',
};

/** The part a critical review's reply uses: no "frank review", no "did not meet your expectations", no "À bientôt". */
const CRITICAL_PART: Partial<Record<PartName, PartName>> = {
  ackIssue: 'ackCritical',
  ackTopic: 'ackCritical',
  ackClause: 'ackCritical',
  ackGeneric: 'ackCritical',
  thanks: 'thanksCritical',
  thanksShort: 'thanksCritical',
  apology: 'apologyCritical',
  apologyShort: 'apologyCritical',
  signoff: 'signoffCritical',
};

/** The part a business customers do not visit (customersVisit) uses: help offered, not a next visit. */
const SERVICE_PART: Partial<Record<PartName, PartName>> = {
  praiseInvite: 'serviceInvite',
  neutralInvite: 'serviceNeutralInvite',
  followUpInvite: 'serviceFollowUpInvite',
};

/** What about the review and the business picks a stand-in part. */
export interface StandInFor {
  ratingOnly: boolean;
  critical: boolean;
  visits: boolean;
}

/**
 * `part`, or the stand-in the set has for it: a rating-only review's, a critical review's, or, for a business customers
 * do not visit, the service wording. Optional parts: a set without the stand-in keeps `part`.
 */
export function standIn(set: TemplateSet, part: PartName, of: StandInFor): PartName {
  for (const [applies, map] of [
    [of.ratingOnly, RATING_ONLY_PART],
    [of.critical, CRITICAL_PART],
    [!of.visits, SERVICE_PART],
  ] as const) {
    const instead = applies ? map[part] : undefined;
    if (instead && set.parts[instead]) return instead;
  }
  return part;
}

const partFor = (m: Material, part: PartName): PartName => standIn(m.set, part, m);

/** How many phrasings (seeds) a part tries before it settles for one that repeats another part. */
const REPHRASINGS = 6;

/** Letters and digits of any script, and apostrophes inside words; not spaces, punctuation or symbols. */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39;
  // Latin-1 punctuation and symbols (nbsp, ¡, «, », ¿, ×, ÷), general punctuation (’ – — “ ”) and symbols.
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff);
}

/** FNV-1a hashes (ASCII case folded, kept to 30 bits so V8 stores them unboxed) of the words of `text`, with their lengths. */
function wordHashes(text: string, out: number[]): void {
  out.length = 0;
  for (let i = 0; i < text.length; ) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let h = 0x811c9dc5;
    let j = i;
    for (; j < text.length; j++) {
      let c = text.charCodeAt(j);
      if (!isWordCode(c)) break;
      if (c >= 65 && c <= 90) c += 32;
      h = Math.imul(h ^ c, 0x01000193);
    }
    out.push(h & 0x3fffffff, j - i);
    i = j;
  }
}

const words: number[] = [];

/** A single word this long is telling on its own: "Ihre Rückmeldung … Ihre offene Rückmeldung" repeats. */
const TELLING_WORD = 8;

/**
 * Hashes of pairs of neighbouring words with one of five letters or more ("fell short", "lo ocurrido",
 * "la hauteur") into `out`, and of single words of TELLING_WORD letters or more ("Rückmeldung",
 * "feedback") into `outWords`: what makes two sentences sound the same. Shorter pairs ("to the", "we
 * are") recur in any text, and words of the business name (`skip`) are meant to recur. Numbers in reused
 * arrays, not strings in a set: that cost a seventh of a draft.
 */
function wordPairs(text: string, skip: ReadonlySet<number>, out: number[], outWords: number[]): void {
  wordHashes(text, words);
  out.length = 0;
  outWords.length = 0;
  let prevHash = 0;
  let prevLen = 0;
  for (let k = 0; k < words.length; k += 2) {
    const h = words[k] as number;
    const len = words[k + 1] as number;
    if (skip.has(h)) {
      prevLen = 0;
      continue;
    }
    if (prevLen >= 2 && len >= 2 && (prevLen >= 5 || len >= 5)) out.push((Math.imul(prevHash, 0x9e3779b1) ^ h) & 0x3fffffff);
    // Mixed with a constant so a word never shares a hash with a pair.
    if (len >= TELLING_WORD) outWords.push((h ^ 0x2545f491) & 0x3fffffff);
    prevHash = h;
    prevLen = len;
  }
}

const nameWordCache = new Map<string, Set<number>>();
/** Hashes of the business name's words, which `wordPairs` leaves out (one business per deployment: cached). */
function nameWords(name: string): Set<number> {
  let set = nameWordCache.get(name);
  if (!set) {
    wordHashes(name, words);
    set = new Set(words.filter((_, k) => k % 2 === 0));
    if (nameWordCache.size > 100) nameWordCache.clear();
    nameWordCache.set(name, set);
  }
  return set;
}

const pairs: number[] = [];
const telling: number[] = [];

/** Whether a hash in `hashes` was used by another part (another `group`) of the draft. */
function repeatsAnotherPart(m: Material, group: string, hashes: readonly number[]): boolean {
  for (const p of hashes) {
    const owner = m.phrases.get(p);
    if (owner !== undefined && owner !== group) return true;
  }
  return false;
}

/**
 * Renders a part as `renderPart` does, but when the phrasing repeats a word pair or a long word another part
 * of this draft already used ("fell short … fell short", "Ihre Rückmeldung … Ihre Rückmeldung"), tries other
 * phrasings (other seeds) first. Failing that, the first that repeats no pair: a pair is the louder repeat.
 * Deterministic.
 */
function renderFresh(m: Material, group: string, wanted: PartName, slots: Slots): string {
  const part = partFor(m, wanted);
  const seedOf = (i: number): string => (i === 0 ? m.seed : `${m.seed}~${i}`);
  let text = '';
  let fresh = false;
  let pairFree = -1;
  for (let i = 0; i < REPHRASINGS && !fresh; i++) {
    text = renderPart(m.set, part, m.tone, seedOf(i), slots);
    wordPairs(text, m.nameWords, pairs, telling);
    if (repeatsAnotherPart(m, group, pairs)) continue;
    if (pairFree < 0) pairFree = i;
    fresh = !repeatsAnotherPart(m, group, telling);
  }
  if (!fresh) {
    // None is free of repeats: the first free of a repeated pair, else the first phrasing, as without this check.
    text = renderPart(m.set, part, m.tone, seedOf(Math.max(0, pairFree)), slots);
    wordPairs(text, m.nameWords, pairs, telling);
  }
  for (const p of pairs) if (!m.phrases.has(p)) m.phrases.set(p, group);
  for (const p of telling) if (!m.phrases.has(p)) m.phrases.set(p, group);
  return text;
}

function acknowledgement(m: Material, level: Level['ack']): { part: string; text: string } | undefined {
  if (level === 'none') return undefined;
  const base = { business: m.business };
  const ack = (part: PartName, slots: Slots): { part: string; text: string } => ({ part: 'acknowledge', text: renderFresh(m, 'acknowledge', part, slots) });
  // A critical review's acknowledgement names nothing of it (CRITICAL_PART): the phrases need not be built.
  if (partFor(m, 'ackGeneric') === 'ackCritical') return ack('ackGeneric', base);
  const issue = joinList(m.set, m.issues, level === 'full' ? 2 : 1);
  if (issue) return ack('ackIssue', { ...base, issue, Issue: upperFirst(issue) });
  if (m.clause && level === 'full') return ack('ackClause', { ...base, clause: m.clause });
  const topics = joinList(m.set, m.topicsLong, level === 'full' ? 2 : 1);
  if (topics) return ack(m.set.parts.ackTopic ? 'ackTopic' : 'ackIssue', { ...base, issue: topics, Issue: upperFirst(topics) });
  return ack('ackGeneric', base);
}

function contactSentence(m: Material, short: boolean): string {
  const c = m.critical ? m.escalation : m.contact;
  const escName = m.critical ? c.name : undefined;
  if (short) {
    const slots = { contactShort: contactShortPhrase(m.set, c), whom: escName ?? m.set.whomUnnamed[m.tone] };
    return renderFresh(m, 'contact', m.critical ? 'escalateShort' : 'contactShort', slots);
  }
  const slots = { contactPhrase: contactPhrase(m.set, c, m.seed), escName, business: m.business };
  const part: PartName = !m.critical ? 'contact' : escName ? 'escalateNamed' : 'escalate';
  return renderFresh(m, 'contact', part, slots);
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
  // A critical review's own thanks and apology (CRITICAL_PART: "thank you for your frank review" is flippant to someone
  // hospitalised), and no promise to prevent a repeat: that would concede what a lawyer may contest.
  const thanks = partFor(m, level.short ? 'thanksShort' : 'thanks');
  add('thanks', once(m, thanks, () => renderFresh(m, 'thanks', thanks, { business: m.business })));
  const apology = partFor(m, level.short ? 'apologyShort' : 'apology');
  add('apology', once(m, apology, () => renderFresh(m, 'apology', apology, { business: m.business })));
  if (level.reassure && apology !== 'apologyCritical') add('reassure', once(m, 'reassure', () => renderFresh(m, 'reassure', 'reassure', { business: m.business, topicShort: m.topicShort })));
  add(m.critical ? 'escalate' : 'contact', once(m, `contact:${level.short}`, () => contactSentence(m, level.short)));

  return assemble(m, level, parts, body);
}

/** Greeting, body, sign-off and signature, laid out as a reply; the signature names the business if no sentence did. */
function assemble(m: Material, level: Pick<Level, 'greeting' | 'signoff'>, parts: string[], body: string[]): { text: string; parts: string[] } {
  const greeting = level.greeting
    ? once(m, 'greeting', () => renderPart(m.set, m.name ? 'greeting' : 'greetingNoName', m.tone, m.seed, { name: m.name }))
    : undefined;
  const bodyText = afterGreeting(m.set, greeting, body.join(' '));
  // The business name must appear once; the signature carries it when no sentence did.
  const named = bodyText.toLowerCase().includes(m.business.toLowerCase()) || m.signature.toLowerCase().includes(m.business.toLowerCase());
  const signature = named ? m.signature : `${m.signature}, ${m.business}`;
  const roomy = level.signoff;
  const signoff = level.signoff ? once(m, 'signoff', () => renderPart(m.set, partFor(m, 'signoff'), m.tone, m.seed, {})) : undefined;
  const text = roomy
    ? [greeting, bodyText, `${signoff}\n${signature}`].filter(Boolean).join('\n\n')
    : [greeting, bodyText, signature].filter(Boolean).join('\n');
  return { text, parts: [...(greeting ? ['greeting'] : []), ...parts, ...(signoff ? ['signoff'] : []), 'signature'] };
}

/** The body as it goes on after the greeting: in lower case after a comma where the language writes so ("Hallo Anna, wir …"). */
function afterGreeting(set: TemplateSet, greeting: string | undefined, body: string): string {
  if (!greeting?.endsWith(',') || !set.lowercaseAfterGreeting) return body;
  const first = /^\p{L}+/u.exec(body)?.[0];
  return first && set.lowercaseAfterGreeting.includes(first) ? first.toLowerCase() + body.slice(first.length) : body;
}

/** A thank-you for a review that is not negative: the ladder drops the optional sentences first. */
const THANK_YOU_LADDER = [
  { glad: true, note: true, invite: true, signoff: true, greeting: true },
  { glad: false, note: true, invite: true, signoff: true, greeting: true },
  { glad: false, note: true, invite: false, signoff: true, greeting: true },
  { glad: false, note: false, invite: false, signoff: true, greeting: true },
  { glad: false, note: false, invite: false, signoff: false, greeting: true },
  { glad: false, note: false, invite: false, signoff: false, greeting: false },
];

function composeThankYou(m: Material, level: (typeof THANK_YOU_LADDER)[number]): { text: string; parts: string[] } {
  // A lukewarm review is thanked plainly, with no "glad to hear", and told the business means to do better.
  const neutral = m.lukewarm && m.set.parts.neutralThanks !== undefined && m.set.parts.neutralInvite !== undefined;
  // What a mostly happy customer criticised is taken note of, never apologised for; "so glad to hear" would ignore it.
  const concerns = m.set.parts.mixedNote ? joinList(m.set, m.concernsLong) : undefined;
  // Nor are they thanked for their "kind words" just before: "Thank you for your kind words! We've noted your comments
  // on the rude waiter" read as praise of the complaint.
  const plainThanks = (neutral || (concerns !== undefined && level.note)) && m.set.parts.neutralThanks !== undefined;
  const thanks: PartName = plainThanks ? 'neutralThanks' : 'praiseThanks';
  // For a business customers do not visit, the service wording (SERVICE_PART).
  const invite = partFor(m, neutral ? 'neutralInvite' : 'praiseInvite');
  const parts: string[] = ['thanks'];
  const body = [once(m, thanks, () => renderFresh(m, 'thanks', thanks, { business: m.business })) as string];
  if (concerns && level.note) {
    parts.push('note');
    body.push(once(m, 'mixedNote', () => renderFresh(m, 'note', 'mixedNote', { business: m.business, concerns })) as string);
  }
  if (level.glad && !neutral && !concerns) {
    parts.push('glad');
    body.push(once(m, 'praiseGlad', () => renderFresh(m, 'glad', 'praiseGlad', { business: m.business })) as string);
  }
  // A text nobody could read gets a plain thank-you: an invitation back may answer a complaint.
  if (level.invite && !m.unread) {
    parts.push('invite');
    body.push(once(m, invite, () => renderFresh(m, 'invite', invite, { business: m.business })) as string);
  }
  return assemble(m, level, parts, body);
}

/**
 * A verdict score (1 − 2·P(negative) for a text without a rating) below which a review that is not negative is no
 * praise either ("Ganz okay.", "it's fine I guess", a name, an empty text): P(negative) above 0.35.
 */
const LUKEWARM_BELOW = 0.3;

/** The reviewer's language says whether English phrase extraction applies (`und`: it may well be English). */
export const mayBeEnglish = (language: string | undefined): boolean => !language || language === 'und' || language.toLowerCase().startsWith('en');

function materialFor(review: Review, verdict: Verdict, r: ResolvedContext, set: TemplateSet): Material {
  const english = set.language === 'en' && mayBeEnglish(verdict.language || review.language);
  // Phrase extraction is English-only: for another language the topics and the generic line do the acknowledging.
  // Not for a critical review: "you got food poisoning", "the allergic reaction" said back reads as the business
  // conceding the claim; the topic and the escalation speak for it.
  const extracted = english && verdict.negative && verdict.severity !== 'critical' ? summariseComplaint(review, verdict.topics) : { issues: [], clause: undefined };
  // A formal reply writes the reviewer's words out ("you were not told why"), as its own sentences do.
  const summary = r.tone === 'formal' ? { issues: extracted.issues.map(formalWording), clause: extracted.clause && formalWording(extracted.clause) } : extracted;
  const topicsLong = verdict.topics.map((t) => topicPhrase(set, t, 'long', r.industry)).filter((t): t is string => t !== undefined);
  const firstTopic = verdict.topics.find((t) => topicPhrase(set, t, 'short', r.industry) !== undefined);
  return {
    set,
    tone: r.tone,
    lukewarm: !verdict.negative && (review.rating !== undefined ? review.rating < 4 : verdict.score < LUKEWARM_BELOW),
    unread: unreadText(verdict, review.rating),
    ratingOnly: typeof review.rating === 'number' && !review.text.trim() && !review.title?.trim(),
    // The review id makes the draft stable across re-analysis; the text covers callers without ids.
    seed: review.id || review.text,
    name: greetingNameOf(review.author, set.greetingName?.[r.tone]),
    business: r.businessName,
    signature: r.signature,
    issues: summary.issues,
    clause: summary.clause,
    topicsLong,
    concernsLong: verdict.negative ? [] : (verdict.concerns ?? []).map((t) => topicPhrase(set, t, 'long', r.industry)).filter((t): t is string => t !== undefined),
    topicShort: firstTopic ? topicPhrase(set, firstTopic, 'short', r.industry) : undefined,
    contact: r.contact,
    escalation: r.escalation,
    critical: verdict.severity === 'critical',
    visits: customersVisit(r.industry),
    rendered: new Map(),
    phrases: new Map(),
    nameWords: nameWords(r.businessName),
  };
}

/** No rating, and a text in a language the classifier has no model for (`und`, too short to place, is read as English). */
function unreadText(verdict: Pick<Verdict, 'language'>, rating: number | undefined): boolean {
  // typeof: a rating stored as JSON null is no rating.
  return typeof rating !== 'number' && !readsLanguage(verdict.language);
}

/** The template set a reply to this review is written with (see `replySetFor`). */
export function replySet(review: Review, verdict: Verdict, r: ResolvedContext): TemplateSet {
  return replySetFor(reviewerLanguage(review, verdict, r.language), r, r.templatesDir);
}

/**
 * The reviewer's language as precisely as it is known: the platform's regional tag ("pt-PT") when it is the language
 * read; else the region the text's own words show ("telemóvel", "estou a esperar"); else the business's own, when it
 * is a region of the same language (a Lisbon restaurant's reviews in Portuguese are answered as in Portugal).
 */
export function reviewerLanguage(review: Pick<Review, 'language' | 'text' | 'title'>, verdict: Pick<Verdict, 'language'>, businessLanguage: string | undefined): string | undefined {
  const read = verdict.language || review.language;
  if (!read) return read;
  const base = baseLanguage(read);
  if (review.language && review.language.length > 2 && baseLanguage(review.language) === base) return review.language.replace('_', '-');
  if (!hasRegionalVariants(base)) return read;
  const variant = regionalVariant(base, review.title ? `${review.title}. ${review.text}` : review.text, businessLanguage);
  if (variant) return variant;
  if (businessLanguage && businessLanguage.length > 2 && baseLanguage(businessLanguage) === base) return businessLanguage;
  return read;
}

/**
 * Drafts a playbook reply in the reviewer's language: for a negative review acknowledge, thank, apologise,
 * reassure and take it offline; for any other a thank-you. Deterministic per review id, within the platform limit.
 */
export function draftReply(review: Review, verdict: Verdict, ctx: DraftContext): ReplyDraft {
  const r = resolveContext(ctx, review.sourceId);
  const set = replySet(review, verdict, r);
  const m = materialFor(review, verdict, r, set);
  const thankYou = !verdict.negative;
  // The first level that fits; when none does, the shortest (and the guardrails report the length).
  let composed!: ReturnType<typeof compose>;
  for (const level of thankYou ? THANK_YOU_LADDER : LADDER) {
    composed = thankYou ? composeThankYou(m, level as (typeof THANK_YOU_LADDER)[number]) : compose(m, level as Level);
    if (codePointLength(composed.text) <= r.maxLength) break;
  }
  const checked = checkGuardrails(composed.text, {
    maxLength: r.maxLength,
    kind: thankYou ? 'thank-you' : 'reply',
    contacts: [r.contact, r.escalation],
    review,
    language: set.language,
    templatesDir: r.templatesDir,
  });
  // A critical review, a draft the guardrails fault, or a low rating the text contradicts: a person reads it first.
  // And a text in a language no model judges, with no rating: "Berbat bir deneyimdi" got "glad you'd come back", ready to publish.
  const requiresHuman = m.critical || checked.violations.length > 0 || textContradictsRating(verdict, review.rating) || m.unread;
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
