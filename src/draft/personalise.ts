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

/** "MARIA" / "maria" → "Maria"; "o'neil" → "O'neil" is fine, "jean-luc" → "Jean-Luc". */
function capitalise(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
