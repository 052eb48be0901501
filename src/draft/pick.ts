// Deterministic choice: the same review always gets the same draft, different reviews get different
// phrasings. FNV-1a is enough here (no security need) and is stable across Node versions and machines.

/** 32-bit FNV-1a hash of a string. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // A final avalanche step: FNV's low bits vary little for inputs that differ only at the end.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** One element of `options`, chosen by seed and salt (a salt per slot keeps the slots independent). */
export function pick<T>(options: readonly T[], seed: string, salt: string): T {
  if (options.length === 0) throw new Error(`pick: no options for ${salt}`);
  return options[hash32(`${seed}|${salt}`) % options.length] as T;
}

/**
 * Expands inline alternatives `[a|b|c]` (each group chosen independently), so one template line yields
 * many phrasings. `[|x]` means "x or nothing".
 */
export function expandAlternatives(template: string, seed: string, salt: string): string {
  let i = 0;
  return template.replace(/\[([^[\]]*)\]/g, (_m, body: string) => pick(body.split('|'), seed, `${salt}#${i++}`));
}

/** Fills `{slot}` placeholders; a missing slot throws, so a template can never leak a raw placeholder. */
export function fillSlots(template: string, slots: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const v = slots[key];
    if (v === undefined) throw new Error(`template slot {${key}} has no value`);
    return v;
  });
}

/** Slot names a template uses, so callers can choose only templates whose slots they can fill. */
export function slotsOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}
