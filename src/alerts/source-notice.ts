import type { AppContext } from '../context.js';
import { CredentialError } from '../credentials/index.js';
import { FetchError } from '../sources/fetch.js';
import type { SourceNotice } from './channels.js';

/** Marker of a breakage already announced, per source: set once (NX), removed by the next good poll. */
const markerKey = (ctx: Pick<AppContext, 'store'>, sourceId: string): string => ctx.store.keys.forId(sourceId).key('credential-notice', sourceId);

/**
 * Whether a poll failure means the account's credentials must be renewed by a person: refused, revoked,
 * missing, without the scope or the access. A network error or a rate limit passes by itself.
 */
export function needsNewCredentials(err: unknown): boolean {
  if (err instanceof CredentialError) return err.reason !== 'network' && err.reason !== 'rate-limited';
  return err instanceof FetchError && (err.status === 401 || err.status === 403);
}

/**
 * Tells the owner, once, that a source needs new credentials: through every channel that takes the source's
 * alerts, whatever their severity threshold (the source is silent until then). Once per breakage across
 * restarts and replicas (a Redis marker set NX); a good poll clears it. Resolves to whether this call sent it.
 */
export async function announceCredentialFailure(ctx: Pick<AppContext, 'store' | 'redis' | 'channels' | 'logger'>, sourceId: string, credentials: string, message: string, now = new Date()): Promise<boolean> {
  const set = await ctx.redis.set(markerKey(ctx, sourceId), now.toISOString(), 'NX');
  if (set !== 'OK') return false;
  const notice: SourceNotice = { type: 'source_needs_credentials', idempotencyKey: `credentials-${sourceId}-${now.getTime()}`, sourceId, credentials, message, at: now.toISOString() };
  const log = ctx.logger.child({ module: 'source-notice', source: sourceId });
  await Promise.all(
    [...ctx.channels.values()]
      .filter((c) => c.accepts({ severity: 'critical', sourceId, topics: [] }))
      .map((c) => c.deliverNotice(notice).catch((err: Error) => log.warn({ channel: c.id, err: err.message }, 'could not send the credentials notice'))),
  );
  return true;
}

/** After a good poll: the next breakage is announced again. */
export async function clearCredentialFailure(ctx: Pick<AppContext, 'store' | 'redis'>, sourceId: string): Promise<void> {
  await ctx.redis.del(markerKey(ctx, sourceId));
}
