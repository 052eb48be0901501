// Every page is built with the `html` tag below: interpolated values are escaped unless they are
// already `Html` (the output of another `html` call), so a review's text, an author's name or a
// person's note can never become markup, whichever template forgets to think about it.

import { escapeHtml } from '../../alerts/render.js';
import { httpUrl } from '../../domain/web-url.js';

/** Markup that is safe to insert as it is: produced by `html` or `raw`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for an HTML element or a quoted attribute value (the alerts' escaper, one for both). */
export const esc = escapeHtml;

/** A value an `html` template may interpolate: text is escaped, `Html` kept, lists joined, nothing omitted. */
export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

function render(v: Interpolation): string {
  if (v === null || v === undefined || v === false || v === true) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return esc(String(v));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Trusted markup built by this code (never text from a review or a person). */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** Only http(s) links reach an href: a `javascript:` or `data:` URL from a feed is dropped. */
export const safeHref = httpUrl;

/** "just now", "3 min ago", "5 h ago", "2 d ago": how long ago `iso` was, for lists read at a glance. */
export function age(iso: string | undefined, now: Date): string {
  if (!iso) return '';
  const seconds = Math.max(0, (now.getTime() - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

/** A `<time>` element: the readable UTC date and time, the exact instant in `datetime`. */
export function time(iso: string | undefined): Html {
  if (!iso || !Number.isFinite(Date.parse(iso))) return html``;
  const d = new Date(iso);
  return html`<time datetime="${d.toISOString()}">${d.toISOString().slice(0, 16).replace('T', ' ')} UTC</time>`;
}

/** "★★☆☆☆" with the number for screen readers. */
export function stars(rating: number | undefined): Html {
  if (rating === undefined) return html`<span class="stars muted">no rating</span>`;
  const full = Math.round(rating);
  return html`<span class="stars" role="img" aria-label="${rating} out of 5 stars">${'★'.repeat(full)}${'☆'.repeat(Math.max(0, 5 - full))}</span>`;
}

/** Human label of a status or rule id: `followed_up` → "followed up". */
export function label(id: string): string {
  return id.replace(/[_-]+/g, ' ');
}

/** The Business field of a filter form (`id` its element id): every business, or one of those the reader sees. */
export function businessField(id: string, businesses: readonly { id: string; name: string }[], selected: string | undefined): Html {
  return html`<div class="field"><label for="${id}">Business</label><select id="${id}" name="business"><option value="">Every business</option>${businesses.map((b) => html`<option value="${b.id}"${b.id === selected ? html` selected` : ''}>${b.name}</option>`)}</select></div>`;
}

/** A GET form that picks one of the reader's businesses for a page (nothing when there is only one to see). */
export function businessPicker(action: string, businesses: readonly { id: string; name: string }[], selected: string | undefined, keep: Record<string, string> = {}): Html | '' {
  if (businesses.length < 2) return '';
  return html`<form class="card filter-bar" method="get" action="${action}" aria-label="Business">${Object.entries(keep).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
${businessField('p-business', businesses, selected)}
<button type="submit">Show</button></form>`;
}
