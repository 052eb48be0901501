import { describe, expect, it } from 'vitest';
import { createLogger, throttledWarn } from '../src/logger.js';
import { buildApi } from '../src/api/server.js';
import { captureLogs, testContext } from './helpers/context.js';

describe('logging', () => {
  it('writes each line with the host name and pid of the process', () => {
    const logs = captureLogs();
    createLogger('info', logs.stream).info({ n: 1 }, 'hello');
    expect(logs.lines[0]).toMatchObject({ msg: 'hello', n: 1, pid: process.pid, hostname: expect.any(String), service: 'review-monitor' });
  });

  it('holds back a repeated warning to one line per interval and key, counting what it held back', () => {
    const logs = captureLogs();
    let now = 0;
    const warn = throttledWarn(createLogger('info', logs.stream), 10_000, () => now);
    for (let i = 0; i < 50; i++) {
      warn('conn|ECONNREFUSED', { err: 'ECONNREFUSED' }, 'redis connection error (reconnecting)');
      now += 100;
    }
    warn('other|ECONNREFUSED', { err: 'ECONNREFUSED' }, 'redis connection error (reconnecting)');
    expect(logs.lines).toHaveLength(2);
    now = 10_000;
    warn('conn|ECONNREFUSED', { err: 'ECONNREFUSED' }, 'redis connection error (reconnecting)');
    expect(logs.lines).toHaveLength(3);
    expect(logs.lines[2]).toMatchObject({ err: 'ECONNREFUSED', repeatedSinceLastLine: 49 });
  });
});

describe('the access log', () => {
  it('writes one line per API request with method, route, status, time and the key name; none for probes; off when configured', async () => {
    for (const accessLog of [true, false]) {
      const t = await testContext({ api: { keys: [{ name: 'maya', key: 'maya-key-0123456789', scopes: ['read'] }], accessLog } });
      const app = await buildApi(t.ctx);
      try {
        await app.inject({ url: '/v1/reviews/nope-0123', headers: { authorization: 'Bearer maya-key-0123456789' } });
        await app.inject({ url: '/health' });
        const requests = t.logs.filter((l) => l.msg === 'request');
        if (!accessLog) expect(requests).toEqual([]);
        else expect(requests).toEqual([expect.objectContaining({ method: 'GET', route: '/v1/reviews/:id', status: 404, ms: expect.any(Number), who: 'maya' })]);
      } finally {
        await app.close();
        await t.close();
      }
    }
  });
});
