import type { Violation } from '../../draft/index.js';
import { isRecovered, type HistoryEntry } from '../../lifecycle/states.js';
import type { StoredReview } from '../../store/review-store.js';
import { html, label, safeHref, stars, time, type Html } from './html.js';
import { csrfField, layout, type Chrome } from './layout.js';

/** Everything the review page shows. */
export interface ReviewModel {
  stored: StoredReview;
  /** When the reply is due (flag time plus the severity's response time) and whether that has passed. */
  sla?: { dueAt: string | null; overdue: boolean } | undefined;
  /** Every step, oldest first, including when it was stored and flagged. */
  history: HistoryEntry[];
  publisher: { type: string; automatic: boolean };
  /** What the reader may do (buttons for anything else are not shown; the server refuses it anyway). */
  may: { respond: boolean; approve: boolean };
  /** People a review can be assigned to; absent when assignment is not available. */
  people?: { email: string; name: string }[] | undefined;
  assignee?: { email: string; name: string } | undefined;
  /** Follow-up delay the resolve form suggests, in seconds. */
  defaultFollowUpSeconds: number;
  /** The reply text in the form: what the person typed when an action was refused, else the draft. */
  replyText: string;
  /** Guardrail violations of `replyText`. */
  violations: Violation[];
  /** A refused action: its message, shown above the form. */
  problem?: string | undefined;
  /** What the last action did. */
  notice?: string | undefined;
}

const FOLLOW_UP_DELAYS: [number, string][] = [
  [3600, '1 hour'],
  [6 * 3600, '6 hours'],
  [86_400, '1 day'],
  [3 * 86_400, '3 days'],
  [7 * 86_400, '1 week'],
];

const ACTION_TEXT: Record<string, string> = {
  stored: 'Review stored',
  flagged: 'Flagged as negative',
  edited_by_reviewer: 'Edited by the reviewer',
  acknowledge: 'Acknowledged',
  edit_draft: 'Reply edited',
  approve: 'Reply approved',
  mark_ready: 'Ready to post',
  reply: 'Reply posted',
  reply_on_platform: 'Replied on the platform',
  resolve: 'Resolved',
  follow_up: 'Follow-up',
  assign: 'Assigned',
};

function violationList(violations: Violation[]): Html {
  if (violations.length === 0) return html`<strong>The reply passes every guardrail.</strong>`;
  return html`<strong>The reply breaks ${violations.length} guardrail${violations.length === 1 ? '' : 's'}:</strong>
<ul>${violations.map((v) => html`<li>${v.message}${v.span ? html`<span class="span"> (“${v.span}”)</span>` : ''}</li>`)}</ul>`;
}

function timelineEntry(e: HistoryEntry): Html {
  const d = e.details ?? {};
  const extra: string[] = [];
  if (e.action === 'flagged' && typeof d.severity === 'string') extra.push(`severity ${d.severity}`);
  if (e.action === 'approve' && typeof d.override === 'string') extra.push(`guardrails overridden: ${d.override}`);
  if (e.action === 'resolve' && typeof d.followUpDueAt === 'string') extra.push(`follow-up due ${d.followUpDueAt.slice(0, 16).replace('T', ' ')} UTC`);
  if (e.action === 'assign') extra.push(typeof d.name === 'string' ? `to ${d.name}` : typeof d.assignee === 'string' ? `to ${d.assignee}` : 'to nobody');
  if (e.action === 'edited_by_reviewer' && Array.isArray(d.ratings)) extra.push(`ratings ${d.ratings.map((r) => (r === null ? '–' : String(r))).join(' → ')}`);
  if (Array.isArray(d.violations) && d.violations.length && e.action === 'edit_draft') extra.push(`${d.violations.length} guardrail issue(s)`);
  return html`<li>
<div><span class="what">${ACTION_TEXT[e.action] ?? label(e.action)}</span>${e.from && e.to && e.from !== e.to ? html` <span class="muted">${label(e.from)} → ${label(e.to)}</span>` : ''}</div>
<div class="muted">${time(e.at)} · ${e.actor}${extra.length ? html` · ${extra.join(' · ')}` : ''}</div>
${e.note ? html`<p class="note">${e.note}</p>` : ''}
</li>`;
}

function postForm(chrome: Chrome, id: string, action: string, content: Html): Html {
  return html`<form method="post" action="/reviews/${encodeURIComponent(id)}/${action}">${csrfField(chrome)}${content}</form>`;
}

