import { describe, expect, it } from 'vitest';
import { checkGuardrails, draftReply } from '../../src/draft/index.js';
import { topicPhrase } from '../../src/draft/reply.js';
import { templateSetFor } from '../../src/draft/templates.js';
import { business, review, verdict } from './factories.js';

/** Apology words per language (the template sets' markers), which a thank-you never uses. */
const LANGUAGES = ['en', 'de', 'fr', 'es', 'nl', 'it', 'pt', 'pt-PT'] as const;

describe('a review that is not negative but criticises something', () => {
  for (const language of LANGUAGES) {
    for (const tone of ['friendly', 'formal'] as const) {
      it(`is thanked, takes note of the criticism and never apologises (${language}, ${tone})`, () => {
        const set = templateSetFor(language);
        const breakfast = topicPhrase(set, 'breakfast', 'long', 'hotel') as string;
        expect(breakfast).toBeTruthy();
        const seen = new Set<string>();
        for (let i = 0; i < 30; i++) {
          const rating = i % 2 === 0 ? 4 : 3;
          const d = draftReply(
            review('text', { id: `mixed-${language}-${tone}-${i}`, rating, language, author: 'Anna Weber' }),
            verdict({ negative: false, score: 0.4, severity: 'low', language, topics: ['breakfast', 'room'], concerns: ['breakfast'] }),
            { business: business({ tone, industry: 'hotel', language: language === 'pt-PT' ? 'pt-PT' : 'en' }) },
          );
          seen.add(d.reply);
          expect(d.violations, d.reply).toEqual([]);
          expect(d.parts, d.reply).toContain('note');
          expect(d.parts).not.toContain('apology');
          expect(d.reply, d.reply).toContain(breakfast);
          expect(new RegExp(set.markers.apology, 'iu').test(d.reply), d.reply).toBe(false);
          // A mixed review gets no "so glad to hear about your experience" line.
          expect(d.parts).not.toContain('glad');
          expect(checkGuardrails(d.reply, { language: set.language, kind: 'thank-you' }).violations, d.reply).toEqual([]);
        }
        expect(seen.size).toBeGreaterThanOrEqual(8);
      });
    }
  }

  it('a review with no concern keeps the plain thank-you', () => {
    const d = draftReply(review('Lovely stay!', { id: 'plain', rating: 5 }), verdict({ negative: false, score: 0.9, severity: 'low', topics: [] }), { business: business() });
    expect(d.parts).not.toContain('note');
  });
});
