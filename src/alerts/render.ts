import { joinUrl, type AlertPayload } from './payload.js';
import { httpUrl } from '../domain/web-url.js';

// Pure rendering of alerts for people: plain text, HTML (e-mail) and Slack Block Kit. No I/O here.

/** Where an alert points: the review on its platform, its page in the workspace, and the review in the API. */
export interface AlertLinks {
  review?: string | undefined;
  /** The review's page in the workspace ("Open in inbox"; sign-in first when needed). */
  inbox?: string | undefined;
  api?: string | undefined;
}

/** The window a digest covers, and the key that makes its retries harmless. */
export interface DigestInfo {
  channelId: string;
  windowStart: string;
  windowEnd: string;
  idempotencyKey: string;
}

const EXCERPT_CHARS = 500;
const DIGEST_EXCERPT_CHARS = 200;
/** Slack allows 50 blocks a message; a digest lists at most this many reviews and counts the rest. */
const SLACK_DIGEST_MAX = 20;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escapes the three characters Slack mrkdwn treats as control characters. */
export function slackEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts `text` to `max` characters at a word boundary, with an ellipsis. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const t = text.trim().replace(/\s+\n/g, '\n');
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Only http(s) URLs become links: a feed could carry `javascript:` or worse. `|` (which WHATWG URLs
 * leave as is) is percent-encoded: in a Slack `<url|label>` it would start the label.
 */
export function safeUrl(url: string | undefined): string | undefined {
  return httpUrl(url)?.replace(/\|/g, '%7C');
}


/** `waiting_time` → `waiting time`. */
export function topicLabel(id: string): string {
  return id.replace(/_/g, ' ');
}

/** `★★☆☆☆ 2/5`, or `no rating`. */
export function ratingLabel(rating: number | undefined): string {
  if (rating === undefined) return 'no rating';
  const full = Math.round(rating);
  return `${'★'.repeat(full)}${'☆'.repeat(Math.max(0, 5 - full))} ${rating}/5`;
}

/** The links of one alert; `apiBaseUrl` (a channel's own) wins over the payload's `publicUrl`-based one. */
export function alertLinks(p: AlertPayload, apiBaseUrl?: string): AlertLinks {
  return {
    review: safeUrl(p.review.url),
    inbox: safeUrl(apiBaseUrl ? joinUrl(apiBaseUrl, p.pagePath) : p.pageUrl),
    api: safeUrl(apiBaseUrl ? joinUrl(apiBaseUrl, p.apiPath) : p.apiUrl),
  };
}

export const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ').trim();

/** What an alert shows of a review's words: an excerpt, or that the review is a rating alone (Google, the app stores). */
export function reviewText(review: { text: string }, max = EXCERPT_CHARS): string {
  return review.text.trim() ? excerpt(review.text, max) : RATING_ONLY;
}
const RATING_ONLY = '(a rating, no text)';

/** One-line headline: `1★ review on harbor-rss (high): Cold food, long wait`. */
export function alertTitle(p: AlertPayload): string {
  const rating = p.review.rating !== undefined ? `${p.review.rating}★ ` : '';
  const what = p.review.title ?? (p.review.text.trim() ? excerpt(p.review.text, 60) : 'a rating, no text');
  return oneLine(`${rating}review on ${p.sourceId} (${p.verdict.severity}): ${what}`);
}

/** E-mail subject of one alert. */
export function alertSubject(p: AlertPayload): string {
  return excerpt(`[review-monitor] ${p.reminder ? 'OVERDUE ' : ''}${p.verdict.severity === 'critical' ? 'CRITICAL ' : ''}Negative ${alertTitle(p)}`, 200);
}

/** The reminder's first line: `Overdue: no reply yet (due …); escalated to …`, or undefined for an alert. */
export function reminderLine(p: AlertPayload): string | undefined {
  if (!p.reminder) return undefined;
  const to = p.reminder.escalateTo;
  const who = to ? [to.name, to.email, to.phone].filter(Boolean).join(', ') : '';
  return `Overdue: no reply yet (due ${p.reminder.dueAt})${who ? `; escalated to ${who}` : ''}`;
}

const topicsText = (p: AlertPayload): string => (p.verdict.topics.length ? p.verdict.topics.map(topicLabel).join(', ') : 'none');

