import type { Draft } from '../domain/verdict.js';
import type { Contact } from './context.js';
import { languageGuardrails, normaliseApostrophes } from './guardrails/index.js';
import { templateSetFor } from './templates.js';

// The guardrails run on every text that could be posted: template drafts, drafts a person edited and model
// output. They are deliberately a little strict (a false alarm costs an override click; a published
// "as stated in our policy" costs the owner). The English prohibitions run on every text (an English phrase
// in a German reply is still a violation, and their gates make them cheap); a reply in another language is
// also checked against that language's wording of each rule (./guardrails/<code>.ts). Presence checks
// (thanks, apology) use the markers of the review's template set.

/** Every rule id, in the order violations are reported. */
export const GUARDRAIL_RULES = [
  'thanks',
  'apology',
  'contact',
  'no-blame',
  'no-argument',
  'no-policy',
  'no-review-change',
  'no-incentive',
  'no-public-refund',
  'no-personal-data',
  'length',
  'plain-text',
  'no-placeholder',
] as const;
export type GuardrailRule = (typeof GUARDRAIL_RULES)[number];
export type Violation = Draft['violations'][number];

/** What the checks need to know besides the text. */
export interface GuardrailContext {
  /** Platform reply limit in characters; no length check when absent. */
  maxLength?: number | undefined;
  /**
   * `follow-up` relaxes `apology` and `contact`: the matter is resolved, and the follow-up is posted together
   * with (as an update of) the reply that carried both. The combined text is checked as a `reply`.
   * `thank-you` (the reply to a review that is not negative) needs thanks only: nothing to apologise for.
   */
  kind?: 'reply' | 'follow-up' | 'thank-you' | undefined;
  /** The business's own channels: `contact` looks for one of them; `no-personal-data` allows them. */
  contacts?: Contact[] | undefined;
  /** The review, so anything personal it contains (e-mail, phone, order number) is caught if echoed. */
  review?: { text: string; title?: string | undefined } | undefined;
  /** Language of the reply, for the thanks/apology markers (English when no set exists). */
  language?: string | undefined;
  templatesDir?: string | undefined;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /(?:\+|\b)\d[\d\s().\/-]{5,}\d\b/g;
const ORDER_REF = /\b(?:order|booking|reservation|invoice|ticket|account|ref(?:erence)?|confirmation|tracking|case)\s*(?:number|no\.?|nr\.?|id|#)?\s*[:#]?\s*([A-Z]*\d[\w-]{2,})|#\s*([A-Z0-9][\w-]{2,})/gi;
/** Codes like "AB12345" (upper case letters and digits): order and booking references without a keyword. */
const CODE_REF = /\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,}\b/g;

/** Rules as [rule, pattern, message]; a pattern match is a violation with the match as span. */
const PROHIBITIONS: [GuardrailRule, RegExp, string][] = [
  [
    'no-blame',
    /\b(?:not|n't|no one's|nobody's) (?:our|my|anyone's) fault\b|\b(?:the|your|his|her|their|its) (?:own )?fault\b|\b(?<!take |taking |takes |take full |take the )blam(?:e|ed|es|ing)\b|\bshort[- ]staffed\b|\bunder[- ]?staffed\b|\bstaff(?:ing)? shortages?\b|\b(?:very|extremely|unusually|incredibly|really|exceptionally) busy\b|\bbusy (?:night|day|evening|period|weekend|season|time)\b|\brush hour\b|\bpeak (?:time|times|hours|season)\b|\bholiday (?:season|rush)\b|\bbeyond our control\b|\bout of our (?:hands|control)\b|\bunforeseen\b|\bcircumstances\b|\b(?:new|inexperienced|trainee|temporary) (?:staff|employee|member of staff|team member|waiter|waitress|server|hire|starter)\b|\bdue to (?:a |an |the )?(?:high|heavy|unusual|unexpected|technical|staff|supplier|courier|weather|volume|demand|circumstances)\b|\bbecause (?:of )?(?:our|the) (?:courier|supplier|driver|delivery (?:company|partner)|kitchen|chef|system|provider|weather|new)\b|\b(?:isolated|rare|one-off|one off|exceptional) (?:incident|case|occurrence|event)\b|\bthis (?:never|rarely|almost never) happens\b|\bnormally we\b|\bwe (?:are|were) (?:normally|usually) (?:very|much|so)?\b|\bout of character\b|\byou (?:should|could) have\b|\byou (?:failed|forgot|neglected|chose) to\b|\bif you had\b|\bhad you (?:read|checked|followed|contacted|asked|told|booked|called)\b|\byou (?:didn't|did not) (?:read|check|follow|contact|tell|inform|mention|specify|ask|book|call)\b|\byour (?:own )?(?:mistake|error)\b|\buser error\b/gi,
    'Blames a person, a circumstance or the customer, or makes an excuse',
  ],
  [
    'no-argument',
    /\byou(?:'re| are) (?:wrong|mistaken|incorrect|lying|confused)\b|\bthat(?:'s| is) (?:not true|untrue|false|simply not|incorrect|not accurate|inaccurate)\b|\bnot what happened\b|\bnever happened\b|\bwe (?:strongly )?(?:disagree|dispute|deny)\b|\bwe (?:do not|don't) (?:accept|agree)\b|\bcontrary to (?:your|what)\b|\bin fact,? (?:you|we|our|the)\b|\bactually,? (?:you|we|our|the|it|this)\b|\b(?:your|this) (?:review|claim|account|version) (?:is|was) (?:inaccurate|misleading|unfair|false|untrue|exaggerated|one-sided)\b|\bno record of\b|\bwith all due respect\b|\bfrankly\b|\b(?:clearly|obviously),? you\b|\byou (?:misunderstood|misread|misremember\w*|must have)\b|\bfake review\b|\byou claim\b|\byour claims?\b|\bwhat you (?:say|said|claim|wrote) is\b|\bexaggerat\w*/gi,
    'Argues with the customer or suggests they are wrong',
  ],
  [
    'no-policy',
    /\b(?:our|the|company|store|house|restaurant|hotel|shop|return|refund|cancellation) polic(?:y|ies)\b|\bpolicy (?:is|states|says|requires|clearly)\b|\bterms (?:and|&) conditions\b|\bterms of (?:service|use|sale|business)\b|\bas (?:clearly )?(?:stated|outlined|explained|specified|set out|written) (?:in|on|at|by)\b|\b(?:according to|per|as per|under) (?:our|the) (?:policy|terms|rules|guidelines|conditions|procedures?|contract)\b|\bclearly (?:states|stated|displayed|posted|marked|written|visible)\b|\b(?:section|clause|article) \d|\bT&Cs?\b|\bfine print\b|\bnon-?refundable\b|\bwe are not (?:able|allowed|permitted) to\b/gi,
    'Quotes policy or terms at the customer',
  ],
  [
    'no-review-change',
    /\b(?:remove|delete|take down|take off|change|update|edit|revise|amend|reconsider|withdraw|retract|raise|increase|improve|bump(?: up)?|upgrade|adjust)\s+(?:your|the|this|that|these|its)?\s*(?:\w+\s)?(?:review|rating|comment|feedback|post|stars?|score)\b|\b(?:review|rating)\b[^.!?\n:;]{0,20}\b(?:be|been|being|get|gets|got|is|was)\s+(?:removed|deleted|taken down|changed|updated|revised|amended|raised|reconsidered)\b|\b(?:5|five|4|four|more|another|extra|higher|additional) stars?\b|\bconsider (?:changing|updating|removing|revising|editing|raising|amending|deleting)\b/gi,
    'Asks the customer to remove or change their review',
  ],
  [
    'no-incentive',
    /\bin (?:exchange|return) for\b|\bif you (?:would |could |will )?(?:update|change|remove|delete|edit|revise|amend|reconsider|raise|take down)\b/gi,
    'Offers something in exchange for changing the review',
  ],
  [
    'no-public-refund',
    /\b(?:full|partial|complete|100%|total) refund\b|\brefund (?:you|of|in full|the (?:full|whole|entire))\b|\b(?:we|I)(?:'ll| will| would| can| are going to|'re going to| shall| have| 've|'d)\s+(?:gladly |happily |be happy to |be glad to |like to |already )?(?:refund|reimburse|compensate|credit|give you your money back|send you a (?:refund|voucher|gift))\w*\b|\bmoney back\b|\byour money (?:back|returned)\b|[$€£¥]\s?\d[\d.,]*|\b\d+(?:[.,]\d+)?\s?(?:dollars|euros|pounds|usd|eur|gbp)\b|\b\d+\s?% (?:off|discount|refund)\b/gi,
    'Promises a specific refund or compensation in public: offer remedies privately',
  ],
  [
    'plain-text',
    /<\/?[a-z][^>]*>|\*\*[^*]+\*\*|__[^_]+__|\[[^\]]+\]\([^)]+\)|^#{1,6}\s|^\s*[-*•]\s|```|&[a-z]+;/gim,
    'Contains markup the platform would show as raw text',
  ],
  [
    'no-placeholder',
    /\{[^}\n]*\}|\[(?:name|customer|business|contact|email|e-mail|phone|your name|signature|insert)[^\]\n]*\]|<(?:name|customer|business)[^>\n]*>|\bXXX+\b|\blorem ipsum\b/gi,
    'Contains an unfilled placeholder',
  ],
];

