import type { Spread, Stats } from '../../lifecycle/stats.js';
import type { WeekFigures } from '../../insights/window-stats.js';
import type { InsightAlert } from '../../insights/insight-alert.js';
import { barChart, hbarChart, lineChart } from './charts.js';
import { inboxHref } from './inbox.js';
import { html, label, type Html, businessPicker } from './html.js';
import { layout, type Chrome } from './layout.js';

/** What the insights page shows: the window's stats and its weeks. */
export interface InsightsModel {
  weeks: number;
  stats: Stats;
  byWeek: WeekFigures[];
  /** Spikes and rating drops, newest first. */
  alerts: InsightAlert[];
  /** The business shown (undefined: every business the reader sees), and those they may pick from. */
  business?: string | undefined;
  picker?: { id: string; name: string }[] | undefined;
}

export const INSIGHT_WINDOWS = [4, 12, 26] as const;

function duration(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  return `${Math.round((seconds / 86_400) * 10) / 10} d`;
}

function spreadRow(name: string, s: Spread): Html {
  return html`<tr><th scope="row">${name}</th><td>${duration(s.medianSeconds)}</td><td>${duration(s.p90Seconds)}</td><td>${s.count}</td></tr>`;
}

/** The inbox narrowed to what an insight is about: the topic's or the source's flagged reviews. */
function inboxLink(a: InsightAlert): Html | string {
  if (a.spike?.kind === 'topic') return html`<br><a href="${inboxHref({ topic: a.spike.subject })}">All flagged reviews about ${label(a.spike.subject)}</a>`;
  const source = a.spike?.subject ?? a.ratingDrop?.sourceId;
  return source ? html`<br><a href="${inboxHref({ source })}">All flagged reviews on ${source}</a>` : '';
}

/** Spikes and rating drops the checks found lately, each with its examples linked to their review pages. */
function alertsSection(alerts: readonly InsightAlert[]): Html | string {
  if (!alerts.length) return '';
  const shown = alerts.slice(0, 5);
  return html`<section class="card" aria-labelledby="ia-h"><h2 id="ia-h">Patterns lately</h2>
<ul class="insight-alerts">${shown.map(
    (a) => html`<li><strong>${a.type === 'spike' ? 'Spike' : 'Rating drop'}</strong> · <time datetime="${a.at}">${a.at.slice(0, 10)}</time><br>${a.summary}${
      a.examples.length ? html`<br><span class="muted">For example:</span> ${a.examples.map((e, i) => html`${i ? ', ' : ''}<a href="/reviews/${encodeURIComponent(e.reviewId)}">${e.author ?? 'a review'} on ${e.sourceId}</a>`)}` : ''
    }${inboxLink(a)}</li>`,
  )}</ul></section>`;
}

/** The insights page: volume, negatives and average rating by week, response times, recovery, top topics. */
export function insightsPage(chrome: Chrome, m: InsightsModel): string {
  const s = m.stats;
  const labels = m.byWeek.map((w) => w.week.slice(5));
  const topics = Object.entries(s.byTopic).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t, n]) => [label(t), n] as [string, number]);
  const rt = s.responseTimes;
  const recovery = s.recovery.rate === null ? '–' : `${Math.round(s.recovery.rate * 100)}%`;
  const body = html`<h1>Insights</h1>
<nav aria-label="Period"><ul class="tabs">${[4, 12, 26].map((w) => html`<li><a href="/insights?weeks=${w}${m.business ? `&business=${m.business}` : ''}"${w === m.weeks ? html` aria-current="page"` : ''}>${w} weeks</a></li>`)}<li><a href="/reports/weekly${m.business ? `?business=${m.business}` : ''}">Weekly report</a></li></ul></nav>
${businessPicker('/insights', m.picker ?? [], m.business, { weeks: String(m.weeks) })}
${alertsSection(m.alerts)}
<div class="kpis">
<div class="kpi"><div class="v">${s.reviews.toLocaleString('en')}</div><div class="k">reviews</div></div>
<div class="kpi"><div class="v">${s.negative.toLocaleString('en')}</div><div class="k">negative</div></div>
<div class="kpi"><div class="v">${duration(rt.alertToReply.medianSeconds)}</div><div class="k">median alert → reply</div></div>
<div class="kpi"><div class="v">${recovery}</div><div class="k">recovered (${s.recovery.recovered} of ${s.recovery.replied} replied)</div></div>
</div>
<div class="charts">
<section class="card chart" aria-labelledby="c-volume-h"><h2 id="c-volume-h">Volume and negatives by week</h2>
${barChart('c-volume', 'Reviews and negative reviews per week', labels, [
  { name: 'reviews', color: '#1f5fbf', values: m.byWeek.map((w) => w.reviews) },
  { name: 'negative', color: '#b3261e', values: m.byWeek.map((w) => w.negative) },
])}</section>
<section class="card chart" aria-labelledby="c-rating-h"><h2 id="c-rating-h">Average rating by week</h2>
${lineChart('c-rating', 'Average star rating per week', labels, m.byWeek.map((w) => w.averageRating), { min: 1, max: 5, color: '#c77700' })}</section>
<section class="card chart" aria-labelledby="c-topics-h"><h2 id="c-topics-h">Top topics in negative reviews</h2>
${topics.length ? hbarChart('c-topics', 'Negative reviews per topic', topics, '#7a4bbf') : html`<p class="muted">No topics yet.</p>`}</section>
</div>
<section class="card" aria-labelledby="rt-h"><h2 id="rt-h">Response times</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="Response times"><table><thead><tr><th scope="col">From → to</th><th scope="col">Median</th><th scope="col">90% within</th><th scope="col">Reviews</th></tr></thead>
<tbody>${spreadRow('Published → alert', rt.publishedToAlert)}${spreadRow('Alert → reply', rt.alertToReply)}${spreadRow('Published → reply', rt.publishedToReply)}${spreadRow('Reply → follow-up', rt.replyToFollowUp)}</tbody></table></div></section>

<details class="card"><summary>The weekly numbers</summary>
<div class="table-wrap" tabindex="0" role="region" aria-label="Weekly numbers"><table><thead><tr><th scope="col">Week of</th><th scope="col">Reviews</th><th scope="col">Negative</th><th scope="col">Average rating</th></tr></thead>
<tbody>${m.byWeek.map((w) => html`<tr><th scope="row">${w.week}</th><td>${w.reviews}</td><td>${w.negative}</td><td>${w.averageRating ?? '–'}</td></tr>`)}</tbody></table></div></details>`;
  return layout(chrome, { title: 'Insights', section: 'insights', body });
}