/** The reply as drafted: editable (and approvable) before approval, read-only for viewers. */
function replyStage(chrome: Chrome, m: ReviewModel): Html {
  const id = m.stored.review.id;
  const enc = encodeURIComponent(id);
  if (!m.may.respond) {
    return html`<section class="card" aria-labelledby="reply-h"><h2 id="reply-h">Reply</h2>
<p class="review-text">${m.replyText || 'No draft yet.'}</p>
<div class="violations${m.violations.length ? '' : ' clean'}">${violationList(m.violations)}</div></section>`;
  }
  const critical = m.stored.verdict?.severity === 'critical';
  return html`<section class="card" aria-labelledby="reply-h"><h2 id="reply-h">Draft reply</h2>
<form method="post" action="/reviews/${enc}/draft">${csrfField(chrome)}
<div class="field"><label for="reply">Reply</label>
<textarea id="reply" name="reply" rows="12" aria-describedby="violations reply-hint" data-check-url="/reviews/${enc}/check">${m.replyText}</textarea>
<p class="hint" id="reply-hint">Acknowledge the problem, thank, apologise, and give the contact. The guardrails are checked as you type.</p></div>
<div id="violations" class="violations${m.violations.length ? '' : ' clean'}" role="status" aria-live="polite">${violationList(m.violations)}</div>
${
  m.may.approve
    ? html`<div class="field" data-override${m.violations.length ? '' : html` hidden`}><label for="override">Reason to approve despite the guardrails</label>
<input type="text" id="override" name="override" maxlength="500" aria-describedby="override-hint">
<p class="hint" id="override-hint">Only needed when the reply breaks a guardrail; it is recorded in the history.</p></div>`
    : critical
      ? html`<p class="hint">This review is critical: only an owner can approve its reply.</p>`
      : html`<p class="hint">An owner approves the reply before it is posted.</p>`
}
<div class="actions">
${m.may.approve ? html`<button type="submit" formaction="/reviews/${enc}/approve">Approve</button>` : ''}
<button type="submit" class="secondary">Save draft</button>
</div></form>
${m.stored.status === 'new' ? postForm(chrome, id, 'acknowledge', html`<div class="actions"><button type="submit" class="secondary">Acknowledge</button><span class="hint">Tell the team someone is on it, without changing the reply.</span></div>`) : ''}
</section>`;
}

/** The approved reply: copy and mark as posted (manual publisher), or publish (automatic). */
function postStage(chrome: Chrome, m: ReviewModel): Html {
  const s = m.stored;
  const text = s.lifecycle.replyText ?? m.replyText;
  const link = safeHref(s.review.url);
  const state = s.lifecycle.replyState;
  const copy = html`<div class="field"><label for="approved-reply">Approved reply</label>
<textarea id="approved-reply" readonly rows="8">${text}</textarea></div>
<div class="actions"><button type="button" class="secondary" data-copy="approved-reply" hidden>Copy the reply</button>
${link ? html`<a class="button secondary" href="${link}" target="_blank" rel="noopener noreferrer">Open the review on ${s.review.sourceId}</a>` : ''}
<span id="approved-reply-status" role="status"></span></div>`;
  const approvedBy = html`<p class="muted">Approved by ${s.lifecycle.approvedBy ?? 'someone'} ${time(s.lifecycle.approvedAt)}${s.lifecycle.approvalOverride ? html` · guardrails overridden: ${s.lifecycle.approvalOverride}` : ''}</p>`;
  if (!m.publisher.automatic) {
    return html`<section class="card" aria-labelledby="post-h"><h2 id="post-h">Post the reply</h2>${approvedBy}
<p><strong>Copy the reply and open the review on its platform first</strong>, post it there, then mark it as posted here.</p>
${copy}
${m.may.respond ? postForm(chrome, s.review.id, 'posted', html`<div class="actions"><button type="submit">Mark as posted</button></div>`) : ''}
</section>`;
  }
  return html`<section class="card" aria-labelledby="post-h"><h2 id="post-h">Publish the reply</h2>${approvedBy}
${copy}
${state === 'publishing' ? html`<p>Publishing through ${m.publisher.type}…</p>` : ''}
${s.lifecycle.publishError ? html`<p class="error">The last attempt failed: ${s.lifecycle.publishError}</p>` : ''}
${m.may.respond ? postForm(chrome, s.review.id, 'publish', html`<div class="actions"><button type="submit">${s.lifecycle.publishError ? 'Publish again' : 'Publish'}</button></div>`) : ''}
</section>`;
}

