/**
 * The classifier on each language's tuning set (`$REVIEW_LANG_DATA_DIR/tune/<code>.jsonl`, see
 * scripts/prepare-lang-data.ts): F1 per set and, with `--errors N`, N missed complaints and N false alarms
 * of one set with the reasons given. Word lists may be checked against these sets, never against dev/.
 *
 *   npx tsx scripts/tune-errors.ts [--set de] [--errors 20]
 */
import { join } from 'node:path';
import { classify } from '../src/classify/index.js';
import { APP_STORE_SETS, DEV_LANGUAGES, EXTRA_DEV_SETS, langDataDir, loadJsonl } from './lib/data.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const only = arg('--set');
const errors = Number(arg('--errors') ?? 0);
for (const set of [...DEV_LANGUAGES, ...Object.keys(EXTRA_DEV_SETS), ...Object.keys(APP_STORE_SETS)]) {
  if (only && set !== only) continue;
  const data = loadJsonl(join(langDataDir(), 'tune', `${set}.jsonl`));
  if (!data) {
    console.log(`${set}: no tuning set`);
    continue;
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const missed: string[] = [];
  const alarms: string[] = [];
  for (const r of data) {
    const v = classify({ text: r.text });
    if (v.negative && r.negative) tp++;
    else if (v.negative) {
      fp++;
      alarms.push(`  ${v.score.toFixed(2)} ${r.text.slice(0, 220)}\n      ${v.reasons.slice(0, 3).join(' | ')}`);
    } else if (r.negative) {
      fn++;
      missed.push(`  ${v.score.toFixed(2)} [${v.language}] ${r.text.slice(0, 220)}\n      ${v.reasons.slice(0, 3).join(' | ')}`);
    }
  }
  const p = tp / (tp + fp);
  const rc = tp / (tp + fn);
  // The dev sets are balanced (250 + 250) and the tuning sets are not: F1 as it would be on a balanced set.
  const negatives = tp + fn;
  const fpr = fp / (data.length - negatives);
  const pb = rc / (rc + fpr);
  console.log(
    `${set}: F1 ${((2 * p * rc) / (p + rc)).toFixed(3)} P ${p.toFixed(3)} R ${rc.toFixed(3)} n ${data.length}; balanced F1 ${((2 * pb * rc) / (pb + rc)).toFixed(3)} (false alarms ${(fpr * 100).toFixed(1)}%)`,
  );
  if (errors > 0) console.log(`missed:\n${missed.slice(0, errors).join('\n')}\nfalse alarms:\n${alarms.slice(0, errors).join('\n')}`);
}
