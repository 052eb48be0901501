import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import { classify } from '../../src/classify/index.js';
import type { AppContext } from '../../src/context.js';
import { draftReply } from '../../src/draft/index.js';
import { makeReview } from '../helpers/factories.js';
import { testContext } from '../helpers/context.js';
import { keyboardGaps, launchBrowser, seriousA11yViolations } from './browser.js';
import { InsightStore } from '../../src/store/insight-store.js';
import { isoWeekOf } from '../../src/insights/iso-week.js';

// The workspace in a real browser (Debian's chromium through playwright-core): one browser for the file,
// a fresh context (cookie jar) per person. SCREENSHOTS=dir saves the pages the README shows.
const PASSWORD = 'correct horse battery';
const PEOPLE = {
  owner: { email: 'maya@harbor.example', name: 'Maya Chen', role: 'owner' as const },
  viewer: { email: 'vic@harbor.example', name: 'Vic Lee', role: 'viewer' as const },
};
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const shots = process.env.SCREENSHOTS;

describe('the workspace in a browser', () => {
  let ctx: AppContext;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let seq = 0;

  beforeAll(async () => {
    ({ ctx, close } = await testContext({ sources: [{ id: 'harbor-google', type: 'rss', url: 'https://reviews.example.com/h.rss', schedule: '0 0 1 1 *' }] }));
    for (const p of Object.values(PEOPLE)) await ctx.people.add({ ...p, password: PASSWORD });
    // Older alerts, so the inbox has the mix an owner sees (the tests' own reviews are flagged later, on top).
    await flaggedReview('Food poisoning after the fish special', 'My husband got food poisoning after the fish special. We will report this to the health department.', 1, 'Chloe Martin');
    await flaggedReview('Overpriced for the portions', 'Nice view but far too expensive for such small portions, and the wine list was overpriced.', 3, 'Dev Patel');
    const lost = await flaggedReview('Booking lost', 'They lost our booking for a birthday dinner and we had to wait at the bar for an hour.', 2, 'Ben Okafor');
    // A spike the insight check found, as the insights page lists it.
    await new InsightStore(ctx.redis, ctx.store.keys).remember({
      type: 'spike',
      id: 'spike-2026-W49-topic-booking',
      at: new Date().toISOString(),
      summary: 'Negative reviews about booking: 7 this week, usually about 0.8 a week.',
      examples: [{ reviewId: lost.id, sourceId: 'harbor-google', author: 'Ben Okafor', excerpt: 'They lost our booking', page: `/reviews/${lost.id}` }],
    });
    app = await buildApi(ctx);
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await close?.();
  });

  /** A flagged review with its drafted reply, flagged now (so it heads the inbox). */
  async function flaggedReview(title: string, text: string, rating = 1, author = 'Ana Silva'): Promise<{ id: string; title: string; draft: string }> {
    seq += 1;
    const review = makeReview('harbor-google', { author, rating, title, text, url: `https://reviews.example.com/r/${seq}`, publishedAt: new Date(Date.now() - 3_600_000).toISOString() });
    await ctx.store.upsertReviews([review], { backfill: false });
    const verdict = classify({ text: review.text, title: review.title, rating: review.rating });
    const draft = draftReply(review, verdict, { business: ctx.config.business });
    await ctx.store.saveAnalyses([{ id: review.id, sourceId: review.sourceId, hash: review.contentHash, verdict, draft, flag: true }]);
    expect(draft.violations).toEqual([]);
    return { id: review.id, title, draft: draft.reply };
  }

  async function signIn(person: keyof typeof PEOPLE, viewport = DESKTOP, path = '/'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) });
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill(PEOPLE[person].email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}${path}`);
    return { context, page };
  }

  for (const [size, viewport, title] of [['desktop', DESKTOP, 'Cold soup and a long wait'], ['phone', PHONE, 'Cold soup, and nobody said sorry']] as const) {
    it(`an owner signs in, opens the alert, fixes a reply the guardrails refuse, approves, marks it posted and resolves (${size})`, async () => {
      const review = await flaggedReview(title, 'We waited 50 minutes for a table we had booked, and when the soup came it was cold. The waiter never apologised.');
      const { context, page } = await signIn('owner', viewport);
      expect(await seriousA11yViolations(page)).toEqual([]);
      if (shots) await page.screenshot({ path: `${shots}/inbox-${size}.png` });

      await page.getByRole('link', { name: review.title }).click();
      await page.waitForURL(`${base}/reviews/${review.id}`);
      const reply = page.getByLabel('Reply', { exact: true });
      await reply.fill(`${review.draft}\nIt was not our fault: the kitchen was short-staffed that night.`);
      const violations = page.locator('#violations');
      await violations.getByText('Blames a person').first().waitFor();
      if (shots) await page.screenshot({ path: `${shots}/review-${size}.png`, fullPage: size === 'desktop', clip: size === 'desktop' ? { x: 0, y: 0, width: viewport.width, height: 1250 } : undefined });
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(await keyboardGaps(page)).toEqual({ unreachable: [], unnamed: [] });

      await reply.fill(review.draft);
      await violations.getByText('The reply passes every guardrail.').waitFor();
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.getByText('Reply approved.').waitFor();
      await page.getByText('Copy the reply and open the review on its platform first').waitFor();
      expect(await page.getByRole('link', { name: /Open the review on/ }).getAttribute('href')).toBe(`https://reviews.example.com/r/${seq}`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Mark as posted' }).click();
      await page.getByText('Marked as posted.').waitFor();
      await page.getByLabel('What was done').fill('We moved the soup station next to the pass.');
      await page.getByRole('button', { name: 'Resolve' }).click();
      await page.getByText('Resolved: the follow-up is scheduled.').waitFor();
      const steps = await page.locator('.timeline .what').allTextContents();
      // The reply went back to the draft's own text: approved as drafted, no edit recorded.
      expect(steps).toEqual(['Review stored', 'Flagged as negative', 'Reply approved', 'Reply posted', 'Resolved']);
      expect(await page.locator('.timeline').textContent()).toContain('Maya Chen');
      expect((await ctx.store.get(review.id))!.status).toBe('resolved');
      await context.close();
    });
  }

  it('shows a viewer no action and refuses a viewer’s forged post; refuses an owner’s post without the CSRF token', async () => {
    const review = await flaggedReview('Rude staff at the bar', 'The bartender was rude and the bill was wrong. Really disappointing.', 2);
    const { context, page } = await signIn('viewer', DESKTOP, `/reviews/${review.id}`);
    expect(await page.getByRole('button').allTextContents()).toEqual(['Sign out']);
    expect(await page.locator('textarea').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    const token = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    // A valid token from the viewer's own page: refused for the role, not the form.
    const forged = await context.request.post(`${base}/reviews/${review.id}/approve`, { form: { _csrf: token!, reply: review.draft }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('may not approve');
    // An owner's session, but a post without the CSRF token (as a forged cross-site form would be).
    const owner = await signIn('owner');
    const noToken = await owner.context.request.post(`${base}/reviews/${review.id}/acknowledge`, { form: {}, maxRedirects: 0 });
    expect(noToken.status()).toBe(403);
    expect(await noToken.text()).toContain('did not come from this site');
    await owner.context.close();
    expect((await ctx.store.get(review.id))!.status).toBe('new');
    expect(await ctx.lifecycle.history(review.id)).toEqual([]);

    // Every page passes axe for a viewer too.
    for (const path of ['/', '/sources', '/insights']) {
      await page.goto(`${base}${path}`);
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
    await expect.poll(() => page.getByRole('heading', { name: 'Patterns lately' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Ben Okafor on harbor-google' }).click();
    await page.waitForURL(/\/reviews\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Booking lost');
    if (shots) {
      await page.goto(`${base}/insights`);
      await page.screenshot({ path: `${shots}/insights-desktop.png`, fullPage: true });
    }
    // The weekly report of this week (the seeded reviews), from the insights page: figures, charts that load, the week before a click away.
    await page.goto(`${base}/insights`);
    await page.getByRole('link', { name: 'Weekly report' }).click();
    const week = isoWeekOf(new Date()).label;
    await page.goto(`${base}/reports/weekly?week=${week}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Week ${week}`);
    expect(await page.getByRole('row', { name: /Negative reviews/ }).textContent()).toMatch(/Negative reviews\s*\d+ \(up from 0\)/);
    const images = page.locator('.chart img');
    expect(await images.count()).toBe(2);
    expect(await images.evaluateAll((els) => els.map((e) => (e as unknown as { naturalWidth: number }).naturalWidth))).toEqual([720, 1120]);
    expect(await images.first().getAttribute('alt')).toMatch(/^Reviews and negative reviews\. Reviews: \d+ week before, \d+ /);
    if (shots) await page.screenshot({ path: `${shots}/report-desktop.png`, fullPage: true });
    const bad = await context.request.get(`${base}/reports/weekly?week=2021-W53`);
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain('2021 has weeks 01 to 52 (got 53)');
    await context.close();
  });
});
