import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEvalSet } from '../../scripts/lib/data.js';
import { score } from '../../scripts/eval.js';

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
