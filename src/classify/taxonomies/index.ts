import { baseLanguage } from '../../domain/language-code.js';
import type { Topic } from '../topics.js';
import { APP_SOFTWARE } from './app-software.js';
import { BANK_FINTECH } from './bank-fintech.js';
import { CAFE_BAKERY } from './cafe-bakery.js';
import { GENERIC } from './generic.js';
import { HEALTHCARE } from './healthcare.js';
import { HOME_SERVICES } from './home-services.js';
import { HOTEL } from './hotel.js';
import { RESTAURANT } from './restaurant.js';
import { RETAIL_ECOMMERCE } from './retail-ecommerce.js';
import { TOPIC_LANGUAGES, toTopic, type TopicLanguage, type TopicPhrase, type TopicSpec } from './types.js';

export { TOPIC_LANGUAGES, type TopicLanguage, type TopicPhrase, type TopicSpec } from './types.js';

/** The industries a business can name in `business.industry`; each picks a taxonomy and its reply wording. */
export const INDUSTRIES = [
  'restaurant',
  'cafe_bakery',
  'hotel',
  'retail_ecommerce',
  'app_software',
  'bank_fintech',
  'home_services',
  'healthcare',
  'generic',
] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const DEFAULT_INDUSTRY: Industry = 'generic';

/**
 * Whether customers come back to the business as a visit, so a reply may look forward to the next one: not to a
 * bank, an app, a tradesman or a clinic ("Hope to see you again soon!" to a patient). Generic keeps the visit.
 */
export function customersVisit(industry: Industry | undefined): boolean {
  return industry !== 'app_software' && industry !== 'bank_fintech' && industry !== 'home_services' && industry !== 'healthcare';
}

/** Each industry's topics, in the order verdicts list them. */
export const INDUSTRY_TOPICS: Readonly<Record<Industry, readonly TopicSpec[]>> = Object.freeze({
  restaurant: RESTAURANT,
  cafe_bakery: CAFE_BAKERY,
  hotel: HOTEL,
  retail_ecommerce: RETAIL_ECOMMERCE,
  app_software: APP_SOFTWARE,
  bank_fintech: BANK_FINTECH,
  home_services: HOME_SERVICES,
  healthcare: HEALTHCARE,
  generic: GENERIC,
});

const taxonomies = new Map<Industry, readonly Topic[]>();

/** The classifier's taxonomy for an industry: every language's keywords per topic (built once, frozen). */
export function taxonomyFor(industry: Industry = DEFAULT_INDUSTRY): readonly Topic[] {
  let t = taxonomies.get(industry);
  if (!t) taxonomies.set(industry, (t = Object.freeze(INDUSTRY_TOPICS[industry].map((s) => Object.freeze(toTopic(s))))));
  return t;
}

const isTopicLanguage = (l: string): l is TopicLanguage => (TOPIC_LANGUAGES as readonly string[]).includes(l);

/**
 * How a reply in `language` names topic `id` for this industry; the generic taxonomy's wording for a topic
 * the industry does not have; undefined for a topic no built-in taxonomy knows (a configured one) or an
 * unsupported language.
 */
export function topicPhraseFor(industry: Industry | undefined, language: string, id: string, form: keyof TopicPhrase): string | undefined {
  const lang = baseLanguage(language);
  if (!isTopicLanguage(lang)) return undefined;
  const spec = INDUSTRY_TOPICS[industry ?? DEFAULT_INDUSTRY].find((s) => s.id === id) ?? findAnywhere(id);
  const pair = spec?.phrases[lang];
  return pair ? pair[form === 'long' ? 0 : 1] : undefined;
}

function findAnywhere(id: string): TopicSpec | undefined {
  for (const industry of [DEFAULT_INDUSTRY, ...INDUSTRIES]) {
    const spec = INDUSTRY_TOPICS[industry].find((s) => s.id === id);
    if (spec) return spec;
  }
  return undefined;
}
