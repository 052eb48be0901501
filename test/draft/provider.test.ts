import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { draftingSchema } from '../../src/config/schema.js';
import { draftReply, draftWithProvider } from '../../src/draft/index.js';
import { business, review, verdict } from './factories.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let server: Server;
let baseUrl: string;
let handler: Handler;
let requests: { url: string | undefined; auth: string | undefined; body: string }[];

/** A stand-in for an OpenAI-compatible `/v1/chat/completions` endpoint. */
const completion = (content: string): Handler => (_req, _body, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      requests.push({ url: req.url, auth: req.headers.authorization, body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  requests = [];
  handler = completion('unused');
});

const env = { TEST_LLM_KEY: 'sk-test-123' };
const ctx = (over: Record<string, unknown> = {}) => ({
  business: business(),
  drafting: draftingSchema.parse({
    provider: 'openai-compatible',
    openai: { baseUrl, model: 'fake-model', apiKeyEnv: 'TEST_LLM_KEY', timeoutMs: 5_000, ...over },
  }),
});
const r = review('We waited 40 minutes for a table and the food was cold.', { author: 'John Smith' });
const v = verdict({ topics: ['waiting_time'] });
const GOOD =
  'Hi John, the 40-minute wait and the cold food are not what we want for anyone at Café Luna. Thank you for telling us, and we are truly sorry. ' +
  'We are looking into it with the team. Please contact us at hello@cafeluna.example so we can put this right.\nMaria, owner';

describe('draftWithProvider (openai-compatible)', () => {
  it('uses a model draft that passes the guardrails, sending the playbook, business facts and review', async () => {
    handler = completion(GOOD);
    const d = await draftWithProvider(r, v, ctx(), { env });
    expect(d.provider).toBe('openai-compatible');
    expect(d.fallbackReason).toBeUndefined();
    expect(d.reply).toBe(GOOD);
    expect(d.violations).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe('/v1/chat/completions');
    expect(requests[0]?.auth).toBe('Bearer sk-test-123');
    const sent = JSON.parse(requests[0]?.body ?? '{}') as { model: string; messages: { role: string; content: string }[] };
    expect(sent.model).toBe('fake-model');
    expect(sent.messages[0]?.content).toMatch(/Never suggest the customer is wrong/);
    expect(sent.messages[0]?.content).toContain('hello@cafeluna.example');
    expect(sent.messages[0]?.content).toContain('Café Luna');
    expect(sent.messages[1]?.content).toContain('40 minutes');
  });

  it('tells the model a review that is only a rating has no words to acknowledge, and says nothing of it for a review with text', async () => {
    handler = completion(GOOD);
    await draftWithProvider(review('', { rating: 1, author: 'John Smith' }), verdict(), ctx(), { env });
    const sent = JSON.parse(requests.at(-1)?.body ?? '{}') as { messages: { content: string }[] };
    expect(sent.messages[0]?.content).toMatch(/only a rating.*never refer to anything the customer wrote/i);
    handler = completion(GOOD);
    await draftWithProvider(r, v, ctx(), { env });
    const withText = JSON.parse(requests.at(-1)?.body ?? '{}') as { messages: { content: string }[] };
    expect(withText.messages[0]?.content).not.toMatch(/only a rating/i);
  });

  it('keeps a correct German reply to a German review, and asks the model for German in the business’s register ("du" when friendly)', async () => {
    const german =
      'Hallo Anna, was Sie über die Wartezeit schreiben, nehmen wir sehr ernst. Vielen Dank für Ihre offenen Worte, und es tut uns aufrichtig leid. ' +
      'Bitte melden Sie sich unter hello@cafeluna.example, damit wir das in Ordnung bringen können.\nMaria, Inhaberin';
    handler = completion(german);
    const rde = review('Wir haben 40 Minuten auf unseren Kaffee gewartet. Unmöglich!', { author: 'Anna Weber' });
    const d = await draftWithProvider(rde, verdict({ language: 'de', topics: ['waiting_time'] }), ctx(), { env });
    expect(d.fallbackReason).toBeUndefined();
    expect(d.provider).toBe('openai-compatible');
    expect(d.reply).toBe(german);
    expect(d.language).toBe('de');
    const sent = JSON.parse(requests[0]?.body ?? '{}') as { messages: { content: string }[] };
    expect(sent.messages[0]?.content).toMatch(/Write the whole reply in German \(de\).*"du"/);
    // The model is given the name the template would greet with: the first name in the familiar register.
    expect(JSON.parse(sent.messages[1]?.content ?? '{}')).toMatchObject({ reviewer_name: 'Anna' });
    // In the formal register ("Sie"), the whole name, as the template greets.
    handler = completion(german);
    await draftWithProvider(rde, verdict({ language: 'de', topics: ['waiting_time'] }), { ...ctx(), business: business({ tone: 'formal' }) }, { env });
    const formal = JSON.parse(requests.at(-1)?.body ?? '{}') as { messages: { content: string }[] };
    expect(JSON.parse(formal.messages[1]?.content ?? '{}')).toMatchObject({ reviewer_name: 'Anna Weber' });
    // The same German text without its apology is caught in German, and the template (in German) is used.
    handler = completion(german.replace(', und es tut uns aufrichtig leid', ''));
    const without = await draftWithProvider(rde, verdict({ language: 'de', topics: ['waiting_time'] }), ctx(), { env });
    expect(without.fallbackReason).toBe('model draft failed guardrails: apology');
    expect(without.language).toBe('de');
    expect(without.reply).toMatch(/\b(du|dich|dir|dein\w*)\b/);
  });

  it('falls back to the template draft when the model output breaks a guardrail', async () => {
    handler = completion('Hi John, sorry, but you are wrong: the food was hot. Please update your review. Thanks.');
    const d = await draftWithProvider(r, v, ctx(), { env });
    expect(d.provider).toBe('template');
    expect(d.fallbackReason).toMatch(/guardrails: .*contact.*no-argument.*no-review-change/);
    expect(d.reply).toBe(draftReply(r, v, ctx()).reply);
    expect(d.violations).toEqual([]);
  });

  it('falls back on a timeout', async () => {
    handler = (_req, _body, res) => {
      setTimeout(() => completion(GOOD)(_req, _body, res), 1500).unref();
    };
    const started = Date.now();
    const d = await draftWithProvider(r, v, ctx({ timeoutMs: 150 }), { env });
    expect(d.provider).toBe('template');
    expect(d.fallbackReason).toMatch(/timeout/);
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it('falls back on an HTTP error, a body without content, and an unreachable server', async () => {
    handler = (_req, _body, res) => {
      res.statusCode = 500;
      res.end('{"error":"boom"}');
    };
    expect((await draftWithProvider(r, v, ctx(), { env })).fallbackReason).toBe('HTTP 500 from provider');
    handler = (_req, _body, res) => res.end('not json');
    expect((await draftWithProvider(r, v, ctx(), { env })).fallbackReason).toBe('response is not JSON');
    handler = (_req, _body, res) => res.end('{"choices":[]}');
    expect((await draftWithProvider(r, v, ctx(), { env })).fallbackReason).toMatch(/no choices/);
    const unreachable = await draftWithProvider(r, v, ctx({ baseUrl: 'http://127.0.0.1:1/v1' }), { env });
    expect(unreachable.provider).toBe('template');
    expect(unreachable.fallbackReason).toMatch(/request failed/);
  });

  it('falls back without calling the model when the key variable is unset', async () => {
    const d = await draftWithProvider(r, v, ctx(), { env: {} });
    expect(d.fallbackReason).toMatch(/TEST_LLM_KEY is not set/);
    expect(requests).toHaveLength(0);
  });

  it('keeps a critical review for a person even when the model draft passes', async () => {
    handler = completion(GOOD);
    const d = await draftWithProvider(r, verdict({ severity: 'critical' }), ctx(), { env });
    expect(d.provider).toBe('openai-compatible');
    expect(d.requiresHuman).toBe(true);
    expect(d.autoPublish).toBe(false);
  });

  it('drafts from the template without any request when the provider is "template"', async () => {
    const d = await draftWithProvider(r, v, { business: business() }, { env });
    expect(d.provider).toBe('template');
    expect(d.fallbackReason).toBeUndefined();
    expect(requests).toHaveLength(0);
  });

  it('rejects a config that selects the model provider without its settings', () => {
    expect(draftingSchema.safeParse({ provider: 'openai-compatible' }).success).toBe(false);
  });
});
