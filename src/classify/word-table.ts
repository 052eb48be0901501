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
  private slots = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(1024);
  private mask = 1023;

  get size(): number {
    return this.words.length;
  }

  /** The entry for a word, if known; `h` is hashWord(word) when the caller has it already. */
  get(word: string, h: number = hashWord(word)): WordInfo | undefined {
    let k = h & this.mask;
    for (;;) {
      const id = this.slots[k] as number;
      if (id === -1) return undefined;
      if (this.hashes[k] === h && this.words[id] === word) return this.infos[id];
      k = (k + 1) & this.mask;
    }
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
    if (this.words.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(info.id, hashWord(word));
    return info;
  }

  private place(id: number, h: number): void {
    let k = h & this.mask;
    while (this.slots[k] !== -1) k = (k + 1) & this.mask;
    this.slots[k] = id;
    this.hashes[k] = h;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity).fill(-1);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.words.forEach((w, id) => this.place(id, hashWord(w)));
  }
}

/** FNV-1a of a word, computed once per token and shared by every table that looks the word up. */
export function hashWord(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h ^ (h >>> 15);
}
