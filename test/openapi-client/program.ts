/**
 * A small client of the API, written as a user would against the types generated from /openapi.json
 * (openapi-typescript) with openapi-fetch. It is only type-checked (`npm run check:client`): if an answer
 * lost its schema, or a field changed type, this stops compiling.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from '../../dist/openapi.js';

type Review = components['schemas']['Review'];

/** Acknowledges every new critical review and approves its draft when the guardrails passed. */
export async function triage(baseUrl: string, key: string): Promise<string[]> {
  const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${key}` } });
  const handled: string[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await api.GET('/v1/reviews', { params: { query: { status: 'new', severity: 'critical', limit: 50, cursor } } });
    if (error) throw new Error(`${error.error}: ${error.message}`);
    for (const review of data.items) {
      const ack = await api.POST('/v1/reviews/{id}/acknowledge', { params: { path: { id: review.id } }, body: { note: 'on it' } });
      if (ack.error) continue;
      const acknowledged: Review = ack.data;
      if (acknowledged.draft && acknowledged.draft.violations.length === 0) {
        const approved = await api.POST('/v1/reviews/{id}/approve', { params: { path: { id: review.id } }, body: {} });
        if (approved.data?.lifecycle.approvedAt) handled.push(`${review.id} ${acknowledged.verdict?.severity ?? 'unknown'} approved by ${approved.data.lifecycle.approvedBy ?? '?'}`);
      }
    }
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return handled;
}

/** Replies through the source's publisher; the answer's type depends on the status. */
export async function reply(api: ReturnType<typeof createClient<paths>>, id: string): Promise<string> {
  const { data, error, response } = await api.POST('/v1/reviews/{id}/reply', { params: { path: { id } }, body: { posted: false } });
  if (error) return `refused (${response.status}): ${error.message}${error.details ? ` ${JSON.stringify(error.details)}` : ''}`;
  // 202: what to post (and where, by hand); 200 (posted: true): the review.
  return 'replyState' in data ? `${data.replyState} via ${data.publisher}: ${data.text} ${data.url ?? ''}` : data.status;
}

/** Source health and statistics, typed down to the numbers. */
export async function health(api: ReturnType<typeof createClient<paths>>): Promise<string> {
  const sources = await api.GET('/v1/sources');
  const stats = await api.GET('/v1/stats', { params: { query: { since: '2026-01-01T00:00:00Z' } } });
  const failing = (sources.data?.items ?? []).filter((s) => !s.healthy).map((s) => `${s.id}: ${s.lastError ?? 'no success yet'} (${s.consecutiveFailures})`);
  const median: number | null = stats.data?.responseTimes.alertToReply.medianSeconds ?? null;
  return `${failing.join('; ')} median alert→reply ${median ?? '-'} s, recovery ${stats.data?.recovery.rate ?? '-'}`;
}
