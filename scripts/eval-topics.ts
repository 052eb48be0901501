/**
 * Topic tagging on the labelled sets in data/topics/<industry>.jsonl (hand-written reviews, see data/MANIFEST.md):
 * micro precision and recall of the topic ids per industry, per language and overall, each industry's reviews
 * tagged with that industry's taxonomy; beside them the side sets' (SIDE_SETS: two held-out sets and the probes).
 * Run by `npm run eval` (scripts/eval.ts), or alone:
 *   npx tsx scripts/eval-topics.ts [--json] [--errors]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier, INDUSTRIES, taxonomyFor, type Industry } from '../src/classify/index.js';

export const TOPIC_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'topics');
/** Written after the keywords were last changed on the main set's misses, and never tuned on. */
export const TOPIC_HOLDOUT_DIR = join(TOPIC_DATA_DIR, 'holdout');
/** A second held-out set (207 reviews, 18 of them praise), written by another helper session after the probes' keywords. */
export const TOPIC_HOLDOUT2_DIR = join(TOPIC_DATA_DIR, 'holdout-2');
/**
 * Everyday complaints written by a helper session to find what the keywords miss (266, 2026-12-04): keywords were then
 * added from its misses, so it measures coverage of what was found, not an unseen set.
 */
export const TOPIC_PROBES_DIR = join(TOPIC_DATA_DIR, 'probes');
/**
 * A second probe set (369 everyday complaints, 2026-12-04, written without reading the keywords), whose misses
 * keywords were then added for: like the first, a measure of what was found, not an unseen set.
 */
export const TOPIC_PROBES2_DIR = join(TOPIC_DATA_DIR, 'probes-2');

/**
 * The sets scored beside the main one, in table order: one list, so the table's columns, the error listing and
 * `npm run eval`'s JSON cannot drift apart when a set is added.
 */
export const SIDE_SETS = [
  {
    key: 'heldOut',
    label: 'held-out',
    dir: TOPIC_HOLDOUT_DIR,
    // Its reviews are spread too thinly over the languages for a per-language figure to mean anything.
    perLanguage: false,
    about: 'data/topics/holdout, 12 reviews per industry written after the second keyword round, never tuned on',
  },
  {
    key: 'heldOut2',
    label: 'held-out 2',
    dir: TOPIC_HOLDOUT2_DIR,
    perLanguage: true,
    about: 'data/topics/holdout-2, 23 per industry (2 of them praise) written after the third, never tuned on',
  },
  {
    key: 'probes',
    label: 'probes',
    dir: TOPIC_PROBES_DIR,
    perLanguage: true,
    about: 'data/topics/probes, 266 everyday complaints in the seven languages, whose misses keywords were added for',
  },
  {
    key: 'probes2',
    label: 'probes 2',
    dir: TOPIC_PROBES2_DIR,
    perLanguage: true,
    about: 'data/topics/probes-2, 369 more (41 per industry), written after holdout-2; keywords added for its misses',
  },
] as const;

export type SideSetKey = (typeof SIDE_SETS)[number]['key'];

/** One labelled review: its language and the topic ids a reader would tag it with. */
export interface TopicCase {
  lang: string;
  text: string;
  topics: string[];
}

/** Micro-averaged over (review, topic) pairs. */
export interface TopicScores {
  precision: number;
  recall: number;
  f1: number;
  /** Share of reviews whose tagged topics are exactly the expected ones. */
  exact: number;
  n: number;
}

export interface TopicSetScores {
  byIndustry: Record<Industry, TopicScores>;
  byLanguage: Record<string, TopicScores>;
  overall: TopicScores;
  /** Reviews tagged differently from their labels. */
  errors: { industry: Industry; text: string; expected: string[]; got: string[] }[];
}

/** The main labelled set's scores, and each side set's under its key. */
export type TopicEval = TopicSetScores & Record<SideSetKey, TopicSetScores>;

/** Reads one industry's set; a label the industry's taxonomy does not have is an error naming file and line. */
export function loadTopicSet(industry: Industry, dir = TOPIC_DATA_DIR): TopicCase[] {
  const file = join(dir, `${industry}.jsonl`);
  const known = new Set(taxonomyFor(industry).map((t) => t.id));
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      const c = JSON.parse(line) as TopicCase;
      const unknown = c.topics.filter((t) => !known.has(t));
      if (unknown.length > 0) throw new Error(`${file}:${i + 1}: topic ${unknown.join(', ')} is not in the ${industry} taxonomy`);
      return [c];
    });
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  exact: number;
  n: number;
}

