import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { hasTemplateSet, loadTemplateDir, templateLanguages } from '../draft/templates.js';
import { configSchema, formatPath, qualifiedId, type AlertChannelConfig, type ApiKeyConfig, type BusinessProfile, type Config, type OwnedSourceConfig, type SourceConfig } from './schema.js';

/** Invalid configuration: `problems` holds one `path: message` line per bad field. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid configuration in ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export { formatPath };

/** One `path: message` line per zod issue, unions unfolded to the branch that matched the `type`. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

/** Parses explicit booleans from the environment: "false", "0", "no", "off" are false. */
export function envBool(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

type Env = Record<string, string | undefined>;

/** Applies the documented environment overrides (REDIS_URL, PORT, LOG_LEVEL, API_KEYS, …) onto the raw YAML. */
export function applyEnv(raw: unknown, env: Env): Record<string, unknown> {
  const cfg: Record<string, unknown> = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as object) } : {};
  const section = (key: string): Record<string, unknown> => {
    const current = cfg[key];
    const copy = current && typeof current === 'object' && !Array.isArray(current) ? { ...(current as object) } : {};
    cfg[key] = copy;
    return copy as Record<string, unknown>;
  };
  if (env.REDIS_URL) section('redis').url = env.REDIS_URL;
  if (env.REDIS_CLUSTER) section('redis').cluster = env.REDIS_CLUSTER.split(',').map((u) => u.trim()).filter(Boolean);
  if (env.REDIS_PREFIX) section('redis').prefix = env.REDIS_PREFIX;
  const autostart = envBool('REDIS_AUTOSTART', env.REDIS_AUTOSTART);
  if (autostart !== undefined) section('redis').autostart = autostart;
  // An explicitly chosen Redis is never replaced by a private one.
  if (env.REDIS_URL) section('redis').autostart = false;
  if (env.PORT) section('api').port = /^\d+$/.test(env.PORT) ? Number(env.PORT) : env.PORT;
  if (env.HOST) section('api').host = env.HOST;
  if (env.HEALTH_PORT) section('api').healthPort = /^\d+$/.test(env.HEALTH_PORT) ? Number(env.HEALTH_PORT) : env.HEALTH_PORT;
  if (env.API_KEYS !== undefined) {
    const api = section('api');
    const fromFile = Array.isArray(api.keys) ? (api.keys as unknown[]) : [];
    api.keys = [...fromFile, ...env.API_KEYS.split(',').map((k) => k.trim()).filter(Boolean)];
  }
  if (env.LOG_LEVEL) section('log').level = env.LOG_LEVEL;
  return cfg;
}

/**
 * Validates an already-read config object; relative `file://./` URLs resolve against `configDir`. With
 * `secrets: false` the `…Env` secrets need not be set (checking a config on a machine without them, or a
 * command such as `draft` that sends nothing): their shapes are checked, their values left unresolved.
 */
