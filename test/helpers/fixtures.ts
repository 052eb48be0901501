import { readFileSync } from 'node:fs';

/** The text of a recorded response under test/fixtures/. */
export function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

/** Absolute path of a fixture file. */
export function fixturePath(path: string): string {
  return new URL(`../fixtures/${path}`, import.meta.url).pathname;
}
