/** Flags of a word's closed-class roles (`WordTable.flags`). */
export const NEGATOR = 1;
export const CONTRAST = 2;
export const CONCESSIVE = 4;
/** Ends a negation scope instead of being negated ("not only", "nicht nur"). */
export const BREAKER = 8;
/** Makes the negator after it a diminisher ("un poco", "un peu"). */
export const SOFTENER = 16;
/** "and": ends a negation scope unless it joins two sentiment words ("nicht warm und lecker"). */
export const COORDINATOR = 32;
/** A finite verb that stands second in a German or Dutch main clause ("war", "können", "was"): see negateBack. */
export const FINITE = 64;
/** A verb of believing or saying whose denial before an opener is emphasis ("can't believe how"): see LanguageRules.disbelief. */
export const DISBELIEF_VERB = 128;
/** What opens the exclamation after such a verb: "how", "what", "hoe", "lo", "como". */
export const EXCLAMATIVE = 256;
/** A praise word that opens a sarcastic text when a comma follows it ("Great, it crashed again"): LanguageRules.sarcasmOpeners. */
export const SARCASM_OPENER = 512;
/** Opens a reason ("because", "weil", "por"): a critical phrase opening with it stands after a negation (LanguageRules.reasonOpeners). */
export const REASON_OPENER = 1024;
/** "never", "nie", "jamais", "nunca", "mai", "nooit": see LanguageRules.neverSo. */
export const NEVER_WORD = 2048;
/** A word of degree after a never-word ("so", "such", "tan", "aussi", "così", "zo"): see LanguageRules.neverSo. */
export const NEVER_SO = 4096;
/** A verb saying a problem was put right ("fixed", "repariert"): see LanguageRules.remedies. */
export const REMEDY = 8192;

/**
 * Everything known about a word, by dense id: lexicon valence, closed-class roles and (filled in by the
 * model) the learned weights. A word is looked up once per token (`get`); the rest is read by id.
 *
 * The words of a text are spread over a table of tens of thousands, so the classifier's time goes largely
 * to memory reads. The data sits in one typed array per field, indexed by id, instead of an object per
 * word: an object's number fields are each boxed in a heap number of their own, and the objects of the
 * words a text uses lie far apart. Ids follow corpus frequency (see SentimentModel), so the entries most
 * reviews read share a few cache lines.
 */
export class WordTable {
  private words: string[] = [];
  // Slot k is cells[2k] (word id, -1 when empty) and cells[2k + 1] (the word's hash) side by side:
  // a probe reads one cache line, not one in each of two arrays.
  private cells = emptyCells(1024);
  private mask = 1023;

  /** Lexicon valence (VADER scale) by id, NaN when the word has none. */
  valence = new Float64Array(0);
  /** Intensifier/diminisher multiplier by id, 0 when not one. */
  booster = new Float64Array(0);
  /** Learned weight of the word, and of the word inside a negation scope, by id. */
  uni = new Float64Array(0);
  neg = new Float64Array(0);
  /** NEGATOR | CONTRAST | CONCESSIVE | BREAKER | SOFTENER by id. */
  flags = new Uint16Array(0);
  /** ISO 639-1 code of the language whose lexicon and rules the table holds. */
  language = 'en';
  /** The language puts a clause-final negator after what it negates (German, Dutch). */
  negationLooksBack = false;
  /** Every negator counts, even inside another's scope: what the English model was trained with. */
  countsEveryNegator = true;

  get size(): number {
    return this.words.length;
  }

  /** The id of a word, or -1; `h` is hashWord(word) when the caller has it already. */
  get(word: string, h: number = hashWord(word)): number {
    const cells = this.cells;
    let k = h & this.mask;
    for (;;) {
      const id = cells[2 * k] as number;
      if (id === -1) return -1;
      if (cells[2 * k + 1] === h && this.words[id] === word) return id;
      k = (k + 1) & this.mask;
    }
  }

  /** The word with id `id` (ids run from 0 to size - 1). */
  word(id: number): string {
    return this.words[id] as string;
  }

  /** The id of a word, added (with no valence, role or weight) when missing. */
  entry(word: string): number {
    const known = this.get(word);
    if (known >= 0) return known;
    const id = this.words.length;
    this.words.push(word);
    if (id >= this.uni.length) this.grow(Math.max(1024, this.uni.length * 2));
    this.valence[id] = NaN;
    if (this.words.length * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    else this.place(id, hashWord(word));
    return id;
  }

  private grow(capacity: number): void {
    const copy = <A extends Float64Array | Uint16Array>(a: A, b: A): A => (b.set(a), b);
    this.valence = copy(this.valence, new Float64Array(capacity));
    this.booster = copy(this.booster, new Float64Array(capacity));
    this.uni = copy(this.uni, new Float64Array(capacity));
    this.neg = copy(this.neg, new Float64Array(capacity));
    this.flags = copy(this.flags, new Uint16Array(capacity));
  }

  private place(id: number, h: number): void {
    let k = h & this.mask;
    while (this.cells[2 * k] !== -1) k = (k + 1) & this.mask;
    this.cells[2 * k] = id;
    this.cells[2 * k + 1] = h;
  }

  private rehash(capacity: number): void {
    this.cells = emptyCells(capacity);
    this.mask = capacity - 1;
    this.words.forEach((w, id) => this.place(id, hashWord(w)));
  }
}

function emptyCells(capacity: number): Int32Array {
  const cells = new Int32Array(capacity * 2);
  for (let k = 0; k < capacity; k++) cells[2 * k] = -1;
  return cells;
}

/** FNV-1a of a word, computed once per token and shared by every table that looks the word up. */
export function hashWord(s: string): number {
  let h = 0x811c9dc5 | 0; // as an int32, what Math.imul reads it as: V8 keeps h an integer
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h ^ (h >>> 15);
}