export function parseConfig(raw: unknown, opts: { file?: string; configDir?: string; env?: Env; secrets?: boolean } = {}): Config {
  const file = opts.file ?? '(inline config)';
  const configDir = opts.configDir ?? process.cwd();
  const input = applyEnv(raw, opts.env ?? {});
  const result = configSchema.safeParse(input);
  if (!result.success) throw new ConfigError(file, formatIssues(result.error));
  const parsed = result.data;
  if (parsed.redis.cluster) {
    // On a cluster every key of the service must hash to one slot (the store's scripts and BullMQ's touch many).
    const given = (input.redis as { prefix?: unknown } | undefined)?.prefix !== undefined;
    if (!given) parsed.redis.prefix = `{${parsed.redis.prefix}}`;
    else if (!/^\{.+\}$/.test(parsed.redis.prefix)) throw new ConfigError(file, [`redis.prefix: with redis.cluster the prefix must be a hash tag in braces, e.g. "{${parsed.redis.prefix}}" (every key in one slot)`]);
    parsed.redis.autostart = false;
  }
  // A file source's path is relative to the config file, like file://./ URLs.
  const sourcePaths = (sources: SourceConfig[]): void => {
    for (const s of sources) if (s.type === 'file') s.path = path.resolve(configDir, s.path);
  };
  sourcePaths(parsed.sources);
  for (const b of parsed.businesses ?? []) sourcePaths(b.sources);
  // Key files of credentials, like file sources, are relative to the config file.
  for (const c of Object.values(parsed.credentials)) {
    if ('keyFile' in c && c.keyFile) c.keyFile = path.resolve(configDir, c.keyFile);
    if ('privateKeyFile' in c && c.privateKeyFile) c.privateKeyFile = path.resolve(configDir, c.privateKeyFile);
  }
  // So is the folder of extra reply template sets.
  const templatesDirs = (d: { templatesDir?: string | undefined } | undefined): void => {
    if (d?.templatesDir) d.templatesDir = path.resolve(configDir, d.templatesDir);
  };
  templatesDirs(parsed.drafting);
  for (const b of parsed.businesses ?? []) templatesDirs(b.drafting);
  const { businesses, sources: ownedSources, alerts, alertPaths } = resolveBusinesses(parsed);
  const languageProblems = replyLanguageProblems(parsed);
  if (languageProblems.length) throw new ConfigError(file, languageProblems);
  const shardProblems = (parsed.workers.shards ?? []).flatMap((n, i) => (n >= parsed.redis.queueShards ? [`workers.shards[${i}]: shard ${n} does not exist (redis.queueShards is ${parsed.redis.queueShards}: shards 0-${parsed.redis.queueShards - 1})`] : []));
  if (shardProblems.length) throw new ConfigError(file, shardProblems);
  const channelProblems = [...insightChannelProblems(parsed.insights, alerts), ...businessReportProblems(businesses, alerts)];
  if (channelProblems.length) throw new ConfigError(file, channelProblems);
  const keyProblems: string[] = [];
  const apiKeys: ApiKeyConfig[] = parsed.api.keys.map((k, i) => {
    if (typeof k === 'string') return { name: `key-${i + 1}`, key: k, scopes: ['read', 'write'] };
    const key = k.key ?? (k.keyEnv ? opts.env?.[k.keyEnv] : undefined);
    if (!key && opts.secrets !== false) keyProblems.push(`api.keys[${i}].keyEnv: environment variable ${k.keyEnv} is not set`);
    k.businesses?.forEach((b, j) => {
      if (!businesses.some((x) => x.id === b)) keyProblems.push(`api.keys[${i}].businesses[${j}]: Unknown business "${b}" (configured: ${businesses.map((x) => x.id).join(', ')})`);
    });
    return { name: k.name, key: key ?? '', scopes: k.scopes, ...(k.businesses ? { businesses: k.businesses } : {}) };
  });
  const secretProblems = opts.secrets === false ? [] : [...resolveAlertSecrets(alerts, opts.env ?? {}, alertPaths), ...placeholderSecrets(parsed, apiKeys, opts.env ?? {})];
  let sessionSecret: string | undefined;
  const secretEnv = parsed.workspace.sessionSecretEnv;
  if (secretEnv && opts.secrets !== false) {
    sessionSecret = opts.env?.[secretEnv] || undefined;
    if (!sessionSecret) secretProblems.push(`workspace.sessionSecretEnv: environment variable ${secretEnv} is not set`);
    else if (sessionSecret.length < 32) secretProblems.push(`workspace.sessionSecretEnv: ${secretEnv} must be at least 32 characters`);
  }
  const signingEnv = parsed.slack.signingSecretEnv;
  const signingSecret = signingEnv && opts.secrets !== false ? opts.env?.[signingEnv] || undefined : undefined;
  if (signingEnv && opts.secrets !== false && !signingSecret) secretProblems.push(`slack.signingSecretEnv: environment variable ${signingEnv} is not set`);
  if (opts.secrets !== false) secretProblems.push(...credentialSecretProblems(parsed.credentials, opts.env ?? {}));
  if (keyProblems.length || secretProblems.length) throw new ConfigError(file, [...keyProblems, ...secretProblems]);
  const sources = ownedSources.map((s) => ('url' in s && s.url !== undefined ? { ...s, url: resolveFileUrl(s.url, configDir) } : s));
  const { businesses: _entries, business: _one, ...rest } = parsed;
  return deepFreeze({
    ...rest,
    business: businesses[0]!.business,
    businesses,
    api: { ...parsed.api, keys: apiKeys },
    workspace: { ...parsed.workspace, sessionSecret },
    slack: { ...parsed.slack, signingSecret },
    sources,
    alerts,
    configDir,
  });
}

