import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';
import { draftReply } from '../../src/draft/index.js';
import { business, review } from './factories.js';

/** A whole word, for letters outside ASCII too (`\b` only knows ASCII). */
const words = (...w: string[]): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${w.join('|')})(?![\\p{L}\\p{N}])`, 'iu');

interface Case {
  language: string;
  /** What a reply says only of a review with words in it: writing, reading, words, telling, sharing, hearing about. */
  speaksOfText: RegExp;
  /** How the language names the rating: a reply to a rating alone says that is what it read. */
  rating: RegExp;
}

const CASES: Case[] = [
  {
    language: 'en',
    speaksOfText: words('write', 'wrote', 'writing', 'words', 'read', 'reading', 'thoughts', 'told us', 'telling us', 'share this', 'sharing', 'being so clear', 'hear about', 'your account', 'feedback'),
    rating: words('rating'),
  },
  {
    language: 'de',
    speaksOfText: words('geschrieben', 'Worte', 'lesen', 'berichtet', 'zu hören', 'Rückmeldung', 'Hinweis', 'Feedback'),
    rating: words('Bewertung', 'bewertet'),
  },
  {
    language: 'fr',
    speaksOfText: words('écrire', 'lire', 'mots', 'message', 'retour', 'en parler', 'franchise', 'rédiger', 'signal\\p{L}*', 'remarques'),
    rating: words('note', 'noter', 'évaluation', 'évaluer'),
  },
  {
    language: 'es',
    speaksOfText: words('escribirnos', 'escribir', 'escrito', 'leer', 'palabras', 'contárnoslo', 'contado', 'sinceridad', 'comentarios', 'opinión', 'reseña'),
    rating: words('valoración', 'valorarnos'),
  },
  {
    language: 'nl',
    speaksOfText: words('schrijven', 'lezen', 'uitleg', 'delen', 'feedback', 'reactie', 'review'),
    rating: words('beoordeling', 'beoordelen'),
  },
  {
    language: 'it',
    speaksOfText: words('scriver\\p{L}*', 'scritto', 'leggere', 'parole', 'sincerità', 'segnalato', 'messaggio', 'recensione', 'feedback', 'riscontro'),
    rating: words('valutazione', 'valutato', 'valutarci'),
  },
  {
    language: 'pt',
    speaksOfText: words('escrever', 'ler', 'palavras', 'contado', 'contar', 'comentário', 'relato', 'feedback', 'retorno'),
    rating: words('avaliação', 'avaliar'),
  },
  {
    language: 'pt-PT',
    speaksOfText: words('escrito', 'escrever', 'escrever-nos', 'ler', 'palavras', 'contaste', 'contado', 'comentário', 'mensagem', 'franqueza', 'opinião'),
    rating: words('avaliação', 'avaliado', 'avaliar-nos'),
  },
];

/** The business's own words and the contact, which may hold any word. */
const body = (reply: string): string => reply.replace(/Café Luna|Maria, owner|\S+@\S+|\+44 20 7946 0000/g, ' ');

describe.each(CASES)('a $language review that is only a rating (no text, no title)', (c) => {
  for (const tone of ['friendly', 'formal'] as const) {
    it(`gets a ${tone} reply that speaks of the rating, never of words the reviewer did not write`, () => {
      const seen = new Set<string>();
      for (let i = 0; i < 60; i++) {
        const rating = [1, 2, 3, 4, 5][i % 5] as number;
        const r = review('', { id: `${c.language}-${tone}-${i}`, rating, author: i % 2 === 0 ? 'Anna Weber' : undefined, language: c.language });
        const v = classify({ text: '', rating, language: c.language });
        const d = draftReply(r, v, { business: business({ tone, language: c.language }) });
        seen.add(d.reply);
        expect(d.violations, d.reply).toEqual([]);
        expect(d.language).toBe(c.language);
        expect(body(d.reply), d.reply).not.toMatch(c.speaksOfText);
        if (rating <= 2) {
          // A complaint with nothing to acknowledge but the stars: it says so, and asks what went wrong.
          expect(d.parts).toEqual(expect.arrayContaining(['acknowledge', 'thanks', 'apology', 'reassure', 'contact']));
          expect(body(d.reply), d.reply).toMatch(c.rating);
        } else {
          expect(d.parts).not.toContain('apology');
        }
      }
      expect(seen.size).toBeGreaterThanOrEqual(30);
    });
  }
});

describe('a review with text', () => {
  it('still gets the thanks for what it wrote', () => {
    const replies = Array.from({ length: 30 }, (_, i) => {
      const text = 'The soup was cold and the waiter ignored us for twenty minutes.';
      return draftReply(review(text, { id: `text-${i}`, rating: 1 }), classify({ text, rating: 1 }), { business: business() }).reply;
    });
    expect(replies.some((r) => /taking the time to (write|tell us)|your honest feedback|letting us know/.test(r))).toBe(true);
    expect(replies.some((r) => /rating/.test(r))).toBe(false);
  });
});