/** Each prohibition's message, for the same rule found by a language's own wording. */
const MESSAGES = Object.fromEntries(PROHIBITIONS.map(([rule, , message]) => [rule, message])) as Record<GuardrailRule, string>;

// Gates: the big alternations above cost more than the rest of a check, and almost never match. Each gate
// names words (whole words as `\b` sees them) or substrings (both case-insensitive) of which every match
// of its rule contains at least one, alternative by alternative; the rule's pattern only runs when its gate
// is open, so the results are the same. All word gates are decided by one scan of the text (see
// `openGates`), several times cheaper than a regular expression per gate.
// Keep a gate in step with its pattern: each entry below is there for one or more alternatives, and an
// alternative with no entry would be skipped silently.
export interface GateSpec {
  words?: readonly string[];
  substrings?: readonly string[];
}
export const GATE_SPECS: Partial<Record<GuardrailRule, GateSpec>> = {
  'no-blame': {
    words: [
      'fault', 'blame', 'blamed', 'blames', 'blaming', 'staffed', 'understaffed', 'shortage', 'shortages', 'busy', 'rush', 'peak',
      'holiday', 'beyond', 'hands', 'control', 'unforeseen', 'circumstances', 'new', 'inexperienced', 'trainee', 'temporary', 'due',
      'because', 'incident', 'case', 'occurrence', 'event', 'happens', 'normally', 'usually', 'character', 'failed', 'forgot', 'neglected', 'chose', 'had', 'didn', 'did', 'mistake', 'error',
    ],
    // "you should have" / "you could have": "should have" alone is common in replies ("what it should have been").
    substrings: ['you should have', 'you could have'],
  },
  'no-argument': {
    words: [
      'wrong', 'mistaken', 'incorrect', 'lying', 'confused', 'true', 'untrue', 'false', 'simply', 'accurate', 'inaccurate',
      'disagree', 'dispute', 'deny', 'accept', 'agree', 'contrary', 'fact', 'actually', 'misleading', 'unfair', 'exaggerated', 'sided',
      'record', 'respect', 'frankly', 'clearly', 'obviously', 'misunderstood', 'misread', 'must', 'fake', 'claim', 'claims', 'say',
      'said', 'wrote',
    ],
    // The two "happened" phrases whole: replies say "sorry about what happened".
    substrings: ['misremember', 'exaggerat', 'not what happened', 'never happened'],
  },
  'no-policy': {
    words: [
      'policy', 'policies', 'terms', 'stated', 'outlined', 'explained', 'specified', 'written', 'rules', 'guidelines',
      'conditions', 'procedure', 'procedures', 'contract', 'clearly', 'section', 'clause', 'article', 'print', 'refundable',
      'nonrefundable', 'able', 'allowed', 'permitted',
    ],
    substrings: ['set out', 't&c'],
  },
  'no-review-change': {
    words: [
      'remove', 'delete', 'change', 'update', 'edit', 'revise', 'amend', 'reconsider', 'withdraw', 'retract', 'raise', 'increase',
      'improve', 'bump', 'upgrade', 'adjust', 'removed', 'deleted', 'taken', 'changed', 'updated', 'revised', 'amended', 'raised',
      'reconsidered', 'star', 'stars', 'consider',
    ],
    substrings: ['take down', 'take off'],
  },
  'no-incentive': {
    words: ['exchange', 'return', 'update', 'change', 'remove', 'delete', 'edit', 'revise', 'amend', 'reconsider', 'raise'],
    substrings: ['take down'],
  },
  'no-public-refund': {
    substrings: ['refund', 'reimburse', 'compensate', 'credit', 'money', 'send', '$', '€', '£', '¥', 'dollars', 'eur', 'pounds', 'usd', 'gbp', '%'],
  },
};
// Markup and placeholders are about punctuation and line starts: a small pattern every match satisfies.
const PATTERN_GATES: Partial<Record<GuardrailRule, RegExp>> = {
  'plain-text': /[<*_#•`&]|\]\(|^\s*-\s/m,
  'no-placeholder': /[{[<]|xxx|lorem/i,
};

/** A gate's meaning as one regular expression: what `openGates` must agree with (the tests compare them). */
export function gateRegex({ words = [], substrings = [] }: GateSpec): RegExp {
  const escape = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp([...(words.length > 0 ? [`\\b(?:${words.join('|')})\\b`] : []), ...substrings.map(escape)].join('|'), 'i');
}

/** Each gated rule's bit, and the words and substrings that open it. */
const GATE_BITS = new Map<GuardrailRule, number>();
/** Gate words by `wordHash`, each with the bits it opens (a hash hit is confirmed against the word). */
const GATE_WORDS = new Map<number, { word: string; bits: number }[]>();
const GATE_SUBSTRINGS: { text: string; bits: number }[] = [];

/** A 32-bit hash of a lower-case word: the scan computes it as it goes, so no word is sliced before a hit. */
function wordHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

for (const [rule, spec] of Object.entries(GATE_SPECS) as [GuardrailRule, GateSpec][]) {
  const bit = 1 << GATE_BITS.size;
  GATE_BITS.set(rule, bit);
  for (const word of spec.words ?? []) {
    // The scan compares whole ASCII word runs; a word with anything else in it could never be found.
    if (!/^[a-z0-9_]+$/.test(word)) throw new Error(`guardrail gate word "${word}" of ${rule} must be lower-case ASCII word characters`);
    const same = GATE_WORDS.get(wordHash(word)) ?? [];
    const known = same.find((w) => w.word === word);
    if (known) known.bits |= bit;
    else GATE_WORDS.set(wordHash(word), [...same, { word, bits: bit }]);
  }
  for (const sub of spec.substrings ?? []) {
    const known = GATE_SUBSTRINGS.find((g) => g.text === sub.toLowerCase());
    if (known) known.bits |= bit;
    else GATE_SUBSTRINGS.push({ text: sub.toLowerCase(), bits: bit });
  }
}
/** Every gate substring in one pattern: where it matches, `openGates` checks which substrings start there. */
const ANY_GATE_SUBSTRING = new RegExp(gateRegex({ substrings: GATE_SUBSTRINGS.map((g) => g.text) }).source, 'gi');
const LONGEST_GATE_SUBSTRING = Math.max(...GATE_SUBSTRINGS.map((g) => g.text.length));

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * The bits of the gates `text` opens: `gateRegex(spec).test(text)` for every gate at once. Without the `u`
 * flag, `\b` and `\w` are ASCII and `i` folds only ASCII letters onto ASCII letters, so a gate word matches
 * exactly a maximal run of `[A-Za-z0-9_]` equal to it ignoring ASCII case.
 */
export function openGates(text: string): number {
  let open = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let h = 0;
    let j = i;
    for (; j < n; j++) {
      let c = text.charCodeAt(j);
      if (c >= 65 && c <= 90) c += 32;
      else if (!isWordChar(c)) break;
      h = (Math.imul(h, 31) + c) | 0;
    }
    const candidates = GATE_WORDS.get(h);
    if (candidates) {
      const run = text.slice(i, j).toLowerCase();
      for (const w of candidates) if (w.word === run) open |= w.bits;
    }
    i = j;
  }
  // Substrings: one pattern finds each place where one starts (overlaps included: the next search starts one
  // character on); there, every substring is compared. Lower-casing may map a non-ASCII character onto
  // ASCII (U+212A KELVIN SIGN → "k") and so find more than the pattern would, never less; more only runs
  // a rule's pattern, which decides.
  const re = ANY_GATE_SUBSTRING;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; re.lastIndex = m.index + 1, m = re.exec(text)) {
    const at = text.slice(m.index, m.index + LONGEST_GATE_SUBSTRING).toLowerCase();
    for (const sub of GATE_SUBSTRINGS) if (at.startsWith(sub.text)) open |= sub.bits;
  }
  return open;
}

/** The prohibitions with gates, and without the `g` flag for `prohibitedSpan`: compiled once. */
const GATED = PROHIBITIONS.map(([rule, re, message]) => ({
  rule,
  re,
  first: new RegExp(re.source, re.flags.replace('g', '')),
  message,
  bit: GATE_BITS.get(rule) ?? 0,
  pattern: PATTERN_GATES[rule],
}));

/** Whether a rule's pattern needs to run on a text whose word gates are `open`. */
function gateOpen(p: (typeof GATED)[number], open: number, text: string): boolean {
  if (p.bit !== 0 && (open & p.bit) === 0) return false;
  return !p.pattern || p.pattern.test(text);
}

/** The first span any prohibition pattern matches, e.g. to keep a customer's clause out of a draft. */
export function prohibitedSpan(text: string): string | undefined {
  const open = openGates(text);
  for (const p of GATED) {
    if (!gateOpen(p, open, text)) continue;
    const m = p.first.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

/** Incentive words only count in a sentence that also talks about the review or rating. */
const INCENTIVE = /\b(?:free|discount|voucher|coupon|gift ?cards?|gifts?|credit|complimentary|on the house|money off|rewards?|points|perks?|bonus|compensation|refund)\b|\d+\s?% off/i;
const REVIEW_WORDS = /\b(?:review|rating|stars?|feedback)\b/i;

// Joining the digit runs is several times faster than deleting every non-digit.
const digits = (s: string): string => (s.match(/\d+/g) ?? []).join('');
const HAS_DIGIT = /\d/;
const EMAIL_CHAR = /[\w.+-]/;

/**
 * `text.matchAll(EMAIL)`, faster: the pattern's leading `[\w.+-]+` makes a plain scan try every word of the
 * text. No match can start before the run of address characters in front of the next "@", so each search
 * starts there (the same leftmost matches, in the same order).
 */
function emailsIn(text: string): string[] {
  const found: string[] = [];
  const re = new RegExp(EMAIL.source, 'g');
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', from)) {
    let start = at;
    while (start > from && EMAIL_CHAR.test(text.charAt(start - 1))) start--;
    re.lastIndex = start;
    const m = re.exec(text);
    if (!m) break;
    found.push(m[0]);
    from = m.index + m[0].length;
  }
  return found;
}

/** `text.matchAll(PHONE)`, skipped when the text has no digit (every match has one). */
function phonesIn(text: string): string[] {
  return HAS_DIGIT.test(text) ? Array.from(text.matchAll(PHONE), (m) => m[0]) : [];
}

/** "Bestellnummer 48213": a reference after one of a language's keywords, compiled once per language. */
const referencePatterns = new Map<string, RegExp>();
function referencePattern(language: string | undefined): RegExp | undefined {
  const rules = languageGuardrails(language);
  if (!rules) return undefined;
  let re = referencePatterns.get(language!);
  if (!re) {
    const words = rules.referenceWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})\\p{L}*\\s*(?:nr\\.?|no\\.?|n°|nº|#|id)?\\s*[:#]?\\s*([A-Z]*\\d[\\w-]{2,})`, 'giu');
    referencePatterns.set(language!, re);
  }
  return re;
}

/**
 * Personal details in the review (e-mails, phone numbers, order references) that must not be echoed.
 * `language` adds that language's words for an order or booking number to the English ones.
 */
export function personalDataIn(text: string, language?: string): string[] {
  const found = new Set<string>();
  for (const email of emailsIn(text)) found.add(email);
  // Phones, order references and codes all contain digits (a "#ref" only counts with three).
  if (!HAS_DIGIT.test(text)) return [...found];
  for (const phone of phonesIn(text)) if (digits(phone).length >= 7) found.add(phone.trim());
  for (const m of text.matchAll(ORDER_REF)) {
    const ref = m[1] ?? m[2];
    if (ref && digits(ref).length >= 3) found.add(ref);
  }
  const local = referencePattern(language);
  for (const m of local ? text.matchAll(local) : []) {
    if (m[1] && digits(m[1]).length >= 3) found.add(m[1]);
  }
  for (const m of text.matchAll(CODE_REF)) found.add(m[0]);
  return [...found];
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter(Boolean);
}

/** The template sets' marker patterns, compiled once per pattern (they are data, so keyed by source). */
const markerRegexes = new Map<string, RegExp>();
function markerRegex(source: string): RegExp {
  let re = markerRegexes.get(source);
  if (!re) markerRegexes.set(source, (re = new RegExp(source, 'iu')));
  return re;
}

/** `[...text].length` without building the array: code points, a lone surrogate counting as one. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Checks a reply against the playbook; returns each violation (with the offending span) and a 0–1 score. */
export function checkGuardrails(text: string, ctx: GuardrailContext = {}): Draft {
  const violations: Violation[] = [];
  const add = (rule: GuardrailRule, message: string, span?: string): void => {
    violations.push(span === undefined ? { rule, message } : { rule, message, span });
  };
  const kind = ctx.kind ?? 'reply';
  const markers = templateSetFor(ctx.language, ctx.templatesDir).markers;
  const relaxed = kind === 'follow-up' || kind === 'thank-you';
  const applicable = GUARDRAIL_RULES.filter((r) => !(relaxed && (r === 'apology' || r === 'contact')) && !(r === 'length' && !ctx.maxLength));

  if (!markerRegex(markers.thanks).test(text)) add('thanks', 'No thanks: thank the customer for taking the time to write');
  if (kind === 'reply' && !markerRegex(markers.apology).test(text)) add('apology', 'No apology: apologise sincerely, without blame');

  const ownEmails = (ctx.contacts ?? []).flatMap((c) => (c.email ? [c.email.toLowerCase()] : []));
  const ownPhones = (ctx.contacts ?? []).flatMap((c) => (c.phone ? [digits(c.phone)] : [])).filter((d) => d.length > 0);
  const lower = text.toLowerCase();
  const textDigits = digits(text);
  if (kind === 'reply') {
    const hasContact =
      ownEmails.length + ownPhones.length > 0
        ? ownEmails.some((e) => lower.includes(e)) || ownPhones.some((p) => textDigits.includes(p))
        : /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.test(text) || /\d[\d\s().\/-]{5,}\d/.test(text);
    if (!hasContact) add('contact', 'No contact: give the configured e-mail or phone so the conversation can move offline');
  }

  const open = openGates(text);
  for (const p of GATED) {
    if (!gateOpen(p, open, text)) continue;
    for (const m of text.matchAll(p.re)) add(p.rule, p.message, m[0]);
  }
  // A sentence's match is a match in the whole text (sentences end at spaces), and dropping "feel free"
  // cannot create one (it leaves "free" behind to be found): so a text without both words has no such sentence.
  for (const s of REVIEW_WORDS.test(text) && INCENTIVE.test(text) ? sentences(text) : []) {
    const withoutIdiom = s.replace(/\bfeel free\b/gi, '');
    if (REVIEW_WORDS.test(withoutIdiom) && INCENTIVE.test(withoutIdiom)) add('no-incentive', 'Offers something in the same breath as the review', s.trim());
  }
  const local = languageGuardrails(ctx.language);
  if (local) {
    const normalised = normaliseApostrophes(text);
    for (const [rule, re] of Object.entries(local.prohibitions) as [GuardrailRule, RegExp][]) {
      for (const m of normalised.matchAll(re)) add(rule, MESSAGES[rule], m[0]);
    }
    const test = (re: RegExp, t: string): boolean => {
      re.lastIndex = 0;
      return re.test(t);
    };
    for (const s of test(local.reviewWords, normalised) && test(local.incentive, normalised) ? sentences(normalised) : []) {
      if (test(local.reviewWords, s) && test(local.incentive, s)) add('no-incentive', 'Offers something in the same breath as the review', s.trim());
    }
  }

  // Personal data: what the review itself contained, and any address or number that is not the business's own.
  const fromReview = ctx.review ? personalDataIn(`${ctx.review.title ?? ''}\n${ctx.review.text}`, ctx.language) : [];
  for (const item of fromReview) {
    const d = digits(item);
    const echoed = lower.includes(item.toLowerCase()) || (d.length >= 7 && textDigits.includes(d));
    if (echoed && !ownEmails.includes(item.toLowerCase()) && !ownPhones.includes(d)) {
      add('no-personal-data', "Repeats the customer's personal details from the review", item);
    }
  }
  for (const email of emailsIn(text)) {
    if (!ownEmails.includes(email.toLowerCase()) && !fromReview.includes(email)) add('no-personal-data', 'An e-mail address that is not the business contact', email);
  }
  for (const phone of phonesIn(text)) {
    const d = digits(phone);
    if (d.length >= 7 && !ownPhones.some((p) => p.includes(d) || d.includes(p)) && !fromReview.some((f) => digits(f) === d)) {
      add('no-personal-data', 'A phone number that is not the business contact', phone.trim());
    }
  }

  const length = codePointLength(text);
  if (ctx.maxLength && length > ctx.maxLength) add('length', `${length} characters, over the platform limit of ${ctx.maxLength}`);

  const failed = new Set(violations.map((v) => v.rule));
  const score = applicable.length === 0 ? 1 : Math.round(((applicable.length - [...failed].filter((r) => applicable.includes(r as GuardrailRule)).length) / applicable.length) * 1000) / 1000;
  return { reply: text, violations, score };
}
