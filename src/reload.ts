import { watch, type FSWatcher } from 'node:fs';
import { ConfigError, isConfigDir, loadConfigFrom, YAML_NAME } from './config/load.js';
import type { Config } from './config/schema.js';
import type { ReloadOutcome } from './app.js';
import type { Logger } from './logger.js';

// Reloading the config of a running process: on SIGHUP, and when a file of a config folder changes (a business
// added by dropping its file in). The new config is validated first; a bad one is refused with the same
// field-path problems as check-config, and the running config stays.

export interface ConfigReloader {
  /** Reads, validates and applies the config now; resolves to what changed, or undefined when it was refused. */
  reload(why: string): Promise<ReloadOutcome | undefined>;
  stop(): void;
}

/** Changes to a folder come in bursts (an editor writes a temp file, renames, touches): one reload per burst. */
const SETTLE_MS = 300;

export function watchConfig(opts: { target: string; env: NodeJS.ProcessEnv; logger: Logger; apply: (config: Config) => Promise<ReloadOutcome>; settleMs?: number }): ConfigReloader {
  const log = opts.logger.child({ module: 'config' });
  let running: Promise<ReloadOutcome | undefined> = Promise.resolve(undefined);
  const reload = (why: string): Promise<ReloadOutcome | undefined> => {
    running = running.then(async () => {
      let next: Config;
      try {
        next = loadConfigFrom(opts.target, opts.env);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        log.error({ config: opts.target, why, problems: err.problems }, `config not reloaded: ${err.problems.length} problem(s); the running config stays`);
        return undefined;
      }
      const outcome = await opts.apply(next);
      log.info({ config: opts.target, why, ...outcome }, outcome.needsRestart.length ? `config reloaded; ${outcome.needsRestart.join(', ')} change(s) apply at the next restart` : 'config reloaded');
      return outcome;
    });
    const done = running;
    running = running.catch((err: Error) => {
      log.error({ err: err.message }, 'config reload failed');
      return undefined;
    });
    return done;
  };
  const onHup = (): void => void reload('SIGHUP').catch(() => undefined);
  process.on('SIGHUP', onHup);
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (isConfigDir(opts.target)) {
    watcher = watch(opts.target, (_event, name) => {
      if (name && !YAML_NAME.test(name)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(`changed: ${name ?? opts.target}`).catch(() => undefined), opts.settleMs ?? SETTLE_MS);
    });
    watcher.on('error', (err) => log.warn({ err: err.message }, 'cannot watch the config folder; reload with SIGHUP'));
  }
  return {
    reload,
    stop() {
      process.off('SIGHUP', onHup);
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