function resolveStage(chrome: Chrome, m: ReviewModel): Html {
  const s = m.stored;
  const delays = FOLLOW_UP_DELAYS.some(([v]) => v === m.defaultFollowUpSeconds) ? FOLLOW_UP_DELAYS : [...FOLLOW_UP_DELAYS, [m.defaultFollowUpSeconds, `${Math.round(m.defaultFollowUpSeconds / 3600)} hours`] as [number, string]].sort((a, b) => a[0] - b[0]);
  return html`<section class="card" aria-labelledby="resolve-h"><h2 id="resolve-h">Resolve</h2>
<p class="muted">Reply posted ${s.lifecycle.repliedOn === 'platform' ? 'on the platform by the business ' : ''}${time(s.lifecycle.repliedAt)}. When the matter is settled, resolve it: a short follow-up closing the loop is posted on the review later.</p>
<details><summary>Posted reply</summary><p class="review-text">${s.lifecycle.replyText ?? ''}</p></details>
${
  m.may.respond
    ? postForm(
        chrome,
        s.review.id,
        'resolve',
        html`<div class="field"><label for="resolve-note">What was done</label><textarea id="resolve-note" name="note" rows="3" maxlength="2000" aria-describedby="resolve-note-hint"></textarea>
<p class="hint" id="resolve-note-hint">Optional; it goes into the follow-up (for example "we replaced the booking system").</p></div>
<div class="field"><label for="follow-up-after">Send the follow-up after</label><select id="follow-up-after" name="followUpAfter">${delays.map(([v, t]) => html`<option value="${v}"${v === m.defaultFollowUpSeconds ? html` selected` : ''}>${t}</option>`)}</select></div>
<div class="actions"><button type="submit">Resolve</button></div>`,
      )
    : ''
}
</section>`;
}

function followUpStage(chrome: Chrome, m: ReviewModel): Html {
  const s = m.stored;
  const link = safeHref(s.review.url);
  const manual = !m.publisher.automatic;
  return html`<section class="card" aria-labelledby="follow-h"><h2 id="follow-h">Follow-up</h2>
<p class="muted">Resolved ${time(s.lifecycle.resolvedAt)}. The follow-up is due ${time(s.lifecycle.followUpDueAt)}${s.lifecycle.followUpState ? html` (${label(s.lifecycle.followUpState)})` : ''}.</p>
<div class="field"><label for="follow-up-text">Follow-up text</label><textarea id="follow-up-text" readonly rows="6">${s.lifecycle.followUpText ?? ''}</textarea></div>
<div class="actions"><button type="button" class="secondary" data-copy="follow-up-text" hidden>Copy the follow-up</button>
${manual && link ? html`<a class="button secondary" href="${link}" target="_blank" rel="noopener noreferrer">Open the review on ${s.review.sourceId}</a>` : ''}
<span id="follow-up-text-status" role="status"></span></div>
${
  m.may.respond
    ? manual
      ? html`<p>It is posted as an update of your reply: copy it, replace the reply on the platform, then mark it as posted.</p>${postForm(chrome, s.review.id, 'follow-up', html`<input type="hidden" name="posted" value="1"><div class="actions"><button type="submit">Mark follow-up as posted</button></div>`)}`
      : postForm(chrome, s.review.id, 'follow-up', html`<div class="actions"><button type="submit">Send follow-up</button></div>`)
    : ''
}
</section>`;
}

function assignForm(chrome: Chrome, m: ReviewModel): Html {
  if (!m.people) return html``;
  const current = m.assignee?.email;
  return html`<section class="card" aria-labelledby="assign-h"><h2 id="assign-h">Assignment</h2>
<p>${m.assignee ? html`Assigned to <strong>${m.assignee.name}</strong>` : 'Not assigned to anyone.'}</p>
${
  m.may.respond
    ? postForm(
        chrome,
        m.stored.review.id,
        'assign',
        html`<div class="field"><label for="assignee">Assign to</label><select id="assignee" name="assignee"><option value="">Nobody</option>${m.people.map((p) => html`<option value="${p.email}"${p.email === current ? html` selected` : ''}>${p.name}</option>`)}</select></div>
<div class="actions"><button type="submit" class="secondary">Assign</button></div>`,
      )
    : ''
}
</section>`;
}

