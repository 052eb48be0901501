import { escapeHtml, mrkdwn, safeUrl, slackEscape, slackLink, topicLabel, type SlackBlock, type SlackMessage } from '../alerts/render.js';
import { barChartSvg, chartAlt, renderPng, type BarChart } from './charts.js';
import type { WeeklyReport } from './weekly-report.js';

// The weekly report for people: an HTML e-mail with its charts as inline PNGs and a plain-text part carrying
// the same figures, and a Slack message. Pure apart from the PNG rendering (no I/O).

export interface WeeklyEmail {
  subject: string;
  text: string;
  html: string;
  /** Inline images, referenced from the HTML as `cid:<cid>` (nodemailer attachments). */
  attachments: { filename: string; cid: string; content: Buffer; contentType: 'image/png' }[];
}

export interface ReportOptions {
  businessName: string;
  /** The workspace's insights page (absolute), linked from the message. */
  insightsUrl?: string | undefined;
}

const THIS = '#d64545';
const LAST = '#9aa5b1';
const TOPICS_SHOWN = 6;

/** Seconds in words: "45 s", "3 min", "3 h 20 min", "2 days 4 h". */
export function durationWords(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const min = Math.round(seconds / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const days = Math.floor(h / 24);
  return h % 24 ? `${days} days ${h % 24} h` : `${days} days`;
}

const change = (now: number, before: number): string => {
  if (now === before) return 'same as the week before';
  return `${now > before ? 'up' : 'down'} from ${before}`;
};

const trendWords = (r: WeeklyReport): string => {
  const a = r.averageRating;
  if (a.value === null) return 'no rated reviews';
  const prev = a.previous === null ? '' : ` (${a.previous.toFixed(2)} the week before)`;
  const word = a.trend === 'up' ? 'rising' : a.trend === 'down' ? 'falling' : a.trend === 'flat' ? 'steady' : '';
  return `${a.value.toFixed(2)} / 5${word ? `, ${word}` : ''}${prev}`;
};

/** The charts of a report: negative reviews by topic, and the week beside the one before. */
export function reportCharts(r: Pick<WeeklyReport, 'week' | 'reviews' | 'negative' | 'topics'>): { id: string; chart: BarChart }[] {
  const topics = r.topics.slice(0, TOPICS_SHOWN);
  const charts: { id: string; chart: BarChart }[] = [
    {
      id: 'volume',
      chart: {
        title: 'Reviews and negative reviews',
        categories: ['Reviews', 'Negative'],
        series: [
          { name: 'week before', color: LAST, values: [r.reviews.previous, r.negative.previous] },
          { name: r.week, color: THIS, values: [r.reviews.count, r.negative.count] },
        ],
        width: 360,
      },
    },
  ];
  if (topics.length) {
    charts.push({
      id: 'topics',
      chart: {
        title: 'Negative reviews by topic',
        categories: topics.map((t) => topicLabel(t.topic)),
        series: [
          { name: 'week before', color: LAST, values: topics.map((t) => t.previous) },
          { name: r.week, color: THIS, values: topics.map((t) => t.count) },
        ],
      },
    });
  }
  return charts;
}

/** The figures, as lines of text (the text part, the HTML's table and the workspace page say the same). */
export function reportFacts(r: WeeklyReport): [string, string][] {
  const rt = r.responseTimes;
  const open = Object.entries(r.openByStatus).filter(([, n]) => n > 0);
  return [
    ['Reviews', `${r.reviews.count} (${change(r.reviews.count, r.reviews.previous)})`],
    ['Negative reviews', `${r.negative.count} (${change(r.negative.count, r.negative.previous)})`],
    ['Average rating', trendWords(r)],
    ['Alert to reply', rt.alertToReply.count ? `median ${durationWords(rt.alertToReply.medianSeconds)}, 90% within ${durationWords(rt.alertToReply.p90Seconds)} (${rt.alertToReply.count} replies)` : 'no replies'],
    ['Replies within the SLA', rt.withinSla + rt.pastSla ? `${rt.withinSla} of ${rt.withinSla + rt.pastSla}${rt.pastSla ? ` (${rt.pastSla} late)` : ''}` : '–'],
    ['Flagged reviews by status', open.length ? open.map(([s, n]) => `${n} ${s.replace(/_/g, ' ')}`).join(', ') : 'none'],
    ['Follow-ups sent', String(r.followUpsSent)],
    ['Recoveries', String(r.recoveries)],
  ];
}

export function topicLines(r: WeeklyReport): string[] {
  return r.topics.slice(0, TOPICS_SHOWN).map((t) => `${topicLabel(t.topic)}: ${t.count} (${t.change > 0 ? `+${t.change}` : t.change < 0 ? String(t.change) : '±0'})`);
}

/** The spikes and rating drops of the week, one line each. */
export function patternLines(r: WeeklyReport): string[] {
  return r.patterns.map((p) => `${p.at.slice(0, 10)}: ${p.summary}`);
}

export function championLines(r: WeeklyReport): string[] {
  return r.champions.map((c) => `${c.author ?? 'A reviewer'}: ${c.from} → ${c.to} stars`);
}

export function weeklySubject(r: WeeklyReport, o: ReportOptions): string {
  return `${o.businessName}: week ${r.week}, ${r.reviews.count} review${r.reviews.count === 1 ? '' : 's'}, ${r.negative.count} negative`;
}

/** The e-mail: HTML with inline PNG charts (and their alt text), and a plain-text part with the same figures. */
export function renderWeeklyEmail(r: WeeklyReport, o: ReportOptions): WeeklyEmail {
  const empty = r.reviews.count === 0 && r.reviews.previous === 0;
  const charts = empty ? [] : reportCharts(r);
  const attachments = charts.map(({ id, chart }) => ({ filename: `${id}-${r.week}.png`, cid: `${id}-${r.week}@review-monitor`, content: renderPng(barChartSvg(chart)), contentType: 'image/png' as const }));
  const link = safeUrl(o.insightsUrl);
  const period = `${r.since.slice(0, 10)} to ${new Date(Date.parse(r.until) - 1).toISOString().slice(0, 10)}`;
  const text = [
    `${o.businessName}: weekly report for ${r.week} (${period})`,
    '',
    ...(empty ? ['No reviews came in this week or the week before.', ''] : []),
    ...reportFacts(r).map(([k, v]) => `${k}: ${v}`),
    '',
    ...(r.patterns.length ? ['Patterns this week:', ...patternLines(r).map((l) => `- ${l}`), ''] : []),
    ...(r.topics.length ? ['Negative reviews by topic (change from the week before):', ...topicLines(r).map((l) => `- ${l}`), ''] : []),
    ...(r.champions.length ? ['Champions (raised their rating after our follow-up):', ...championLines(r).map((l) => `- ${l}`), ''] : []),
    ...(link ? [`Insights: ${link}`] : []),
  ].join('\n');
  const rows = reportFacts(r).map(([k, v]) => `<tr><td style="padding:4px 12px 4px 0;color:#52606d">${escapeHtml(k)}</td><td style="padding:4px 0"><strong>${escapeHtml(v)}</strong></td></tr>`);
  const images = charts.map(({ id, chart }) => `<p><img src="cid:${id}-${r.week}@review-monitor" width="${chart.width ?? 560}" alt="${escapeHtml(chartAlt(chart))}" style="max-width:100%;height:auto"></p>`);
  const list = (title: string, lines: string[]): string => (lines.length ? `<h3 style="margin:16px 0 4px">${escapeHtml(title)}</h3><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '');
  const html = [
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#1f2933;margin:0;padding:16px">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px"><tr><td>',
    `<h2 style="margin:0 0 4px">${escapeHtml(o.businessName)}: week ${escapeHtml(r.week)}</h2>`,
    `<p style="margin:0 0 12px;color:#52606d">${escapeHtml(period)}</p>`,
    empty ? '<p>No reviews came in this week or the week before.</p>' : '',
    `<table role="presentation" cellpadding="0" cellspacing="0">${rows.join('')}</table>`,
    ...images,
    list('Patterns this week', patternLines(r)),
    list('Negative reviews by topic (change from the week before)', topicLines(r)),
    list('Champions: raised their rating after our follow-up', championLines(r)),
    link ? `<p><a href="${escapeHtml(link)}">Open the insights</a></p>` : '',
    '</td></tr></table></body></html>',
  ].join('\n');
  return { subject: weeklySubject(r, o), text: `${text}\n`, html, attachments };
}

/** The Slack message: the same figures (an incoming webhook cannot carry images), linking to the insights page. */
export function renderWeeklySlack(r: WeeklyReport, o: ReportOptions): SlackMessage {
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `${o.businessName}: week ${r.week}`.slice(0, 150), emoji: false } },
    { type: 'section', text: mrkdwn(reportFacts(r).map(([k, v]) => `*${slackEscape(k)}:* ${slackEscape(v)}`).join('\n')) },
  ];
  if (r.patterns.length) blocks.push({ type: 'section', text: mrkdwn(`*Patterns this week*\n${patternLines(r).map((l) => `• ${slackEscape(l)}`).join('\n')}`) });
  if (r.topics.length) blocks.push({ type: 'section', text: mrkdwn(`*Negative reviews by topic*\n${topicLines(r).map((l) => `• ${slackEscape(l)}`).join('\n')}`) });
  if (r.champions.length) blocks.push({ type: 'section', text: mrkdwn(`*Champions*\n${championLines(r).map((l) => `• ${slackEscape(l)}`).join('\n')}`) });
  const link = safeUrl(o.insightsUrl);
  if (link) blocks.push({ type: 'context', elements: [mrkdwn(slackLink(link, 'Open the insights'))] });
  return { text: slackEscape(weeklySubject(r, o)), blocks };
}
