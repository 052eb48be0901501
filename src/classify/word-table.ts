/**
 * Everything known about one word, found with a single look-up per token: lexicon valence,
 * closed-class roles and (filled in by the model) the learned weights.
 */
export interface WordInfo {
  /** Lexicon valence (VADER scale), NaN when the word has none. */
  valence: number;
  /** Intensifier/diminisher multiplier, 0 when not one. */
  booster: number;
  negator: boolean;
  contrast: boolean;
  concessive: boolean;
  /** Languages (indexes, see language.ts) the word is a stop word of; undefined for most words. */
  languages: readonly number[] | undefined;
  /** Dense id of the word: word pairs are looked up by id pair. */
  id: number;
  /** Learned weight of the word, and of the word inside a negation scope. */
  uni: number;
  neg: number;
}

/**
 * String -> WordInfo, as an open-addressing hash over typed arrays (FNV-1a of the word).
 * The word look-up is the classifier's hottest line, and this is about a third cheaper than a
 * Map on the tens of thousands of words a model knows.
 */
export class WordTable {
  private words: string[] = [];
  private infos: WordInfo[] = [];
  // Slot k is cells[2k] (word id, -1 when empty) and cells[2k + 1] (the word's hash) side by side:
  // a probe reads one cache line, not one in each of two arrays.
  private cells = emptyCells(1024);
  private mask = 1023;

  get size(): number {
    return this.words.length;
  }

  /** The entry for a word, if known; `h` is hashWord(word) when the caller has it already. */
  get(word: string, h: number = hashWord(word)): WordInfo | undefined {
    const cells = this.cells;
    let k = h & this.mask;
    for (;;) {
      const id = cells[2 * k] as number;
      if (id === -1) return undefined;
      if (cells[2 * k + 1] === h && this.words[id] === word) return this.infos[id];
      k = (k + 1) & this.mask;
    }
  }

  /** The word with id `id` (ids run from 0 to size - 1). */
  word(id: number): string {
    return this.words[id] as string;
  }

  /** The entry for a word, created empty when missing. */
  entry(word: string): WordInfo {
    const known = this.get(word);
    if (known) return known;
    const info: WordInfo = {
      valence: NaN, booster: 0, negator: false, contrast: false, concessive: false, languages: undefined, id: this.words.length, uni: 0, neg: 0,
    };
    this.words.push(word);
    this.infos.push(info);
    if (this.words.length * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    else this.place(info.id, hashWord(word));
    return info;
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
