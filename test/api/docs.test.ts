import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../helpers/context.js';
import { checkedApi } from '../helpers/api.js';

type Doc = {
  info: { license?: { name: string; identifier?: string } };
  servers?: { url: string }[];
  paths: Record<string, Record<string, { operationId?: string; responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> }>>;
  components: { schemas: Record<string, unknown> };
};

describe('API documentation', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let doc: Doc;

  beforeAll(async () => {
    const t = await testContext({ api: { keys: ['docs-key-0123456789'] } });
    close = t.close;
    app = await checkedApi(t.ctx);
    doc = (await app.inject({ url: '/openapi.json' })).json<Doc>();
  });
  afterAll(async () => {
    await app.close();
    await close();
  });

  const operations = () => Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, op })));

  it('names every operation (unique operationIds), its server and its licence', () => {
    const ids = operations().map(({ at, op }) => op.operationId ?? `(none at ${at})`);
    expect(ids.length).toBeGreaterThanOrEqual(22);
    expect(ids.filter((id) => !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
  });

  it('gives every response a schema, so a generated client knows each answer’s type', () => {
    const missing = operations().flatMap(({ at, op }) =>
      Object.entries(op.responses).flatMap(([status, r]) => Object.entries(r.content ?? { '(none)': {} }).filter(([, c]) => !c.schema || Object.keys(c.schema).length === 0).map(([type]) => `${at} ${status} ${type}`)),
    );
    expect(missing).toEqual([]);
    // The review as the API shows it is a named component with its fields typed.
    expect(doc.components.schemas.Review).toMatchObject({ type: 'object', properties: { id: { type: 'string' }, verdict: expect.anything(), lifecycle: expect.anything() } });
    expect(doc.paths['/v1/reviews/{id}']!.get!.responses['200']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Review' });
  });

  it('spells what it documents right', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/statuss|severitys|ratings:|lifecycle\.followUpAfter(?!Seconds)/);
  });

  it('serves /docs with Swagger UI from local files only, each of which answers', async () => {
    const page = await app.inject({ url: '/docs' });
    expect(page.statusCode).toBe(200);
    const refs = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThanOrEqual(4);
    expect(refs.filter((r) => /^(https?:)?\/\//.test(r))).toEqual([]);
    for (const ref of refs) {
      const res = await app.inject({ url: new URL(ref, 'http://x/docs').pathname });
      expect(res.statusCode, ref).toBe(200);
      expect(res.headers['x-content-type-options'], ref).toBe('nosniff');
    }
    const init = await app.inject({ url: '/docs/static/swagger-initializer.js' });
    expect(init.body).toContain("resolveUrl('./json')");
  });
});
