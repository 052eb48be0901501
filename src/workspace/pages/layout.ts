import { html, type Html } from './html.js';

/** The signed-in person a page is rendered for (the shape of `req.person`). */
export interface PagePerson {
  email: string;
  name: string;
  role: 'owner' | 'responder' | 'viewer';
  /** The businesses the person sees (undefined: every business). */
  businesses?: readonly string[] | undefined;
}

/** What every page needs besides its own content: who is reading, the form token, the asset URLs. */
export interface Chrome {
  person: PagePerson;
  /** CSRF token every form posts back as `_csrf` (the page script sends it as `x-csrf-token`). */
  csrfToken: string;
  /** Versioned URLs of the stylesheet and script (see assets.ts). */
  assets: { css: string; js: string };
}

export type Section = 'inbox' | 'sources' | 'insights' | 'review';

const NAV: [Section, string, string][] = [
  ['inbox', '/', 'Inbox'],
  ['sources', '/sources', 'Sources'],
  ['insights', '/insights', 'Insights'],
];

/** The hidden form field carrying the CSRF token. */
export function csrfField(chrome: Pick<Chrome, 'csrfToken'>): Html {
  return html`<input type="hidden" name="_csrf" value="${chrome.csrfToken}">`;
}

/** A whole page: head, navigation, sign-out, and `body` as the main content. */
export function layout(chrome: Chrome, opts: { title: string; section: Section; body: Html }): string {
  const nav = NAV.map(([id, href, text]) => html`<li><a href="${href}"${id === opts.section ? html` aria-current="page"` : ''}>${text}</a></li>`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${chrome.csrfToken}">
<title>${opts.title} · review-monitor</title>
<link rel="stylesheet" href="${chrome.assets.css}">
<script type="module" src="${chrome.assets.js}"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><div class="bar">
<a class="brand" href="/">review-monitor</a>
<nav aria-label="Main"><ul>${nav}</ul></nav>
<div class="who"><span>${chrome.person.name} <span class="muted">(${chrome.person.role})</span></span>
<form method="post" action="/logout">${csrfField(chrome)}<button type="submit">Sign out</button></form></div>
</div></header>
<main id="main">
${opts.body}
</main>
</body>
</html>
`.value;
}
