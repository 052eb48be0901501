/**
 * Golden output of the classifier: every verdict for a fixed, varied corpus (the Blitzer train
 * reviews whole and cut to 60 words, with and without title and rating; the three eval sets with
 * no rating and with ratings 1–5; hand-written edge cases). Speed work must not change one verdict.
 *
 *   npx tsx test/classify/golden-verdicts.ts            prints the hash (compare with golden-verdicts.sha256)
 *   npx tsx test/classify/golden-verdicts.ts --write    writes the hash file
 *   npx tsx test/classify/golden-verdicts.ts --dump=F   writes every verdict as JSON lines to F (to diff)
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify, createClassifier, DEFAULT_TAXONOMY } from '../../src/classify/index.js';
import type { ClassifyInput, Verdict } from '../../src/domain/verdict.js';
import { EVAL_SETS, loadEvalSet, loadTrainSet, type EvalSetName } from '../../scripts/lib/data.js';

export const HASH_FILE = join(dirname(fileURLToPath(import.meta.url)), 'golden-verdicts.sha256');

const EDGE_CASES: string[] = [
  '', '   ', '!!!', '5', '😡', ':(', 'xD', 'XD lol', '<3 <3', '(: nice', '): bad', 'Great:)', 'Terrible!', 'Great app',
  "I DON'T like it!!! :( 😡 <3", 'Sooo goood, waited 4.5 hours', '(8 pieces) at 10:30, see http://example.com',
  'THE FOOD WAS AWFUL AND THE STAFF WERE RUDE', 'Great, it crashes. Thanks for nothing.', 'Oh great, another update that breaks everything',
  "Couldn't be happier with it", 'could not have been easier', 'never had such bland food', 'The room was nice but the staff were rude.',
  'Although the food was good, the service was terrible.', 'We waited 40 minutes, it doesnt work, no refunds, it took them forever',
  'not a scam at all', 'no food poisoning here', 'I got food poisoning and will call my lawyer', 'They sold my data without my consent',
  'El servicio fue muy malo y la comida también', "Le service était très lent et je n'ai pas aimé", 'Das Essen war nicht gut, sehr schlecht',
  'Очень плохой сервис', '非常糟糕的服务', 'とても悪い', '아주 나쁜 서비스', 'Il cibo non era buono, molto male', 'Não gostei, muito ruim',
  'Het eten was niet goed', 'Det var inte bra', 'Nie polecam, bardzo zły', 'Hiç iyi değil, çok kötü',
  'really very good', 'a bit slow', 'was extremely bad', 'will be back!!', 'stopped working after 2 days ?!', 'Café crème: très bon… ',
  'naïve résumé – über', "It's the worst — don't buy", 'check-in was slow; room 101 was dirty', 'Refunds? Refunded! refund', '💩💩💩 👍',
  'Customer service hung up on me. Never heard back.', 'Fire hazard!!! caught fire', 'The app keeps crashing and freezing',
  'Das Essen schmeckte uns nicht, aber die Bedienung war nett.', 'Ich habe eine Lebensmittelvergiftung bekommen, mein Anwalt meldet sich.',
  "C'est une arnaque, je vais porter plainte.", 'El personal fue amable pero la habitación estaba sucia.',
  'De loodgieter kwam te laat en het lek is nog steeds niet opgelost.', 'Non è una truffa, tutto perfetto.',
  'O aplicativo trava toda hora e o atendimento é péssimo.', 'ვაი, ცუდი სერვისი', 'The food was great but el servicio fue muy lento',
];

/** The inputs: a name for each (to point at a difference) and the input itself. */
export function goldenInputs(): [string, ClassifyInput][] {
  const out: [string, ClassifyInput][] = [];
  loadTrainSet().forEach((r, i) => {
    out.push([`train${i}`, { title: r.title, text: r.text, rating: r.rating }]);
    out.push([`train${i}:text`, { text: r.text }]);
    const short = r.text.split(/\s+/).slice(0, 60).join(' ');
    out.push([`train${i}:60`, { title: r.title, text: short }]);
    out.push([`train${i}:60r${(i % 5) + 1}`, { text: short, rating: (i % 5) + 1 }]);
  });
  for (const set of Object.keys(EVAL_SETS) as EvalSetName[]) {
    loadEvalSet(set).forEach((r, i) => {
      out.push([`${set}${i}`, { text: r.text }]);
      out.push([`${set}${i}:r${(i % 5) + 1}`, { text: r.text, rating: (i % 5) + 1 }]);
      if (i % 10 === 0) out.push([`${set}${i}:upper`, { text: r.text.toUpperCase(), title: 'Review' }]);
    });
  }
  EDGE_CASES.forEach((text, i) => {
    for (const rating of [undefined, 1, 3, 4, 5]) out.push([`edge${i}:r${rating ?? '-'}`, { text, rating }]);
    out.push([`edge${i}:fr`, { text, language: 'fr' }]);
    out.push([`edge${i}:title`, { text, title: 'Awful!' }]);
  });
  return out;
}

/** Every verdict, one JSON line each; the default classifier and one with config (taxonomy, rules, threshold). */
export function goldenLines(): string[] {
  const configured = createClassifier({
    taxonomy: [...DEFAULT_TAXONOMY, { id: 'parking', label: 'Parking', keywords: ['parking', 'car park', 'parked *', 'valet*'] }],
    criticalRules: [{ id: 'pets', label: 'pets', patterns: ['my dog', 'dog* bit*'] }],
    clearComplaintLogit: 1,
  });
  const lines: string[] = [];
  const inputs = goldenInputs();
  for (const [name, input] of inputs) lines.push(line(name, classify(input)));
  for (const [name, input] of inputs.filter((_, i) => i % 3 === 0)) lines.push(line(`cfg:${name}`, configured.classify(input)));
  return lines;
}

function line(name: string, v: Verdict): string {
  return JSON.stringify([name, v.negative, v.score, v.severity, v.topics, v.reasons, v.language]);
}

export function goldenHash(lines: readonly string[] = goldenLines()): string {
  const h = createHash('sha256');
  for (const l of lines) h.update(l + '\n');
  return h.digest('hex');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const lines = goldenLines();
  const hash = goldenHash(lines);
  const dump = process.argv.find((a) => a.startsWith('--dump='));
  if (dump) writeFileSync(dump.slice('--dump='.length), lines.join('\n') + '\n');
  if (process.argv.includes('--write')) writeFileSync(HASH_FILE, hash + '\n');
  const expected = readFileSync(HASH_FILE, 'utf8').trim();
  console.log(`${lines.length} verdicts, sha256 ${hash} ${hash === expected ? 'matches' : 'DIFFERS from'} ${expected}`);
}
