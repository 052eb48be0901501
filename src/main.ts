#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, isConfigDir, loadConfigFrom } from './config/load.js';
import type { BusinessConfig, Config, DraftingConfig } from './config/schema.js';
import { channelBusiness, slaFor, sourceById } from './config/businesses.js';
import { createLogger, stderrDestination } from './logger.js';
import { createContext, ROLES, startService, type Role } from './app.js';
import { connectRedis, RedisUnavailableError } from './redis.js';
import { runUsersCli } from './cli/users.js';
import { KeyBuilder } from './store/keys.js';
import { PeopleStore } from './store/people-store.js';
import { pollOnce } from './poll-once.js';
import { watchConfig } from './reload.js';
import { runDraftCli } from './cli/draft.js';
import { runAuthCheck } from './cli/auth.js';
import { isoWeekOf } from './insights/weekly-report.js';
import { deliverWeeklyReport, reportChannels, reportOf } from './insights/report-sender.js';
import { ReviewStore } from './store/review-store.js';
import { LifecycleStore } from './store/lifecycle-store.js';
import { classifiersByBusiness, runClassifyCli } from './cli/classify.js';
import type { ClassifierOptions, ClassifyInput, Industry, Verdict } from './classify/index.js';
import { classifierOptionsFrom } from './analysis/analyze.js';

