import { hostname } from 'node:os';
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
      // Which replica said it: several processes of each role write to the same log store.
      base: { service: 'review-monitor', hostname: hostname(), pid: process.pid },
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

/**
 * A warning that repeats while something is down (a connection error per reconnect attempt, per connection)
 * is written at most once per `everyMs` for each key; the next line written says how many were held back.
 * During a Redis outage every connection of every queue and worker reports each attempt: unthrottled, a
 * 9-second outage wrote hundreds of lines.
 */
export function throttledWarn(log: Logger, everyMs = 10_000, clock: () => number = Date.now): (key: string, obj: Record<string, unknown>, msg: string) => void {
  const last = new Map<string, { at: number; held: number }>();
  return (key, obj, msg) => {
    const now = clock();
    const seen = last.get(key);
    if (seen && now - seen.at < everyMs) {
      seen.held += 1;
      return;
    }
    log.warn(seen?.held ? { ...obj, repeatedSinceLastLine: seen.held } : obj, msg);
    last.set(key, { at: now, held: 0 });
  };
}
