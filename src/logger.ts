import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Paths that may carry secrets anywhere in a logged object: never written out. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  '*.authorization',
  'apiKey',
  '*.apiKey',
  'api.keys',
  '*.keys',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'redis.url',
  'redisUrl',
  // Alert channel secrets: webhook HMAC key, Slack webhook URL (the URL is the credential), SMTP password.
  'pass',
  '*.pass',
  'smtp.pass',
  '*.smtp.pass',
  'webhookUrl',
  '*.webhookUrl',
  'alerts[*].secret',
  'alerts[*].webhookUrl',
  'alerts[*].smtp.pass',
  'alerts[*].headers',
  'config.alerts[*].secret',
  'config.alerts[*].webhookUrl',
  'config.alerts[*].smtp.pass',
  'config.alerts[*].headers',
];

/** The one root logger of the process; modules take `logger.child({ module })`. */
export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'review-monitor' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** Log lines on standard error, for commands whose standard output is their result (`poll-once --dry-run`). */
export function stderrDestination(): DestinationStream {
  return pino.destination({ dest: 2, sync: true });
}

/** Strips a password from a Redis URL so it can be logged. */
export function safeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable Redis URL)';
  }
}