/** Plain-text body of one alert (e-mail text part, log). */
/** The review changed after it was replied to. */
export function editedLine(p: AlertPayload): string | undefined {
  return p.edited ? `Edited by the reviewer after it was replied to (${p.edited.at.slice(0, 16).replace('T', ' ')} UTC): the reply may no longer fit.` : undefined;
}

/** The platform gave only an excerpt (Yelp): say so, with the link to the whole review. */
export function excerptNote(p: AlertPayload): string {
  return `Only an excerpt: the platform does not give the full text${p.review.url ? `; read the whole review at ${p.review.url}` : ''}.`;
}

export function renderText(p: AlertPayload, links: AlertLinks): string {
  const lines = [
    ...(p.reminder ? [reminderLine(p)!, ''] : []),
    ...(p.edited ? [editedLine(p)!, ''] : []),
    `Negative ${alertTitle(p)}`,
    '',
    `Rating:   ${ratingLabel(p.review.rating)}`,
    `Severity: ${p.verdict.severity}`,
    `Topics:   ${topicsText(p)}`,
    `Author:   ${p.review.author ?? 'anonymous'}`,
    `Why:      ${p.verdict.reasons.join('; ') || '-'}`,
    ...(p.assignee ? [`Assigned: ${p.assignee}`] : []),
    '',
    'Review:',
    reviewText(p.review),
    ...(p.review.excerpt ? [excerptNote(p)] : []),
    '',
  ];
  if (p.draft) lines.push('Draft reply:', p.draft.reply, '');
  if (links.inbox) lines.push(`Open in inbox: ${links.inbox}`);
  if (links.review) lines.push(`Review: ${links.review}`);
  if (links.api) lines.push(`API:    ${links.api}`);
  else lines.push(`API:    ${p.apiPath}`);
  return `${lines.join('\n')}\n`;
}

/** HTML body of one alert; every piece of review text is escaped. */
export function renderHtml(p: AlertPayload, links: AlertLinks): string {
  const row = (k: string, v: string): string => `<tr><th align="left" style="padding-right:12px">${k}</th><td>${escapeHtml(v)}</td></tr>`;
  const para = (s: string): string => escapeHtml(s).replace(/\n/g, '<br>');
  return [
    '<!doctype html><html><body style="font-family:sans-serif">',
    p.reminder ? `<p><strong>${escapeHtml(reminderLine(p)!)}</strong></p>` : '',
    `<h2>Negative ${escapeHtml(alertTitle(p))}</h2>`,
    '<table>',
    row('Rating', ratingLabel(p.review.rating)),
    row('Severity', p.verdict.severity),
    row('Topics', topicsText(p)),
    row('Author', p.review.author ?? 'anonymous'),
    row('Why', p.verdict.reasons.join('; ') || '-'),
    p.assignee ? row('Assigned to', p.assignee) : '',
    '</table>',
    `<h3>Review</h3><blockquote><p>${para(reviewText(p.review))}</p></blockquote>`,
    ...(p.review.excerpt ? [`<p><em>${escapeHtml(excerptNote(p))}</em></p>`] : []),
    p.draft ? `<h3>Draft reply</h3><pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(p.draft.reply)}</pre>` : '',
    htmlLinks(links, p.apiPath),
    '</body></html>',
  ].join('\n');
}

function htmlLinks(links: AlertLinks, apiPath: string): string {
  const parts: string[] = [];
  if (links.inbox) parts.push(`<a href="${escapeHtml(links.inbox)}">Open in inbox</a>`);
  if (links.review) parts.push(`<a href="${escapeHtml(links.review)}">Open the review</a>`);
  parts.push(links.api ? `<a href="${escapeHtml(links.api)}">Open in the API</a>` : `API: <code>${escapeHtml(apiPath)}</code>`);
  return `<p>${parts.join(' · ')}</p>`;
}

/** A Slack Block Kit block (the subset this service sends). */
export type SlackBlock = Record<string, unknown> & { type: string };

