import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PeopleStore } from '../store/people-store.js';
import type { SignInAttempts } from '../store/sign-in-attempts.js';
import { esc as escapeHtml } from './pages/html.js';


/**
 * Where to go after signing in: a same-origin path only (`/…`, never `//host` or `/\host`, which browsers
 * read as another site), else the inbox.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !/^\/(?![/\\])/.test(next) || /[\u0000-\u001f\\]/.test(next) || next.length > 2_000) return '/';
  return next;
}

/** The sign-in page: Email, Password, Sign in; `message` above the form when the last try failed. */
export function loginPage(opts: { csrfToken: string; next: string; email?: string; message?: string }): string {
  const message = opts.message ? `<p class="form-error" role="alert">${escapeHtml(opts.message)}</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · review-monitor</title><link rel="stylesheet" href="/assets/app.css"></head>
<body><main class="sign-in"><h1>Sign in</h1>${message}
<form method="post" action="/login">
<input type="hidden" name="_csrf" value="${escapeHtml(opts.csrfToken)}">
<input type="hidden" name="next" value="${escapeHtml(opts.next)}">
<p><label for="email">Email</label> <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(opts.email ?? '')}"></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p>
</form></main></body></html>`;
}

const minutes = (ms: number): string => `${Math.max(1, Math.ceil(ms / 60_000))} minute${ms > 60_000 ? 's' : ''}`;

/** GET/POST /login and POST /logout (CSRF is checked by the workspace plugin's hook). */
export function signInRoutes(app: FastifyInstance, deps: { people: PeopleStore; attempts: SignInAttempts }): void {
  const page = (reply: FastifyReply, status: number, opts: { next: string; email?: string; message?: string }): FastifyReply =>
    reply.code(status).type('text/html; charset=utf-8').send(loginPage({ ...opts, csrfToken: reply.generateCsrf() }));

  app.get('/login', async (req: FastifyRequest<{ Querystring: { next?: string } }>, reply) => {
    const next = safeNext(req.query.next);
    if (req.person) return reply.redirect(next, 303);
    return page(reply, 200, { next });
  });

  app.post('/login', async (req: FastifyRequest<{ Body: { email?: unknown; password?: unknown; next?: unknown } }>, reply) => {
    const body = req.body ?? {};
    const email = typeof body.email === 'string' ? body.email.trim().slice(0, 254) : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(body.next);
    if (!email || !password) return page(reply, 400, { next, email, message: 'Enter your e-mail address and password.' });
    const wait = await deps.attempts.lockedFor(email, req.ip);
    if (wait > 0) {
      return page(reply.header('retry-after', String(Math.ceil(wait / 1000))), 429, { next, email, message: `Too many failed sign-ins for this account or from this address. Try again in ${minutes(wait)}.` });
    }
    const person = await deps.people.verify(email, password);
    if (!person) {
      await deps.attempts.fail(email, req.ip);
      req.log.info({ event: 'sign_in_failed' }, 'sign-in failed');
      return page(reply, 401, { next, email, message: 'Wrong e-mail address or password.' });
    }
    await deps.attempts.succeeded(email);
    // A fresh session id on sign-in: an id planted before (session fixation) is worth nothing after.
    await req.session.regenerate();
    req.session.email = person.email;
    return reply.redirect(next, 303);
  });

  app.post('/logout', async (req, reply) => {
    await req.session.destroy();
    return reply.redirect('/login', 303);
  });
}
