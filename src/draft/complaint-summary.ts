import { prohibitedSpan } from './guardrails.js';
import { TOPIC_KEYWORDS, topicWords } from './topics.js';

// Cheap phrase extraction, English only: the acknowledgement must name what went wrong in the customer's
// own words, and must never invent anything. So we only ever (a) rewrite a few safe patterns into noun
// phrases ("we waited 40 minutes" → "the 40-minute wait", "the food was cold" → "the cold food") or
// (b) reuse one complaint clause verbatim with the pronouns turned round ("my order was wrong" →
// "your order was wrong"). Anything doubtful is dropped and the draft falls back to topic labels.

/** What the acknowledgement can say about the complaint. */
export interface ComplaintSummary {
  /** Noun phrases, e.g. ["the 40-minute wait", "the cold food"], in the order the review mentions them. */
  issues: string[];
  /** One complaint clause in the second person ("your order arrived without the drinks"), when one is safe. */
  clause?: string | undefined;
}

const NEGATIVE = new Set(
  `not no never nothing nobody none cannot can't couldn't didn't doesn't don't wasn't weren't won't wouldn't isn't aren't hasn't haven't
  bad worse worst terrible horrible awful poor poorly disappointing disappointed disappointment useless waste wasted rude slow late cold dirty
  broken broke wrong missing damaged stale undercooked overcooked raw burnt burned noisy overpriced overcharged unhelpful confusing
  sticky smelly faulty defective delayed incorrect greasy salty soggy bland tasteless scratched torn loud closed unavailable
  unresponsive dismissive ignored chaotic crowded expensive inedible cracked leaking mouldy moldy dry watery blurry buggy unusable
  crashed crashes crash crashing freezes froze error refused lost cancelled canceled charged failed fails complaint sick ill unsafe boring dull mediocre lousy pathetic ridiculous unacceptable frustrating frustrated annoying
  angry upset unprofessional dishonest lied scam fraud hours forever ages waited waiting wait nasty gross filthy fell apart
  stopped quit poisoning poisoned sick ill hurt injured injury allergic reaction vomiting bleeding lacking lacked lacks impossible difficult hard unclear misleading`.split(/\s+/),
);

/**
 * Adjectives a "the X was ADJ" pattern may turn into "the ADJ X": descriptive problems, not insults. Not the ones
 * that judge a person ("the rude waiter", "the dismissive nurse": the business would label its own staff) nor a
 * verdict on the price ("the overpriced menu" concedes it); the topic names those.
 */
const PROBLEM_ADJ =
  'cold|lukewarm|late|dirty|filthy|broken|slow|missing|wrong|damaged|stale|undercooked|overcooked|raw|burnt|burned|noisy|confusing|sticky|smelly|faulty|defective|delayed|incorrect|greasy|salty|soggy|bland|tasteless|scratched|torn|loud|unresponsive|disorganised|disorganized|chaotic|crowded|inedible|cracked|leaking|mouldy|moldy|dry|watery|blurry|buggy|unusable|poor|unclear|misleading|uncomfortable';
const INTENSIFIER = '(?:(?:very|really|so|too|extremely|completely|totally|absolutely|quite|pretty|super|stone|ice|just|a bit|incredibly|horribly|terribly)\\s+)*';
const COPULA = '(?:was|were|is|are|came out|arrived|tasted|looked|felt|seemed|turned out)';
const COPULA_RE = new RegExp(
  `\\b(?:the|my|our|his|her|their)\\s+((?:[a-z]+\\s+){0,2}?[a-z]+)\\s+${COPULA}\\s+${INTENSIFIER}(${PROBLEM_ADJ})\\b`,
  'gi',
);
// Gates for the two patterns below, which try a match at every "the"/"my"/"wait": each needs a word every
// match contains (a waiting verb; a problem adjective), and is skipped when the text has none.
const WAIT_HINT = /wait|queued|took|taking/i;
const PROBLEM_ADJ_WORD = new RegExp(`\\b(?:${PROBLEM_ADJ})\\b`, 'i');
/** Words that make "the ___ was" something other than a thing the customer dealt with. */
const BAD_NOUN_WORDS = new Set(
  'whole entire only first last one thing things rest way fact reason point problem issue it that this which who what there other same experience time day night place they he she them we i you'.split(' '),
);