const HELP = `review-monitor: watch review sources, flag negative reviews, draft replies, alert the owner.

Usage:
  review-monitor [all|api|worker|scheduler] [--config FILE | --config-dir DIR]
      Run every role in one process (all, the default), or one role:
        api        HTTP API (/health, /ready, /v1/...)
        worker     poll, analyze, notify, digest and publish workers (run as many as you like)
        scheduler  enqueues one poll job per source per cron tick (replicas are safe)
      SIGHUP (and, with --config-dir, any change to its files) reloads the config without a restart:
      validated first, a bad one is logged and the running config stays.
  review-monitor check-config [FILE|DIR] [--no-secrets]
      Validate a config file (or folder): exit 0, or exit 1 listing every bad field by its path. With --no-secrets
      the environment variables named by …Env keys need not be set (a config checked before deploying).
  review-monitor poll-once [--source ID] [--dry-run] [--config FILE]
      Enqueue one poll of every source (or one) now and exit. With --dry-run, fetch, parse,
      classify and draft in this process and print, as JSON lines, what would be stored and
      alerted; nothing is written.
  review-monitor classify [--config FILE]
      Read reviews as JSON Lines on stdin ({"text", "title"?, "rating"?, "id"?, "language"?,
      "industry"?}) and write one JSON line per input with the verdict: negative, score, severity,
      topics, reasons, language. "language" (a code such as de or pt-BR) is taken as given over
      detection; "industry" (restaurant, cafe_bakery, hotel, retail_ecommerce, app_software,
      bank_fintech, home_services, healthcare, generic) picks that line's topic taxonomy. With a config
      (--config or $CONFIG_FILE), its classifier section (topics, critical rules) applies. A malformed
      line gets {"line", "id"?, "error"} naming the field, an empty line {"line", "error": "empty line"};
      the rest go on. Exit 1 when any line failed.
  review-monitor draft [--config FILE]
      Read reviews as JSON Lines on stdin ({"text", "title"?, "rating"?, "author"?, "source"?, "id"?,
      "language"?, "industry"?, "business"?}) and write one JSON line per input: {"reply", "violations",
      "score", "language", "topics", ...}, drafted with the business facts of the config (with several
      businesses: the one "business" names, else the source's, else the first); "language" and
      "industry" override detection and business.industry for that line. A malformed line gets an
      error line naming the field, an empty line {"line", "error": "empty line"}; the rest go on.
      Exit 1 when any line failed.
  review-monitor auth check [--source ID] [--config FILE]
      Obtain a token for each platform account under credentials: (or those of one source and its
      publisher) and say which work: an expired or revoked refresh token, a missing variable or key
      file, a refused client. Exit 0 when every account works, 1 otherwise. Prints no secret.
  review-monitor report [--week 2026-W48] [--business ID] [--send] [--config FILE]
      Print the weekly report as JSON (the same as GET /v1/reports/weekly): volume, negatives, average
      rating and trend, topics and what changed, replies within the SLA, open reviews by status,
      follow-ups, recoveries and champions. Default: the last complete ISO week. --send also sends it
      now (HTML e-mail with charts, and Slack) to the report channels (insights.report.channels, else
      every e-mail and Slack channel), as the scheduler does on insights.report.schedule. With several
      businesses, --business ID reports that one (sent to its own channels); without it the report
      covers them all (sent to the service-wide channels).
  review-monitor users add EMAIL --name "Full Name" --role owner|responder|viewer [--businesses ID,ID] --password-stdin
  review-monitor users list | remove EMAIL | set-role EMAIL ROLE | set-slack EMAIL SLACK_USER_ID|none
  review-monitor users set-businesses EMAIL ID,ID|all
  review-monitor users set-password EMAIL --password-stdin
      People who sign in to the workspace (stored in Redis). Roles: viewer reads; responder edits
      drafts, marks replies posted, resolves and sends follow-ups; owner also approves (and overrides
      guardrails) and manages people. The password is read from standard input (at least 10
      characters), hashed with scrypt, never printed. set-slack links a Slack user to the person, for
      the buttons on Slack alerts. --businesses / set-businesses limit a person to some businesses of
      a deployment serving several (another business's review is "not found" to them); all lifts it.
  review-monitor --help | --version

Options:
  -c, --config FILE   config file (default: $CONFIG_FILE, else config/config.yaml when it exists,
                      else the bundled config/default.yaml)
  --config-dir DIR    config folder instead: service.yaml (every section but the businesses) and one
                      YAML file per business (its id defaults to the file name), so a business is
                      added by dropping a file in; the roles reload it on SIGHUP and when it changes

Environment:
  CONFIG_FILE      config file when --config is not given
  CONFIG_DIR       config folder when neither --config-dir nor --config is given
  REDIS_URL        Redis to use (default redis://127.0.0.1:6379). When it is not set and nothing
                   answers there, a private redis-server is started if one is on the PATH
                   (data under ./data, AOF on); REDIS_AUTOSTART=false turns that off.
  REDIS_CLUSTER    comma-separated seed nodes of a Redis Cluster, instead of REDIS_URL
  REDIS_PREFIX     prefix of every Redis key and queue (default rm; {rm} on a cluster)
  PORT, HOST       API listen port (default 3000) and address (default 0.0.0.0)
  HEALTH_PORT      worker and scheduler roles serve /health and /ready on this port (off by default)
  LOG_LEVEL        fatal|error|warn|info|debug|trace|silent (default info)
  API_KEYS         comma-separated bearer keys with full access to /v1
`;

/** Your own config/config.yaml when there is one (the compose file mounts ./config), else the bundled demo config. */
function defaultConfigFile(): string {
  return existsSync('config/config.yaml') ? 'config/config.yaml' : 'config/default.yaml';
}

const COMMANDS = [...ROLES, 'check-config', 'poll-once', 'classify', 'draft', 'users', 'auth', 'report'] as const;

