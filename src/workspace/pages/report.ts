import { chartAlt } from '../../insights/charts.js';
import { championLines, patternLines, reportCharts, reportFacts, topicLines } from '../../insights/weekly-email.js';
import type { WeeklyReport } from '../../insights/weekly-report.js';
import { html, businessPicker } from './html.js';
import { layout, type Chrome } from './layout.js';

/** The weekly report in the workspace: the e-mail's figures and charts, with the weeks around it a click away. */
export function reportPage(chrome: Chrome, r: WeeklyReport, nav: { previous: string; next?: string | undefined; business?: string | undefined; picker?: { id: string; name: string }[] | undefined }): string {
  const of = nav.business ? `&business=${nav.business}` : '';
  const period = `${r.since.slice(0, 10)} to ${new Date(Date.parse(r.until) - 1).toISOString().slice(0, 10)}`;
  const empty = r.reviews.count === 0 && r.reviews.previous === 0;
  const charts = empty ? [] : reportCharts(r);
  const list = (id: string, title: string, lines: string[]) =>
    lines.length ? html`<section class="card" aria-labelledby="${id}"><h2 id="${id}">${title}</h2><ul>${lines.map((l) => html`<li>${l}</li>`)}</ul></section>` : '';
  const body = html`<h1>Week ${r.week}</h1>
<p class="muted">${period} · the same report the weekly e-mail sends</p>
<nav aria-label="Weeks"><ul class="tabs"><li><a href="/reports/weekly?week=${nav.previous}${of}">← ${nav.previous}</a></li>${nav.next ? html`<li><a href="/reports/weekly?week=${nav.next}${of}">${nav.next} →</a></li>` : ''}<li><a href="/insights${nav.business ? `?business=${nav.business}` : ''}">Insights</a></li></ul></nav>
${businessPicker('/reports/weekly', nav.picker ?? [], nav.business, { week: r.week })}
${empty ? html`<p>No reviews came in this week or the week before.</p>` : ''}
<section class="card" aria-labelledby="rf-h"><h2 id="rf-h">The week beside the one before</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="Figures of the week"><table><tbody>${reportFacts(r).map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody></table></div></section>
${charts.length ? html`<div class="charts">${charts.map(({ id, chart }) => html`<section class="card chart"><img src="/reports/weekly/${r.week}/${id}.png${nav.business ? `?business=${nav.business}` : ''}" width="${chart.width ?? 560}" alt="${chartAlt(chart)}"></section>`)}</div>` : ''}
${list('rp-h', 'Patterns this week', patternLines(r))}
${list('rt-h', 'Negative reviews by topic (change from the week before)', topicLines(r))}
${list('rc-h', 'Champions: raised their rating after our follow-up', championLines(r))}`;
  return layout(chrome, { title: `Week ${r.week}`, section: 'insights', body });
}
