import type { SourceStatus } from '../../sources/status.js';
import { age, html, time } from './html.js';
import { layout, type Chrome } from './layout.js';

/** The sources page: each source's health, last poll, last error and next poll. */
export function sourcesPage(chrome: Chrome, sources: SourceStatus[], now: Date): string {
  const healthy = sources.filter((s) => s.healthy).length;
  const body = html`<h1>Sources</h1>
<p>${sources.length === 0 ? 'No sources are configured.' : `${healthy} of ${sources.length} source${sources.length === 1 ? '' : 's'} healthy.`}</p>
${
  sources.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Sources"><table>
<caption class="hidden">Sources and their health</caption>
<thead><tr><th scope="col">Source</th><th scope="col">Health</th><th scope="col">Last poll</th><th scope="col">Last error</th><th scope="col">Next poll</th><th scope="col">Reviews seen</th></tr></thead>
<tbody>${sources.map(
        (s) => html`<tr>
<th scope="row">${s.id}<div class="muted">${s.type}${s.enabled ? '' : ' · disabled'}</div></th>
<td>${
          s.healthy
            ? html`<span class="ok">healthy</span>`
            : s.lastSuccessAt === undefined && s.consecutiveFailures === 0
              ? html`<span class="muted">not polled yet</span>`
              : html`<span class="bad">failing</span><div class="muted">${s.consecutiveFailures} failure${s.consecutiveFailures === 1 ? '' : 's'} in a row</div>`
        }${s.lastWarning ? html`<div class="muted">${s.lastWarning}</div>` : ''}</td>
<td>${s.lastPollAt ? html`${time(s.lastPollAt)}<div class="muted">${age(s.lastPollAt, now)}${s.lastStatus ? ` · HTTP ${s.lastStatus}` : ''}</div>` : html`<span class="muted">never</span>`}</td>
<td>${s.lastError ? html`${s.lastError}<div class="muted">${time(s.lastErrorAt)}</div>` : html`<span class="muted">none</span>`}</td>
<td>${s.nextPollAt ? time(s.nextPollAt) : html`<span class="muted">not scheduled</span>`}${s.backoffUntil && Date.parse(s.backoffUntil) > now.getTime() ? html`<div class="muted">backing off after errors</div>` : ''}</td>
<td>${s.reviewsSeen.toLocaleString('en')}</td>
</tr>`,
      )}</tbody></table></div>`
    : ''
}`;
  return layout(chrome, { title: 'Sources', section: 'sources', body });
}
