import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { alertPayload } from '../../alerts/payload.js';
import { alertLinks, renderSlack, SLACK_ACTIONS } from '../../alerts/render.js';
import type { AppContext } from '../../context.js';
import { acknowledge, approve, type ActionResult } from '../../lifecycle/actions.js';
import { maySeeSource } from '../../api/visibility.js';
import { sourceOfReviewId } from '../../domain/review.js';
import { verifySlackRequest } from './signature.js';

/** The part of Slack's `block_actions` payload this endpoint reads. */
const interactionSchema = z.object({
  type: z.string(),
  user: z.object({ id: z.string() }),
  response_url: z.url().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).default([]),
});
type Interaction = z.infer<typeof interactionSchema>;

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
  }
}

/**
 * `POST /integrations/slack/actions`: the Slack app's interactivity endpoint. The signature is checked on
 * the raw body (401 and nothing done when it is missing, wrong or older than 5 minutes); the click is
 * acknowledged at once (Slack waits 3 s at most) and applied afterwards through the shared lifecycle
 * actions as the person linked to the Slack user, and the outcome is posted to the message's `response_url`.
 */
export async function slackPlugin(app: FastifyInstance, opts: { ctx: AppContext; signingSecret: string }): Promise<void> {
  const { ctx, signingSecret } = opts;
  const log = ctx.logger.child({ module: 'slack-actions' });
  // Slack posts forms; the signature covers the exact bytes, so keep them (in this plugin only).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (req, body, done) => {
    req.rawBody = body as string;
    done(null, new URLSearchParams(body as string));
  });
  // Clicks being applied after their acknowledgement: closing the API waits for them.
  const inFlight = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...inFlight]);
  });

  const respond = async (url: string | undefined, message: Record<string, unknown>): Promise<void> => {
    if (!url) return;
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message), redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      await res.body?.cancel();
      if (!res.ok) log.warn({ status: res.status }, 'Slack did not take the response_url message');
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'could not post to the Slack response_url');
    }
  };
  const ephemeral = (text: string): Record<string, unknown> => ({ response_type: 'ephemeral', replace_original: false, text });

  async function apply(i: Interaction): Promise<void> {
    const action = i.actions.find((a) => a.action_id === SLACK_ACTIONS.approve || a.action_id === SLACK_ACTIONS.acknowledge);
    if (!action?.value) return; // "Open in inbox" is a link: Slack reports the click, there is nothing to do.
    const person = await ctx.people.bySlackUser(i.user.id);
    if (!person) {
      return respond(i.response_url, ephemeral(`Your Slack account is not linked to a person of review-monitor, so nothing was done. Ask an owner to run: review-monitor users set-slack <your e-mail> ${i.user.id}`));
    }
    // A person limited to some businesses acts on theirs only, from any channel the alert reached.
    if (!maySeeSource(ctx.config, person, sourceOfReviewId(action.value))) {
      return respond(i.response_url, ephemeral(`Nothing was done: this review belongs to a business your account does not cover.`));
    }
    const actor = { name: person.name, role: person.role };
    const approving = action.action_id === SLACK_ACTIONS.approve;
    const result: ActionResult = approving ? await approve(ctx, action.value, {}, actor) : await acknowledge(ctx, action.value, {}, actor);
    if (!result.ok) {
      const hint = result.reason === 'guardrails' ? ' Open it in the inbox to edit the reply or approve with a reason.' : '';
      return respond(i.response_url, ephemeral(`Nothing was done: ${result.message}.${hint}`));
    }
    log.info({ reviewId: action.value, action: action.action_id, by: person.email }, 'Slack action applied');
    const payload = alertPayload(result.review, 'slack', { publicUrl: ctx.config.publicUrl });
    const message = renderSlack(payload, alertLinks(payload), { interactive: !approving, note: `${approving ? 'Draft approved' : 'Acknowledged'} by ${person.name}` });
    await respond(i.response_url, { replace_original: true, ...message });
  }

  app.post('/integrations/slack/actions', async (req, reply) => {
    const refused = verifySlackRequest(signingSecret, { timestamp: header(req.headers['x-slack-request-timestamp']), signature: header(req.headers['x-slack-signature']) }, req.rawBody ?? '');
    if (refused) return reply.code(401).send({ error: 'unauthorized', message: refused });
    const raw = req.body instanceof URLSearchParams ? req.body.get('payload') : null;
    let parsed;
    try {
      parsed = raw ? interactionSchema.safeParse(JSON.parse(raw)) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) return reply.code(400).send({ error: 'bad_request', message: 'body: expected a form field "payload" holding Slack interaction JSON' });
    const work = apply(parsed.data)
      .catch((err: Error) => log.error({ err }, 'Slack action failed'))
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
    return reply.code(200).send();
  });
}

const header = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
