// Deterministic choice: the same review always gets the same draft, different reviews get different
// phrasings. FNV-1a is enough here (no security need) and is stable across Node versions and machines.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a state after hashing `s`, starting from `h`. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/** A final avalanche step: FNV's low bits vary little for inputs that differ only at the end. */
function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** 32-bit FNV-1a hash of a string. */
export function hash32(s: string): number {
  return avalanche(fnv(FNV_OFFSET, s));
}

// Every choice of a draft hashes `${seed}|${salt}` with the same seed: FNV is a left-to-right fold, so the
// state after `${seed}|` is kept and only the salt is hashed per choice.
let lastSeed: string | undefined;
let lastSeedState = 0;
function seedState(seed: string): number {
  if (seed !== lastSeed) {
    lastSeedState = fnv(FNV_OFFSET, `${seed}|`);
    lastSeed = seed;
  }
  return lastSeedState;
}

/** `hash32(`${seed}|${salt}`)`. */
function seededHash(seed: string, salt: string): number {
  return avalanche(fnv(seedState(seed), salt));
}

/** One element of `options`, chosen by seed and salt (a salt per slot keeps the slots independent). */
export function pick<T>(options: readonly T[], seed: string, salt: string): T {
  if (options.length === 0) throw new Error(`pick: no options for ${salt}`);
  return options[seededHash(seed, salt) % options.length] as T;
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

// Prepared templates: drafting renders the same few dozen template lines for every review, so each line is
// parsed once into its slot list and its pieces (literal text, `{slot}`, `[a|b]` group).

/** Literal text and slots, in order: `{ slot: 'business' }` stands for `{business}`. */
type Segment = string | { slot: string };
type Piece = Segment[] | { alternatives: Segment[][] };

/** A template line parsed once: what `slotsOf` says, and the pieces `render` puts together. */
export interface PreparedTemplate {
  template: string;
  slots: string[];
  /** Undefined when a `{slot}` is cut by a `[...]` group: such a line is rendered the plain way. */
  pieces: Piece[] | undefined;
}

function segmentsOf(text: string): Segment[] | undefined {
  const segments: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    if (m.index > at) segments.push(text.slice(at, m.index));
    segments.push({ slot: m[1] as string });
    at = m.index + m[0].length;
  }
  if (at < text.length) segments.push(text.slice(at));
  // A brace left over could pair with one in a neighbouring piece once the groups are expanded.
  const literal = segments.filter((s): s is string => typeof s === 'string').join('');
  return /[{}]/.test(literal) ? undefined : segments;
}

function piecesOf(template: string): Piece[] | undefined {
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of template.matchAll(/\[([^[\]]*)\]/g)) {
    const before = segmentsOf(template.slice(at, m.index));
    const alternatives = (m[1] as string).split('|').map(segmentsOf);
    if (!before || alternatives.some((a) => a === undefined)) return undefined;
    pieces.push(before, { alternatives: alternatives as Segment[][] });
    at = m.index + m[0].length;
  }
  const rest = segmentsOf(template.slice(at));
  return rest ? [...pieces, rest] : undefined;
}

const prepared = new Map<string, PreparedTemplate>();

/** The parsed form of a template line (cached by its text: template sets are small and fixed). */
export function prepareTemplate(template: string): PreparedTemplate {
  let p = prepared.get(template);
  if (!p) prepared.set(template, (p = { template, slots: slotsOf(template), pieces: piecesOf(template) }));
  return p;
}

function appendSegments(out: string, segments: Segment[], slots: Readonly<Record<string, string | undefined>>): string {
  for (const s of segments) {
    if (typeof s === 'string') {
      out += s;
      continue;
    }
    const v = slots[s.slot];
    if (v === undefined) throw new Error(`template slot {${s.slot}} has no value`);
    out += v;
  }
  return out;
}

/** `fillSlots(expandAlternatives(template, seed, salt), slots)`, from the prepared pieces. */
export function renderTemplate(p: PreparedTemplate, seed: string, salt: string, slots: Readonly<Record<string, string | undefined>>): string {
  if (!p.pieces) return fillSlots(expandAlternatives(p.template, seed, salt), slots);
  let out = '';
  let group = 0;
  for (const piece of p.pieces) {
    out = appendSegments(out, Array.isArray(piece) ? piece : pick(piece.alternatives, seed, `${salt}#${group++}`), slots);
  }
  return out;
}
