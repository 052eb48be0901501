import { describe, expect, it } from 'vitest';
import { classify, createClassifier } from '../../src/classify/index.js';

describe('critical severity', () => {
  it.each([
    ['legal threat', 'This is unacceptable, my lawyer will be in touch about the damage.', 'legal action'],
    ['health', 'Two of us got food poisoning after the seafood platter.', 'health or safety'],
    ['safety', 'The charger caught fire on my desk overnight.', 'health or safety'],
    ['fraud', 'Total scam, they took my money and never shipped anything.', 'fraud or scam'],
    ['discrimination', 'The manager was openly racist to my family.', 'discrimination'],
    ['privacy', 'They sold my data to advertisers without my consent.', 'data or privacy'],
    // A native speaker's review: British English and an allergy the kitchen ignored were not critical.
    ['a solicitor', 'Appalling service, I have passed this on to our solicitor.', 'legal action'],
    ['an allergy', 'I told them about my nut allergy and the dessert had nuts in it. I needed my EpiPen.', 'health or safety'],
  ])('%s', (_, text, label) => {
    const v = classify({ text });
    expect(v.negative).toBe(true);
    expect(v.severity).toBe('critical');
    expect(v.reasons.join(' ')).toContain(label);
  });

  it('makes even a mild 3-star review critical when it reports an injury', () => {
    expect(classify({ text: 'Nice hotel, but my son was injured by a broken railing.', rating: 3 }).severity).toBe('critical');
  });

  it('does not fire on a negated mention', () => {
    const v = classify({ text: 'Not a scam at all, the seller was honest and fast.', rating: 5 });
    expect(v.negative).toBe(false);
    expect(v.severity).toBe('low');
  });

  it('accepts extra keyword rules from config', () => {
    const c = createClassifier({ criticalRules: [{ id: 'press', label: 'press threat', patterns: ['going to the press', 'journalist'] }] });
    const text = 'Terrible handling of my complaint, I am going to the press with this.';
    expect(classify({ text }).severity).not.toBe('critical');
    const v = c.classify({ text });
    expect(v.severity).toBe('critical');
    expect(v.reasons.join(' ')).toContain('press threat');
  });

  it('grades ordinary complaints below critical', () => {
    expect(classify({ text: 'Absolutely disgusting, worst meal of my life, rude staff, never again!!!' }).severity).toBe('high');
    expect(classify({ text: 'The coffee was a bit cold.', rating: 3 }).severity).not.toBe('critical');
    expect(classify({ text: 'Great place!', rating: 5 }).severity).toBe('low');
  });
});
