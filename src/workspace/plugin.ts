import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import session from '@fastify/session';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { PersonRef } from '../domain/person.js';
import { RedisSessionStore, sessionSecret } from '../store/session-store.js';
import { SignInAttempts } from '../store/sign-in-attempts.js';
import { signInRoutes } from './sign-in.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person of a workspace request. */
    person?: PersonRef | undefined;
  }
  interface Session {
    email?: string;
  }
}

/** Paths served without signing in. */
const PUBLIC = /^\/(login|assets\/)/;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What page routes registered inside the workspace get: the signed-in person and a CSRF token for forms. */
export interface WorkspaceRequestHelpers {
  person(req: FastifyRequest): PersonRef;
  csrfToken(req: FastifyRequest, reply: FastifyReply): string;
}

export const workspaceHelpers: WorkspaceRequestHelpers = {
  person: (req) => {
    if (!req.person) throw new Error('page route reached without a signed-in person');
    return req.person;
  },
  csrfToken: (_req, reply) => reply.generateCsrf(),
};

/** The workspace plugin's options: the context, and the page routes to register behind sign-in. */
export interface WorkspaceOptions {
  ctx: AppContext;
  pages?: ((app: FastifyInstance, helpers: WorkspaceRequestHelpers) => void | Promise<void>) | undefined;
}

const errorPage = (status: number, title: string, text: string): string =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · review-monitor</title><link rel="stylesheet" href="/assets/app.css"></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Back to the inbox</a></p></main><!-- ${status} --></body></html>`;

/**
 * The owner workspace: sessions (in Redis), sign-in and sign-out, CSRF checks on every form post, and
 * `req.person` on every request; page requests from someone not signed in go to /login?next=….
 * Page routes are registered inside it (see `workspaceHelpers`).
 */
export async function workspacePlugin(app: FastifyInstance, opts: WorkspaceOptions): Promise<void> {
  const { ctx } = opts;
  const { workspace } = ctx.config;
  const keys = ctx.store.keys;
  const ttlMs = workspace.sessionHours * 3_600_000;
  await app.register(cookie);
  await app.register(session, {
    secret: await sessionSecret(ctx.redis, keys, workspace.sessionSecret),
    cookieName: 'rm_session',
    // Secure whenever the request came over https (directly, or per X-Forwarded-Proto from a trusted proxy).
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: ttlMs },
    store: new RedisSessionStore(ctx.redis, keys, ttlMs),
    saveUninitialized: false,
    rolling: true,
  });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(csrf, { sessionPlugin: '@fastify/session' });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET') {
      return reply.code(403).type('text/html; charset=utf-8').send(errorPage(403, 'Form expired', 'This form has expired or did not come from this site. Go back, reload the page and try again.'));
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'workspace request failed');
    const text = status === 500 ? 'Something went wrong on our side. Nothing you typed was saved; go back and try again.' : 'The request could not be understood. Go back and try again.';
    return reply.code(status).type('text/html; charset=utf-8').send(errorPage(status, status === 500 ? 'Something went wrong' : 'Bad request', text));
  });

  app.addHook('preHandler', async (req, reply) => {
    const email = req.session.email;
    if (email) {
      // Read on every request: a removed person or a changed role takes effect at once.
      const person = await ctx.people.get(email);
      if (person) req.person = { email: person.email, name: person.name, role: person.role, businesses: person.businesses };
      else await req.session.destroy();
    }
    const path = req.url.split('?')[0]!;
    if (!req.person && !PUBLIC.test(path)) {
      if (req.method === 'GET' || req.method === 'HEAD') return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
      return reply.code(401).type('text/html; charset=utf-8').send(errorPage(401, 'Signed out', 'Your session has ended. <a href="/login">Sign in</a> again; then repeat what you were doing.'));
    }
  });
  // Every form post carries the session's CSRF token (a refusal is answered by the error handler above).
  app.addHook('preHandler', (req, reply, done) => (UNSAFE.has(req.method) ? app.csrfProtection(req, reply, done) : done()));

  signInRoutes(app, { people: ctx.people, attempts: new SignInAttempts(ctx.redis, keys, { ...workspace.signInLimit, windowMs: workspace.signInLimit.windowMinutes * 60_000 }) });
  await opts.pages?.(app, workspaceHelpers);
}
