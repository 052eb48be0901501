import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analysis/analyze.js';
import { INDUSTRIES, INDUSTRY_TOPICS, topicPhraseFor } from '../../src/classify/index.js';
import { draftFollowUp, draftReply, fallbackVerdict } from '../../src/draft/index.js';
import { topicPhrase } from '../../src/draft/reply.js';
import { templateSetFor } from '../../src/draft/templates.js';
import { makeConfig, makeReview } from '../helpers/factories.js';
import { business, review, verdict } from './factories.js';

describe('topics in replies', () => {
  it('names every topic of every industry by its natural phrase, never by its label', () => {
    for (const industry of INDUSTRIES) {
      for (const spec of INDUSTRY_TOPICS[industry]) {
        for (const seed of ['a', 'b', 'c']) {
          // Nothing in the text to acknowledge in the reviewer's words: the topics do it.
          const d = draftReply(review('Not good at all.', { id: `${industry}-${spec.id}-${seed}` }), verdict({ topics: [spec.id] }), { business: business({ industry }) });
          expect(d.reply.toLowerCase(), `${industry}/${spec.id}`).toContain(topicPhraseFor(industry, 'en', spec.id, 'long')?.toLowerCase());
          // A leaked label reads as a bare noun after the verb: "the team hears about product quality".
          const label = spec.label.toLowerCase().replace(/[()]/g, '');
          expect(d.reply.toLowerCase(), `${industry}/${spec.id}`).not.toMatch(new RegExp(`\\b(about|at|review|raise|flag|out|to) ${label}\\b`));
        }
      }
    }
  });

  it('no longer tells a bank customer "the team hears about product quality" or about bugs for a frozen account', () => {
    const analyze = createAnalyzer(makeConfig({ business: { name: 'Nova Bank', contact: { email: 'help@nova.example' }, signature: 'Sam', industry: 'bank_fintech' } }));
    const texts = ['Account frozen. No warning.', 'They froze my bank account with no warning and nobody will tell me why.'];
    for (const [i, text] of texts.entries()) {
      const { verdict: v, draft } = analyze(makeReview('s', { rating: 1, text, platformId: `frozen-${i}` }), { draft: true });
      expect(v.topics).toContain('account_access');
      expect(draft?.reply).not.toMatch(/bugs|product quality|getting started|billing/i);
    }
    const { draft } = analyze(makeReview('s', { rating: 1, text: 'Account frozen. No warning.', platformId: 'frozen-x' }), { draft: true });
    expect(draft?.reply).toMatch(/losing access to your account|how we handle blocked accounts/);
  });

  it('takes the wording of the industry in the config, and of the draft context over it', () => {
    const v = verdict({ topics: ['waiting_time'] });
    const r = review('Not good at all.', { id: 'wait-1' });
    const reply = (ctx: Parameters<typeof draftReply>[2]): string => draftReply(r, v, ctx).reply.toLowerCase();
    expect(reply({ business: business({ industry: 'restaurant' }) })).toContain('the long wait to be served');
    expect(reply({ business: business({ industry: 'healthcare' }) })).toContain('the long wait in the waiting room');
    expect(reply({ business: business({ industry: 'restaurant' }), industry: 'cafe_bakery' })).toContain('the long queue');
    expect(reply({ business: business() })).toContain('the long wait');
    const followUp = draftFollowUp(r, { verdict: verdict({ topics: ['no_show'] }) }, { business: business({ industry: 'home_services' }) });
    expect(followUp.reply).toContain('our failure to turn up on time');
  });

  it('uses the language of the template set, and the set’s own words for a configured topic', () => {
    const en = templateSetFor('en');
    const de = { ...en, language: 'de' };
    expect(topicPhrase(de, 'account_access', 'long', 'bank_fintech')).toBe('die Probleme mit dem Zugang zum Konto');
    expect(topicPhrase({ ...en, language: 'fr' }, 'waiting_time', 'short', 'cafe_bakery')).toBe("l'attente au comptoir");
    expect(topicPhrase(en, 'parking', 'long', 'hotel')).toBe('the parking');
    // A topic of another industry (a config that routes a shared id) still reads naturally.
    expect(topicPhrase(en, 'food_quality', 'long', 'bank_fintech')).toBe('the food you were served');
  });

  it('without a verdict, spots the same topics as the classifier, never on a filler word', () => {
    expect(fallbackVerdict({ text: 'The service was okay and the app update went fine, I got my money.' }).topics).toEqual([]);
    expect(fallbackVerdict({ text: 'Login crash after the update. I pay for this app every month.' }).topics).toEqual(['app_bugs', 'account_access']);
    expect(fallbackVerdict({ text: 'We came down to a flooded kitchen.' }).topics).toEqual(['property_damage']);
  });
});
