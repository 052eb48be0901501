import { rmSync } from 'node:fs';
import { FIGURES_FILE } from './harness.js';

/** Each fault-suite run starts a fresh figures file. */
export function setup(): void {
  rmSync(FIGURES_FILE, { force: true });
}