const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0, exact: 0, n: 0 });

function scores(c: Counts): TopicScores {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, exact: c.n === 0 ? 0 : c.exact / c.n, n: c.n };
}

/** Scores the main labelled set and every side set. */
export function runTopicEval(dir = TOPIC_DATA_DIR): TopicEval {
  const sides = Object.fromEntries(SIDE_SETS.map((set) => [set.key, scoreTopicSets(set.dir)])) as Record<SideSetKey, TopicSetScores>;
  return { ...scoreTopicSets(dir), ...sides };
}

/** The scores without the misread reviews, main and side sets alike: what `npm run eval --json` keeps. */
export function withoutErrors(e: TopicEval): Omit<TopicEval, 'errors'> {
  const { errors: _, ...main } = e;
  const sides = Object.fromEntries(SIDE_SETS.map(({ key }) => [key, { ...e[key], errors: undefined }]));
  return { ...main, ...sides } as Omit<TopicEval, 'errors'>;
}

/** Tags every labelled review of a folder of sets with its industry's taxonomy and scores the result. */
export function scoreTopicSets(dir: string): TopicSetScores {
  const byIndustry = {} as Record<Industry, Counts>;
  const byLanguage: Record<string, Counts> = {};
  const overall = empty();
  const errors: TopicEval['errors'] = [];
  for (const industry of INDUSTRIES) {
    const classifier = createClassifier({ taxonomy: taxonomyFor(industry) });
    const counts = (byIndustry[industry] = empty());
    for (const c of loadTopicSet(industry, dir)) {
      const got = classifier.classify({ text: c.text }).topics;
      const tp = got.filter((t) => c.topics.includes(t)).length;
      const exact = tp === got.length && tp === c.topics.length ? 1 : 0;
      for (const k of [counts, (byLanguage[c.lang] ??= empty()), overall]) {
        k.tp += tp;
        k.fp += got.length - tp;
        k.fn += c.topics.length - tp;
        k.exact += exact;
        k.n++;
      }
      if (!exact) errors.push({ industry, text: c.text, expected: c.topics, got });
    }
  }
  const map = <K extends string>(o: Record<K, Counts>): Record<K, TopicScores> =>
    Object.fromEntries(Object.entries<Counts>(o).map(([k, v]) => [k, scores(v)])) as Record<K, TopicScores>;
  return { byIndustry: map(byIndustry), byLanguage: map(byLanguage), overall: scores(overall), errors };
}

const f = (x: number): string => x.toFixed(3);

/** The topic table `npm run eval` prints after the flagging one. */
export function printTopicEval(e: TopicEval, showErrors = false): void {
  const rows = [['topics', 'precision', 'recall', 'F1', 'exact', 'n', ...SIDE_SETS.flatMap((set) => [`${set.label} P`, 'R', 'n'])]];
  const beside = (set: (typeof SIDE_SETS)[number], name: string): string[] => {
    const scores = e[set.key];
    const h =
      name === 'overall'
        ? scores.overall
        : name in e.byIndustry
          ? (scores.byIndustry as Record<string, TopicScores>)[name]
          : set.perLanguage
            ? scores.byLanguage[name]
            : undefined;
    return h ? [f(h.precision), f(h.recall), String(h.n)] : ['', '', ''];
  };
  for (const [name, s] of [...Object.entries(e.byIndustry), ...Object.entries(e.byLanguage).sort(), ['overall', e.overall] as const]) {
    rows.push([name, f(s.precision), f(s.recall), f(s.f1), f(s.exact), String(s.n), ...SIDE_SETS.flatMap((set) => beside(set, name))]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log('');
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log('Topic tagging, text only, each industry with its own taxonomy; micro precision/recall over (review, topic)');
  console.log('pairs; "exact" = reviews tagged with exactly the labelled topics. Data: data/topics (data/MANIFEST.md);');
  for (const [i, set] of SIDE_SETS.entries()) console.log(`${set.label}: ${set.about}${i === SIDE_SETS.length - 1 ? '.' : ';'}`);
  if (showErrors) {
    const marked = SIDE_SETS.flatMap((set) => e[set.key].errors.map((x) => ({ ...x, industry: `${x.industry} (${set.label})` })));
    for (const x of [...e.errors, ...marked]) console.log(`${x.industry}: expected [${x.expected.join(', ')}] got [${x.got.join(', ')}]  ${x.text}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const e = runTopicEval();
  if (process.argv.includes('--json')) console.log(JSON.stringify(e, null, 2));
  else printTopicEval(e, process.argv.includes('--errors'));
}
