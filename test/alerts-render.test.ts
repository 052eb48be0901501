import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { logChannel } from '../src/alerts/channels/log.js';
import {
  alertLinks,
  alertSubject,
  escapeHtml,
  excerpt,
  renderDigestHtml,
  renderDigestSlack,
  renderDigestText,
  renderHtml,
  renderSlack,
  renderText,
  type SlackBlock,
} from '../src/alerts/render.js';
import { accepts, deliveryMode, route, type RouteInput, type RoutingRule } from '../src/alerts/routing.js';
import { createLogger } from '../src/logger.js';
import { parseRss } from '../src/sources/rss.js';
import { signBody, signTimestamped } from '../src/webhook-signature.js';
import { makePayload } from './helpers/alerts.js';
import { captureLogs } from './helpers/context.js';

describe('routing', () => {
  const base: RoutingRule = { minSeverity: 'medium' };
  const input = (over: Partial<RouteInput> = {}): RouteInput => ({ severity: 'high', sourceId: 'harbor', topics: ['waiting_time'], ...over });
  const table: [string, RoutingRule, RouteInput, boolean][] = [
    ['severity above the minimum', base, input(), true],
    ['severity equal to the minimum', base, input({ severity: 'medium' }), true],
    ['severity below the minimum', base, input({ severity: 'low' }), false],
    ['critical below any minimum', { minSeverity: 'critical' }, input({ severity: 'critical' }), true],
    ['high under a critical-only channel', { minSeverity: 'critical' }, input({ severity: 'high' }), false],
    ['source listed', { ...base, sources: ['harbor', 'tidy'] }, input(), true],
    ['source not listed', { ...base, sources: ['tidy'] }, input(), false],
    ['critical still respects sources', { ...base, sources: ['tidy'] }, input({ severity: 'critical' }), false],
    ['one topic matches', { ...base, topics: ['staff_service', 'waiting_time'] }, input(), true],
    ['no topic matches', { ...base, topics: ['app_bugs'] }, input(), false],
    ['no topics on the review', { ...base, topics: ['app_bugs'] }, input({ topics: [] }), false],
    ['critical bypasses topics', { ...base, topics: ['app_bugs'] }, input({ severity: 'critical', topics: [] }), true],
    ['all filters pass', { minSeverity: 'low', sources: ['harbor'], topics: ['waiting_time'] }, input({ severity: 'low' }), true],
  ];
  it.each(table)('%s', (_name, rule, review, expected) => {
    expect(accepts(rule, review)).toBe(expected);
  });

  it('gathers digests except for critical reviews, and routes to every accepting channel in order', () => {
    const digest: RoutingRule = { minSeverity: 'low', digest: { windowSeconds: 60 } };
    expect(deliveryMode(digest, 'high')).toBe('digest');
    expect(deliveryMode(digest, 'critical')).toBe('now');
    expect(deliveryMode(base, 'low')).toBe('now');
    const channels = [
      { id: 'all', rule: { minSeverity: 'low' } as RoutingRule },
      { id: 'tidy-only', rule: { minSeverity: 'low', sources: ['tidy'] } as RoutingRule },
      { id: 'bugs', rule: { minSeverity: 'low', topics: ['app_bugs'] } as RoutingRule },
      { id: 'urgent', rule: { minSeverity: 'critical' } as RoutingRule },
    ];
    expect(route(channels, input())).toEqual(['all']);
    expect(route(channels, input({ severity: 'critical' }))).toEqual(['all', 'bugs', 'urgent']);
    expect(route(channels, input({ sourceId: 'tidy', topics: ['app_bugs'] }))).toEqual(['all', 'tidy-only', 'bugs']);
  });
});

