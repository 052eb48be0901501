// The cursor codec of the store's newest-first lists: opaque to API clients, checked when it comes back.

/** A page of a newest-first list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Opaque cursor: the last item's score and id, base64url. */
export function encodeCursor(score: number, id: string): string {
  return Buffer.from(`${score}|${id}`).toString('base64url');
}

/** Throws on a cursor this service did not produce. */
export function decodeCursor(cursor: string): { score: number; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const sep = text.indexOf('|');
  const score = Number(text.slice(0, sep));
  const id = text.slice(sep + 1);
  if (sep <= 0 || !Number.isFinite(score) || !id) throw new InvalidCursorError();
  return { score, id };
}

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this API returned');
  }
}
