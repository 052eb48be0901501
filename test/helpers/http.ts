import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a test server received. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local HTTP server on 127.0.0.1 with a swappable handler; records every request. */
export interface TestServer {
  url: string;
  received: Received[];
  handle(fn: (req: Received, res: ServerResponse) => void | Promise<void>): void;
  close(): Promise<void>;
}

/** Starts a local test server on a free port. */
export async function startTestServer(handler?: (req: Received, res: ServerResponse) => void | Promise<void>): Promise<TestServer> {
  let current = handler ?? ((_req: Received, res: ServerResponse) => void res.writeHead(404).end());
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      Promise.resolve(current(r, res)).catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    handle(fn) {
      current = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A free TCP port on 127.0.0.1 (released before returning). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const WAIT_SLACK = 3;

/** Polls `check` until it returns a truthy value or `timeoutMs` (times WAIT_SLACK) passes. */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  // A limit is when to give up, not how long a passing test waits: the limits were chosen on a developer's machine,
  // and CI machines run the suite up to three times slower (a run failed there that passes here), so each is tripled.
  timeoutMs *= WAIT_SLACK;
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
}
