// Names: a wrong "Hi Google," is worse than a plain "Hi there,", so the rules reject anything doubtful.

/** Words that appear in platform placeholders and handles, never as someone's first name. */
const NOT_NAMES = new Set(
  [
    'a', 'an', 'the', 'google', 'user', 'users', 'customer', 'client', 'guest', 'anonymous', 'anon', 'reviewer', 'verified',
    'buyer', 'purchaser', 'shopper', 'member', 'amazon', 'kindle', 'reader', 'fan', 'admin', 'unknown', 'someone', 'somebody',
    'private', 'team', 'official', 'store', 'shop', 'app', 'apple', 'iphone', 'android', 'mom', 'dad', 'mum', 'mother', 'father',
    'happy', 'unhappy', 'angry', 'disappointed', 'satisfied', 'frustrated', 'local', 'traveler', 'traveller', 'foodie', 'lover',
    'not', 'no', 'none', 'n/a', 'na', 'me', 'my', 'your', 'real', 'just', 'big', 'little', 'mr', 'mrs', 'ms', 'miss', 'dr',
  ].map((w) => w.toLowerCase()),
);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'madam']);

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

/**
 * The reviewer's whole name when `author` looks like a person's name (as `firstNameOf` decides), for a formal
 * greeting: German, French, Dutch, Italian and Spanish business letters greet an unknown customer by the full
 * name ("Guten Tag Klaus Meier"), since a title needs their gender and the first name alone is the familiar
 * register. Typed in one case ("klaus meier", "KLAUS MEIER") it is capitalised, particles apart; otherwise kept
 * as written ("Jan de Vries", "Tom K.").
 */
export function fullNameOf(author: string | undefined): string | undefined {
  if (firstNameOf(author) === undefined) return undefined;
  const words = (author as string).normalize('NFC').trim().split(/\s+/);
  const joined = words.join(' ');
  if (joined !== joined.toLowerCase() && joined !== joined.toUpperCase()) return joined;
  return words.map((w, i) => (i > 0 && PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : capitalise(w))).join(' ');
}

/** "MARIA" / "maria" → "Maria"; "o'neil" → "O'neil" is fine, "jean-luc" → "Jean-Luc". */
function capitalise(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The name a greeting uses: the first name, or the whole one where the template set's tone asks for it. */
export function greetingNameOf(author: string | undefined, form: 'first' | 'full' | undefined): string | undefined {
  return form === 'full' ? fullNameOf(author) : firstNameOf(author);
}
