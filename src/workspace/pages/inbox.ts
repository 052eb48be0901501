import { STATUSES, type Status } from '../../lifecycle/states.js';
import { SEVERITIES } from '../../domain/verdict.js';
import { age, businessField, html, label, stars, type Html } from './html.js';
import { layout, type Chrome } from './layout.js';

/** The inbox's filters, as its query string carries them. */
export interface InboxFilters {
  status?: Status | undefined;
  severity?: (typeof SEVERITIES)[number] | undefined;
  source?: string | undefined;
  /** Only this business's reviews (a deployment serving several). */
  business?: string | undefined;
  topic?: string | undefined;
  /** Only reviews assigned to the reader. */
  mine?: boolean | undefined;
  /** Only reviews past their response time without a reply. */
  overdue?: boolean | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
}

/** One flagged review as the inbox lists it. */
export interface InboxRow {
  id: string;
  title?: string | undefined;
  text: string;
  author?: string | undefined;
  rating?: number | undefined;
  status: string;
  severity?: string | undefined;
  sourceId: string;
  /** The name of the review's business, when the reader sees several. */
  businessName?: string | undefined;
  topics: string[];
  /** Name of the person it is assigned to. */
  assignee?: string | undefined;
  flaggedAt?: string | undefined;
  overdue: boolean;
  recovered: boolean;
}

/** Everything the inbox page shows. */
export interface InboxModel {
  rows: InboxRow[];
  /** Flagged reviews per status (all of them, whatever the filters). */
  counts: Record<Status, number>;
  filters: InboxFilters;
  nextCursor: string | null;
  sources: string[];
  /** The businesses the reader may pick from (none when there is only one). */
  businesses?: { id: string; name: string }[] | undefined;
  topics: string[];
  now: Date;
}

/** The query string of the inbox with these filters (`undefined` drops a key). */
export function inboxHref(f: InboxFilters): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === false || v === '') continue;
    p.set(k, v === true ? '1' : String(v));
  }
  const qs = p.toString();
  return qs ? `/?${qs}` : '/';
}

const EXCERPT = 220;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

function options(values: readonly string[], selected: string | undefined, any: string): Html {
  return html`<option value="">${any}</option>${values.map((v) => html`<option value="${v}"${v === selected ? html` selected` : ''}>${label(v)}</option>`)}`;
}

function row(r: InboxRow, now: Date): Html {
  // Google and the app stores keep reviews that are only a rating.
  const heading = r.title?.trim() || excerpt(r.text).slice(0, 80) || '(a rating, no text)';
  return html`<li class="row">
<h2><a href="/reviews/${encodeURIComponent(r.id)}">${heading}</a></h2>
<span class="age" title="flagged">${age(r.flaggedAt, now)}</span>
<p class="excerpt">${excerpt(r.text)}</p>
<div class="meta">
<span class="badge st-${r.status}">${label(r.status)}</span>
${r.severity ? html`<span class="badge sev-${r.severity}">${r.severity}</span>` : ''}
${r.overdue ? html`<span class="badge overdue">overdue</span>` : ''}
${r.recovered ? html`<span class="badge recovered">recovered</span>` : ''}
${stars(r.rating)}
${r.businessName ? html`<span class="business">${r.businessName}</span>` : ''}
<span>${r.sourceId}</span>
${r.author ? html`<span>by ${r.author}</span>` : ''}
${r.topics.length ? html`<span>${r.topics.map(label).join(', ')}</span>` : ''}
<span>${r.assignee ? html`assigned to ${r.assignee}` : 'unassigned'}</span>
</div>
</li>`;
}

/** The inbox: counts per status, filters and search, flagged reviews newest first, cursor paging. */
export function inboxPage(chrome: Chrome, m: InboxModel): string {
  const f = m.filters;
  const total = STATUSES.reduce((n, s) => n + m.counts[s], 0);
  const tab = (status: Status | undefined, text: string, n: number): Html =>
    html`<li><a href="${inboxHref({ ...f, status, cursor: undefined })}"${f.status === status ? html` aria-current="page"` : ''}>${text}<span class="n">${n.toLocaleString('en')}</span></a></li>`;
  const narrowed = [f.status, f.severity, f.business, f.source, f.topic, f.mine, f.overdue].filter(Boolean).length;
  const filtered = narrowed > 0 || Boolean(f.q);
  const empty = m.rows.length === 0;
  const body = html`<h1>Inbox</h1>
<nav aria-label="Status"><ul class="tabs">${tab(undefined, 'All', total)}${STATUSES.map((s) => tab(s, label(s), m.counts[s]))}</ul></nav>
<form class="card" method="get" action="/" role="search" aria-label="Filter reviews">
<div class="filter-bar"><div class="field"><label for="f-q">Search</label><input type="search" id="f-q" name="q" value="${f.q ?? ''}" placeholder="Words in the review or the author's name"></div>
<button type="submit">Search</button></div>
<details class="more"${narrowed ? html` open` : ''}><summary>Filters${narrowed ? html` (${narrowed} on)` : ''}</summary>
<div class="filters">
<div class="field"><label for="f-status">Status</label><select id="f-status" name="status">${options(STATUSES, f.status, 'Any status')}</select></div>
<div class="field"><label for="f-severity">Severity</label><select id="f-severity" name="severity">${options([...SEVERITIES].reverse(), f.severity, 'Any severity')}</select></div>
${(m.businesses?.length ?? 0) > 1 ? businessField('f-business', m.businesses!, f.business) : ''}
<div class="field"><label for="f-source">Source</label><select id="f-source" name="source">${options(m.sources, f.source, 'Any source')}</select></div>
<div class="field"><label for="f-topic">Topic</label><select id="f-topic" name="topic">${options(m.topics, f.topic, 'Any topic')}</select></div>
<div class="field"><label class="check"><input type="checkbox" name="mine" value="1"${f.mine ? html` checked` : ''}> Assigned to me</label>
<label class="check"><input type="checkbox" name="overdue" value="1"${f.overdue ? html` checked` : ''}> Overdue</label></div>
<div class="actions"><button type="submit">Apply filters</button>${filtered ? html`<a class="button secondary" href="/">Clear all</a>` : ''}</div>
</div></details>
</form>
${
  empty
    ? html`<p class="card">${m.nextCursor ? 'No match among the reviews searched so far.' : filtered ? 'No flagged review matches these filters.' : 'No flagged reviews yet. Negative reviews appear here as soon as they are found.'}</p>`
    : html`<ol class="list" aria-label="Flagged reviews">${m.rows.map((r) => row(r, m.now))}</ol>`
}
<nav class="pager" aria-label="Pages">
${f.cursor ? html`<a href="${inboxHref({ ...f, cursor: undefined })}">First page</a>` : ''}
${m.nextCursor ? html`<a href="${inboxHref({ ...f, cursor: m.nextCursor })}">${empty ? 'Search further' : 'Next page'}</a>` : ''}
</nav>`;
  return layout(chrome, { title: 'Inbox', section: 'inbox', body });
}
