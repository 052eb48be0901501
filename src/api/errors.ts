import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { formatPath } from '../config/load.js';
import type { ActionResult, Done, Refusal } from '../lifecycle/actions.js';

/** The single error body of the API. */
export interface ApiError {
  error: string;
  message: string;
  details?: { path: string; message: string }[] | Record<string, unknown>;
}

/** An error a route throws to answer with a given status and body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiError['details'],
  ) {
    super(message);
  }
}

/** 400 naming every bad field as `<where>.<path>`. */
export function validationError(where: 'query' | 'params' | 'body', error: z.ZodError): HttpError {
  const details = error.issues.map((i) => ({ path: [where, formatPath(i.path)].filter((p) => p !== '(root)').join('.'), message: i.message }));
  return new HttpError(400, 'bad_request', details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
}

export function notFound(what: string): HttpError {
  return new HttpError(404, 'not_found', what);
}

/** Sends an ApiError body. */
export function sendError(reply: FastifyReply, status: number, body: ApiError): FastifyReply {
  return reply.code(status).send(body);
}

/** The HTTP answer to a refused lifecycle action. */
export function refusalError(r: Refusal): HttpError {
  switch (r.reason) {
    case 'not_found':
      return notFound(r.message);
    case 'conflict':
      return new HttpError(409, 'conflict', r.message, r.details);
    case 'guardrails':
      return new HttpError(422, 'guardrails', r.message, { violations: r.violations });
    case 'forbidden':
      return new HttpError(403, 'forbidden', r.message);
    case 'invalid':
      return new HttpError(422, 'unprocessable', r.message);
  }
}

/** The applied action's result, or the HTTP error its refusal maps to. */
export function applied<T extends object>(r: ActionResult<T>): Done<T> {
  if (!r.ok) throw refusalError(r);
  return r;
}
