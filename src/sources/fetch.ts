import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** What a poll asks for: the URL and the validators of the last successful fetch. */
export interface FetchRequest {
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export interface FetchOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  userAgent: string;
  maxRedirects?: number;
}

export type FetchResult =
  | { notModified: true; status: 304 }
  | { notModified: false; status: number; body: string; etag?: string | undefined; lastModified?: string | undefined; contentType?: string | undefined };

/** A fetch that failed: `status` is the HTTP status when there was one, `retryAfterMs` when the host said when. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** Fetches a source document over http(s) (conditional GET, timeout, size cap, capped redirects) or from a file:// URL. */
export async function fetchSource(req: FetchRequest, opts: FetchOptions): Promise<FetchResult> {
  const url = new URL(req.url);
  if (url.protocol === 'file:') return readLocal(url, opts.maxBodyBytes);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`unsupported URL scheme ${url.protocol}`);
  return fetchHttp(url, req, opts);
}

async function readLocal(url: URL, maxBodyBytes: number): Promise<FetchResult> {
  const file = fileURLToPath(url);
  try {
    const info = await stat(file);
    if (info.size > maxBodyBytes) throw new FetchError(`${file} is ${info.size} bytes, over the ${maxBodyBytes}-byte limit`);
    return { notModified: false, status: 200, body: await readFile(file, 'utf8') };
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw new FetchError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

async function fetchHttp(start: URL, req: FetchRequest, opts: FetchOptions): Promise<FetchResult> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  const headers: Record<string, string> = { 'user-agent': opts.userAgent, accept: '*/*' };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  let url = start;
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await fetch(url, { headers, redirect: 'manual', signal });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new FetchError(`timed out after ${opts.timeoutMs} ms fetching ${url.href}`);
      throw new FetchError(`cannot fetch ${url.href}: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      const location = res.headers.get('location');
      await res.body?.cancel();
      if (!location) throw new FetchError(`HTTP ${res.status} without a Location header from ${url.href}`, res.status);
      if (hop >= (opts.maxRedirects ?? 5)) throw new FetchError(`more than ${opts.maxRedirects ?? 5} redirects from ${start.href}`, res.status);
      url = new URL(location, url);
      continue;
    }
    if (res.status === 304) {
      await res.body?.cancel();
      return { notModified: true, status: 304 };
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new FetchError(`HTTP ${res.status} from ${url.href}`, res.status, parseRetryAfter(res.headers.get('retry-after')));
    }
    let body: string;
    try {
      body = await readCapped(res, opts.maxBodyBytes, url.href);
    } catch (err) {
      // The timeout covers the body too: a host that stalls mid-body gets the same clear error.
      if (err instanceof FetchError) throw err;
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new FetchError(`timed out after ${opts.timeoutMs} ms reading ${url.href}`);
      throw new FetchError(`connection lost reading ${url.href}: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
    }
    return {
      notModified: false,
      status: res.status,
      body,
      etag: res.headers.get('etag') ?? undefined,
      lastModified: res.headers.get('last-modified') ?? undefined,
      contentType: res.headers.get('content-type') ?? undefined,
    };
  }
}

async function readCapped(res: Response, max: number, href: string): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel();
    throw new FetchError(`${href} is ${declared} bytes, over the ${max}-byte limit`);
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) throw new FetchError(`${href} sent more than the ${max}-byte limit`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `Retry-After` as milliseconds (seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
