import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../src/sources/errors.js';
import { parseRss } from '../src/sources/rss.js';
import { fixture, fixturePath } from './helpers/fixtures.js';

interface Manifest {
  source: string;
  commit: string;
  licence: string;
  files: { file: string; sha256: string; kind: 'feed' | 'not-a-feed' }[];
}
const DIR = 'rss/real-world';
const manifest = JSON.parse(fixture(`${DIR}/manifest.json`)) as Manifest;
const feeds = manifest.files.filter((f) => f.kind === 'feed');
// rss-parser itself, told to read a version-less <rss> as 2.0: the reference for how many items a feed has.
const reference = new Parser({ defaultRSS: 2.0 });

describe("real-world feeds (rss-parser's test inputs)", () => {
  it('the manifest names the source, commit and licence of every file, unchanged', () => {
    expect(manifest).toMatchObject({ source: 'https://github.com/rbren/rss-parser', commit: expect.stringMatching(/^[0-9a-f]{40}$/), licence: expect.stringMatching(/^MIT/) });
    const onDisk = readdirSync(fixturePath(DIR)).filter((f) => f !== 'manifest.json' && !f.startsWith('LICENSE'));
    expect(manifest.files.map((f) => f.file).sort()).toEqual(onDisk.sort());
    for (const f of manifest.files) expect(createHash('sha256').update(readFileSync(fixturePath(`${DIR}/${f.file}`))).digest('hex'), f.file).toBe(f.sha256);
    expect(readFileSync(fixturePath(`${DIR}/LICENSE.rss-parser`), 'utf8')).toMatch(/^MIT License/);
  });

  it.each(feeds.map((f) => f.file))('%s parses, one review per item that has a title or text', async (file) => {
    const xml = fixture(`${DIR}/${file}`);
    const reviews = await parseRss(xml);
    const items = (await reference.parseString(xml)).items.filter((i) => [i.title, i.contentSnippet, i.summary, i.content].some((v) => typeof v === 'string' && v.trim() !== ''));
    expect(reviews).toHaveLength(items.length);
    for (const r of reviews) expect(r.text.length + (r.title?.length ?? 0)).toBeGreaterThan(0);
  });

  it('reads an <rss> root without a version attribute as RSS 2.0 (uolNoticias.rss)', async () => {
    const reviews = await parseRss(fixture(`${DIR}/uolNoticias.rss`));
    expect(reviews.length).toBeGreaterThan(0);
    expect(reviews[0]?.url).toMatch(/^https?:\/\/noticias\.uol\.com\.br\//);
  });

  it('refuses what is not a feed', async () => {
    for (const f of manifest.files.filter((x) => x.kind === 'not-a-feed')) await expect(parseRss(fixture(`${DIR}/${f.file}`))).rejects.toThrow(ParseError);
  });
});
