import { describe, expect, it } from 'vitest';
import type { StoredReview } from '../../src/store/review-store.js';
import { contributionOf, parseCounterHash, type CountedPeriod } from '../../src/insights/counters.js';
import { lastWeeks, statsFromCounters, weekFigures } from '../../src/insights/window-stats.js';
import { inboxHref, inboxPage, type InboxRow } from '../../src/workspace/pages/inbox.js';
import { insightsPage } from '../../src/workspace/pages/insights.js';
import type { Chrome, PagePerson } from '../../src/workspace/pages/layout.js';
import { reviewPage, type ReviewModel } from '../../src/workspace/pages/review.js';
import { sourcesPage } from '../../src/workspace/pages/sources.js';
import { makeReview } from '../helpers/factories.js';

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
const owner: PagePerson = { email: 'maya@harbor.example', name: 'Maya Chen', role: 'owner' };
const chrome = (person: PagePerson = owner): Chrome => ({ person, csrfToken: 'tok"en', assets: { css: '/assets/app.1.css', js: '/assets/app.1.js' } });
const now = new Date('2026-11-20T12:00:00Z');

function stored(over: Partial<StoredReview> = {}, url = 'https://reviews.example.com/r/1'): StoredReview {
  const review = { ...makeReview('harbor', { rating: 1, title: 'Cold soup', text: 'We waited 50 minutes and the soup was cold.', author: 'Ana Silva' }), url };
  return {
    review,
    verdict: { negative: true, score: -0.9, severity: 'high', topics: ['waiting_time'], reasons: ['rating 1/5'], language: 'en' },
    draft: { reply: 'Thank you, Ana. We are sorry. Write to care@harborbistro.example.', violations: [], score: 1 },
    status: 'new',
    backfill: false,
    createdAt: '2026-11-20T10:00:00Z',
    alertedAt: '2026-11-20T10:00:01Z',
    ratingHistory: [{ rating: 1, at: '2026-11-20T10:00:00Z' }],
    lifecycle: {},
    ...over,
  };
}

function model(s: StoredReview, over: Partial<ReviewModel> = {}): ReviewModel {
  return { stored: s, history: [], publisher: { type: 'manual', automatic: false }, may: { respond: true, approve: true }, defaultFollowUpSeconds: 86_400, replyText: s.draft?.reply ?? '', violations: s.draft?.violations ?? [], ...over };
}

