// Names: a wrong "Hi Google," is worse than a plain "Hi there,", so the rules reject anything doubtful.

/** Words that appear in platform placeholders and handles, never as someone's first name. */
const NOT_NAMES = new Set(
  [
    'a', 'an', 'the', 'google', 'user', 'users', 'customer', 'client', 'guest', 'anonymous', 'anon', 'reviewer', 'verified',
    'buyer', 'purchaser', 'shopper', 'member', 'amazon', 'kindle', 'reader', 'fan', 'admin', 'unknown', 'someone', 'somebody',
    'private', 'team', 'official', 'store', 'shop', 'app', 'apple', 'iphone', 'android', 'mom', 'dad', 'mum', 'mother', 'father',
    'happy', 'unhappy', 'angry', 'disappointed', 'satisfied', 'frustrated', 'local', 'traveler', 'traveller', 'foodie', 'lover',
    'not', 'no', 'none', 'n/a', 'na', 'me', 'my', 'your', 'real', 'just', 'big', 'little', 'mr', 'mrs', 'ms', 'miss', 'dr',
    // "Familie Schulz", "Anonym", "Never Again" (a new user's trial greeted "Hi Familie,", "Hallo Anonym,", "Hi Never,").
    'familie', 'family', 'famille', 'familia', 'famiglia', 'família', 'anonym', 'anonyme', 'anónimo', 'anonimo', 'anoniem', 'anônimo',
    'kunde', 'kundin', 'gast', 'cliente', 'klant', 'never', 'again', 'nooit', 'jamais', 'nunca',
    // An insult in the name field is not greeted back ("Hallo Arschloch,").
    'arschloch', 'idiot', 'idiota', 'idiote', 'betrüger', 'scammer', 'liar', 'stupid', 'dumb', 'asshole', 'escroc', 'estafador', 'truffatore',
    'oplichter', 'golpista',
  ].map((w) => w.toLowerCase()),
);
// Titles in the languages the replies are written in: "Herr Müller" has no first name to greet by ("Hi Herr,").
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'madam', 'herr', 'frau', 'fräulein', 'mme', 'mlle', 'monsieur',
  'madame', 'mademoiselle', 'sr', 'sra', 'srta', 'señor', 'señora', 'dhr', 'mevr', 'mevrouw', 'meneer', 'sig', 'signor', 'signora', 'dott',
  'doutor', 'doutora']);

/**
 * The reviewer's first name when `author` looks like a person's name ("maria lopez", "Tom K."), else undefined
 * ("A Google User", "gamer_99", "bookworm", "Amazon Customer").
 */
export function firstNameOf(author: string | undefined): string | undefined {
  if (!author) return undefined;
  const cleaned = author.normalize('NFC').trim();
  // Digits, @, underscores, dots inside words and emoji are the marks of handles and addresses.
  if (/[\d@_#/\\|<>{}[\]=+*~^$%&]/u.test(cleaned) || /\p{Extended_Pictographic}/u.test(cleaned)) return undefined;
  const words = cleaned.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 4) return undefined;
  if (TITLES.has((words[0] ?? '').replace(/\.$/, '').toLowerCase())) return undefined; // "Mr Smith": no first name to use
  const first = words[0] as string;
  if (!/^\p{L}[\p{L}'’-]*\p{L}$/u.test(first) || first.length > 20) return undefined;
  if (words.some((w) => NOT_NAMES.has(w.replace(/[.,]$/, '').toLowerCase()))) return undefined;
  // A single all-lowercase word ("bookworm") is a handle; "maria lopez" is a name typed in lower case.
  if (words.length === 1 && first === first.toLowerCase()) return undefined;
  // camelCase in one word ("JohnnyB", "BookLover") is a handle too.
  if (/\p{Ll}\p{Lu}/u.test(first)) return undefined;
  return capitalise(first);
}

/** Name particles that stay lower case inside a name ("Jan de Vries", "Ana da Silva", "Ludwig van Beethoven"). */
const PARTICLES = new Set(['de', 'der', 'den', 'van', 'von', 'zu', 'da', 'do', 'dos', 'das', 'di', 'del', 'della', 'du', 'le', 'la', 'y', "d'"]);

/** Words that tell an author field holds more than a name ("Klaus aus Berlin", "Meier GmbH", "Familie Meier"). */
const NOT_IN_NAMES = new Set(['aus', 'from', 'in', 'und', 'and', 'et', 'e', 'gmbh', 'ltd', 'inc', 'ag', 'kg', 'srl', 'bv',
  'team', 'familie', 'family', 'famille', 'familia', 'famiglia']);
/** A word of a name: letters, with hyphens and apostrophes inside, or an initial ("K."). */
const NAME_WORD = /^\p{L}[\p{L}'’-]*\.?$/u;

/**
 * The reviewer's whole name for a formal greeting: German, French, Dutch, Italian and Spanish business letters
 * greet an unknown customer by the full name ("Guten Tag Klaus Meier"), since a title needs their gender and the
 * first name alone is the familiar register. Only for two or three words that are all name words (else the first
 * name, as `firstNameOf` finds it, serves: "Klaus aus Berlin", "Klaus (Berlin)", "Meier GmbH"). A word typed in one
 * case ("klaus", "MEIER", "o'neil") is capitalised, a particle before the surname apart ("Jan de Vries"); one typed
 * in mixed case is kept ("McDonald", "DeVries").
 */
export function fullNameOf(author: string | undefined): string | undefined {
  const first = firstNameOf(author);
  if (first === undefined) return undefined;
  const words = (author as string).normalize('NFC').trim().split(/\s+/);
  if (words.length < 2 || words.length > 3) return first;
  if (!words.every((w) => NAME_WORD.test(w) && !NOT_IN_NAMES.has(w.toLowerCase()))) return first;
  return words
    .map((w, i) => {
      const lower = w.toLowerCase();
      // Typed in mixed case, a word is kept as the reviewer wrote it ("McDonald", "Luca Di Maio").
      if (w !== lower && w !== w.toUpperCase()) return w;
      return i > 0 && i < words.length - 1 && PARTICLES.has(lower) ? lower : capitalise(w, true);
    })
    .join(' ');
}

/** "MARIA" / "maria" → "Maria", "jean-luc" → "Jean-Luc"; with `afterApostrophe`, a surname's "o'neil" → "O'Neil". */
function capitalise(word: string, afterApostrophe = false): string {
  return word
    .toLowerCase()
    .replace(afterApostrophe ? /(^|[-'’])(\p{L})/gu : /(^|[-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The name a greeting uses: the first name, or the whole one where the template set's tone asks for it. */
export function greetingNameOf(author: string | undefined, form: 'first' | 'full' | undefined): string | undefined {
  return form === 'full' ? fullNameOf(author) : firstNameOf(author);
}
