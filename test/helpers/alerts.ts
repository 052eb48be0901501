import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { alertPayload, type AlertPayload } from '../../src/alerts/payload.js';
import { route } from '../../src/alerts/routing.js';
import type { AppContext } from '../../src/context.js';
import type { RawReview } from '../../src/domain/review.js';
import type { Draft, Verdict } from '../../src/domain/verdict.js';
import type { StoredReview } from '../../src/store/review-store.js';
import { notifyJobId } from '../../workers/notify-worker.js';
import { makeReview } from './factories.js';

/** A negative verdict; `over` sets any field. */
export function makeVerdict(over: Partial<Verdict> = {}): Verdict {
  return { negative: true, score: -0.8, severity: 'high', topics: ['waiting_time'], reasons: ['rating 1/5', '"cold"'], language: 'en', ...over };
}

export const DRAFT: Draft = { reply: 'Thank you for telling us, Ana. We are sorry the soup was cold. Please write to care@harborbistro.example.', violations: [], score: 1 };

/** An alert payload without Redis, for the pure rendering tests. */
export function makePayload(over: { review?: Partial<RawReview>; verdict?: Partial<Verdict>; draft?: Draft | undefined; sourceId?: string; publicUrl?: string } = {}): AlertPayload {
  const review = makeReview(over.sourceId ?? 'harbor', { rating: 1, title: 'Cold food, long wait', text: 'We waited 50 minutes and the soup was cold.', url: 'https://reviews.example.com/r/1', author: 'Ana Silva', ...over.review });
  const stored: StoredReview = {
    review,
    verdict: makeVerdict(over.verdict),
    draft: 'draft' in over ? over.draft : DRAFT,
    status: 'new',
    backfill: false,
    createdAt: '2026-11-20T12:00:00.000Z',
    alertedAt: '2026-11-20T12:01:00.000Z',
    ratingHistory: [],
    lifecycle: {},
  };
  return alertPayload(stored, 'chan', { publicUrl: over.publicUrl });
}

/**
 * Stores a review flagged with the given verdict and enqueues its notify jobs the way the analyze
 * worker does (routing over the configured channels, deterministic job ids). Returns the review id.
 */
export async function seedFlagged(ctx: AppContext, opts: { sourceId?: string; verdict?: Partial<Verdict>; review?: Partial<RawReview>; enqueue?: boolean } = {}): Promise<string> {
  const review = makeReview(opts.sourceId ?? 'harbor', { rating: 1, text: 'We waited 50 minutes and the soup was cold.', ...opts.review });
  const verdict = makeVerdict(opts.verdict);
  await ctx.store.upsertReviews([review], { backfill: false });
  await ctx.store.saveAnalyses([{ id: review.id, sourceId: review.sourceId, hash: review.contentHash, verdict, draft: DRAFT, flag: true }]);
  if (opts.enqueue !== false) {
    for (const channelId of route(ctx.channels.values(), { severity: verdict.severity, sourceId: review.sourceId, topics: verdict.topics })) {
      await ctx.queues.add('notify', notifyJobId(channelId, [review.id]), { reviewIds: [review.id], channelId });
    }
  }
  return review.id;
}

/** One e-mail a local SMTP server received. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP server (no TLS, no auth) that keeps every message. */
export async function startSmtpServer(): Promise<{ port: number; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = (server as unknown as { server: ReturnType<typeof createNetServer> }).server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A decoded MIME part. */
export interface MimePart {
  contentType: string;
  body: string;
  /** The part's own headers (lower-case names), e.g. `content-id` of an inline image. */
  headers: Map<string, string>;
  /** The body as bytes (binary parts such as images), transfer encoding undone. */
  bytes: Buffer;
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? '7bit').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '');
    const out: number[] = [];
    for (let i = 0; i < bytes.length; i += 1) {
      if (bytes[i] === '=' && /^[0-9A-F]{2}$/i.test(bytes.slice(i + 1, i + 3))) {
        out.push(parseInt(bytes.slice(i + 1, i + 3), 16));
        i += 2;
      } else out.push(...Buffer.from(bytes[i]!, 'utf8'));
    }
    return Buffer.from(out).toString('utf8');
  }
  return body;
}

/** `=?UTF-8?Q?…?=` / `=?UTF-8?B?…?=` encoded words of a header, decoded. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, kind: string, text: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeBody(text.replace(/_/g, ' '), 'quoted-printable'),
    );
}

/** The top-level headers and the leaf parts of a (multipart) message, bodies decoded. */
export function parseMail(raw: string): { headers: Map<string, string>; parts: MimePart[] } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = parseHeaders(raw.slice(0, split));
  const parts: MimePart[] = [];
  const walk = (hdrs: Map<string, string>, body: string): void => {
    const type = hdrs.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.toLowerCase().startsWith('multipart/') && boundary) {
      for (const chunk of body.split(`--${boundary}`).slice(1)) {
        if (chunk.startsWith('--')) break;
        const inner = chunk.replace(/^\r\n/, '');
        const at = inner.indexOf('\r\n\r\n');
        walk(parseHeaders(inner.slice(0, at)), inner.slice(at + 4).replace(/\r\n$/, ''));
      }
      return;
    }
    const encoding = hdrs.get('content-transfer-encoding');
    const bytes = (encoding ?? '').toLowerCase() === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : Buffer.from(decodeBody(body, encoding), 'utf8');
    parts.push({ contentType: type.split(';')[0]!.trim().toLowerCase(), body: decodeBody(body, encoding), headers: hdrs, bytes });
  };
  walk(headers, raw.slice(split + 4));
  return { headers, parts };
}