/** Markup the CSP would block: inline script, inline style, inline handlers, javascript: URLs. */
function cspViolations(markup: string): string[] {
  // Quoted attribute values are text (escaped): only the markup around them can be an attribute.
  const page = markup.replace(/="[^"]*"/g, '=""');
  const found: string[] = [];
  for (const m of markup.matchAll(/<script\b[^>]*>/gi)) if (!/^<script type="module" src="\/assets\/[^"]+"><\/script>/.test(markup.slice(m.index))) found.push(m[0]);
  for (const m of page.matchAll(/<[^>]+\s(style|on[a-z]+)\s*=/gi)) found.push(m[0]);
  for (const m of page.matchAll(/<style\b/gi)) found.push(m[0]);
  for (const m of markup.matchAll(/href="\s*javascript:/gi)) found.push(m[0]);
  return found;
}

describe('workspace pages (render functions)', () => {
  it('escapes every value from a review and a person, and links only to http(s) URLs', () => {
    const s = stored({ review: { ...stored().review, title: HOSTILE, author: HOSTILE, text: HOSTILE, url: 'javascript:alert(3)' }, draft: { reply: HOSTILE, violations: [{ rule: 'thanks', message: 'No thanks', span: HOSTILE }], score: 0 } });
    s.verdict!.reasons = [HOSTILE];
    const page = reviewPage(chrome({ ...owner, name: HOSTILE }), model(s, { notice: HOSTILE, problem: HOSTILE, history: [{ at: now.toISOString(), actor: HOSTILE, action: 'approve', note: HOSTILE }] }));
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('javascript:');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('value="tok&quot;en"');
    expect(cspViolations(page)).toEqual([]);
    const row: InboxRow = { id: s.review.id, title: HOSTILE, text: HOSTILE, author: HOSTILE, status: 'new', sourceId: 'harbor', topics: [HOSTILE], assignee: HOSTILE, overdue: false, recovered: false };
    const inbox = inboxPage(chrome(), { rows: [row], counts: { new: 1, acknowledged: 0, replied: 0, resolved: 0, followed_up: 0 }, filters: { q: HOSTILE }, nextCursor: null, sources: ['harbor'], topics: [], now });
    expect(inbox).not.toContain('<script>alert');
    expect(inbox).not.toContain('<img src=x');
    expect(cspViolations(inbox)).toEqual([]);
  });

  it('tells the owner a review was answered on the platform, edited after the reply, an excerpt, or machine-translated', () => {
    const base = stored();
    const s = stored({
      status: 'replied',
      review: { ...base.review, excerpt: true, translation: 'We waited an hour <b>and</b> the soup was cold.', url: 'https://www.yelp.com/biz/harbor?hrid=1' },
      lifecycle: { repliedOn: 'platform', repliedAt: '2026-11-21T10:00:00Z', replyText: 'Sorry, Ana…', outdatedAt: '2026-11-25T08:00:00Z' },
    });
    const page = reviewPage(chrome(), model(s));
    expect(page).toContain('<span class="badge platform">replied on the platform</span>');
    expect(page).toMatch(/<span class="badge overdue">edited after the reply <time datetime="2026-11-25T08:00:00.000Z">[^<]*<\/time>: the reply may no longer fit<\/span>/);
    expect(page).toContain('Only an excerpt: the platform does not give the full text; <a href="https://www.yelp.com/biz/harbor?hrid=1"');
    expect(page).toContain('The platform’s translation');
    expect(page).toContain('We waited an hour &lt;b&gt;and&lt;/b&gt; the soup was cold.');
    expect(page).toContain('Reply posted on the platform by the business');
    const plain = reviewPage(chrome(), model(stored()));
    expect(plain).not.toMatch(/replied on the platform|edited after the reply|Only an excerpt|translation/);
  });

  it('shows owners Approve, responders no Approve, and viewers no action at all', () => {
    const s = stored();
    const forOwner = reviewPage(chrome(), model(s));
    expect(forOwner).toMatch(/<label for="reply">Reply<\/label>/);
    expect(forOwner).toMatch(/<button[^>]*>Approve<\/button>/);
    const forResponder = reviewPage(chrome({ ...owner, role: 'responder' }), model(s, { may: { respond: true, approve: false } }));
    expect(forResponder).not.toMatch(/>Approve</);
    expect(forResponder).toMatch(/>Save draft</);
    const forViewer = reviewPage(chrome({ ...owner, role: 'viewer' }), model(s, { may: { respond: false, approve: false } }));
    // The only form a viewer gets is signing out.
    expect([...forViewer.matchAll(/<form\b[^>]*>/g)].map((m) => m[0])).toEqual(['<form method="post" action="/logout">']);
    expect(forViewer).not.toContain('<textarea');
  });

  it('walks the stages: manual posting with the platform link, then resolve, then the follow-up', () => {
    const approved = stored({ status: 'acknowledged', lifecycle: { approvedAt: now.toISOString(), approvedBy: 'Maya Chen', replyText: 'Thank you, Ana.' } });
    const post = reviewPage(chrome(), model(approved));
    expect(post).toContain('Copy the reply and open the review on its platform first');
    expect(post).toContain('href="https://reviews.example.com/r/1"');
    expect(post).toMatch(/action="\/reviews\/[^"]+\/posted"[^]*>Mark as posted</);
    const auto = reviewPage(chrome(), model(approved, { publisher: { type: 'webhook', automatic: true } }));
    expect(auto).toMatch(/>Publish</);
    expect(auto).not.toContain('Mark as posted');
    const replied = reviewPage(chrome(), model(stored({ status: 'replied', lifecycle: { repliedAt: now.toISOString(), replyText: 'Thank you' } })));
    expect(replied).toMatch(/<label for="resolve-note">/);
    expect(replied).toMatch(/>Resolve</);
    const resolved = reviewPage(chrome(), model(stored({ status: 'resolved', lifecycle: { followUpText: 'All fixed', followUpDueAt: now.toISOString() } }), { publisher: { type: 'webhook', automatic: true } }));
    expect(resolved).toMatch(/>Send follow-up</);
  });

  it('marks a review recovered when the rating went up after the reply', () => {
    const s = stored({
      status: 'replied',
      lifecycle: { repliedAt: '2026-11-20T11:00:00Z' },
      ratingHistory: [
        { rating: 1, at: '2026-11-20T10:00:00Z' },
        { rating: 4, at: '2026-11-20T11:30:00Z' },
      ],
    });
    const page = reviewPage(chrome(), model(s));
    expect(page).toContain('recovered');
    expect(page).toContain('Rating history');
  });

  it('inbox: counts per status, filters kept in links, paging by cursor', () => {
    const page = inboxPage(chrome(), { rows: [], counts: { new: 1200, acknowledged: 3, replied: 0, resolved: 1, followed_up: 0 }, filters: { severity: 'critical', cursor: 'abc' }, nextCursor: 'def', sources: ['harbor'], topics: ['waiting_time'], now });
    expect(page).toContain('All<span class="n">1,204</span>');
    expect(page).toContain('href="/?severity=critical&amp;status=new"');
    expect(page).toContain('href="/?severity=critical&amp;cursor=def"');
    expect(inboxHref({ mine: true, overdue: false, q: 'cold soup' })).toBe('/?mine=1&q=cold+soup');
    const row: InboxRow = { id: 'harbor-1', text: 'Cold', status: 'new', sourceId: 'harbor', topics: [], overdue: false, recovered: false };
    const listed = (flaggedAt: string): string => inboxPage(chrome(), { rows: [{ ...row, flaggedAt }], counts: { new: 1, acknowledged: 0, replied: 0, resolved: 0, followed_up: 0 }, filters: {}, nextCursor: null, sources: [], topics: [], now });
    expect(listed(now.toISOString())).toContain('>just now<');
    expect(listed('2026-11-20T09:00:00Z')).toContain('>3 h ago<');
  });

  it('sources and insights render their figures', () => {
    const src = sourcesPage(chrome(), [{ id: 'harbor', business: 'default', type: 'rss', schedule: '* * * * *', enabled: true, publisher: 'manual', healthy: false, consecutiveFailures: 3, reviewsSeen: 12, lastPollAt: now.toISOString(), lastError: `HTTP 503 ${HOSTILE}`, nextPollAt: now.toISOString() }], now);
    expect(src).toContain('failing');
    expect(src).toContain('3 failures in a row');
    expect(src).not.toContain('<script>alert');
    const periods = weekPeriods(['2026-W44', '2026-W45'], [stored(), stored({ verdict: { ...stored().verdict!, negative: false } })]);
    const spike = { type: 'spike' as const, id: 'spike-2026-W46-topic-cleanliness', at: '2026-11-11T23:00:00.000Z', summary: `Negative reviews about cleanliness: 12 this week ${HOSTILE}`, examples: [{ reviewId: 'harbor-0123456789abcdef', sourceId: 'harbor', author: 'Ana', excerpt: 'Dirty', page: '/reviews/harbor-0123456789abcdef' }], spike: { kind: 'topic' as const, subject: 'cleanliness', count: 12, baseline: 1, pValue: 1e-9, period: '2026-W46', since: '2026-11-09T00:00:00.000Z', until: '2026-11-16T00:00:00.000Z', sources: ['harbor'] } };
    const drop = { type: 'rating_drop' as const, id: 'rating_drop-tidy-1', at: '2026-11-12T23:00:00.000Z', summary: 'The average rating on tidy fell', examples: [], ratingDrop: { sourceId: 'tidy', from: 4.5, to: 4, average: 3.9, ratings: 80, windowDays: 28, pValue: 1e-6 } };
    const page = insightsPage(chrome(), { weeks: 4, stats: statsFromCounters(periods, { byDay: false }), byWeek: weekFigures(periods), alerts: [spike, drop] });
    expect(page).toContain('Patterns lately');
    // Each leads to the inbox narrowed to what it is about.
    expect(page).toContain('<a href="/?topic=cleanliness">All flagged reviews about cleanliness</a>');
    expect(page).toContain('<a href="/?source=tidy">All flagged reviews on tidy</a>');
    expect(page).toContain('<strong>Spike</strong> · <time datetime="2026-11-11T23:00:00.000Z">2026-11-11</time>');
    expect(page).toContain('<a href="/reviews/harbor-0123456789abcdef">Ana on harbor</a>');
    expect(page).not.toContain('<script>alert');
    expect(insightsPage(chrome(), { weeks: 4, stats: statsFromCounters(periods, { byDay: false }), byWeek: weekFigures(periods), alerts: [] })).not.toContain('Patterns lately');
    expect(page).toMatch(/<svg [^>]*role="img"/);
    expect(page).toContain('waiting time');
    expect(cspViolations(page)).toEqual([]);
  });
});

/** Week periods as the counters hold them: each review's contribution added to its week's hash. */
function weekPeriods(weeks: string[], reviews: StoredReview[]): CountedPeriod[] {
  const hashes = new Map<string, Record<string, string>>(weeks.map((w) => [w, {}]));
  for (const r of reviews) {
    const [, week, ...fields] = contributionOf({ sourceId: r.review.sourceId, rating: r.review.rating, publishedAt: r.review.publishedAt, verdict: r.verdict! }).split('\n');
    const h = hashes.get(week!);
    if (h) for (const f of fields) h[f] = String(Number(h[f] ?? 0) + 1);
  }
  return weeks.map((label) => ({ label, kind: 'week' as const, bySource: parseCounterHash(hashes.get(label)!) }));
}

describe('weekly figures', () => {
  it('gives each ISO week by its Monday, empty weeks kept, for the charts', () => {
    const at = (publishedAt: string, rating: number, negative: boolean): StoredReview => stored({ review: { ...stored().review, publishedAt, rating }, verdict: { ...stored().verdict!, negative } });
    const weeks = lastWeeks(new Date('2026-12-02T00:00:00Z'), 4);
    expect(weeks).toEqual(['2026-W46', '2026-W47', '2026-W48', '2026-W49']);
    const periods = weekPeriods(weeks, [at('2026-11-16T08:00:00Z', 1, true), at('2026-11-22T23:59:00Z', 4, false), at('2026-12-01T12:00:00Z', 5, false)]);
    expect(weekFigures(periods)).toEqual([
      { week: '2026-11-09', reviews: 0, negative: 0, averageRating: null },
      { week: '2026-11-16', reviews: 2, negative: 1, averageRating: 2.5 },
      { week: '2026-11-23', reviews: 0, negative: 0, averageRating: null },
      { week: '2026-11-30', reviews: 1, negative: 0, averageRating: 5 },
    ]);
  });
});
