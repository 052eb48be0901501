import type { InsightAlert, InsightExample } from '../insights/insight-alert.js';
import { escapeHtml, excerpt, mrkdwn, oneLine, ratingLabel, safeUrl, slackEscape, slackLink, type SlackBlock, type SlackMessage } from './render.js';

// Pure rendering of insight alerts (a spike, a rating drop) for people: text, HTML and Slack. The example
// reviews come from the platforms: every piece of their text is escaped, and only http(s) links are links.

const EXAMPLE_CHARS = 240;

/** E-mail subject of an insight alert. */
export function insightSubject(a: InsightAlert): string {
  return excerpt(`[review-monitor] ${a.type === 'spike' ? 'Spike' : 'Rating drop'}: ${a.summary}`, 200);
}

const exampleLine = (e: InsightExample): string => oneLine(`${ratingLabel(e.rating)} · ${e.sourceId} · ${e.author ?? 'anonymous'}: ${excerpt(e.excerpt, EXAMPLE_CHARS)}`);

/** Why it was called a pattern rather than chance, in words. */
function evidence(a: InsightAlert): string {
  if (a.spike) return `Period ${a.spike.period} (${a.spike.since.slice(0, 10)} to ${a.spike.until.slice(0, 10)}), sources: ${a.spike.sources.join(', ') || '-'}. Chance of this many at the usual rate: ${formatP(a.spike.pValue)}.`;
  if (a.ratingDrop) return `Reference level ${a.ratingDrop.from.toFixed(2)}, now ${a.ratingDrop.average.toFixed(2)}; the next alert comes if it falls below ${a.ratingDrop.to.toFixed(2)} by another step. Chance of a fall this large by chance: ${formatP(a.ratingDrop.pValue)}.`;
  return '';
}

/** A p-value as people read it: "about 1 in 20,000". */
export function formatP(p: number): string {
  if (!(p > 0)) return 'practically none';
  if (p < 1e-9) return 'under 1 in a billion';
  return `about 1 in ${Math.round(1 / p).toLocaleString('en-US')}`;
}

export function renderInsightText(a: InsightAlert): string {
  const lines = [a.summary, '', evidence(a), ''];
  if (a.examples.length) lines.push('For example:');
  a.examples.forEach((e, i) => {
    lines.push(`${i + 1}. ${exampleLine(e)}`);
    const url = safeUrl(e.url);
    if (url) lines.push(`   Review: ${url}`);
    lines.push(`   Open in inbox: ${e.page}`, '');
  });
  return `${lines.join('\n')}\n`;
}

export function renderInsightHtml(a: InsightAlert): string {
  const items = a.examples.map((e) => {
    const url = safeUrl(e.url);
    const page = safeUrl(e.page);
    const links = [url ? `<a href="${escapeHtml(url)}">Review</a>` : '', page ? `<a href="${escapeHtml(page)}">Open in inbox</a>` : escapeHtml(e.page)].filter(Boolean).join(' · ');
    return `<li><p>${escapeHtml(exampleLine(e))}<br>${links}</p></li>`;
  });
  return [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h2>${escapeHtml(a.summary)}</h2>`,
    `<p style="color:#555">${escapeHtml(evidence(a))}</p>`,
    items.length ? `<p>For example:</p><ol>${items.join('\n')}</ol>` : '',
    '</body></html>',
  ].join('\n');
}

export function renderInsightSlack(a: InsightAlert): SlackMessage {
  const blocks: SlackBlock[] = [
    { type: 'section', text: mrkdwn(`${a.type === 'spike' ? ':chart_with_upwards_trend:' : ':chart_with_downwards_trend:'} *${slackEscape(a.summary)}*`) },
    { type: 'context', elements: [mrkdwn(slackEscape(evidence(a)))] },
  ];
  for (const e of a.examples) {
    const url = safeUrl(e.url);
    const page = safeUrl(e.page);
    const links = [url ? slackLink(url, 'Review') : '', page ? slackLink(page, 'Open in inbox') : ''].filter(Boolean).join(' · ');
    blocks.push({ type: 'section', text: mrkdwn(`${slackEscape(exampleLine(e))}${links ? `\n${links}` : ''}`) });
  }
  return { text: slackEscape(a.summary), blocks };
}
