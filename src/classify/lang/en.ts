import {
  BOOSTERS, COMPLAINT_PHRASES, CONCESSIVE_OPENERS, CONTRAST_AFTER, DEDUCTIONS, NEGATION_BREAKERS, NEGATORS, NEVER_INTENSIFIERS, PRAISE_PHRASES, SARCASM_PHRASES,
} from '../lexicon.js';
import type { LanguageRules } from './types.js';

/** English: the lists in lexicon.ts; its lexicon and critical rules are the model's and severity.ts's own. */
export const en: LanguageRules = {
  code: 'en',
  stopWords: ['the', 'and', 'is', 'was', 'it', 'this', 'that', 'with', 'for', 'of', 'to', 'my', 'you', 'are', 'were', 'have',
    'has', 'but', 'not', 'very', 'they', 'we', 'i', 'its', 'at', 'be', 'would', 'will', 'just', 'dont', 'been', 'from', 'what', 'so', 'there',
    'our', 'your', 'their', 'had', 'did', 'does', 'didnt', 'wasnt', 'an', 'on', 'in', 'me', 'us', 'them', 'all', 'about', 'after', 'when',
    'never', 'again', 'ever', 'really', 'only', 'because', 'which', 'who', 'could', 'no', 'me', 'he', 'plus', 'on'],
  negators: [...NEGATORS],
  negationBreakers: [...NEGATION_BREAKERS],
  // None: the English model learned its negation features with "and" inside the scope (tried: yelp 0.890 -> 0.889).
  coordinators: [],
  softeners: [],
  negationLooksBack: false,
  neverSo: { never: ['never'], so: [...NEVER_INTENSIFIERS] },
  reasonOpeners: ['because', 'cuz'],
  remedies: ['fixed', 'repaired', 'resolved', 'solved', 'sorted', 'mended', 'unblocked', 'patched', 'sealed'],
  disbelief: { verbs: ['believe', 'imagine', 'describe', 'express', 'explain', 'tell', 'say', 'stress', 'emphasize', 'emphasise'], openers: ['how', 'what'] },
  contrastAfter: [...CONTRAST_AFTER],
  concessiveOpeners: [...CONCESSIVE_OPENERS],
  boosters: [...BOOSTERS],
  // Checked against the shopping-app tuning set only (counts there, negative/positive reviews): words of contempt the
  // general lexicons lack or hold too mild ("trash" 80/0, "garbage" 87/0, "crooks", "scammed", "clunky"). VADER's
  // "amazon" (+0.7) stays: the model learned the word as a complaint's (books reviews), and the two cancel out;
  // taken out, "Amazon" alone read negative and the tuning set's false alarms rose from 17.0% to 18.0%.
  lexicon: [['trash', -2.5], ['garbage', -2.5], ['junk', -2.2], ['crook', -2.5], ['crooks', -2.5], ['scammed', -3],
    ['scammers', -3], ['clunky', -2]],
  complaintPhrases: COMPLAINT_PHRASES,
  praisePhrases: PRAISE_PHRASES,
  deductions: DEDUCTIONS,
  sarcasmOpeners: ['great', 'wonderful', 'perfect', 'brilliant', 'fantastic', 'awesome', 'lovely', 'excellent', 'amazing', 'terrific', 'superb', 'nice'],
  sarcasmPhrases: SARCASM_PHRASES,
  critical: {},
  inflections: () => [],
  // "Nothing special", "Average", "Meh", "No comment": so-so at 3 stars, not a complaint. No "not": "not ok" complains.
  lukewarm: ['ok', 'okay', 'okey', 'fine', 'alright', 'decent', 'average', 'meh', 'nothing', 'special', 'no', 'comment', 'comments',
    'it', 'its', 'was', 'is', 'i', 'guess', 'pretty', 'overall'],
};