/** A Slack incoming-webhook message: fallback `text` plus blocks. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
export const mrkdwn = (text: string): { type: 'mrkdwn'; text: string } => ({ type: 'mrkdwn', text: clip(text, 2900) });
const quote = (s: string): string => s.split('\n').map((l) => `>${l}`).join('\n');
/** A Slack link to one of our own (safeUrl) URLs; its `&` escaped as Slack asks. */
export const slackLink = (url: string, label: string): string => `<${slackEscape(url)}|${label}>`;
/** The review and API links of one alert in mrkdwn, or the API path when there is no API URL. */
const slackLinkLine = (links: AlertLinks, apiPath: string, apiLabel: string): string =>
  [links.inbox ? slackLink(links.inbox, 'Open in inbox') : undefined, links.review ? slackLink(links.review, 'Review') : undefined, links.api ? slackLink(links.api, 'API') : `${apiLabel}\`${slackEscape(apiPath)}\``].filter(Boolean).join(' · ');

/** The `action_id`s of an alert's Slack buttons that act on the review (the value is the review id). */
export const SLACK_ACTIONS = { approve: 'approve_draft', acknowledge: 'acknowledge' } as const;

function slackButtons(links: AlertLinks, p: AlertPayload, interactive: boolean): SlackBlock[] {
  const elements: Record<string, unknown>[] = [];
  if (interactive) {
    if (p.draft) elements.push({ type: 'button', text: { type: 'plain_text', text: 'Approve draft' }, style: 'primary', action_id: SLACK_ACTIONS.approve, value: p.reviewId });
    elements.push({ type: 'button', text: { type: 'plain_text', text: 'Acknowledge' }, action_id: SLACK_ACTIONS.acknowledge, value: p.reviewId });
  }
  if (links.inbox) elements.push({ type: 'button', text: { type: 'plain_text', text: 'Open in inbox' }, url: links.inbox, action_id: 'open_inbox' });
  if (links.review) elements.push({ type: 'button', text: { type: 'plain_text', text: 'Open review' }, url: links.review });
  if (links.api) elements.push({ type: 'button', text: { type: 'plain_text', text: 'Open in API' }, url: links.api });
  return elements.length ? [{ type: 'actions', elements }] : [];
}

/** Block Kit message of one alert: header, rating/severity/topics fields, excerpt, draft, links. */
export function renderSlack(p: AlertPayload, links: AlertLinks, opts: { interactive?: boolean | undefined; note?: string | undefined } = {}): SlackMessage {
  const linkLine = slackLinkLine(links, p.apiPath, 'API: ');
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(slackEscape(`${p.reminder ? '⏰ Overdue: ' : ''}${p.verdict.severity === 'critical' ? '🚨 Critical' : 'Negative'} review on ${p.sourceId}`), 150), emoji: true } },
    ...(p.reminder ? [{ type: 'section', text: mrkdwn(`*${slackEscape(reminderLine(p)!)}*`) }] : []),
    ...(p.edited ? [{ type: 'section', text: mrkdwn(`*${slackEscape(editedLine(p)!)}*`) }] : []),
    {
      type: 'section',
      fields: [
        mrkdwn(`*Rating*\n${ratingLabel(p.review.rating)}`),
        mrkdwn(`*Severity*\n${p.verdict.severity}`),
        mrkdwn(`*Topics*\n${slackEscape(topicsText(p))}`),
        mrkdwn(`*Author*\n${slackEscape(p.review.author ?? 'anonymous')}`),
        ...(p.assignee ? [mrkdwn(`*Assigned to*\n${slackEscape(p.assignee)}`)] : []),
      ],
    },
    { type: 'section', text: mrkdwn(`*${slackEscape(p.review.title ?? 'Review')}*\n${quote(slackEscape(reviewText(p.review)))}`) },
    ...(p.review.excerpt ? [{ type: 'context', elements: [mrkdwn(slackEscape(excerptNote(p)))] }] : []),
  ];
  if (p.draft) blocks.push({ type: 'section', text: mrkdwn(`*Draft reply*\n${quote(slackEscape(p.draft.reply))}`) });
  blocks.push(...slackButtons(links, p, opts.interactive ?? false));
  // What was done from Slack ("Approved by Maya Lopez"), on the message updated after a click.
  if (opts.note) blocks.push({ type: 'context', elements: [mrkdwn(slackEscape(opts.note))] });
  blocks.push({ type: 'context', elements: [mrkdwn(`${slackEscape(`Why: ${p.verdict.reasons.join('; ') || '-'}`)} · ${linkLine}`)] });
  // The top-level text is what notifications show: Slack parses mentions and links there too.
  return { text: clip(slackEscape(`${p.reminder ? 'Overdue: ' : ''}Negative ${alertTitle(p)}`), 3000), blocks };
}

