import nodemailer from 'nodemailer';
import type { WeeklyEmail } from '../../insights/weekly-email.js';
import type { AlertChannelConfig } from '../../config/schema.js';
import type { ChannelSender } from '../channels.js';
import { DeliveryError } from '../delivery-error.js';
import { insightSubject, renderInsightHtml, renderInsightText } from '../render-insight.js';
import { alertLinks, alertSubject, digestSubject, escapeHtml, renderDigestHtml, renderDigestText, renderHtml, renderText } from '../render.js';

type EmailConfig = Extract<AlertChannelConfig, { type: 'email' }>;

/** Sends each alert (or digest) as one e-mail with a text and an HTML part over SMTP. */
export function emailChannel(cfg: EmailConfig): ChannelSender & { close(): Promise<void> } {
  const { smtp } = cfg;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
    connectionTimeout: smtp.timeoutMs,
    greetingTimeout: smtp.timeoutMs,
    socketTimeout: smtp.timeoutMs,
  });
  const send = async (key: string, subject: string, text: string, html: string, also?: string, attachments?: WeeklyEmail['attachments']): Promise<void> => {
    try {
      await transport.sendMail({
        from: cfg.from,
        // A critical review's reminder also goes to its escalation contact.
        to: also && !cfg.to.includes(also) ? [...cfg.to, also] : cfg.to,
        subject,
        text,
        html,
        // The same Message-ID on every retry lets mail systems drop a repeat.
        messageId: `<${key}@review-monitor>`,
        headers: { 'X-Review-Monitor-Idempotency-Key': key },
        ...(attachments ? { attachments } : {}),
      });
    } catch (err) {
      const e = err as Error & { code?: string; responseCode?: number };
      throw new DeliveryError(`email ${cfg.id}: ${e.code ? `${e.code} ` : ''}${e.message}`.slice(0, 500), e.responseCode);
    }
  };
  return {
    deliver: (p) => {
      const links = alertLinks(p);
      return send(p.idempotencyKey, alertSubject(p), renderText(p, links), renderHtml(p, links), p.reminder?.escalateTo?.email);
    },
    deliverNotice: (n) => {
      const text = `The source ${n.sourceId} could not be polled: ${n.message}.\n\nIts other reviews wait until the credentials "${n.credentials}" work again. Fix them, then check with: review-monitor auth check --source ${n.sourceId}\n`;
      return send(n.idempotencyKey, `Source ${n.sourceId} needs new credentials`, text, `<p>${escapeHtml(text).replace(/\n\n/g, '</p><p>')}</p>`);
    },
    deliverReport: (r) => {
      const m = r.email();
      return send(r.key, m.subject, m.text, m.html, undefined, m.attachments);
    },
    deliverInsight: (a) => send(a.id, insightSubject(a), renderInsightText(a), renderInsightHtml(a)),
    deliverDigest: (ps, info) => send(info.idempotencyKey, digestSubject(ps), renderDigestText(ps, info, (p) => alertLinks(p)), renderDigestHtml(ps, info, (p) => alertLinks(p))),
    async close() {
      transport.close();
    },
  };
}
