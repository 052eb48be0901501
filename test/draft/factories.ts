import { readFileSync } from 'node:fs';
import type { BusinessConfig } from '../../src/config/schema.js';
import type { Review } from '../../src/domain/review.js';
import type { Verdict } from '../../src/domain/verdict.js';

export const business = (over: Partial<BusinessConfig> = {}): BusinessConfig => ({
  name: 'Café Luna',
  contact: { email: 'hello@cafeluna.example', phone: '+44 20 7946 0000' },
  signature: 'Maria, owner',
  tone: 'friendly',
  industry: 'generic',
  language: 'en',
  replyLanguage: 'reviewer',
  ...over,
});

let n = 0;
export const review = (text: string, over: Partial<Review> = {}): Review => ({
  id: `src-${(n++).toString(16).padStart(16, '0')}`,
  sourceId: 'src',
  platformId: `p${n}`,
  text,
  contentHash: 'h',
  fetchedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

export const verdict = (over: Partial<Verdict> = {}): Verdict => ({
  negative: true,
  score: -0.7,
  severity: 'medium',
  topics: [],
  reasons: [],
  language: 'en',
  ...over,
});

/** A complaint in each language other than English, as a customer writes it (several topics, an order number). */
export const COMPLAINTS: Readonly<Record<string, string>> = {
  de: 'Wir haben 40 Minuten gewartet, die Brötchen waren alt und die Verkäuferin unfreundlich. Meine Bestellung 48213 war falsch.',
  fr: "La chambre était sale, le chauffage ne marchait pas et personne à l'accueil ne nous a aidés.",
  es: 'La app se cierra cada vez que hago una transferencia y nadie responde en atención al cliente.',
  nl: 'De loodgieter kwam twee uur te laat en de lekkage was na een dag terug.',
  it: 'Servizio lentissimo, piatti freddi e il conto era sbagliato.',
  pt: 'A encomenda chegou com duas semanas de atraso e ninguém respondeu aos meus e-mails.',
};

/** Negative reviews from the shared data: the Blitzer train set and the three eval sets. */
export function negativeReviews(): { text: string; title?: string; rating?: number }[] {
  const out: { text: string; title?: string; rating?: number }[] = [];
  for (const line of readFileSync('/work/shared/data/train/blitzer_books_dvd.jsonl', 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { text: string; title: string; rating: number; negative: boolean };
    if (r.negative) out.push({ text: r.text, title: r.title, rating: r.rating });
  }
  for (const f of ['yelp', 'amazon_cells', 'imdb']) {
    for (const line of readFileSync(`/work/shared/data/eval/${f}_labelled.txt`, 'utf8').split('\n')) {
      const [text, label] = line.split('\t');
      if (text && label?.trim() === '0') out.push({ text: text.trim() });
    }
  }
  return out;
}

/** Sentences of a reply (split on sentence ends and line breaks). */
export const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
