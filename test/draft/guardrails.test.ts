import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkGuardrails, draftReply, fallbackVerdict, personalDataIn, type GuardrailContext } from '../../src/draft/index.js';
import { GATE_SPECS, gateRegex, openGates } from '../../src/draft/guardrails.js';
import { business, negativeReviews, review } from './factories.js';

const contacts = [{ email: 'hello@cafeluna.example', phone: '+44 20 7946 0000' }];
const ctx: GuardrailContext = { contacts, maxLength: 4096 };
const good =
  'Hi Anna, reading about the 40-minute wait was hard for us. Thank you for telling us. We are truly sorry. ' +
  'Please get in touch at hello@cafeluna.example so we can put this right.\nMaria, owner';

const rulesOf = (text: string, c: GuardrailContext = ctx): string[] => [...new Set(checkGuardrails(text, c).violations.map((v) => v.rule))];

describe('checkGuardrails', () => {
  it('passes a reply that follows the playbook, with score 1', () => {
    const r = checkGuardrails(good, ctx);
    expect(r.violations).toEqual([]);
    expect(r.score).toBe(1);
    expect(r.reply).toBe(good);
  });

  it.each([
    ['thanks', good.replace('Thank you for telling us. ', '')],
    ['apology', good.replace('We are truly sorry. ', '')],
    ['contact', good.replace('Please get in touch at hello@cafeluna.example so we can put this right.', 'We hope to see you again.')],
  ])('reports a missing %s', (rule, text) => {
    expect(rulesOf(text)).toEqual([rule]);
    expect(checkGuardrails(text, ctx).score).toBeLessThan(1);
  });

  it('accepts the phone number as the contact, whatever its formatting', () => {
    const text = good.replace('at hello@cafeluna.example', 'on 020 7946 0000'.replace('020', '+44 20'));
    expect(rulesOf(text)).toEqual([]);
  });

  it.each([
    ['no-blame', 'We were short-staffed that night.', 'short-staffed'],
    ['no-blame', 'Our new waiter made a mistake.', 'new waiter'],
    ['no-blame', 'This was not our fault.', 'not our fault'],
    ['no-blame', 'You should have booked ahead.', 'You should have'],
    ['no-blame', 'It was an unusually busy evening.', 'unusually busy'],
    ['no-argument', 'That is not true, the food was hot.', 'That is not true'],
    ['no-argument', "You're wrong about the price.", "You're wrong"],
    ['no-argument', 'We have no record of your visit.', 'no record of'],
    ['no-policy', 'As stated in our terms and conditions, bookings are final.', 'terms and conditions'],
    ['no-policy', 'Our policy is that drinks are not refunded.', 'Our policy'],
    ['no-review-change', 'We would be grateful if you could update your review.', 'update your review'],
    ['no-review-change', 'Please consider removing this review.', 'consider removing'],
    ['no-incentive', 'Enjoy a free dessert on your next visit if you change your review.', 'if you change'],
    ['no-incentive', 'We will send a voucher once the review is updated.', 'We will send a voucher once the review is updated.'],
    ['no-public-refund', 'We will refund you the full amount.', 'We will refund'],
    ['no-public-refund', 'We have issued a $25 credit.', '$25'],
    ['plain-text', 'We are **really** sorry.', '**really**'],
    ['no-placeholder', 'Dear [Customer Name], thank you.', '[Customer Name]'],
  ])('%s: flags "%s" with its span', (rule, sentence, span) => {
    const text = good.replace('We are truly sorry.', `We are truly sorry. ${sentence}`);
    const found = checkGuardrails(text, ctx).violations.filter((v) => v.rule === rule);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((v) => v.span?.toLowerCase())).toContain(span.toLowerCase());
  });

  it('flags personal data from the review echoed back, but not the business contact', () => {
    const reviewText = 'My order AB12345 never came. Email me at jo.bloggs@mail.example or call 07700 900123.';
    expect(personalDataIn(reviewText)).toEqual(expect.arrayContaining(['AB12345', 'jo.bloggs@mail.example', '07700 900123']));
    const echoed = good.replace('We are truly sorry.', 'We are truly sorry about order AB12345, and we will call you on 07700 900 123.');
    const v = checkGuardrails(echoed, { ...ctx, review: { text: reviewText } }).violations.filter((x) => x.rule === 'no-personal-data');
    expect(v.map((x) => x.span)).toEqual(expect.arrayContaining(['AB12345']));
    expect(v.length).toBeGreaterThanOrEqual(2);
    expect(rulesOf(good, { ...ctx, review: { text: reviewText } })).toEqual([]);
  });

  it('flags an e-mail address that is not the business contact even without the review', () => {
    const text = good.replace('We are truly sorry.', 'We are truly sorry; we wrote to anna@mail.example.');
    expect(checkGuardrails(text, ctx).violations).toContainEqual(expect.objectContaining({ rule: 'no-personal-data', span: 'anna@mail.example' }));
  });

  it('flags a reply over the platform limit and skips the check without a limit', () => {
    expect(rulesOf(good, { ...ctx, maxLength: 100 })).toEqual(['length']);
    expect(rulesOf(good, { contacts })).toEqual([]);
  });

  it('relaxes apology and contact for a follow-up but still needs thanks and the prohibitions', () => {
    const followUp = 'A quick update: we have addressed the wait. Thank you again for raising it.\nMaria';
    expect(rulesOf(followUp, { ...ctx, kind: 'follow-up' })).toEqual([]);
    expect(rulesOf(followUp, { ...ctx, kind: 'reply' })).toEqual(['apology', 'contact']);
    expect(rulesOf(`${followUp} Could you update your review?`, { ...ctx, kind: 'follow-up' })).toEqual(['no-review-change']);
    expect(rulesOf(followUp.replace('Thank you again for raising it.', ''), { ...ctx, kind: 'follow-up' })).toEqual(['thanks']);
  });

  it('scores the share of rules passed, counting a rule once however often it is broken', () => {
    const once = checkGuardrails(good.replace('We are truly sorry.', 'We are truly sorry. Our policy is strict.'), ctx);
    const twice = checkGuardrails(good.replace('We are truly sorry.', 'We are truly sorry. Our policy is strict. The store policy says so.'), ctx);
    expect(once.score).toBeLessThan(1);
    expect(twice.violations.length).toBeGreaterThan(once.violations.length);
    expect(twice.score).toBe(once.score);
  });
});