/** Runs the CLI; resolves to the process exit code (long-running roles resolve only when stopped). */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        'config-dir': { type: 'string' },
        source: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'no-secrets': { type: 'boolean', default: false },
        name: { type: 'string' },
        role: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
        week: { type: 'string' },
        business: { type: 'string' },
        businesses: { type: 'string' },
        send: { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write('review-monitor 0.1.0\n');
    return 0;
  }
  const command = positionals[0] ?? 'all';
  if (!(COMMANDS as readonly string[]).includes(command)) {
    process.stderr.write(`unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  // The classifier runs on its defaults unless a config is named: it needs nothing else from one.
  // An empty CONFIG_FILE counts as unset.
  const envConfig = env.CONFIG_FILE || undefined;
  if (command === 'classify' && values.config === undefined && values['config-dir'] === undefined && envConfig === undefined && !env.CONFIG_DIR) return runClassifyCli(process.stdin, process.stdout);
  const configFile = (command === 'check-config' ? positionals[1] : undefined) ?? values['config-dir'] ?? values.config ?? (env.CONFIG_DIR || undefined) ?? envConfig ?? defaultConfigFile();

  let config: Config;
  try {
    // `draft` and `classify` send nothing, and `check-config --no-secrets` checks a config on a machine without
    // its secrets: the …Env variables need not be set for them.
    // `auth check` reports a missing secret per account rather than refusing the whole config.
    const secrets = !(command === 'draft' || command === 'classify' || command === 'auth' || (command === 'check-config' && values['no-secrets']));
    config = loadConfigFrom(configFile, env, { secrets });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  if (command === 'check-config') {
    const many = config.businesses.length > 1 || isConfigDir(configFile) ? `${config.businesses.length} businesses, ` : '';
    process.stdout.write(`${configFile}: OK (${many}${config.sources.length} sources, ${config.alerts.length} alert channels)\n`);
    return 0;
  }

  // A line naming an industry is read with the config's classifier settings and that industry's taxonomy.
  const classifierFor = (industry: Industry): ClassifierOptions => classifierOptionsFrom({ ...config, business: { ...config.business, industry } });
  if (command === 'auth') {
    if (positionals[1] !== 'check') {
      process.stderr.write(`usage: review-monitor auth check [--source ID] [--config FILE]\n`);
      return 2;
    }
    return runAuthCheck(config, process.stdout, { source: values.source, env });
  }
  if (command === 'classify') return runClassifyCli(process.stdin, process.stdout, { classifier: classifierOptionsFrom(config), classifierFor });
  if (command === 'draft') {
    // A line is read as its business (with several; else the config's): its industry, or the line's, and its language
    // for a short text.
    // Each business's own classifier section (its topics and critical rules), else the service's.
    const sectionOf = new Map(config.businesses.map((b) => [b.business, b.classifier]));
    const ofBusiness = classifiersByBusiness((business, classifier: Config['classifier']) => classifierOptionsFrom({ classifier, business }));
    const classify = (input: ClassifyInput, industry?: Industry, business: BusinessConfig = config.business): Verdict =>
      ofBusiness(industry ? { ...business, industry } : business, sectionOf.get(business) ?? config.classifier).classify(input);
    // With several businesses a line is drafted as the business it names, or its source's.
    const businessOf =
      config.businesses.length > 1
        ? (id: string | undefined, sourceId: string | undefined): { business: BusinessConfig; drafting: DraftingConfig } | string => {
            const named = id ?? (sourceId ? sourceById(config, sourceId)?.business : undefined);
            const b = named === undefined ? config.businesses[0]! : config.businesses.find((x) => x.id === named);
            return b ? { business: b.business, drafting: b.drafting } : unknownBusiness(config, named!);
          }
        : undefined;
    return runDraftCli(process.stdin, process.stdout, { business: config.business, drafting: config.drafting, classify, businessOf });
  }

  // A dry run's standard output is its JSON lines: its log goes to standard error.
  const logger = createLogger(config.log.level, command === 'poll-once' && values['dry-run'] ? stderrDestination() : undefined);
  if (command === 'report') {
    let redis;
    try {
      redis = await connectRedis({ url: config.redis.url, autostart: config.redis.autostart, dataDir: config.redis.dataDir, logger, cluster: config.redis.cluster });
    } catch (err) {
      logger.fatal((err as Error).message);
      return 1;
    }
    try {
      const store = new ReviewStore(redis.redis, config.redis.prefix);
      const lifecycle = new LifecycleStore(store, undefined, (sourceId) => slaFor(config, sourceId));
      const week = values.week ?? isoWeekOf(new Date(Date.now() - 7 * 86_400_000)).label;
      const business = values.business;
      if (business !== undefined && !config.businesses.some((b) => b.id === business)) {
        process.stderr.write(`--business: ${unknownBusiness(config, business)}\n`);
        return 2;
      }
      const report = await reportOf({ store, lifecycle, redis: redis.redis, config }, week, business);
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      if (values.send) {
        const { ctx, close } = await createContext(config, logger);
        try {
          // A business's report goes to its own channels; the whole deployment's to the service's.
          const channels = reportChannels(ctx).filter((c) => channelBusiness(config, c.id) === business);
          if (!channels.length) process.stderr.write('no e-mail or Slack channel to send the report to (alerts: / insights.report.channels)\n');
          for (const c of channels) {
            await deliverWeeklyReport(ctx, c, week, business);
            process.stderr.write(`sent the report of ${week} to ${c.id}\n`);
          }
          if (!channels.length) return 1;
        } finally {
          await close();
        }
      }
      return 0;
    } catch (err) {
      process.stderr.write(`${(err as Error).message}\n`);
      return 1;
    } finally {
      await redis.close();
    }
  }
  if (command === 'users') {
    let redis;
    try {
      redis = await connectRedis({ url: config.redis.url, autostart: config.redis.autostart, dataDir: config.redis.dataDir, logger, cluster: config.redis.cluster });
    } catch (err) {
      logger.fatal((err as Error).message);
      return 1;
    }
    try {
      const people = new PeopleStore(redis.redis, new KeyBuilder(config.redis.prefix));
      return await runUsersCli(positionals.slice(1), people, { name: values.name, role: values.role, businesses: values.businesses, knownBusinesses: config.businesses.map((b) => b.id), passwordStdin: values['password-stdin'] ?? false, stdin: process.stdin, out: process.stdout, err: process.stderr });
    } finally {
      await redis.close();
    }
  }
  if (command === 'poll-once') {
    try {
      return await pollOnce(config, logger, { sourceId: values.source, dryRun: values['dry-run'] ?? false, out: process.stdout });
    } catch (err) {
      if (err instanceof RedisUnavailableError) {
        logger.fatal(err.message);
        return 1;
      }
      throw err;
    }
  }

  let service;
  try {
    service = await startService(config, logger, command as Role);
  } catch (err) {
    logger.fatal({ err: (err as Error).message }, err instanceof RedisUnavailableError ? (err as Error).message : 'could not start');
    return 1;
  }
  logger.info({ role: command, config: configFile, sources: config.sources.map((s) => s.id) }, 'review-monitor running');
  const reloader = watchConfig({ target: configFile, env, logger, apply: (next) => service.reload(next) });
  return new Promise<number>((resolve) => {
    let signalled = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (signalled) {
        logger.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      signalled = true;
      reloader.stop();
      logger.info({ signal, deadlineMs: config.shutdown.deadlineMs }, 'shutting down: finishing in-flight work');
      const deadline = setTimeout(() => {
        logger.error({ deadlineMs: config.shutdown.deadlineMs }, 'shutdown deadline passed: exiting with work still in flight');
        process.exit(1);
      }, config.shutdown.deadlineMs);
      deadline.unref();
      service.stop().then(
        () => resolve(0),
        (err: Error) => {
          logger.error({ err: err.message }, 'error while stopping');
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
}

// A reader that stops early (`review-monitor draft < reviews.jsonl | head -1`) closes the pipe: stop quietly, as Unix
// tools do, not with an unhandled "write EPIPE" and its stack.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`review-monitor: ${err.stack ?? err.message}\n`);
    process.exitCode = 1;
  },
);

/** What a command says of a business id the config does not have. */
function unknownBusiness(config: Config, id: string): string {
  return `unknown business "${id}" (configured: ${config.businesses.map((b) => b.id).join(', ')})`;
}