/** The id a channel without one gets: its type, numbered when the list has several of that type. */
function channelIds(alerts: readonly { id?: string | undefined; type: string }[]): string[] {
  const used = new Map<string, number>();
  for (const a of alerts) used.set(a.type, (used.get(a.type) ?? 0) + 1);
  const seenType = new Map<string, number>();
  return alerts.map((a) => {
    const n = (seenType.get(a.type) ?? 0) + 1;
    seenType.set(a.type, n);
    return a.id ?? ((used.get(a.type) ?? 0) > 1 ? `${a.type}-${n}` : a.type);
  });
}

/**
 * The businesses as the service runs them. A single `business:` is one business (`default` unless it has an id)
 * whose sources and channels keep their ids. Under `businesses:` a business's sources and channels get
 * deployment-wide ids `<business>.<id>` (reviews, keys and jobs name them so), its channels take only its
 * sources' reviews (a `sources` list narrows that further), and its drafting facts per source are keyed the same.
 */
function resolveBusinesses(parsed: z.output<typeof configSchema>): { businesses: BusinessProfile[]; sources: OwnedSourceConfig[]; alerts: AlertChannelConfig[]; alertPaths: string[] } {
  const serviceIds = channelIds(parsed.alerts);
  const serviceAlerts: AlertChannelConfig[] = parsed.alerts.map((a, i) => ({ ...a, id: serviceIds[i]! }));
  const servicePaths = parsed.alerts.map((_, i) => `alerts[${i}]`);
  if (!parsed.businesses) {
    const business = parsed.business!;
    const id = business.id ?? 'default';
    const sources = parsed.sources.map((s) => ({ ...s, business: id }));
    const profile: BusinessProfile = { id, business, drafting: parsed.drafting, classifier: parsed.classifier, sla: parsed.lifecycle.sla, report: { enabled: true }, sourceIds: sources.map((s) => s.id), channelIds: [] };
    return { businesses: [profile], sources, alerts: serviceAlerts, alertPaths: servicePaths };
  }
  const businesses: BusinessProfile[] = [];
  const sources: OwnedSourceConfig[] = [];
  const alerts: AlertChannelConfig[] = [];
  const alertPaths: string[] = [];
  parsed.businesses.forEach((b, bi) => {
    const q = (id: string): string => (id.startsWith(`${b.id}.`) ? id : qualifiedId(b.id, id));
    const own = b.sources.map((s) => ({ ...s, id: q(s.id), business: b.id }));
    const ids = channelIds(b.alerts);
    const channels = b.alerts.map((a, i) => ({ ...a, id: q(ids[i]!), business: b.id, sources: (a.sources ?? b.sources.map((s) => s.id)).map(q) }));
    const drafting = b.drafting ?? parsed.drafting;
    const { id: _id, sources: _s, alerts: _a, drafting: _d, classifier: _c, sla, report, ...facts } = b;
    businesses.push({
      id: b.id,
      business: { ...facts, id: b.id },
      drafting: { ...drafting, sources: Object.fromEntries(Object.entries(drafting.sources).map(([k, v]) => [q(k), v])) },
      classifier: b.classifier ?? parsed.classifier,
      sla: { ...parsed.lifecycle.sla, ...sla },
      report: { enabled: report?.enabled ?? true, ...(report?.channels ? { channels: report.channels.map(q) } : {}) },
      sourceIds: own.map((s) => s.id),
      channelIds: channels.map((c) => c.id),
    });
    sources.push(...own);
    alerts.push(...channels);
    alertPaths.push(...b.alerts.map((_, i) => `businesses[${bi}].alerts[${i}]`));
  });
  return { businesses, sources, alerts: [...serviceAlerts, ...alerts], alertPaths: [...servicePaths, ...alertPaths] };
}

/**
 * A folder of template sets that is missing or holds a bad set, and a business language or reply language no set
 * writes: found at load, not when the first reply is drafted (a bad set threw there) or silently answered in English.
 */
