import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One labelled text: `negative` is the class the classifier must find. */
export interface LabelledText {
  text: string;
  title?: string | undefined;
  rating?: number | undefined;
  negative: boolean;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Root of the shared data: `REVIEW_DATA_DIR`, else `../shared/data` beside the repo. */
export function dataDir(): string {
  return process.env.REVIEW_DATA_DIR ? resolve(process.env.REVIEW_DATA_DIR) : resolve(repoRoot, '..', 'shared', 'data');
}

/**
 * The labelled English sets `npm run eval` needs that are not where it looks (under `dir`), as paths: a
 * checkout without ../shared/data (or a wrong REVIEW_DATA_DIR) gets a list of what is missing, not a stack trace.
 */
export function missingEvalData(dir = dataDir()): string[] {
  return Object.values(EVAL_SETS)
    .map((file) => join(dir, 'eval', file))
    .filter((file) => !existsSync(file));
}

/** The evaluation sets, by short name. */
export const EVAL_SETS = { yelp: 'yelp_labelled.txt', amazon: 'amazon_cells_labelled.txt', imdb: 'imdb_labelled.txt' } as const;
export type EvalSetName = keyof typeof EVAL_SETS;

/**
 * Reads a "sentence TAB label" file. Split on `\n` only: the IMDB file carries a U+0085 (NEL)
 * inside a line, which `split(/\r?\n|\u0085/)`-style or readline splitting would break in two.
 */
export function loadEvalSet(name: EvalSetName, dir = dataDir()): LabelledText[] {
  const raw = readFileSync(join(dir, 'eval', EVAL_SETS[name]), 'utf8');
  const out: LabelledText[] = [];
  for (const line of raw.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const label = line.slice(tab + 1).trim();
    if (label !== '0' && label !== '1') continue;
    // Some lines have spaces before the TAB: trim them off the sentence.
    out.push({ text: line.slice(0, tab).trim(), negative: label === '0' });
  }
  return out;
}

/** The Blitzer books/DVD reviews, the only labelled data the classifier may be trained on. */
export function loadTrainSet(dir = dataDir()): (LabelledText & { domain: string })[] {
  const raw = readFileSync(join(dir, 'train', 'blitzer_books_dvd.jsonl'), 'utf8');
  const out: (LabelledText & { domain: string })[] = [];
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { domain: string; rating: number; title: string; text: string; negative: boolean | number };
    out.push({ domain: r.domain, rating: r.rating, title: r.title, text: r.text, negative: r.negative === true || r.negative === 1 });
  }
  return out;
}

/**
 * Root of the multilingual data (dev sets per language, app-store reviews): `REVIEW_LANG_DATA_DIR`,
 * else `lang/` under the shared data. Built by scripts/prepare-lang-data.ts from the sources in
 * data/MANIFEST.md; not shipped in the repo (their licences do not allow it).
 */
export function langDataDir(): string {
  return process.env.REVIEW_LANG_DATA_DIR ? resolve(process.env.REVIEW_LANG_DATA_DIR) : join(dataDir(), 'lang');
}

/** The languages with a dev set, besides English (whose sets are EVAL_SETS). */
export const DEV_LANGUAGES = ['de', 'fr', 'es', 'nl', 'it', 'pt'] as const;

/**
 * Further dev sets of those languages, by file name (`dev/<name>.jsonl`) and language: another kind of review
 * than the language's main set (Brazilian online-shop reviews beside Portuguese book reviews).
 */
export const EXTRA_DEV_SETS: Readonly<Record<string, (typeof DEV_LANGUAGES)[number]>> = { 'pt-shop': 'pt' };

/** A JSON Lines file of `{text, negative, rating?}`, or undefined when it is not there. */
export function loadJsonl(file: string): LabelledText[] | undefined {
  if (!existsSync(file)) return undefined;
  const out: LabelledText[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { text: string; title?: string; rating?: number; negative: boolean };
    out.push({ text: r.text, title: r.title, rating: r.rating, negative: r.negative === true });
  }
  return out;
}

/** A language's dev set (`dev/<code>.jsonl`), or undefined when it is missing. */
export function loadDevSet(code: string, dir = langDataDir()): LabelledText[] | undefined {
  return loadJsonl(join(dir, 'dev', `${code}.jsonl`));
}

/**
 * The app-store sets, text only and labelled by stars, by file name (`<name>.jsonl`): reviews of bank apps and of
 * shopping apps, scored apart so that each kind's figure shows.
 */
export const APP_STORE_SETS = { appstore: 'bank apps', 'appstore-shop': 'shopping apps' } as const;
export type AppStoreSetName = keyof typeof APP_STORE_SETS;

/** One app-store set (`appstore.jsonl`: bank apps, `appstore-shop.jsonl`: shopping apps), or undefined. */
export function loadAppStoreSet(name: AppStoreSetName = 'appstore', dir = langDataDir()): LabelledText[] | undefined {
  return loadJsonl(join(dir, `${name}.jsonl`));
}
