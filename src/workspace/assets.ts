import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** One static file of the workspace, held in memory under a name that changes with its content. */
export interface Asset {
  /** `/assets/app.<hash>.css`: cached for a year, since a new version gets a new URL. */
  url: string;
  type: string;
  body: Buffer;
  /** Under a content-hashed name (cached for good) or a plain one (revalidated after a few minutes). */
  versioned: boolean;
}

/** The workspace's stylesheet and script, and both by URL. */
export interface Assets {
  css: Asset;
  js: Asset;
  byUrl: Map<string, Asset>;
}

const TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' };

/**
 * Reads the workspace's stylesheet and script. They sit in `assets/` beside this module in the sources
 * and beside `dist/main.js` in the build (the build copies them), so the same URL resolves both.
 */
export function loadAssets(dir = fileURLToPath(new URL('./assets/', import.meta.url))): Assets {
  const load = (name: string): Asset => {
    const body = readFileSync(`${dir}${name}`);
    const [base, ext] = name.split('.') as [string, string];
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    return { url: `/assets/${base}.${hash}.${ext}`, type: TYPES[ext]!, body, versioned: true };
  };
  const css = load('app.css');
  const js = load('app.js');
  // The unversioned names serve pages built without the hashes (the sign-in and plugin error pages).
  const plain = (a: Asset, name: string): [string, Asset] => [`/assets/${name}`, { ...a, url: `/assets/${name}`, versioned: false }];
  return { css, js, byUrl: new Map([...[css, js].map((a) => [a.url, a] as [string, Asset]), plain(css, 'app.css'), plain(js, 'app.js')]) };
}

/** Serves the assets under /assets/ without sign-in (the sign-in page needs the stylesheet too). */
export function assetRoutes(app: FastifyInstance, assets: Assets): void {
  app.get('/assets/:file', async (req, reply) => {
    const asset = assets.byUrl.get(req.url.split('?')[0]!);
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('no such asset');
    return reply.type(asset.type).header('cache-control', asset.versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300').send(asset.body);
  });
}
