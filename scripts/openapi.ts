/**
 * Writes the API's OpenAPI document (what GET /openapi.json answers) to a file, for `redocly lint` and the
 * generated-client check: `tsx scripts/openapi.ts [out.json]` (default dist/openapi.json).
 *
 * The app is built from config/default.yaml and asked through `inject`, so nothing listens on a port; it
 * needs the Redis the tests use (REDIS_URL, default redis://127.0.0.1:6379) and writes no key there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApi } from '../src/api/server.js';
import { createContext } from '../src/app.js';
import { loadConfig } from '../src/config/load.js';
import { createLogger } from '../src/logger.js';

const out = process.argv[2] ?? 'dist/openapi.json';
const env = { ...process.env, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: `openapi-doc-${process.pid}` };
const config = loadConfig('config/default.yaml', env);
const { ctx, close } = await createContext(config, createLogger('warn'));
try {
  const app = await buildApi(ctx);
  const res = await app.inject({ url: '/openapi.json' });
  await app.close();
  if (res.statusCode !== 200) throw new Error(`GET /openapi.json answered ${res.statusCode}: ${res.body}`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(res.json(), null, 2)}\n`);
  console.error(`openapi: wrote ${out}`);
} finally {
  await close();
}
