import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import en from './templates/en.json' with { type: 'json' };

// Template sets are data: a language is one JSON file. Built-in sets are imported (so the build copies them
// and no path has to be guessed at run time); a deployment adds more with `drafting.templatesDir`.

const tonedLines = z.strictObject({ friendly: z.array(z.string().min(1)).min(1), formal: z.array(z.string().min(1)).min(1) });

export const PART_NAMES = [
  'greeting',
  'greetingNoName',
  'ackIssue',
  'ackClause',
  'ackGeneric',
  'thanks',
  'thanksShort',
  'apology',
  'apologyShort',
  'reassure',
  'contact',
  'contactShort',
  'escalateNamed',
  'escalate',
  'escalateShort',
  'signoff',
  'followUpOpen',
  'followUpChange',
  'followUpThanks',
  'followUpInvite',
  'followUpAbout',
  'followUpAboutGeneric',
  'updatePrefix',
] as const;
export type PartName = (typeof PART_NAMES)[number];

const validRegex = z.string().refine((s) => {
  try {
    new RegExp(s, 'iu');
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression');

export const templateSetSchema = z.strictObject({
  language: z.string().min(2),
  parts: z.strictObject(Object.fromEntries(PART_NAMES.map((p) => [p, tonedLines])) as Record<PartName, typeof tonedLines>),
  contactPhrase: z.strictObject({ email: z.array(z.string()).min(1), phone: z.array(z.string()).min(1), both: z.array(z.string()).min(1) }),
  contactShort: z.strictObject({ email: z.string(), phone: z.string() }),
  whomUnnamed: z.strictObject({ friendly: z.string(), formal: z.string() }),
  topics: z.record(z.string(), z.strictObject({ long: z.string(), short: z.string() })),
  unknownTopic: z.string(),
  listAnd: z.string(),
  /** Regexes (case-insensitive) that recognise thanks and apology in this language, for the guardrails. */
  markers: z.strictObject({ thanks: validRegex, apology: validRegex }),
});
export type TemplateSet = z.output<typeof templateSetSchema>;
export type Tone = 'friendly' | 'formal';

const builtIn = new Map<string, TemplateSet>([['en', templateSetSchema.parse(en)]]);
const loadedDirs = new Map<string, Map<string, TemplateSet>>();

/** Reads every `<language>.json` in `dir`; a malformed file throws naming the file and the bad field. */
export function loadTemplateDir(dir: string): Map<string, TemplateSet> {
  const cached = loadedDirs.get(dir);
  if (cached) return cached;
  const sets = new Map<string, TemplateSet>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const full = path.join(dir, file);
    const result = templateSetSchema.safeParse(JSON.parse(readFileSync(full, 'utf8')));
    if (!result.success) {
      throw new Error(`Invalid template set ${full}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    sets.set(result.data.language.toLowerCase(), result.data);
  }
  loadedDirs.set(dir, sets);
  return sets;
}

/** The template set for a language (`en-GB` → `en`), from `templatesDir` first, else built in, else English. */
export function templateSetFor(language: string | undefined, templatesDir?: string): TemplateSet {
  const extra = templatesDir ? loadTemplateDir(templatesDir) : undefined;
  const wanted = (language ?? 'en').toLowerCase();
  for (const code of [wanted, wanted.split(/[-_]/)[0] ?? wanted]) {
    const set = extra?.get(code) ?? builtIn.get(code);
    if (set) return set;
  }
  return builtIn.get('en') as TemplateSet;
}

/** Languages with a template set (built in plus `templatesDir`). */
export function templateLanguages(templatesDir?: string): string[] {
  return [...new Set([...builtIn.keys(), ...(templatesDir ? loadTemplateDir(templatesDir).keys() : [])])];
}
