import { describe, expect, it } from 'vitest';
import { checkGuardrails, draftFollowUp, draftReply } from '../../src/draft/index.js';
import { business, review, verdict } from './factories.js';

const WAIT = 'We waited 40 minutes for a table and the food was cold when it finally arrived.';
const v = verdict({ topics: ['waiting_time'] });

describe('draftFollowUp', () => {
  it('confirms the matter was addressed, says what changed, thanks again and invites back', () => {
    const r = review(WAIT, { author: 'John Smith' });
    const f = draftFollowUp(r, { note: 'we now have a second chef on weekend evenings.', verdict: v }, { business: business() });
    expect(f.reply).toMatch(/addressed|dealt with|put right/);
    expect(f.reply).toContain('we now have a second chef on weekend evenings.');
    expect(f.reply).toMatch(/thank/i);
    expect(f.reply).toMatch(/welcome you back|see you again/);
    expect(f.reply).toMatch(/Maria, owner$/);
    expect(f.violations).toEqual([]);
    expect(f.score).toBe(1);
  });

  it('without a note says nothing about what changed and invents no change', () => {
    const r = review(WAIT);
    const withNote = draftFollowUp(r, { note: 'new booking system', verdict: v }, { business: business() });
    const without = draftFollowUp(r, { verdict: v }, { business: business() });
    expect(without.reply).not.toMatch(/changed|new booking system/i);
    expect(without.reply.length).toBeLessThan(withNote.reply.length);
    expect(without.violations).toEqual([]);
  });

  it('is checked with the follow-up rules: no apology or contact needed, prohibitions still apply', () => {
    const f = draftFollowUp(review(WAIT), { note: 'we refunded you $20, please update your review', verdict: v }, { business: business() });
    const rules = f.violations.map((x) => x.rule);
    expect(rules).toEqual(expect.arrayContaining(['no-public-refund', 'no-review-change']));
    expect(rules).not.toContain('apology');
    expect(rules).not.toContain('contact');
  });

  it('appends to the original reply as one text that passes the full reply rules', () => {
    const r = review(WAIT, { author: 'John Smith' });
    const original = draftReply(r, v, { business: business() }).reply;
    const f = draftFollowUp(r, { note: 'we added a second chef', originalReply: original, verdict: v }, { business: business() });
    expect(f.combined.reply.startsWith(original)).toBe(true);
    expect(f.combined.reply).toContain(f.reply);
    expect(f.combined.reply).toMatch(/\n\nUpdate: /);
    expect(f.combined.replyRewritten).toBe(false);
    expect(f.combined.violations).toEqual([]);
  });

  it('fits the combined text into Google Play by replacing a reply that no longer fits with a shorter one', () => {
    for (let i = 0; i < 30; i++) {
      const r = review(WAIT, { id: `src-f${i}`, author: 'John Smith' });
      const original = draftReply(r, v, { business: business(), platform: 'google-play' }).reply;
      const f = draftFollowUp(r, { note: 'we added a second chef', originalReply: original, verdict: v }, { business: business(), platform: 'google-play' });
      expect([...f.combined.reply].length).toBeLessThanOrEqual(350);
      expect(f.combined.replyRewritten).toBe(true);
      expect(f.combined.reply).toContain(': we added a second chef.');
      expect(f.combined.reply).not.toContain(original);
      expect(checkGuardrails(f.combined.reply, { contacts: [business().contact], maxLength: 350 }).violations).toEqual([]);
      expect(f.combined.violations).toEqual([]);
    }
  });

  it('drafts the reply part itself when no original reply is given, and is deterministic', () => {
    const r = review(WAIT);
    const a = draftFollowUp(r, { verdict: v }, { business: business() });
    const b = draftFollowUp({ ...r }, { verdict: v }, { business: business() });
    expect(a).toEqual(b);
    expect(a.combined.reply).toMatch(/sorry|apolog/i);
    expect(a.combined.reply).toContain('hello@cafeluna.example');
  });
});