function replyLanguageProblems(parsed: z.output<typeof configSchema>): string[] {
  const problems: string[] = [];
  const entries = parsed.businesses
    ? parsed.businesses.map((b, i) => ({ at: `businesses[${i}]`, business: b, drafting: b.drafting ?? parsed.drafting, draftingAt: b.drafting ? `businesses[${i}].drafting` : 'drafting' }))
    : [{ at: 'business', business: parsed.business!, drafting: parsed.drafting, draftingAt: 'drafting' }];
  const checkedDirs = new Map<string, boolean>();
  const known = `built in: ${templateLanguages().sort().join(', ')}; more from drafting.templatesDir`;
  for (const { at, business, drafting, draftingAt } of entries) {
    const dir = drafting.templatesDir || undefined;
    if (dir) {
      let ok = checkedDirs.get(dir);
      if (ok === undefined) {
        ok = false;
        if (!existsSync(dir) || !statSync(dir).isDirectory()) problems.push(`${draftingAt}.templatesDir: folder ${dir} does not exist`);
        else {
          try {
            // Read afresh: a reload must see sets added or broken since the last load.
            loadTemplateDir(dir, { fresh: true });
            ok = true;
          } catch (err) {
            problems.push(`${draftingAt}.templatesDir: ${(err as Error).message}`);
          }
        }
        checkedDirs.set(dir, ok);
      }
      if (!ok) continue;
    }
    // business.language is the reply's language only when replies follow the reviewer's.
    const fields = business.replyLanguage === 'reviewer' ? (['language'] as const) : (['replyLanguage'] as const);
    for (const field of fields) {
      const code = business[field];
      if (code && code !== 'reviewer' && !hasTemplateSet(code, dir)) problems.push(`${at}.${field}: no reply templates for "${code}" (${known})`);
    }
  }
  return problems;
}

/**
 * Insight alerts and reports name channels by id, which exist only once resolved (a channel without an `id` is
 * named by its type): one that does not exist, or a report channel that cannot carry a report, would go nowhere.
 */
function insightChannelProblems(insights: Config['insights'], alerts: readonly AlertChannelConfig[]): string[] {
  const problems: string[] = [];
  const types = new Map(alerts.map((a) => [a.id, a.type]));
  const known = [...types.keys()].join(', ') || 'none';
  insights.channels?.forEach((id, j) => {
    if (!types.has(id)) problems.push(`insights.channels[${j}]: Unknown alert channel "${id}" (configured: ${known})`);
  });
  insights.report.channels?.forEach((id, j) => {
    const type = types.get(id);
    if (!type) problems.push(`insights.report.channels[${j}]: Unknown alert channel "${id}" (configured: ${known})`);
    else if (type !== 'email' && type !== 'slack') problems.push(`insights.report.channels[${j}]: the weekly report goes to e-mail and Slack channels; "${id}" is a ${type} channel`);
  });
  return problems;
}

/** A business's report channels must be its own e-mail or Slack channels. */
function businessReportProblems(businesses: readonly BusinessProfile[], alerts: readonly AlertChannelConfig[]): string[] {
  const problems: string[] = [];
  businesses.forEach((b, i) =>
    b.report.channels?.forEach((id, j) => {
      const channel = alerts.find((a) => a.id === id && a.business === b.id);
      const own = alerts.filter((a) => a.business === b.id).map((a) => a.id.slice(b.id.length + 1));
      if (!channel) problems.push(`businesses[${i}].report.channels[${j}]: Unknown channel "${id.slice(b.id.length + 1)}" of business "${b.id}" (its channels: ${own.join(', ') || 'none'})`);
      else if (channel.type !== 'email' && channel.type !== 'slack') problems.push(`businesses[${i}].report.channels[${j}]: the weekly report goes to e-mail and Slack channels; "${id.slice(b.id.length + 1)}" is a ${channel.type} channel`);
    }),
  );
  return problems;
}

/**
 * Each credentials entry's secrets are present (variables set, key files readable). They are only checked
 * here, never copied into the config: src/credentials reads them when a token is needed.
 */
function credentialSecretProblems(credentials: Config['credentials'], env: Env): string[] {
  const problems: string[] = [];
  for (const [name, c] of Object.entries(credentials)) {
    for (const [field, value] of Object.entries(c)) {
      if (field.endsWith('Env') && typeof value === 'string' && !env[value]) problems.push(`credentials.${name}.${field}: environment variable ${value} is not set`);
      if (field.endsWith('File') && typeof value === 'string' && !existsSync(value)) problems.push(`credentials.${name}.${field}: file ${value} does not exist`);
    }
  }
  return problems;
}

