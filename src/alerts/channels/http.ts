import { DeliveryError } from '../delivery-error.js';

/**
 * POSTs `body` and throws a DeliveryError on a network error, a timeout or a non-2xx answer.
 * `label` names the channel in errors; the URL never appears in them (a Slack webhook URL is a secret).
 * The URL is the operator's own choice, internal hosts included, so no address is refused; but a
 * redirect is not followed: the signed body and headers go to the configured URL or nowhere.
 */
export async function postBody(url: string, body: string, opts: { label: string; headers: Record<string, string>; timeoutMs: number }): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: opts.headers, body, redirect: 'manual', signal: AbortSignal.timeout(opts.timeoutMs) });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    throw new DeliveryError(`${opts.label}: ${e.name === 'TimeoutError' ? `no answer within ${opts.timeoutMs} ms` : (e.cause?.code ?? e.message)}`);
  }
  if (res.ok) {
    await res.body?.cancel();
    return;
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel();
    throw new DeliveryError(`${opts.label}: HTTP ${res.status} redirect not followed (configure the URL it points to)`, res.status);
  }
  // The start of the answer helps (Slack says `invalid_blocks`, `no_service`…); keep it short.
  const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200);
  throw new DeliveryError(`${opts.label}: HTTP ${res.status}${text ? ` ${text}` : ''}`, res.status);
}
