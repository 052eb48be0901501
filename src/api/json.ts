/**
 * JSON as the API writes it: ASCII only, every other character as a `\uXXXX` escape (what Python's
 * json.dumps does by default). The value is the same for every JSON parser, but a body of ASCII bytes
 * is decoded on the fast path of clients that turn bytes into text (V8's UTF-8 decoder, TextDecoder,
 * `body += chunk`); a single "’" in a 80 KB page sent autocannon's decoding down the slow path and
 * cut the requests it could make to a quarter. The escapes cost a few bytes per such character.
 */
export function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  // Most pages have only a handful of such characters; a test first avoids rebuilding the rest.
  return NON_ASCII.test(json) ? json.replace(NON_ASCII_ALL, escape) : json;
}

/** toJson as bytes: an ASCII string is copied byte for byte, with no UTF-8 encoding pass. */
export function toJsonBuffer(value: unknown): Buffer {
  return Buffer.from(toJson(value), 'latin1');
}

const NON_ASCII = /[\u007f-\uffff]/;
const NON_ASCII_ALL = /[\u007f-\uffff]/g;

function escape(c: string): string {
  return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
}
