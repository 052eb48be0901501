import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (the tests never download a browser); CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One headless chromium for a test file. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Functions below run in the page; the project's TypeScript has no DOM types, so the page's globals are
// reached through `globalThis` loosely typed.
/* eslint-disable @typescript-eslint/no-explicit-any */
type PageGlobals = any;

/** axe-core's serious and critical violations on the page as it is now, as "rule: target" lines. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const g = globalThis as PageGlobals;
    const result = await g.axe.run(g.document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; impact: string | null; nodes: { target: unknown[] }[] }[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}

/**
 * The visible controls (links, buttons, fields) that Tab never reaches from the top of the page, and
 * those without an accessible name: each as "tag text". Empty when the page is fully keyboard-usable.
 */
export async function keyboardGaps(page: Page): Promise<{ unreachable: string[]; unnamed: string[] }> {
  const total = await page.evaluate(() => {
    const g = globalThis as PageGlobals;
    const all = [...g.document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary')].filter((el: PageGlobals) => el.offsetParent !== null || el.getClientRects().length > 0);
    all.forEach((el: PageGlobals, i: number) => (el.dataset.probe = String(i)));
    g.document.activeElement?.blur();
    return all.length;
  });
  const reached = new Set<string>();
  for (let i = 0; i < total + 5; i++) {
    await page.keyboard.press('Tab');
    const probe = await page.evaluate(() => (globalThis as PageGlobals).document.activeElement?.dataset?.probe ?? null);
    if (probe !== null) reached.add(probe);
  }
  return page.evaluate((seen: string[]) => {
    const g = globalThis as PageGlobals;
    const els = [...g.document.querySelectorAll('[data-probe]')] as PageGlobals[];
    const describe = (el: PageGlobals): string => `${el.tagName.toLowerCase()} ${(el.textContent || el.name || el.id || '').trim().slice(0, 40)}`;
    const named = (el: PageGlobals): boolean => Boolean(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el.labels && el.labels.length) || (el.textContent ?? '').trim());
    return { unreachable: els.filter((el) => !seen.includes(el.dataset.probe)).map(describe), unnamed: els.filter((el) => !named(el)).map(describe) };
  }, [...reached]);
}