/** E-mail subject of a digest. */
export function digestSubject(ps: readonly AlertPayload[]): string {
  const sources = [...new Set(ps.map((p) => p.sourceId))].join(', ');
  return excerpt(`[review-monitor] ${ps.length} negative review${ps.length === 1 ? '' : 's'} on ${sources}`, 200);
}

const digestLine = (p: AlertPayload): string =>
  oneLine(`${ratingLabel(p.review.rating)} · ${p.verdict.severity} · ${p.sourceId} · ${p.review.author ?? 'anonymous'}: ${p.review.title ? `${p.review.title}: ` : ''}${reviewText(p.review, DIGEST_EXCERPT_CHARS)}`);

/** Plain-text digest: one paragraph per review with its links. */
export function renderDigestText(ps: readonly AlertPayload[], info: DigestInfo, linksOf: (p: AlertPayload) => AlertLinks): string {
  const lines = [`${ps.length} negative review${ps.length === 1 ? '' : 's'} between ${info.windowStart} and ${info.windowEnd}`, ''];
  ps.forEach((p, i) => {
    const links = linksOf(p);
    lines.push(`${i + 1}. ${digestLine(p)}`);
    lines.push(`   Topics: ${topicsText(p)}`);
    if (p.draft) lines.push(`   Draft: ${oneLine(excerpt(p.draft.reply, 300))}`);
    if (p.assignee) lines.push(`   Assigned to: ${p.assignee}`);
    if (links.inbox) lines.push(`   Open in inbox: ${links.inbox}`);
    if (links.review) lines.push(`   Review: ${links.review}`);
    lines.push(`   API: ${links.api ?? p.apiPath}`, '');
  });
  return `${lines.join('\n')}\n`;
}

/** HTML digest; every piece of review text is escaped. */
export function renderDigestHtml(ps: readonly AlertPayload[], info: DigestInfo, linksOf: (p: AlertPayload) => AlertLinks): string {
  const items = ps.map((p) => {
    const draft = p.draft ? `<br><em>Draft:</em> ${escapeHtml(excerpt(p.draft.reply, 300))}` : '';
    return `<li><p>${escapeHtml(digestLine(p))}<br><em>Topics:</em> ${escapeHtml(topicsText(p))}${draft}</p>${htmlLinks(linksOf(p), p.apiPath)}</li>`;
  });
  return [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h2>${ps.length} negative review${ps.length === 1 ? '' : 's'}</h2>`,
    `<p>${escapeHtml(info.windowStart)} – ${escapeHtml(info.windowEnd)}</p>`,
    `<ol>${items.join('\n')}</ol>`,
    '</body></html>',
  ].join('\n');
}

/** Block Kit digest: a header, one section per review (up to 20), and a count of the rest. */
export function renderDigestSlack(ps: readonly AlertPayload[], info: DigestInfo, linksOf: (p: AlertPayload) => AlertLinks): SlackMessage {
  const shown = ps.slice(0, SLACK_DIGEST_MAX);
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `${ps.length} negative review${ps.length === 1 ? '' : 's'}`, emoji: true } },
    { type: 'context', elements: [mrkdwn(slackEscape(`${info.windowStart} – ${info.windowEnd}`))] },
  ];
  for (const p of shown) {
    const links = linksOf(p);
    const linkLine = slackLinkLine(links, p.apiPath, '');
    const draft = p.draft ? `\n_Draft:_ ${slackEscape(oneLine(excerpt(p.draft.reply, 300)))}` : '';
    blocks.push({ type: 'section', text: mrkdwn(`${slackEscape(digestLine(p))}\n_Topics:_ ${slackEscape(topicsText(p))}${draft}\n${linkLine}`) });
  }
  if (ps.length > shown.length) blocks.push({ type: 'context', elements: [mrkdwn(`…and ${ps.length - shown.length} more: see GET /v1/alerts`)] });
  return { text: `${ps.length} negative review${ps.length === 1 ? '' : 's'}`, blocks };
}
