import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEvalSet } from '../../scripts/lib/data.js';
import { judgedOnly, score } from '../../scripts/eval.js';
import { absitaSentences, playStoreReviews, split } from '../../scripts/prepare-lang-data.js';

const dir = mkdtempSync(join(tmpdir(), 'rm-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('eval data loading', () => {
  it('splits on \\n only (a U+0085 stays inside its line) and trims spaces before the TAB', () => {
    mkdirSync(join(dir, 'eval'), { recursive: true });
    writeFileSync(
      join(dir, 'eval', 'imdb_labelled.txt'),
      'Great film.\t1\nThe plot\u0085 made no sense.  \t0\r\nBoring.\t0\n',
    );
    const rows = loadEvalSet('imdb', dir);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual({ text: 'The plot\u0085 made no sense.', negative: true });
    expect(rows.map((r) => r.negative)).toEqual([false, true, true]);
  });
});

describe('the Italian dev set from ABSITA', () => {
  it('keeps a sentence whose aspects are all negative or all positive, and leaves out mixed, aspect-less and repeated ones', () => {
    const aspects = ['cleanliness', 'comfort', 'amenities', 'staff', 'value', 'wifi', 'location', 'other'];
    const header = ['sentence_id', ...aspects.flatMap((a) => [`${a}_presence`, `${a}_positive`, `${a}_negative`]), 'sentence'].map((c) => `"${c}"`).join(';');
    // Flags per aspect: presence, positive, negative.
    const row = (id: number, flags: Record<string, [number, number, number]>, sentence: string): string =>
      [id, ...aspects.flatMap((a) => flags[a] ?? [0, 0, 0]), `"${sentence}"`].join(';');
    const csv = [
      header,
      row(1, { comfort: [1, 0, 1] }, 'Camera mini'),
      row(2, { staff: [1, 1, 0], location: [1, 1, 0] }, 'Posizione ottima, staff gentile'),
      row(3, { comfort: [1, 0, 1], location: [1, 1, 0] }, 'Stanza piccola ma in centro'),
      row(4, { staff: [1, 1, 1] }, 'Personale a volte gentile'),
      row(5, {}, 'Siamo arrivati di sera'),
      row(6, { comfort: [1, 0, 1] }, 'Camera mini'),
    ].join('\n');
    expect(absitaSentences(csv).map((e) => [e.text, e.negative])).toEqual([
      ['Camera mini', true],
      ['Posizione ottima, staff gentile', false],
    ]);
  });
});

describe('the shopping-app set from Google Play CSVs', () => {
  it('reads google-play-scraper columns and a cleaned export\'s, labels by stars, and leaves out 3 stars, empty and repeated texts', () => {
    const scraper = [
      'reviewId,userName,userImage,content,score,thumbsUpCount,reviewCreatedVersion,at,replyContent,repliedAt,appVersion',
      'a1,A Google user,,"Orders never arrive, support is useless",1,3,,2025-01-07,,,',
      'a2,A Google user,,"Great app,\nfast delivery",5,0,,2025-01-07,,,',
      'a3,A Google user,,It is ok,3,0,,2025-01-07,,,',
      'a4,A Google user,,,1,0,,2025-01-07,,,',
      'a5,A Google user,,"Orders never arrive, support is useless",2,0,,2025-01-08,,,',
    ].join('\n');
    expect(playStoreReviews(scraper, 'amazon').map((e) => [e.text, e.negative])).toEqual([
      ['Orders never arrive, support is useless', true],
      ['Great app, fast delivery', false],
    ]);
    const cleaned = ['ReviewID,AppName,ReviewText,Rating', '1,AliExpress,Parcel lost twice,2', '2,Alibaba,Good prices,4'].join('\n');
    expect(playStoreReviews(cleaned, 'nebekisa').map((e) => [e.text, e.negative])).toEqual([
      ['Parcel lost twice', true],
      ['Good prices', false],
    ]);
    expect(() => playStoreReviews('id,body,stars\n1,x,1', 'odd')).toThrow(/odd: no review text \(content, ReviewText\) or stars/);
  });

  it('gives each file its share of the dev set', () => {
    const examples = Array.from({ length: 10 }, (_, i) => ({ text: `review ${i}`, negative: i % 2 === 0, source: 's' }));
    const { dev, tune } = split(examples, 2);
    expect(dev.filter((e) => e.negative)).toHaveLength(2);
    expect(dev.filter((e) => !e.negative)).toHaveLength(2);
    expect(tune).toHaveLength(6);
  });
});

describe('eval scoring', () => {
  it('computes precision, recall and F1 of the negative class', () => {
    const data = [
      { text: 'a', negative: true },
      { text: 'b', negative: true },
      { text: 'c', negative: false },
      { text: 'd', negative: false },
    ];
    // Flags a, c: one true positive, one false positive, one false negative.
    const s = score((t) => t === 'a' || t === 'c', data);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBe(0.5);
    expect(s.accuracy).toBe(0.5);
  });
});

describe('npm run eval without the data', () => {
  it('names the missing files and how to point at them, without a stack trace', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts'], { encoding: 'utf8', env: { ...process.env, REVIEW_DATA_DIR: join(dir, 'nowhere') }, timeout: 60_000 });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('the labelled review sets are missing');
    expect(res.stderr).toContain(join(dir, 'nowhere', 'eval', 'yelp_labelled.txt'));
    expect(res.stderr).toContain('REVIEW_DATA_DIR');
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the app-store sets scored on the reviews the text model judges', () => {
  it('leaves out a review in a language with no text model (it gets "not judged" by design) and keeps a short one the English model reads', () => {
    const rows = [
      { text: 'أسوأ شركة فاشلة', negative: true },
      { text: 'The app keeps crashing since the update', negative: true },
      { text: 'Die App stürzt ständig ab', negative: true },
      { text: '👍', negative: false },
    ];
    expect(judgedOnly(rows).map((r) => r.text)).toEqual(['The app keeps crashing since the update', 'Die App stürzt ständig ab', '👍']);
  });
});
