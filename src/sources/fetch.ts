import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Agent, fetch as undiciFetch, type Response } from 'undici';
import { HostHeldError, type HostLimiter } from './host-limiter.js';
import { AddressRefusedError, guardedConnector, type NetworkSeams } from './network-guard.js';

/** What a poll asks for: the URL and the validators of the last successful fetch. */
export interface FetchRequest {
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** GET unless said otherwise (Google Play's endpoint takes a form POST). */
  method?: 'GET' | 'POST' | undefined;
  body?: string | undefined;
  headers?: Record<string, string> | undefined;
}

export interface FetchOptions {
  /** Total time for the request, redirects and body included. */
  timeoutMs: number;
  /** Time to establish the TCP/TLS connection: a dead host fails fast instead of eating the total timeout. */
  connectTimeoutMs?: number | undefined;
  maxBodyBytes: number;
  userAgent: string;
  maxRedirects?: number;
  /** Per-host concurrency, rate limit and Retry-After holds; none when absent. */
  limiter?: HostLimiter | undefined;
  /**
   * Connect to loopback, private and other non-public addresses (never to link-local/metadata ones).
   * Off by default: a source, or a redirect it sends, must not reach the operator's own network.
   */
  allowPrivateNetwork?: boolean | undefined;
  /** Name resolution and address classification: the system's unless a test injects its own. */
  network?: NetworkSeams | undefined;
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
  if (!opts.limiter) return fetchHttp(url, req, opts);
  const limiter = opts.limiter;
  try {
    return await limiter.run(url.host, () => fetchHttp(url, req, opts));
  } catch (err) {
    if (err instanceof HostHeldError) throw new FetchError(err.message, undefined, err.retryAfterMs);
    // The host said when to come back: nobody in this process asks it before then.
    if (err instanceof FetchError && err.retryAfterMs !== undefined) limiter.hold(url.host, Date.now() + Math.min(err.retryAfterMs, MAX_HOLD_MS));
    throw err;
  }
}

/** The longest a Retry-After holds a host (the source's back-off is capped the same way). */
const MAX_HOLD_MS = 86_400_000;

// One connection pool per connect timeout and network policy (and injected resolver), for the life of
// the process (like fetch's global dispatcher). Every connection goes through the policy's connector.
const SYSTEM: NetworkSeams = {};
const agents = new WeakMap<NetworkSeams, Map<string, Agent>>();
function agentFor(connectTimeoutMs: number, allowPrivateNetwork: boolean, seams: NetworkSeams = SYSTEM): Agent {
  const bySeams = agents.get(seams) ?? new Map<string, Agent>();
  agents.set(seams, bySeams);
  const key = `${connectTimeoutMs}:${allowPrivateNetwork}`;
  let agent = bySeams.get(key);
  if (!agent) {
    agent = new Agent({ connect: guardedConnector({ timeout: connectTimeoutMs, allowPrivateNetwork, seams }) });
    bySeams.set(key, agent);
  }
  return agent;
}

/**
 * A local file, checked before it is read: a regular file within the size cap. Opened without blocking
 * and checked through the same handle, so a FIFO (whose open would wait for a writer) or a device
 * (whose size says 0 and which never ends) is refused, and the file checked is the file read.
 */
async function readLocal(url: URL, maxBodyBytes: number): Promise<FetchResult> {
  const file = fileURLToPath(url);
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) throw new FetchError(`${file} is not a regular file`);
    if (info.size > maxBodyBytes) throw new FetchError(`${file} is ${info.size} bytes, over the ${maxBodyBytes}-byte limit`);
    return { notModified: false, status: 200, body: await handle.readFile('utf8') };
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw new FetchError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  } finally {
    await handle?.close();
  }
}

async function fetchHttp(start: URL, req: FetchRequest, opts: FetchOptions): Promise<FetchResult> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  const headers: Record<string, string> = { accept: '*/*', ...req.headers, 'user-agent': opts.userAgent };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  let url = start;
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      // A redirect of a POST is followed with a GET, as browsers do for 301-303.
      const method = hop === 0 ? (req.method ?? 'GET') : 'GET';
      res = await undiciFetch(url, {
        method,
        body: method === 'POST' ? req.body : undefined,
        headers,
        redirect: 'manual',
        signal,
        dispatcher: agentFor(opts.connectTimeoutMs ?? opts.timeoutMs, opts.allowPrivateNetwork === true, opts.network),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.cause instanceof AddressRefusedError) throw new FetchError(hop === 0 ? e.cause.message : `${e.cause.message}, redirected from ${start.href}`);
      if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new FetchError(`timed out after ${opts.timeoutMs} ms fetching ${url.href}`);
      if (e.cause?.code === 'UND_ERR_CONNECT_TIMEOUT') throw new FetchError(`could not connect to ${url.host} within ${opts.connectTimeoutMs ?? opts.timeoutMs} ms`);
      throw new FetchError(`cannot fetch ${url.href}: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      const location = res.headers.get('location');
      await res.body?.cancel();
      if (!location) throw new FetchError(`HTTP ${res.status} without a Location header from ${url.href}`, res.status);
      if (hop >= (opts.maxRedirects ?? 5)) throw new FetchError(`more than ${opts.maxRedirects ?? 5} redirects from ${start.href}`, res.status);
      url = new URL(location, url);
      // A redirect may not leave http(s) (file:, ftp:, gopher:…), whatever the source's own scheme.
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`refused redirect to ${url.protocol} URL from ${start.href} (only http and https are followed)`, res.status);
      continue;
    }
    if (res.status === 304) {
      await res.body?.cancel();
      return { notModified: true, status: 304 };
    }
    if (!res.ok) {
      await res.body?.cancel();
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
      const hint = res.status === 429 || res.status === 503 ? ` (rate limited or blocked${retryAfterMs !== undefined ? `; Retry-After ${Math.ceil(retryAfterMs / 1000)} s` : ''})` : '';
      throw new FetchError(`HTTP ${res.status} from ${url.href}${hint}`, res.status, retryAfterMs);
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