/** The largest config file read; real ones are a few KB, so anything near this is a mistake or an attack. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads, validates and freezes the YAML config at `file`; throws ConfigError listing every bad field. */
export function loadConfig(file: string, env: Env = process.env, opts: { secrets?: boolean } = {}): Config {
  return parseConfig(readYaml(file), { file, configDir: path.dirname(path.resolve(file)), env, secrets: opts.secrets });
}

/** A YAML file's document as plain data; ConfigError on a read or syntax error. */
function readYaml(file: string): unknown {
  const text = readConfigText(file);
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(file, doc.errors.map((e) => `(yaml): ${e.message.split('\n')[0]}`));
  }
  try {
    // An alias expanding into more than 100 copies of its anchor is refused ("billion laughs").
    return doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ConfigError(file, [`(yaml): ${(err as Error).message.split('\n')[0]}`]);
  }
}

/** Whether `target` is a config folder (`--config-dir`) rather than one file. */
export function isConfigDir(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/** `loadConfigDir` for a folder, `loadConfig` for a file. */
export function loadConfigFrom(target: string, env: Env = process.env, opts: { secrets?: boolean } = {}): Config {
  return isConfigDir(target) ? loadConfigDir(target, env, opts) : loadConfig(target, env, opts);
}

/** The service-wide file of a config folder; every other `*.yaml` / `*.yml` file in it is one business. */
export const SERVICE_FILE = 'service.yaml';
/** The names the service-wide file may have. */
const SERVICE_FILES = [SERVICE_FILE, 'service.yml'];

/** A YAML file's name (`.yaml` or `.yml`): the files a config folder is made of. */
export const YAML_NAME = /\.ya?ml$/i;

/** The business files of a config folder, sorted: what `--config-dir` reads (and watches) beside `service.yaml`. */
export function businessFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new ConfigError(dir, [`(dir): cannot read: ${(err as Error).message}`]);
  }
  return names.filter((n) => YAML_NAME.test(n) && !n.startsWith('.') && !SERVICE_FILES.includes(n)).sort();
}

/**
 * Reads a config folder: `service.yaml` (optional: everything but the businesses, as in a single file) and one
 * file per business (its `id` defaults to the file's name), so a business is added by dropping a file in.
 * Validated as one config; each problem names the file it is in and the field's path there.
 */
export function loadConfigDir(dir: string, env: Env = process.env, opts: { secrets?: boolean } = {}): Config {
  const servicePath = SERVICE_FILES.map((n) => path.join(dir, n)).find((f) => existsSync(f));
  const service = servicePath ? (readYaml(servicePath) ?? {}) : {};
  const problems: string[] = [];
  if (typeof service !== 'object' || Array.isArray(service)) throw new ConfigError(servicePath!, ['(file): must be a mapping of config sections']);
  for (const key of ['business', 'businesses', 'sources'] as const) {
    if (key in service) problems.push(`${SERVICE_FILE}: ${key}: goes in a business's own file in ${dir}, not in ${SERVICE_FILE}`);
  }
  const files = businessFiles(dir);
  if (files.length === 0) problems.push(`(dir): no business files in ${dir} (one YAML file per business, beside ${SERVICE_FILE})`);
  const entries: unknown[] = [];
  for (const name of files) {
    let doc: unknown;
    try {
      doc = readYaml(path.join(dir, name));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(...err.problems.map((p) => `${name}: ${p}`));
      continue;
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      problems.push(`${name}: must be a mapping (id, name, contact, signature, sources, alerts…)`);
      continue;
    }
    entries.push({ id: name.replace(YAML_NAME, ''), ...(doc as Record<string, unknown>) });
  }
  if (problems.length) throw new ConfigError(dir, problems);
  try {
    return parseConfig({ ...(service as Record<string, unknown>), businesses: entries }, { file: dir, configDir: dir, env, secrets: opts.secrets });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // `businesses[3].sources[0].url` is `sources[0].url` of the fourth business file.
    const named = err.problems.map((p) => {
      const m = /^businesses\[(\d+)\]\.?(.*)$/s.exec(p);
      if (m) return `${files[Number(m[1])] ?? `businesses[${m[1]}]`}: ${m[2]}`;
      return p.startsWith('(') ? p : `${SERVICE_FILE}: ${p}`;
    });
    throw new ConfigError(dir, named);
  }
}

