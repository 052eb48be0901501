import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';
import type { AppContext } from '../../src/context.js';
import type { Review } from '../../src/domain/review.js';
import { draftReply } from '../../src/draft/index.js';
import { makeReview } from '../helpers/factories.js';
import { testContext } from '../helpers/context.js';
import { pagesApp, PEOPLE } from './pages-app.js';

const form = (fields: Record<string, string>) => ({ payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('workspace pages over HTTP', () => {
  let ctx: AppContext;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  const reviews: Review[] = [];

  beforeAll(async () => {
    ({ ctx, close } = await testContext({
      sources: [
        { id: 'harbor', type: 'rss', url: 'https://reviews.example.com/h.rss', schedule: '* * * * *' },
        // Replies to this source are posted by a publisher, not by hand (nothing listens: the job just waits).
        { id: 'tidy', type: 'rss', url: 'https://reviews.example.com/t.rss', schedule: '* * * * *', publisher: { type: 'webhook', url: 'http://127.0.0.1:9/replies' } },
      ],
    }));
    const texts = ['We waited 50 minutes and the soup was cold.', 'The waiter was rude and the bill was wrong.', 'Dirty table and a hair in my pasta.'];
    for (const [i, text] of texts.entries()) {
      const review = makeReview('harbor', { author: `Guest ${i}`, rating: 1, title: `Complaint ${i}`, text, url: `https://reviews.example.com/r/${i}` });
      await ctx.store.upsertReviews([review], { backfill: false });
      const verdict = classify({ text: review.text, title: review.title, rating: review.rating });
      const draft = draftReply(review, verdict, { business: ctx.config.business });
      await ctx.store.saveAnalyses([{ id: review.id, sourceId: 'harbor', hash: review.contentHash, verdict, draft, flag: true }], new Date(Date.UTC(2026, 10, 20, 10, i)));
      reviews.push(review);
    }
    app = await pagesApp(ctx);
  });
  afterAll(async () => {
    await app.close();
    await close();
  });

  it('inbox: flagged reviews newest first, counts per status, search, and a clear message for a broken link', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const order = [...res.body.matchAll(/>Complaint (\d)</g)].map((m) => m[1]);
    expect(order).toEqual(['2', '1', '0']);
    expect(res.body).toContain('new<span class="n">3</span>');
    const search = await app.inject({ url: '/?q=rude' });
    expect([...search.body.matchAll(/>Complaint (\d)</g)].map((m) => m[1])).toEqual(['1']);
    const bad = await app.inject({ url: '/?cursor=%%%' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('This page link is broken');
    expect(bad.body).not.toMatch(/at .*\.ts:\d+/);
    const badStatus = await app.inject({ url: '/?status=lost' });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.body).toContain('status');
  });

  it('a refused approval keeps the text the owner typed, shows the violations, and an override approves it', async () => {
    const id = reviews[0]!.id;
    const typed = 'Thank you for the review. It was not our fault: the kitchen was short-staffed. We are sorry; write to care@harborbistro.example.';
    const refused = await app.inject({ method: 'POST', url: `/reviews/${id}/approve`, ...form({ reply: typed }) });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Not done:');
    expect(refused.body).toContain('It was not our fault: the kitchen was short-staffed.');
    expect(refused.body).toContain('Blames a person');
    expect(refused.body).toMatch(/<div class="field" data-override>/);
    expect((await ctx.store.get(id))!.lifecycle.approvedAt).toBeUndefined();

    const approved = await app.inject({ method: 'POST', url: `/reviews/${id}/approve`, ...form({ reply: typed, override: 'the owner wants to explain the staffing' }) });
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toBe(`/reviews/${id}?done=approved`);
    const page = await app.inject({ url: approved.headers.location! });
    expect(page.body).toContain('Reply approved.');
    expect(page.body).toContain('Copy the reply and open the review on its platform first');
    expect(page.body).toContain('href="https://reviews.example.com/r/0"');

    expect((await app.inject({ method: 'POST', url: `/reviews/${id}/posted`, ...form({}) })).statusCode).toBe(303);
    expect((await app.inject({ method: 'POST', url: `/reviews/${id}/resolve`, ...form({ note: 'we hired two more cooks', followUpAfter: '3600' }) })).statusCode).toBe(303);
    const done = await app.inject({ url: `/reviews/${id}` });
    expect(done.body).toContain('Resolved');
    for (const step of ['Review stored', 'Flagged as negative', 'Reply edited', 'Reply approved', 'Reply posted', 'Resolved']) expect(done.body).toContain(step);
    expect(done.body).toContain('Maya Chen');
    expect(done.body).toContain('guardrails overridden: the owner wants to explain the staffing');
    // Manual publisher: the follow-up is copied to the platform, then marked as posted.
    expect(done.body).toContain('Mark follow-up as posted');
    expect((await app.inject({ method: 'POST', url: `/reviews/${id}/follow-up`, ...form({ posted: '1' }) })).statusCode).toBe(303);
    const closed = await app.inject({ url: `/reviews/${id}?done=followed_up` });
    expect(closed.body).toContain('Follow-up recorded as posted.');
    expect(closed.body).toContain('The reply and the follow-up are posted');
    expect((await ctx.store.get(id))!.status).toBe('followed_up');
  });

  it('offers Publish where the source posts replies itself, and says the reply is being published', async () => {
    const review = makeReview('tidy', { rating: 1, title: 'App crashes', text: 'The app crashes every time I open my orders.' });
    await ctx.store.upsertReviews([review], { backfill: false });
    const verdict = classify({ text: review.text, title: review.title, rating: review.rating });
    const draft = draftReply(review, verdict, { business: ctx.config.business });
    await ctx.store.saveAnalyses([{ id: review.id, sourceId: 'tidy', hash: review.contentHash, verdict, draft, flag: true }]);
    expect((await app.inject({ method: 'POST', url: `/reviews/${review.id}/approve`, ...form({ reply: draft.reply }) })).statusCode).toBe(303);
    const approved = await app.inject({ url: `/reviews/${review.id}` });
    expect(approved.body).toMatch(/<button type="submit">Publish<\/button>/);
    expect(approved.body).not.toContain('Mark as posted');
    const res = await app.inject({ method: 'POST', url: `/reviews/${review.id}/publish`, ...form({}) });
    expect(res.headers.location).toBe(`/reviews/${review.id}?done=publishing`);
    expect((await app.inject({ url: res.headers.location! })).body).toContain('Publishing through webhook');
    expect(await ctx.queues.queues.publish.getJob(`publish-reply-${review.id}`)).toBeDefined();
  });

  it('approves the draft as it was when the browser only changed its line breaks, recording no edit', async () => {
    const id = reviews[2]!.id;
    const draft = (await ctx.store.get(id))!.draft!.reply;
    expect(draft).toContain('\n');
    const res = await app.inject({ method: 'POST', url: `/reviews/${id}/approve`, ...form({ reply: draft.replace(/\n/g, '\r\n') }) });
    expect(res.statusCode).toBe(303);
    expect((await ctx.store.get(id))!.draft!.reply).toBe(draft);
    expect((await ctx.lifecycle.history(id)).map((e) => e.action)).toEqual(['approve']);
  });

  it('checks a reply with the API guardrails as it is typed', async () => {
    const id = reviews[1]!.id;
    const res = await app.inject({ method: 'POST', url: `/reviews/${id}/check`, payload: { text: 'Please remove your review.' } });
    expect(res.statusCode).toBe(200);
    const rules = (res.json() as { violations: { rule: string }[] }).violations.map((v) => v.rule);
    expect(rules).toContain('no-review-change');
    expect(rules).toContain('thanks');
  });

  it('refuses a viewer’s forged post and a responder’s approval, changing nothing', async () => {
    const id = reviews[1]!.id;
    const asViewer = await app.inject({ method: 'POST', url: `/reviews/${id}/acknowledge`, headers: { 'x-as': 'viewer', 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(asViewer.statusCode).toBe(403);
    expect(asViewer.body).toContain('may not');
    const asResponder = await app.inject({ method: 'POST', url: `/reviews/${id}/approve`, headers: { 'x-as': 'responder', 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(asResponder.statusCode).toBe(403);
    expect((await ctx.store.get(id))!.status).toBe('new');
    expect(await ctx.lifecycle.history(id)).toEqual([]);
  });

  it('answers an unknown review with a page, and a resolve with a bad delay naming the field', async () => {
    const missing = await app.inject({ url: '/reviews/harbor-0000000000000000' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('There is no review harbor-0000000000000000');
    const bad = await app.inject({ method: 'POST', url: `/reviews/${reviews[2]!.id}/resolve`, ...form({ followUpAfter: 'soon' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('the follow-up delay must be a number of seconds');
  });

  it('assigns a review to a person, shown in the inbox, its history and the "assigned to me" filter', async () => {
    for (const p of Object.values(PEOPLE)) await ctx.people.add({ ...p, password: 'correct horse battery' });
    const id = reviews[2]!.id;
    const unknown = await app.inject({ method: 'POST', url: `/reviews/${id}/assign`, ...form({ assignee: 'nobody@harbor.example' }) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('no person with e-mail nobody@harbor.example');
    const res = await app.inject({ method: 'POST', url: `/reviews/${id}/assign`, ...form({ assignee: PEOPLE.responder.email }) });
    expect(res.statusCode).toBe(303);
    const page = await app.inject({ url: `/reviews/${id}` });
    expect(page.body).toContain('Assigned to <strong>Sam Ortiz</strong>');
    expect(page.body).toMatch(/<span class="what">Assigned<\/span>[^]*to Sam Ortiz/);
    const inbox = await app.inject({ url: '/' });
    expect(inbox.body).toContain('assigned to Sam Ortiz');
    const mine = await app.inject({ url: '/?mine=1', headers: { 'x-as': 'responder' } });
    expect([...mine.body.matchAll(/>Complaint (\d)</g)].map((m) => m[1])).toEqual(['2']);
    const notMine = await app.inject({ url: '/?mine=1' });
    expect(notMine.body).not.toContain('>Complaint 2<');
  });

  it('marks reviews past their response time without a reply as overdue, and filters them', async () => {
    const fresh = makeReview('harbor', { rating: 1, title: 'Fresh complaint', text: 'The soup was cold today.' });
    await ctx.store.upsertReviews([fresh], { backfill: false });
    const verdict = classify({ text: fresh.text, title: fresh.title, rating: fresh.rating });
    await ctx.store.saveAnalyses([{ id: fresh.id, sourceId: 'harbor', hash: fresh.contentHash, verdict, draft: draftReply(fresh, verdict, { business: ctx.config.business }), flag: true }]);
    // Complaint 1 was flagged in November 2026 and never answered: far past any response time.
    const overdue = await app.inject({ url: '/?overdue=1' });
    expect(overdue.body).toContain('>Complaint 1<');
    expect(overdue.body).not.toContain('>Fresh complaint<');
    expect(overdue.body).toMatch(/Complaint 1<[^]*?<span class="badge overdue">overdue<\/span>/);
    const page = await app.inject({ url: `/reviews/${reviews[1]!.id}` });
    expect(page.body).toContain('overdue: the reply was due');
    expect((await app.inject({ url: `/reviews/${fresh.id}` })).body).not.toContain('overdue:');
  });

  it('a status tab lists that status from its own index, narrowed by source', async () => {
    // By now Complaint 0 has been answered, resolved and followed up (the approval test above).
    const tab = await app.inject({ url: '/?status=followed_up' });
    expect([...tab.body.matchAll(/>Complaint (\d)</g)].map((m) => m[1])).toEqual(['0']);
    expect(tab.body).toContain('followed up<span class="n">1</span>');
    const other = await app.inject({ url: '/?status=followed_up&source=tidy' });
    expect(other.body).not.toContain('>Complaint 0<');
    expect(other.body).toContain('No flagged review matches these filters.');
  });

  it('serves the assets under versioned URLs, cached for good', async () => {
    const page = await app.inject({ url: '/sources' });
    const css = /href="(\/assets\/app\.[0-9a-f]{12}\.css)"/.exec(page.body)![1]!;
    const res = await app.inject({ url: css });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/css');
    expect(res.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/assets/app.000000000000.css' })).statusCode).toBe(404);
  });

  it('shows a review that is only a rating as one, in the inbox and on its page', async () => {
    const review = makeReview('harbor', { author: 'A Google user', rating: 1, text: '' });
    await ctx.store.upsertReviews([review], { backfill: false });
    const verdict = classify({ text: '', rating: 1 });
    await ctx.store.saveAnalyses([{ id: review.id, sourceId: 'harbor', hash: review.contentHash, verdict, draft: draftReply(review, verdict, { business: ctx.config.business }), flag: true }]);
    const inbox = await app.inject({ url: '/' });
    expect(inbox.body).toContain('>(a rating, no text)</a>');
    const page = await app.inject({ url: `/reviews/${review.id}` });
    expect(page.body).toMatch(/<p class="review-text">\s*<span class="muted">A rating, no text\.<\/span>/);
    expect(page.body).toMatch(/your rating/i);
  });
});