/** The review page: the review, why it was flagged, the reply and the next step, assignment, timeline. */
export function reviewPage(chrome: Chrome, m: ReviewModel): string {
  const s = m.stored;
  const r = s.review;
  const v = s.verdict;
  const link = safeHref(r.url);
  const recovered = isRecovered(s.ratingHistory, s.lifecycle.repliedAt);
  const approved = Boolean(s.lifecycle.approvedAt);
  let stage: Html;
  if (s.status === 'new' || (s.status === 'acknowledged' && !approved)) stage = replyStage(chrome, m);
  else if (s.status === 'acknowledged') stage = postStage(chrome, m);
  else if (s.status === 'replied') stage = resolveStage(chrome, m);
  else if (s.status === 'resolved') stage = followUpStage(chrome, m);
  else stage = html`<section class="card"><h2>Done</h2><p>The reply and the follow-up are posted ${time(s.lifecycle.followedUpAt)}.</p></section>`;

  const body = html`<p><a href="/">← Inbox</a></p>
<h1>${r.title?.trim() || `Review by ${r.author ?? 'an anonymous reviewer'}`}</h1>
<div class="review-head">
<span class="badge st-${s.status}">${label(s.status)}</span>
${v ? html`<span class="badge sev-${v.severity}">${v.severity}</span>` : ''}
${m.sla?.overdue ? html`<span class="badge overdue">overdue: the reply was due ${time(m.sla.dueAt ?? undefined)}</span>` : ''}
${recovered ? html`<span class="badge recovered">recovered: rating went up after the reply</span>` : ''}
${s.lifecycle.repliedOn === 'platform' ? html`<span class="badge platform">replied on the platform</span>` : ''}
${s.lifecycle.outdatedAt ? html`<span class="badge overdue">edited after the reply ${time(s.lifecycle.outdatedAt)}: the reply may no longer fit</span>` : ''}
${stars(r.rating)}
</div>
${m.notice ? html`<div class="notice" role="status">${m.notice}</div>` : ''}
${m.problem ? html`<div class="error" role="alert"><strong>Not done:</strong> ${m.problem}</div>` : ''}
<div class="cols">
<div>
<section class="card" aria-labelledby="review-h"><h2 id="review-h">The review</h2>
<p class="review-text">${r.text.trim() ? r.text : html`<span class="muted">A rating, no text.</span>`}</p>
${r.excerpt ? html`<p class="muted">Only an excerpt: the platform does not give the full text${link ? html`; <a href="${link}" rel="noopener noreferrer">read the whole review there</a>` : ''}.</p>` : ''}
${r.translation ? html`<details><summary>The platform’s translation</summary><p class="review-text">${r.translation}</p></details>` : ''}
<dl class="facts">
<dt>Author</dt><dd>${r.author ?? 'anonymous'}</dd>
<dt>Rating</dt><dd>${stars(r.rating)}${r.ratingOriginal ? html` <span class="muted">(${r.ratingOriginal.value} of ${r.ratingOriginal.best})</span>` : ''}</dd>
<dt>Published</dt><dd>${time(r.publishedAt) }${r.publishedAt ? '' : 'unknown'}</dd>
<dt>Source</dt><dd>${r.sourceId}${link ? html` · <a href="${link}" rel="noopener noreferrer">view on the platform</a>` : ''}</dd>
${s.ratingHistory.length > 1 ? html`<dt>Rating history</dt><dd><ol class="plain">${s.ratingHistory.map((h) => html`<li>${h.rating === null ? 'no rating' : `${h.rating} / 5`} · ${time(h.at)}</li>`)}</ol></dd>` : ''}
</dl>
</section>
${stage}
</div>
<div>
<section class="card" aria-labelledby="why-h"><h2 id="why-h">Why it was flagged</h2>
${
  v
    ? html`<dl class="facts"><dt>Severity</dt><dd><span class="badge sev-${v.severity}">${v.severity}</span></dd>
<dt>Topics</dt><dd>${v.topics.length ? v.topics.map(label).join(', ') : 'none'}</dd>
${m.sla?.dueAt && !s.lifecycle.repliedAt ? html`<dt>Reply due</dt><dd>${time(m.sla.dueAt)}</dd>` : ''}</dl>
<ul>${v.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>`
    : html`<p>Not analysed yet.</p>`
}
</section>
${assignForm(chrome, m)}
<section class="card" aria-labelledby="history-h"><h2 id="history-h">History</h2>
<ol class="timeline">${m.history.map(timelineEntry)}</ol>
</section>
</div>
</div>`;
  return layout(chrome, { title: r.title?.trim() || 'Review', section: 'review', body });
}