/** The file's text, refused before reading when over MAX_CONFIG_BYTES (a pipe or device is read only that far). */
function readConfigText(file: string): string {
  const tooBig = (size: string): ConfigError => new ConfigError(file, [`(file): ${file} is ${size} bytes, over the ${MAX_CONFIG_BYTES}-byte limit for a config file`]);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new ConfigError(file, [`(file): cannot read: ${(err as Error).message}`]);
  }
  try {
    const info = fstatSync(fd);
    if (info.isFile() && info.size > MAX_CONFIG_BYTES) throw tooBig(String(info.size));
    const buf = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    while (length < buf.length) {
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > MAX_CONFIG_BYTES) throw tooBig(`more than ${MAX_CONFIG_BYTES}`);
    return buf.toString('utf8', 0, length);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(file, [`(file): cannot read: ${(err as Error).message}`]);
  } finally {
    closeSync(fd);
  }
}

/** `file://./x` → absolute file URL against the config's folder; other URLs unchanged. */
export function resolveFileUrl(url: string, configDir: string): string {
  const m = /^file:\/\/(\.\.?\/.*)$/.exec(url);
  if (!m?.[1]) return url;
  return pathToFileURL(path.resolve(configDir, m[1])).href;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Replaces each alert channel's `…Env` secret reference (`secretEnv`, `webhookUrlEnv`, `smtp.passEnv`)
 * with the variable's value, in place; returns one problem line per variable that is not set.
 */
export function resolveAlertSecrets(alerts: AlertChannelConfig[], env: Env, paths: readonly string[] = alerts.map((_, i) => `alerts[${i}]`)): string[] {
  const problems: string[] = [];
  const read = (at: string, name: string): string | undefined => {
    const value = env[name];
    if (value === undefined || value === '') problems.push(`${at}: environment variable ${name} is not set`);
    return value || undefined;
  };
  alerts.forEach((a, i) => {
    const at = paths[i] ?? `alerts[${i}]`;
    if (a.type === 'webhook' && a.secretEnv) a.secret = read(`${at}.secretEnv`, a.secretEnv);
    if (a.type === 'slack' && a.webhookUrlEnv) {
      const url = read(`${at}.webhookUrlEnv`, a.webhookUrlEnv);
      if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url)) problems.push(`${at}.webhookUrlEnv: ${a.webhookUrlEnv} is not an http(s) URL`);
      else a.webhookUrl = url;
    }
    if (a.type === 'email' && a.smtp.passEnv) a.smtp = { ...a.smtp, pass: read(`${at}.smtp.passEnv`, a.smtp.passEnv) };
  });
  return problems;
}

/** A value shipped as a placeholder in the deploy manifests and examples ("change-me…"), never a real secret. */
export function isPlaceholderSecret(value: string | undefined): boolean {
  return value !== undefined && /^\s*(change[-_ ]?me|replace[-_ ]?me|<[^>]*>)/i.test(value);
}

/**
 * One problem per secret still holding a placeholder: every environment variable a `…Env` key names anywhere
 * in the config, and the API keys (API_KEYS included). A deployment started with the values shipped in
 * deploy/k8s/secret.yaml would otherwise run with keys anyone can read in this repository.
 */
function placeholderSecrets(parsed: unknown, apiKeys: ApiKeyConfig[], env: Env): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${at}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        const here = at ? `${at}.${k}` : k;
        if (k.endsWith('Env') && typeof v === 'string' && isPlaceholderSecret(env[v])) problems.push(`${here}: ${v} still holds a placeholder value ("${env[v]!.slice(0, 12)}…"); set a real secret`);
        else walk(v, here);
      }
    }
  };
  walk(parsed, '');
  apiKeys.forEach((k, i) => {
    if (isPlaceholderSecret(k.key) && !problems.some((p) => p.startsWith(`api.keys[${i}]`))) problems.push(`api.keys[${i}]: the key of "${k.name}" is a placeholder value; set a real key`);
  });
  return problems;
}
