/**
 * npm run eval:language
 * Language detection on short real reviews: the classifier's detector (stop words, then the judged
 * languages' lexicons, then eld) beside eld alone, per language, with the CPU time per review.
 * Texts: the English eval sentences (yelp, amazon) and each language's dev set under
 * $REVIEW_LANG_DATA_DIR (a language without one is reported missing). Other detectors (tinyld,
 * franc-min) are measured too when installed (they are not dependencies: see src/classify/README.md).
 */
import { eld } from 'eld/small';
import { classify } from '../src/classify/index.js';
import { DEV_LANGUAGES, langDataDir, loadDevSet, loadEvalSet } from './lib/data.js';

type Detector = (text: string) => string;

const ISO3: Record<string, string> = { eng: 'en', deu: 'de', fra: 'fr', spa: 'es', nld: 'nl', ita: 'it', por: 'pt' };

async function optional(name: string): Promise<Detector | undefined> {
  try {
    if (name === 'tinyld') {
      const m = (await import(name)) as { detect(t: string): string };
      return (t) => m.detect(t);
    }
    const m = (await import(name)) as { franc(t: string, o: { minLength: number }): string };
    return (t) => ISO3[m.franc(t, { minLength: 1 })] ?? 'und';
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const sets: Record<string, string[]> = {
    en: [...loadEvalSet('yelp'), ...loadEvalSet('amazon')].map((r) => r.text),
  };
  const missing: string[] = [];
  for (const code of DEV_LANGUAGES) {
    const dev = loadDevSet(code);
    if (dev) sets[code] = dev.map((r) => r.text);
    else missing.push(code);
  }
  const detectors: Record<string, Detector> = {
    classifier: (t) => classify({ text: t }).language,
    'eld (small)': (t) => eld.detect(t).language || 'und',
  };
  for (const name of ['tinyld', 'franc-min']) {
    const d = await optional(name);
    if (d) detectors[name] = d;
  }
  const all = Object.values(sets).flat();
  console.log(`accuracy per language (share of its texts detected as that language); CPU µs per review over all ${all.length} texts`);
  for (const [name, detect] of Object.entries(detectors)) {
    const cells: string[] = [];
    let right = 0;
    for (const [code, texts] of Object.entries(sets)) {
      let ok = 0;
      for (const t of texts) if (detect(t) === code) ok++;
      right += ok;
      cells.push(`${code} ${(ok / texts.length).toFixed(3)}`);
    }
    for (let i = 0; i < 2000; i++) detect(all[i % all.length]!);
    const cpu = process.cpuUsage();
    for (const t of all) detect(t);
    const used = process.cpuUsage(cpu);
    const us = (used.user + used.system) / all.length;
    console.log(`${name.padEnd(12)} ${cells.join('  ')}  all ${(right / all.length).toFixed(3)}  ${us.toFixed(1)} µs/review`);
  }
  console.log('(the classifier row is the whole classification, detection included)');
  if (missing.length > 0) console.log(`no dev set for ${missing.join(', ')} (looked in ${langDataDir()}/dev/)`);
}

await main();