describe('rendering', () => {
  const hostile = makePayload({
    review: { title: 'Bad <b>night</b>', text: 'The <script>alert("x")</script> & the "waiter" was rude.', author: 'Eve <eve@example.com>', url: 'javascript:alert(1)' },
    verdict: { topics: ['staff_service', 'waiting_time'], severity: 'high' },
    publicUrl: 'https://rm.example.com/base/',
  });

  it('escapes HTML in every piece of review text and drops non-http links', () => {
    const html = renderHtml(hostile, alertLinks(hostile));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>night');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; the &quot;waiter&quot;');
    expect(html).toContain('Eve &lt;eve@example.com&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://rm.example.com/base/v1/reviews/');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('renders a plain-text alert with rating, severity, topics, excerpt, draft and links', () => {
    const p = makePayload({ publicUrl: 'https://rm.example.com' });
    const text = renderText(p, alertLinks(p));
    expect(text).toContain('Rating:   ★☆☆☆☆ 1/5');
    expect(text).toContain('Severity: high');
    expect(text).toContain('Topics:   waiting time');
    expect(text).toContain('We waited 50 minutes and the soup was cold.');
    expect(text).toContain('Draft reply:\nThank you for telling us');
    expect(text).toContain('Review: https://reviews.example.com/r/1');
    expect(text).toContain(`API:    https://rm.example.com/v1/reviews/${p.reviewId}`);
    expect(alertSubject(p)).toBe('[review-monitor] Negative 1★ review on harbor (high): Cold food, long wait');
    expect(alertSubject(makePayload({ verdict: { severity: 'critical' } }))).toMatch(/^\[review-monitor\] CRITICAL /);
  });

  it('says a review is only a rating, in every format, instead of an empty quote and a headline ending in ":"', () => {
    const p = makePayload({ review: { title: undefined, text: '' } });
    const links = alertLinks(p);
    expect(alertSubject(p)).toBe('[review-monitor] Negative 1★ review on harbor (high): a rating, no text');
    expect(renderText(p, links)).toContain('Review:\n(a rating, no text)\n');
    expect(renderHtml(p, links)).toContain('<blockquote><p>(a rating, no text)</p></blockquote>');
    expect(JSON.stringify(renderSlack(p, links))).toContain('(a rating, no text)');
    const digest = renderDigestText([p], { channelId: 'c', windowStart: '2026-11-20T12:00:00Z', windowEnd: '2026-11-20T13:00:00Z', idempotencyKey: 'k' }, alertLinks);
    expect(digest).toContain('(a rating, no text)');
  });

  it('cuts long excerpts at a word boundary', () => {
    expect(excerpt('short')).toBe('short');
    const cut = excerpt('word '.repeat(200), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/word…$/);
  });

  it('builds Block Kit: header, fields, excerpt, draft, link buttons; mrkdwn escaped', () => {
    const p = makePayload({ publicUrl: 'https://rm.example.com', review: { text: 'Rude <@here> & slow' } });
    const msg = renderSlack(p, alertLinks(p));
    expect(msg.text).toContain('Negative 1★ review on harbor');
    const types = msg.blocks.map((b) => b.type);
    expect(types).toEqual(['header', 'section', 'section', 'section', 'actions', 'context']);
    const [header, fields, body, draft, actions] = msg.blocks as [SlackBlock, SlackBlock, SlackBlock, SlackBlock, SlackBlock];
    expect((header.text as { type: string; text: string }).type).toBe('plain_text');
    const fieldTexts = (fields.fields as { text: string }[]).map((f) => f.text);
    expect(fieldTexts).toEqual(['*Rating*\n★☆☆☆☆ 1/5', '*Severity*\nhigh', '*Topics*\nwaiting time', '*Author*\nAna Silva']);
    expect((body.text as { text: string }).text).toContain('>Rude &lt;@here&gt; &amp; slow');
    expect((draft.text as { text: string }).text).toContain('*Draft reply*\n>Thank you for telling us');
    expect(actions.elements).toEqual([
      { type: 'button', text: { type: 'plain_text', text: 'Open in inbox' }, url: `https://rm.example.com/reviews/${p.reviewId}`, action_id: 'open_inbox' },
      { type: 'button', text: { type: 'plain_text', text: 'Open review' }, url: 'https://reviews.example.com/r/1' },
      { type: 'button', text: { type: 'plain_text', text: 'Open in API' }, url: `https://rm.example.com/v1/reviews/${p.reviewId}` },
    ]);
    // A channel's apiBaseUrl wins over publicUrl; without either there is no API button, only the path.
    expect(alertLinks(p, 'https://slack-api.example.com').api).toBe(`https://slack-api.example.com/v1/reviews/${p.reviewId}`);
    const bare = makePayload({ review: { url: undefined } });
    const plain = renderSlack(bare, alertLinks(bare));
    expect(plain.blocks.map((b) => b.type)).not.toContain('actions');
    expect(JSON.stringify(plain.blocks.at(-1))).toContain(`/v1/reviews/${bare.reviewId}`);
  });

  it('renders digests listing every review (text, escaped HTML, Slack capped at 20 sections)', () => {
    const ps = Array.from({ length: 23 }, (_, i) => makePayload({ review: { title: `Issue ${i} <i>`, text: `Problem number ${i}` } }));
    const info = { channelId: 'chan', windowStart: '2026-11-20T12:00:00.000Z', windowEnd: '2026-11-20T12:10:00.000Z', idempotencyKey: 'digest-chan-1' };
    const links = (p: (typeof ps)[number]) => alertLinks(p);
    const text = renderDigestText(ps, info, links);
    expect(text).toMatch(/^23 negative reviews between/);
    for (let i = 0; i < 23; i += 1) expect(text).toContain(`Problem number ${i}`);
    const html = renderDigestHtml(ps, info, links);
    expect(html).toContain('Issue 22 &lt;i&gt;');
    expect(html).not.toContain('<i>');
    expect((html.match(/<li>/g) ?? []).length).toBe(23);
    const slack = renderDigestSlack(ps, info, links);
    expect(slack.blocks.filter((b) => b.type === 'section')).toHaveLength(20);
    expect(JSON.stringify(slack.blocks.at(-1))).toContain('and 3 more');
  });

  /** Every string anywhere in a rendered message (top-level text, headers, fields, buttons, context), by key. */
  const stringsOf = (v: unknown, key = ''): [string, string][] =>
    typeof v === 'string'
      ? [[key, v]]
      : Array.isArray(v)
        ? v.flatMap((x) => stringsOf(x, key))
        : v && typeof v === 'object'
          ? Object.entries(v).flatMap(([k, x]) => stringsOf(x, k))
          : [];

  /** Slack reads `<…>` as a mention or link and `&…;` as an entity: only our own links may appear. */
  function expectNoSlackMarkup(message: unknown, ownLinks: string[]): void {
    for (const [key, s] of stringsOf(message)) {
      // A button's `url` is a URL, not text Slack formats: it must be one of ours.
      if (key === 'url') {
        expect(ownLinks).toContain(s);
        continue;
      }
      for (const token of s.match(/<[^>]*>?/g) ?? []) {
        const link = /^<(https?:\/\/[^|<>\s]+)\|(Review|API|Open in inbox)>$/.exec(token);
        expect(link, `markup ${token} in ${JSON.stringify(s)}`).not.toBeNull();
        expect(ownLinks).toContain(link![1]!.replace(/&amp;/g, '&'));
      }
      expect(s.replace(/&(amp|lt|gt);/g, ''), `raw & in ${JSON.stringify(s)}`).not.toContain('&');
    }
  }

  it('lets no review text ping, link or open an entity anywhere in a Slack message, even via RSS double-encoding', async () => {
    const title = '<!channel> <http://evil.example/login|Open review securely>';
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>g1</guid><title>Cold food</title>
      <author>&amp;lt;@U024BE7LH&amp;gt; Eve</author>
      <description>${esc('<p>Awful &amp;lt;!here&amp;gt; &amp;lt;https://evil.example|click&amp;gt; &amp;amp; worse</p>')}</description>
      <link>https://reviews.example.com/r/1?a=1&amp;b=2|Sign in again</link></item></channel></rss>`;
    const [raw] = await parseRss(rss);
    expect(raw!.text).toContain('<!here>'); // the feed really carries markup-looking text
    const p = makePayload({ review: { ...raw!, title, rating: 1 }, draft: { reply: 'Sorry <!everyone>, write to care@harborbistro.example', violations: [], score: 1 }, publicUrl: 'https://rm.example.com' });
    const links = alertLinks(p);
    const own = [links.review!, links.inbox!, links.api!];

    const msg = renderSlack(p, links);
    expect(msg.text).toContain('&lt;!channel&gt; &lt;http://evil.example/login|Open review securely&gt;');
    expectNoSlackMarkup(msg, own);
    // The link to the review keeps its own label: a `|` in the review's URL cannot relabel it.
    expect(stringsOf(msg).map(([, s]) => s).join('\n')).toContain('|Review>');

    const info = { channelId: 'chan', windowStart: '2026-11-20T12:00:00.000Z', windowEnd: '2026-11-20T12:10:00.000Z', idempotencyKey: 'digest-chan-1' };
    expectNoSlackMarkup(renderDigestSlack([p, p], info, alertLinks), own);
  });

  it('lets no terminal escape, control character or markup of a stored review reach an e-mail, a log line or HTML', async () => {
    const p = makePayload({
      review: {
        author: 'Eve\u001b]0;pwned\u0007 <img src=x onerror=alert(1)>',
        title: '\u001b[2J\u001b[31mCold\u001b[0m <b>food</b>',
        text: 'Waited\u001b]8;;https://evil.example\u001b\\ an hour\u001b]8;;\u001b\\ & left <script>alert(1)</script>\u0000',
        url: 'javascript:alert(1)',
      },
      draft: undefined,
      publicUrl: 'https://rm.example.com',
    });
    const links = alertLinks(p);
    expect(links.review).toBeUndefined();
    const info = { channelId: 'chan', windowStart: '2026-11-20T12:00:00.000Z', windowEnd: '2026-11-20T12:10:00.000Z', idempotencyKey: 'digest-chan-1' };
    const logs = captureLogs();
    const channel = logChannel('log', createLogger('info', logs.stream));
    await channel.deliver(p);
    await channel.deliverDigest([p], info);
    const outputs = [alertSubject(p), renderText(p, links), renderHtml(p, links), renderDigestText([p], info, alertLinks), renderDigestHtml([p], info, alertLinks), JSON.stringify(logs.lines)];
    for (const out of outputs) {
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\\u001b|\\u0000|\\u0007/);
      expect(out).not.toContain('pwned');
      expect(out).not.toContain('evil.example');
    }
    expect(renderText(p, links)).toContain('Author:   Eve <img src=x onerror=alert(1)>');
    expect(JSON.stringify(logs.lines)).toContain('Waited an hour & left');
    for (const html of [renderHtml(p, links), renderDigestHtml([p], info, alertLinks)]) {
      expect(html).not.toMatch(/<(img|script|b)\b/);
      expect(html).not.toContain('javascript:');
      expect(html).toContain('Cold &lt;b&gt;food&lt;/b&gt;');
    }
  });

  it('signs the exact body bytes with HMAC-SHA256', () => {
    const body = JSON.stringify({ hello: 'wörld' });
    expect(signBody('0123456789abcdef', body)).toBe(`sha256=${createHmac('sha256', '0123456789abcdef').update(Buffer.from(body, 'utf8')).digest('hex')}`);
    expect(signBody('0123456789abcdef', body)).not.toBe(signBody('0123456789abcdeX', body));
    // The timestamped one signs "<unix seconds>.<body>", so the time cannot be changed without the secret.
    const at = new Date('2026-11-20T12:00:00.900Z');
    const t = Math.floor(at.getTime() / 1000);
    expect(signTimestamped('0123456789abcdef', body, at)).toBe(`t=${t},v1=${createHmac('sha256', '0123456789abcdef').update(`${t}.${body}`).digest('hex')}`);
  });
});