const NUMBER_WORDS =
  'a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|several|a few|\\d{1,3}';
const UNIT = '(minute|min|hour|hr|day|week|month)s?';
const WAIT_RE = new RegExp(
  `\\b(?:waited|waiting|wait|queued|took|taking)\\s+(?:for\\s+)?(?:about\\s+|around\\s+|almost\\s+|nearly\\s+|over\\s+|more than\\s+|at least\\s+)?(${NUMBER_WORDS})\\s*(?:-|\\s)?\\s*${UNIT}\\b`,
  'gi',
);

/** Swearing, insults and accusations: repeating them would have the business call its own staff names. */
const PROFANITY =
  /\b(fuck\w*|shit\w*|crap\w*|bitch\w*|bastard\w*|damn\w*|asshole\w*|wtf|stfu|piss\w*|dick\w*|idiot\w*|moron\w*|stupid|jerks?|clowns?|losers?|dumb|pigs?|liars?|thie(f|ves)|crooks?|scam\w*|fraud\w*|rip-?off|racist\w*|sexist\w*|incompetent|sucks?|sucked)\b/i;
/** E-mails, URLs, phone-like digit runs, order/booking references: never echoed (personal data). */
const PERSONAL_DATA =
  /[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\/|www\.|\d[\d\s().-]{5,}\d|#\s*\w*\d|\b(?:order|booking|reservation|invoice|ticket|account|ref(?:erence)?|confirmation|tracking)\s*(?:number|no\.?|nr\.?|id|#)?\s*:?\s*[A-Z]*\d[\w-]{2,}|\b(?=\w*\d)(?=\w*[a-z])\w{5,}\b/i;

/**
 * `PERSONAL_DATA.test(s)`, skipping the big pattern for the usual text: every alternative but the address ones
 * needs a digit, and an e-mail needs its "@".
 */
const PERSONAL_DATA_HINT = /[\d@]/;
const ADDRESS_HINT = /https?:\/\/|www\./i;
function hasPersonalData(s: string): boolean {
  if (!PERSONAL_DATA_HINT.test(s) && !ADDRESS_HINT.test(s)) return false;
  return PERSONAL_DATA.test(s);
}

const SUBJECT_START = new Set(
  'i we my our the this it its they their there he she his her nobody nothing everything someone all both these those every no none'.split(' '),
);
/** Common nouns a complaint clause may start with ("Support never replied"); other first words could be names. */
const NOUN_START = new Set(
  `food service staff support delivery app order room waiter waitress manager table price prices product item package driver
  shipping quality battery screen phone book movie film dvd story plot ending writing acting sound picture coffee meal drinks bill
  website checkout payment update login account everything nothing parking music bathroom toilet toilets bed shower wifi`.split(/\s+/),
);
const VERB =
  /\b(crash(es|ed)?|freezes|keeps|takes|lacks|costs|smells|tastes|needs|fails|charges|was|were|is|are|am|had|has|have|did|didn't|does|doesn't|do|don't|got|took|came|went|made|never|could|couldn't|would|wouldn't|can't|cannot|won't|will|kept|left|gave|said|told|seemed|felt|looked|tasted|broke|fell|stopped|arrived|charged|asked|refused|ignored|\w+ed)\b/i;
const CONNECTORS = /^(?:and|but|so|also|then|plus|well|honestly|sadly|unfortunately|overall|however|although|though|because|anyway|basically|still|yet|oh|ok|okay|first|firstly|secondly|finally|lastly)\b[\s,]*/i;
const SECOND_PERSON = /\b(you|your|you're|yours|yourself|u|ur)\b/i;
/** Advice to other readers and never-again talk: not what went wrong, and awkward to repeat back. */
const REJECT_TALK = /\b(advise|warn(ing)?|beware|fooled|go back|come back|again|should have known|my fault|common sense|refund\w*|money back|compensat\w*|lawyer|sue|police)\b/i;
/**
 * Accusations and verdicts on the business or its people ("this app is a lie", "they cheated me"): the
 * reviewer's anger, not what went wrong. Quoted back they read as sarcasm or as the business agreeing.
 */
const ACCUSATION =
  /\b(lie|lies|lying|lied|liars?|scam\w*|steal\w*|stole|stolen|cheat\w*|crooks?|joke|jokes|disgrace\w*|shame\w*|conned|robbed|robbery|criminals?|clueless|thie(f|ves)|fraud\w*|rip-?off|ripped|dishonest|corrupt|greedy|liars?)\b/i;
/**
 * What makes a clause ungrammatical or out of register once lifted out of the review: a comma left inside
 * it after clausesOf (a list of fragments: "glitchy as, crazy slow"), slang intensifiers, and a function word
 * left dangling at its end ("rude as").
 */
/** Verdicts rather than descriptions ("the book is completely useless"): the reviewer's judgement, not what happened. */
/**
 * Disbelief, an exclamation rather than a statement of what happened: "you can't believe how rude the receptionist was"
 * reads as mockery when a business says it back, and the "how rude" in it is a verdict on a person.
 */
const DISBELIEF = /\b(can'?t|cannot|could\s?n'?t|could not|won'?t|wouldn'?t)\s+(even\s+|just\s+)?(believe|imagine|describe|express|explain|tell|say|stress)\b/i;
// With the words that judge a person or concede a charge ("the staff were rude to my mother", "the fees are outrageous
// and hidden"): said back by the business, they label its staff or admit the accusation.
const VERDICT_WORDS =
  /\b(useless|pathetic|garbage|rubbish|trash|worst|disgusting|horrible|horrid|terrible|awful|atrocious|abysmal|appalling|shocking|ridiculous|laughable|insulting|rude|rudely|unfriendly|unhelpful|dismissive|arrogant|condescending|unprofessional|outrageous|hidden|overpriced)\b/i;
const SLANG = /\b(crazy|hella|af|freakin\w*|frickin\w*|friggin\w*|frigging|bloody|insanely|mega|so{3,}|lol|lmao|omg|tbh|smh|ffs|wtf|ridic)\b/i;
const DANGLING_END = /\b(as|so|the|a|an|and|or|of|to|with|like|but|very|too|at|for|from|in|on|by|just|really)$/i;
/**
 * Two sentences run together, typed without a stop: fragments between dashes ("keeps crashing - it never loads -"), a
 * new "I"/"we" right after a complaint word ("…disappointing and unacceptable I expect…"), or saying what the
 * reviewer prefers ("…glitches and bugs I prefer the official website"). Quoted back they read as one broken sentence;
 * a relative clause ("the size I ordered") is left alone.
 */
// Case-blind: reviews come in lower case too ('bugs i prefer the official website').
const RUN_ON = /\s[-–—]\s|\S\s+(?:I|we)\s+(?:prefer|like|love|recommend|enjoy|would rather|rather)\b/i;
/** "so dirty we asked", "too slow we left": cause and result, one sentence. */
const CAUSE = new Set(['so', 'too', 'such']);
function runsOn(words: readonly string[]): boolean {
  for (let i = 1; i < words.length - 1; i++) {
    const w = words[i - 1]!;
    const cause = i >= 2 && CAUSE.has(words[i - 2]!);
    if ((words[i] === 'i' || words[i] === 'we') && NEGATIVE.has(w) && !w.endsWith("n't") && !NEGATION.test(w) && !cause) return true;
  }
  return false;
}
/** An expectation, not what happened: "we were told there would be a 10 minute wait", "they promised it would arrive". */
const EXPECTATION = /\b(told|promised|said|assured|quoted|supposed)\b.*\b(would|will|was going to|were going to|to be)\b/i;
/** Reported speech: "it says my password is wrong" is what a screen said, not a thing the customer was given. */
const REPORTED = /\b(says|said|say|shows|showed|told|tells|claims|claimed|states|stated|displays|displayed)\s+(?:that\s+)?$/i;

/** People as the subject ("he was rude", "they never called"): repeated back, it singles someone out. */
const PERSON_SUBJECT = new Set(['he', 'she', 'they', 'them', 'his', 'her']);

/** Money amounts: never repeated in public (the refund rule would rightly object). */
const MONEY = /[$€£¥]\s?\d|\d\s?(dollars|euros|pounds|bucks|usd|eur|gbp)\b/i;
const NEGATION = /^(not|no|never|nothing|nobody|none|cannot|\w+n't)$/;
/** Verdict talk ("I gave it 1 star", "don't buy"): not a description of what went wrong. */
const VERDICT_TALK = /\b(stars?|review(s|ed|er)?|rating|recommend\w*|buy|purchase|avoid|waste of money|zero|refund)\b/i;

const FLIP: Record<string, string> = {
  i: 'you', "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll", me: 'you', my: 'your', mine: 'yours', myself: 'yourself',
  we: 'you', "we're": "you're", "we've": "you've", "we'd": "you'd", "we'll": "you'll", us: 'you', our: 'your', ours: 'yours',
  ourselves: 'yourselves',
};
const AGREE: Record<string, string> = { am: 'are', was: 'were', "wasn't": "weren't" };

/** "I was told" → "you were told", "our table" → "your table": the reviewer's words, addressed back to them. */
export function toSecondPerson(clause: string): string {
  const tokens = clause.split(/(\s+)/);
  let prevWasI = false;
  return tokens
    .map((tok) => {
      if (/^\s+$/.test(tok)) return tok;
      const m = /^([\w']+)(.*)$/.exec(tok);
      if (!m) {
        prevWasI = false;
        return tok;
      }
      const [, word = '', rest = ''] = m;
      const lower = word.toLowerCase();
      if (prevWasI && AGREE[lower]) {
        prevWasI = false;
        return AGREE[lower] + rest;
      }
      prevWasI = lower === 'i' || lower === 'we';
      const flipped = FLIP[lower];
      return flipped ? flipped + rest : tok;
    })
    .join('');
}

/** Any whitespace but a single space: only then is there anything to collapse. */
const UNCOLLAPSED = /[^\S ]| {2}/;
const collapseSpaces = (s: string): string => (UNCOLLAPSED.test(s) ? s.replace(/\s+/g, ' ') : s);
const FIRST_WORD = /[a-z']+/;

/** Clauses of a text: sentences, then split at ";", ":" and before "but"/"although"/", and"/", so". */
export function clausesOf(text: string): string[] {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .split(/(?<=[.!?])\s+|\n+|\.{2,}|!+/)
    .flatMap((s) => s.split(/\s*[;:()]\s*|,\s+(?=(?:but|and|so|because|which|although|though|however|then)\b)|\s+(?=(?:but|however|although|though)\b)/i))
    .map((c) => collapseSpaces(c).trim())
    .filter(Boolean);
}

/** Shouted text in lower case; "THis" → "this". One pass over the characters decides what is needed. */
function unshout(s: string): string {
  let letters = 0;
  let upper = 0;
  let twoCapitals = false; // "THis" needs two capitals in a row; most texts have none
  let prevUpper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isUpper = c >= 65 && c <= 90;
    if (isUpper) {
      upper++;
      letters++;
      if (prevUpper) twoCapitals = true;
    } else if (c >= 97 && c <= 122) {
      letters++;
    }
    prevUpper = isUpper;
  }
  if (letters > 0 && upper / letters > 0.6) return s.toLowerCase();
  if (!twoCapitals) return s;
  return s.replace(/\b[A-Z]{2}[a-z]+\b/g, (w) => w.toLowerCase()); // "THis" → "this"
}

const TRAILING_PUNCTUATION = /[\s,.;:!-]/;
const QUOTE_OR_SPACE = /["'\s]/;

/** `s` without the run of characters matching `re` at its end (a loop: a `...+$` pattern tries every position). */
function trimEndWhile(s: string, re: RegExp): string {
  let end = s.length;
  while (end > 0 && re.test(s.charAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

function trimStartWhile(s: string, re: RegExp): string {
  let start = 0;
  while (start < s.length && re.test(s.charAt(start))) start++;
  return start === 0 ? s : s.slice(start);
}

/** A clause of `clausesOf` (so already single-spaced and trimmed) without connectors, end punctuation and quotes. */
function cleanClause(raw: string): string {
  let c = unshout(raw);
  for (let i = 0; i < 3; i++) {
    const next = c.replace(CONNECTORS, '');
    if (next === c) break;
    c = next;
  }
  return trimEndWhile(trimStartWhile(trimEndWhile(c, TRAILING_PUNCTUATION), QUOTE_OR_SPACE), QUOTE_OR_SPACE);
}

function negativeHits(words: string[]): number {
  let hits = 0;
  for (const w of words) if (NEGATIVE.has(w) || w.endsWith("n't")) hits++;
  return hits;
}

/** `\bword` patterns of the words of taxonomy topics the keywords do not know, compiled once per word. */
const topicWordRegexes = new Map<string, RegExp>();
function topicWordRegex(word: string): RegExp {
  let re = topicWordRegexes.get(word);
  if (!re) topicWordRegexes.set(word, (re = new RegExp(`\\b${word}`, 'i')));
  return re;
}

function topicHit(clause: string, topics: readonly string[]): boolean {
  return topics.some((t) => {
    const re = TOPIC_KEYWORDS[t];
    if (re) return re.test(clause);
    const words = topicWords(t);
    return words.length > 0 && words.some((w) => topicWordRegex(w).test(clause));
  });
}

/** The best complaint clause, in the second person, or undefined when none is safe to reuse. */
export function complaintClause(text: string, topics: readonly string[], maxChars = 110): string | undefined {
  let best: { clause: string; score: number } | undefined;
  clausesOf(text).forEach((raw, index) => {
    // Cheapest rejections first (all of them are pure, so their order does not change the result).
    const c = cleanClause(raw);
    if (c.length > maxChars) return;
    const lower = c.toLowerCase();
    const first = FIRST_WORD.exec(lower)?.[0] ?? '';
    if (!(SUBJECT_START.has(first) || NOUN_START.has(first)) || PERSON_SUBJECT.has(first)) return;
    if (c.includes(',') || DANGLING_END.test(c) || SLANG.test(c) || ACCUSATION.test(c) || VERDICT_WORDS.test(c) || DISBELIEF.test(c)) return;
    const words = lower.match(/[a-z']+/g) ?? [];
    if (words.length < 4 || words.length > 18 || RUN_ON.test(c) || runsOn(words)) return;
    // The score first: most clauses name no problem and no topic, and are dropped before the pattern checks.
    const problemWords = words.filter((w) => NEGATIVE.has(w) && !NEGATION.test(w)).length;
    const onTopic = topicHit(c, topics);
    // Every clause repeated back names what went wrong: "we had a reservation" is on topic but no complaint ("sad to
    // hear that you had a reservation"), and "I didn't use my common sense" needs a real problem word, not just a "not".
    const hits = negativeHits(words);
    if (problemWords === 0 && hits === 0) return;
    if ((words[0] === 'i' || words[0] === 'we') && problemWords === 0 && !onTopic) return;
    // What the reviewer was told or promised ("we were told there would be a 10 minute wait") is not what went wrong.
    if (EXPECTATION.test(c)) return;
    let score = 2 * hits + (onTopic ? 3 : 0);
    if (score < 2 || !VERB.test(c)) return;
    // A capitalised word after the first is a name (staff, people, places): naming someone in public reads as blame.
    if (/\s\p{Lu}/u.test(c.replace(/\bI\b/g, 'i'))) return;
    if (SECOND_PERSON.test(c) || /[?"]/.test(c) || PROFANITY.test(c) || hasPersonalData(c)) return;
    if (REJECT_TALK.test(c) || MONEY.test(c)) return;
    if (VERDICT_TALK.test(c)) score -= 3;
    if (words.length >= 6 && words.length <= 14) score += 1;
    score -= index * 0.05; // earlier clauses usually state the problem; later ones elaborate
    // "Waitress was slow" reads as a slip when repeated back; "the waitress was slow" does not.
    const clause = NOUN_START.has(words[0] ?? '') && !SUBJECT_START.has(words[0] ?? '') ? `the ${c.charAt(0).toLowerCase()}${c.slice(1)}` : c;
    if (best && score <= best.score) return; // could not win: spare the guardrail check
    // Repeated back, the customer's words must not trip a guardrail ("you could have been sleeping").
    if (prohibitedSpan(toSecondPerson(clause)) !== undefined) return;
    best = { clause, score };
  });
  if (!best || best.score < 2) return undefined;
  const flipped = toSecondPerson(best.clause);
  // The first word is always a common word (SUBJECT_START, NOUN_START), so lower-casing it cannot damage a name.
  return flipped.charAt(0).toLowerCase() + flipped.slice(1);
}

function singularUnit(unit: string): string {
  const u = unit.toLowerCase().replace(/s$/, '');
  return u === 'min' ? 'minute' : u === 'hr' ? 'hour' : u;
}

/** Noun phrases for the safe patterns: waits with a duration, "the X was ADJ" → "the ADJ X". */
export function issuePhrases(text: string, max = 2): string[] {
  const found: { at: number; phrase: string }[] = [];
  const normal = unshout(text.replace(/[’‘]/g, "'"));
  for (const m of WAIT_HINT.test(normal) ? normal.matchAll(WAIT_RE) : []) {
    const n = (m[1] ?? '').toLowerCase();
    const unit = singularUnit(m[2] ?? '');
    const phrase = /^(a|an|one)$/.test(n) ? `the ${unit}-long wait` : /^(several|a few)$/.test(n) ? `the wait of ${n} ${unit}s` : `the ${n}-${unit} wait`;
    found.push({ at: m.index ?? 0, phrase });
  }
  for (const m of PROBLEM_ADJ_WORD.test(normal) ? normal.matchAll(COPULA_RE) : []) {
    const noun = (m[1] ?? '').toLowerCase();
    const adj = (m[2] ?? '').toLowerCase();
    if (noun.split(/\s+/).some((w) => BAD_NOUN_WORDS.has(w) || NEGATIVE.has(w) || FLIP[w])) continue;
    if (hasPersonalData(noun) || PROFANITY.test(noun)) continue;
    // "it says my password is wrong": a message reported, not the customer's wrong password.
    if (REPORTED.test(normal.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0))) continue;
    found.push({ at: m.index ?? 0, phrase: `the ${adj} ${noun}` });
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .map((f) => f.phrase)
    .filter((p) => !seen.has(p) && seen.add(p))
    .slice(0, max);
}

const CONTRACTION = /\b(won't|can't|shan't|(\w+)n't|(you|it|that|there|he|she|they|what)'(re|ve|ll|d|s))(\s+(\w+))?/gi;
const EXPANDED: Record<string, string> = { "won't": 'will not', "can't": 'cannot', "shan't": 'shall not', re: 'are', ve: 'have', ll: 'will', s: 'is' };

/**
 * The reviewer's words as a formal reply writes them: no contractions ("you weren't told why" → "you were not told
 * why"). "'d" is "had" before a past participle ("you'd ordered"), else "would"; "'s" is "has" before "been".
 */
export function formalWording(s: string): string {
  if (!s.includes("'")) return s;
  return s.replace(CONTRACTION, (all, word: string, stem?: string, pronoun?: string, tail?: string, rest = '', next?: string) => {
    const lower = word.toLowerCase();
    let out: string;
    if (EXPANDED[lower]) out = EXPANDED[lower] as string;
    else if (stem) out = `${stem} not`;
    else if (tail?.toLowerCase() === 'd') out = `${pronoun} ${next && /(ed|been|had|gone|seen|done|told|paid|made)$/i.test(next) ? 'had' : 'would'}`;
    else if (tail?.toLowerCase() === 's' && next && /^(been|got|gotten|had)$/i.test(next)) out = `${pronoun} has`;
    else out = `${pronoun} ${EXPANDED[(tail ?? '').toLowerCase()] ?? tail}`;
    if (word[0] !== lower[0]) out = out[0]!.toUpperCase() + out.slice(1);
    return out + rest;
  });
}

/** Summary of a review's complaint for the acknowledgement: noun phrases and/or one clause. */
export function summariseComplaint(review: { text: string; title?: string | undefined }, topics: readonly string[] = []): ComplaintSummary {
  const text = review.title ? `${review.title}.\n${review.text}` : review.text;
  return { issues: issuePhrases(text), clause: complaintClause(text, topics) };
}
