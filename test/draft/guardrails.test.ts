import { describe, expect, it } from 'vitest';
import { checkGuardrails, personalDataIn, type GuardrailContext } from '../../src/draft/index.js';

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
