import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pt } from './pt.js';
import type { LanguageRules } from './types.js';

export type { LanguageRules } from './types.js';

/** The languages whose text is judged, by ISO 639-1 code; English first. */
export const LANGUAGE_RULES: Readonly<Record<string, LanguageRules>> = { en, de, fr, es, nl, it, pt };
