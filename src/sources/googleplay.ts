import type { GoogleplaySourceConfig } from '../config/schema.js';
import type { RawReview } from '../domain/review.js';
import { baseUrl, type PageRequest, type PageResult, type SourceAdapter } from './adapter.js';
import { ParseError } from './errors.js';

/*
 * Google Play has no public review feed. This adapter speaks the store web app's internal
 * `batchexecute` endpoint (rpc `UsvDTd`), the way google-play-scraper does. That library is not used:
 * its host is a hard-coded constant, so it cannot be pointed at a mirror or a test server.
 *
 * What is verified here: only against the recorded responses in test/fixtures/googleplay/, whose shape
 * follows google-play-scraper's parser (reviews at payload[0], continuation token at payload[1][1],
 * per review: [0] id, [1][0] author, [2] stars, [4] text, [5] [seconds, nanos], [7][1] reply, [10] version).
 * Nothing here has been run against play.google.com; it is an undocumented format and may change.
 */

const PLAY = 'https://play.google.com';
const RPC_ID = 'UsvDTd';
/** Reviews per request: the most the endpoint is known to return. */
export const PLAY_PAGE_SIZE = 150;
const SORT_NEWEST = 2;

/** The batchexecute request for one page of newest-first reviews; `url` in the config replaces the host. */
export function playRequest(source: Pick<GoogleplaySourceConfig, 'appId' | 'lang' | 'country' | 'url'>, token: string | undefined): PageRequest {
  const paging = token ? `[${PLAY_PAGE_SIZE},null,${JSON.stringify(token)}]` : `[${PLAY_PAGE_SIZE},null,null]`;
  const inner = `[null,null,[2,${SORT_NEWEST},${paging},null,[]],[${JSON.stringify(source.appId)},7]]`;
  const freq = JSON.stringify([[[RPC_ID, inner, null, 'generic']]]);
  const query = new URLSearchParams({ rpcids: RPC_ID, hl: source.lang, gl: source.country });
  return {
    url: `${baseUrl(source.url, PLAY)}/_/PlayStoreUi/data/batchexecute?${query.toString()}`,
    method: 'POST',
    body: `f.req=${encodeURIComponent(freq)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
  };
}

const at = (v: unknown, ...path: number[]): unknown => {
  let cur = v;
  for (const i of path) {
    if (!Array.isArray(cur)) return undefined;
    cur = cur[i];
  }
  return cur;
};

/** The JSON envelopes of a batchexecute answer: after the `)]}'` guard, one array, or length-prefixed chunks. */
function envelopes(body: string): unknown[] {
  const trimmed = body.trimStart();
  if (!trimmed.startsWith(")]}'")) {
    const hint = /captcha|unusual traffic|<html/i.test(body.slice(0, 4096)) ? ' (an HTML page: probably a block or captcha page)' : '';
    throw new ParseError(`Google Play answer lacks the )]}' guard of a batchexecute response${hint}`);
  }
  const rest = trimmed.slice(4).trim();
  try {
    return JSON.parse(rest) as unknown[];
  } catch {
    // The chunked form (`rt=c`): a byte count line, then a JSON line, repeated.
    const out: unknown[] = [];
    for (const line of rest.split('\n')) {
      if (!line.startsWith('[')) continue;
      try {
        const chunk = JSON.parse(line) as unknown;
        if (Array.isArray(chunk)) out.push(...chunk);
      } catch {
        /* a truncated chunk: the envelope check below reports it */
      }
    }
    return out;
  }
}

/** Parses one batchexecute answer into reviews and the continuation token of the next page. */
export function parsePlayPage(body: string, appId = ''): PageResult {
  const list = envelopes(body);
  if (!Array.isArray(list)) throw new ParseError('Google Play answer is not a JSON array');
  const env = list.find((e) => Array.isArray(e) && e[0] === 'wrb.fr' && e[1] === RPC_ID) as unknown[] | undefined;
  if (!env) throw new ParseError(`Google Play answer has no ${RPC_ID} result (truncated, or the format changed)`);
  // A null payload is the endpoint's "no (more) reviews".
  if (env[2] === null || env[2] === undefined) return { reviews: [] };
  if (typeof env[2] !== 'string') throw new ParseError(`Google Play ${RPC_ID} payload is not a JSON string`);
  let data: unknown;
  try {
    data = JSON.parse(env[2]);
  } catch {
    throw new ParseError(`Google Play ${RPC_ID} payload is not valid JSON`);
  }
  if (!Array.isArray(data)) throw new ParseError(`Google Play ${RPC_ID} payload is not an array`);
  const items = data[0];
  if (items === null || items === undefined) return { reviews: [] };
  if (!Array.isArray(items)) throw new ParseError('Google Play review list is not an array');
  const reviews: RawReview[] = [];
  for (const r of items) {
    const id = at(r, 0);
    const stars = at(r, 2);
    if (typeof id !== 'string' || typeof stars !== 'number') continue;
    const text = at(r, 4);
    const author = at(r, 1, 0);
    const version = at(r, 10);
    reviews.push({
      platformId: id,
      author: typeof author === 'string' ? author : undefined,
      rating: stars,
      ratingBest: 5,
      text: typeof text === 'string' ? text : '',
      url: appId ? `${PLAY}/store/apps/details?id=${encodeURIComponent(appId)}&reviewId=${encodeURIComponent(id)}` : undefined,
      publishedAt: playDate(at(r, 5)),
      appVersion: typeof version === 'string' ? version : undefined,
    });
  }
  if (reviews.length === 0 && items.length > 0) throw new ParseError(`Google Play returned ${items.length} reviews, none with an id and a star rating (format changed?)`);
  const token = at(data, 1, 1);
  return { reviews, next: typeof token === 'string' && token && reviews.length > 0 ? token : undefined };
}

/** `[seconds, nanos]` → ISO time. */
function playDate(v: unknown): string | undefined {
  const secs = at(v, 0);
  if (typeof secs !== 'number' || !Number.isFinite(secs)) return undefined;
  const nanos = at(v, 1);
  const ms = secs * 1000 + (typeof nanos === 'number' ? Math.floor(nanos / 1e6) : 0);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Google Play reviews for an app, newest first, paged by continuation token. */
export const googleplayAdapter: SourceAdapter<'googleplay'> = {
  maxPages: (source) => source.maxPages,
  request: (source, _page, token) => playRequest(source, token),
  parse: (body, source) => parsePlayPage(body, source.appId),
};
