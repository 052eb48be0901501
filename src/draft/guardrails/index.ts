import { baseLanguage } from '../../domain/language-code.js';
import { de } from './de.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pt } from './pt.js';
import type { LanguageGuardrails } from './types.js';

export { normaliseApostrophes, type LanguageGuardrails, type ProhibitionRule } from './types.js';

/** The languages the guardrails know beside English (whose rules live in ../guardrails.ts). */
const LANGUAGES: Record<string, LanguageGuardrails> = { de, es, fr, it, nl, pt };

/** A language's own rules; undefined for English and for languages without replies of their own. */
export function languageGuardrails(language: string | undefined): LanguageGuardrails | undefined {
  return language ? LANGUAGES[baseLanguage(language)] : undefined;
}
