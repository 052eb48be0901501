import type { AlertChannelConfig } from '../../config/schema.js';
import type { ChannelSender } from '../channels.js';
import { alertLinks, slackEscape, renderDigestSlack, renderSlack } from '../render.js';
import { postBody } from './http.js';
import { renderInsightSlack } from '../render-insight.js';

type SlackConfig = Extract<AlertChannelConfig, { type: 'slack' }>;

/** Posts Block Kit messages to a Slack incoming webhook (its URL is the credential: never logged). */
export function slackChannel(cfg: SlackConfig, deps: { userAgent: string; interactive?: boolean | undefined }): ChannelSender {
  const url = cfg.webhookUrl;
  if (!url) throw new Error(`alerts channel ${cfg.id}: webhookUrl is not resolved (webhookUrlEnv)`);
  const post = (message: unknown): Promise<void> =>
    postBody(url, JSON.stringify(message), { label: `slack ${cfg.id}`, headers: { 'content-type': 'application/json', 'user-agent': deps.userAgent }, timeoutMs: cfg.timeoutMs });
  return {
    deliver: (p) => post(renderSlack(p, alertLinks(p, cfg.apiBaseUrl), { interactive: deps.interactive })),
    deliverNotice: (n) => post({ text: `:warning: Source *${slackEscape(n.sourceId)}* needs new credentials (${slackEscape(n.credentials)}): ${slackEscape(n.message)}. Run \`review-monitor auth check --source ${slackEscape(n.sourceId)}\` after fixing them.` }),
    deliverInsight: (a) => post(renderInsightSlack(a)),
    deliverReport: (r) => post(r.slack()),
    deliverDigest: (ps, info) => post(renderDigestSlack(ps, info, (p) => alertLinks(p, cfg.apiBaseUrl))),
  };
}
