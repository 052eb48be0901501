/**
 * What the text rules need to know about one language: its closed-class words (negators, contrast,
 * intensifiers), the review-domain phrases no general lexicon has, a core valence lexicon, the
 * words that tell the language apart, and its wording of the critical rules. Words and patterns are
 * written naturally (accents, apostrophes): they are normalised as the tokenizer normalises words.
 */
export interface LanguageRules {
  /** ISO 639-1 code. */
  code: string;
  /** Frequent words of this language that are rare in the others (language detection). */
  stopWords: readonly string[];
  /** Words that flip what follows in their clause ("nicht gut", "pas bon", "no es bueno"). */
  negators: readonly string[];
  /** Words after a negator that end its scope instead of being negated ("nicht nur", "non solo", "sin duda"). */
  negationBreakers: readonly string[];
  /**
   * "and": it ends a negation scope ("Kein Frühstück und unfreundliches Personal", "Läuft nicht aus und sieht schön
   * aus") unless it joins two sentiment words, which the negation covers together ("nicht warm und lecker").
   */
  coordinators: readonly string[];
  /**
   * Words that make the negator after them a diminisher: "poco amable" is a negation, "un poco lento"
   * is not ("un", "um", "un peu"); the negator then only weakens, as a booster below 1.
   */
  softeners: readonly string[];
  /**
   * Where the negator stands after what it negates, as German and Dutch put "nicht"/"niet" at the
   * end of a clause ("Ich empfehle es nicht"): a negator ending its clause negates the words before it.
   */
  negationLooksBack: boolean;
  /**
   * With `negationLooksBack`: the finite verbs (copulas, auxiliaries, modals) that stand second in a main clause whose
   * predicate is put first, "Sauber *war* es nicht", "Schoon *was* het niet": the negator at the end negates that front.
   */
  frontingVerbs?: readonly string[];
  /**
   * "Never … so": a never-word (`never`) and, within its negation, a word of degree (`so`) make an exclamation, not a
   * negation: "Nunca había comido tan mal" is a complaint, "Jamais je n'ai mangé aussi bien" praise. The words between
   * are not negated and the negation ends there.
   */
  neverSo?: { never: readonly string[]; so: readonly string[] };
  /**
   * Words that open a reason ("because", "weil", "parce que", "por ser"): a critical phrase opening with one stands after
   * a negation ("No me atendieron por ser extranjero": the service is denied, the reason stands). The causal words among
   * them also end a negation's scope (negationBreakers); "por", "per", "pela", "pelo" do not ("Nadie por aquí te ayuda").
   */
  reasonOpeners: readonly string[];
  /**
   * Past forms of the verbs that say a problem was put right ("fixed", "repariert", "réparé", "arregló"): a topic named
   * beside one, undenied, was solved, and is neither a topic nor a concern ("Great plumber, fixed the leak quickly" is
   * praise, not a leak). Not "replaced", "changed" or "refunded": those name a complaint as often.
   */
  remedies?: readonly string[];
  /**
   * Disbelief is emphasis: a denied verb of believing or saying (`verbs`) followed by one of `openers` ("how", "hoe",
   * "lo", "como", "quanto"), right after it or after one short word ("tell you how", "croire à quel point"), ends the
   * negation and un-negates the words before it: "I can't believe how rude", "No puedo creer lo sucio que estaba".
   * A belief denied without an opener stays a negation ("I don't believe it's worth it").
   */
  disbelief?: { verbs: readonly string[]; openers: readonly string[] };
  /** After these the clause carries the verdict ("aber", "mais", "pero", "maar", "ma", "mas"). */
  contrastAfter: readonly string[];
  /** Words that open a conceded clause at the start of a sentence ("obwohl", "bien que", "aunque"). */
  concessiveOpeners: readonly string[];
  /** Intensifiers (> 1) and diminishers (< 1): a multiplier on the next sentiment word. */
  boosters: readonly (readonly [string, number])[];
  /** Core sentiment words on VADER's -4..4 scale; they override the general lexicon. */
  lexicon: readonly (readonly [string, number])[];
  /** Review-domain complaint phrases (valence -4..0), PhraseMatcher syntax. */
  complaintPhrases: readonly (readonly [string, number])[];
  /** Review-domain praise phrases (valence 0..4). */
  praisePhrases: readonly (readonly [string, number])[];
  /**
   * A star taken off ("Ein Stern Abzug", "one star off", "une étoile en moins"), PhraseMatcher syntax: the reviewer gives
   * the rest, so it reads as mild praise (never the one-star complaint inside it), and the topics of its sentence are
   * concerns, what the star was taken off for ("…, weil die Lieferung gedauert hat").
   */
  deductions?: readonly string[];
  /**
   * Praise words that, standing alone before a comma at the start of a text that then only complains, are sarcasm:
   * "Great, another update that breaks everything", "Toll, schon wieder abgestürzt". A sincere opener ("Recomendo. Só o
   * frete foi caro", "Perfekt. Läuft nicht aus") takes a full stop, and is rarely one of these interjections.
   */
  sarcasmOpeners?: readonly string[];
  /** Phrases that praise on the surface and complain in practice ("merci pour rien"). */
  sarcasmPhrases: readonly string[];
  /** Extra patterns per built-in critical rule id (legal_threat, health_safety, fraud_scam, discrimination, privacy). */
  critical: Readonly<Record<string, readonly string[]>>;
  /** Inflected forms of a lexicon word (German and Romance adjectives agree), so the lexicon covers them. */
  inflections(word: string): string[];
  /**
   * Words that, making up a whole review on their own ("Ok", "Okay.", "Fine"), say it was neither good nor bad: such a
   * review is not flagged, whatever the model learned of the word in longer texts ("ok" in a book review means two stars).
   */
  lukewarm?: readonly string[];
}

/** `stem` + each ending: the forms of one word. */
export function forms(stem: string, endings: readonly string[]): string[] {
  return endings.map((e) => stem + e);
}

/**
 * Spanish and Portuguese adjectives agree in gender and number ("malo", "mala", "malos", "malas") and
 * have an absolute superlative ("buenísimo", "carísimo"; Portuguese "-íssimo").
 */
export function romanceInflections(word: string): string[] {
  if (word.includes(' ')) return [];
  if (word.endsWith('o')) {
    const stem = word.slice(0, -1);
    return [...['a', 'os', 'as'].map((e) => stem + e), ...['isimo', 'isima', 'issimo', 'issima'].map((e) => stem + e)];
  }
  if (word.endsWith('a') || word.endsWith('e')) return [word + 's'];
  if (/[lrnz]$/.test(word)) return [word + 'es'];
  return [];
}