describe('guardrail gates (one scan instead of a pattern per rule)', () => {
  const gates = Object.entries(GATE_SPECS).map(([rule, spec], i) => ({ rule, re: gateRegex(spec!), bit: 1 << i }));
  /** Rules whose gate the scan leaves closed although the gate's pattern matches: a rule that would be skipped. */
  const missed = (text: string): string[] => gates.filter((g) => g.re.test(text) && (openGates(text) & g.bit) === 0).map((g) => g.rule);
  /** Rules the scan opens although the pattern does not match (allowed only where lower-casing is not ASCII). */
  const extra = (text: string): string[] => gates.filter((g) => !g.re.test(text) && (openGates(text) & g.bit) !== 0).map((g) => g.rule);

  it('opens exactly the gates their patterns open, on real review texts and on drafts', () => {
    const reviews = negativeReviews();
    const drafts = reviews.slice(0, 600).map((r) => draftReply(review(r.text, { title: r.title, rating: r.rating, author: 'Dana Reyes' }), fallbackVerdict(r), { business: business() }).reply);
    const texts = [...reviews.map((r) => `${r.title ?? ''}\n${r.text}`), ...drafts, good, 'You should have read our POLICY. It never happened!', 'Refund_ policy', 'DIDN\'T we say it was $20?'];
    for (const text of texts) {
      expect(missed(text), text).toEqual([]);
      expect(extra(text), text).toEqual([]);
    }
  });

  it('never misses a gate on generated text (case, word edges, underscores, digits, non-ASCII letters)', () => {
    const words = Object.values(GATE_SPECS).flatMap((s) => [...(s!.words ?? []), ...(s!.substrings ?? [])]);
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.constantFrom(...words).map((w) => w.charAt(0).toUpperCase() + w.slice(1)),
      fc.constantFrom(' ', '  ', '_', '-', "'", '.', '\n', '1', 'é', 'İ', '\u212A', 'ſ', 's', 'x', 'ed'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (text) => {
        expect(missed(text)).toEqual([]);
        // Over-opening only costs a pattern run, and only lower-casing a non-ASCII letter can cause it.
        if (/^[\x00-\x7f]*$/.test(text)) expect(extra(text)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