describe('links to the review page', () => {
  it('every alert and digest entry links "Open in inbox" to the review page under publicUrl, and names the assignee', () => {
    const p = { ...makePayload({ publicUrl: 'https://rm.example.com/base' }), assignee: 'sam@harbor.example' };
    const links = alertLinks(p);
    const page = `https://rm.example.com/base/reviews/${p.reviewId}`;
    expect(links.inbox).toBe(page);
    expect(renderText(p, links)).toContain(`Open in inbox: ${page}`);
    expect(renderText(p, links)).toContain('Assigned: sam@harbor.example');
    expect(renderHtml(p, links)).toContain(`<a href="${page}">Open in inbox</a>`);
    expect(JSON.stringify(renderSlack(p, links))).toContain('Assigned to*\\nsam@harbor.example');
    const info = { channelId: 'chan', windowStart: '2026-11-20T12:00:00.000Z', windowEnd: '2026-11-20T12:10:00.000Z', idempotencyKey: 'digest-chan-1' };
    const q = makePayload({ publicUrl: 'https://rm.example.com/base', review: { title: 'Second' } });
    const text = renderDigestText([p, q], info, alertLinks);
    expect(text).toContain(`Open in inbox: ${page}`);
    expect(text).toContain(`Open in inbox: https://rm.example.com/base/reviews/${q.reviewId}`);
    expect(renderDigestHtml([p, q], info, alertLinks)).toContain(`<a href="https://rm.example.com/base/reviews/${q.reviewId}">Open in inbox</a>`);
    expect(JSON.stringify(renderDigestSlack([p, q], info, alertLinks))).toContain(`<https://rm.example.com/base/reviews/${q.reviewId}|Open in inbox>`);
  });
});
