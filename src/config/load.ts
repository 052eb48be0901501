import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { configSchema, type AlertChannelConfig, type ApiKeyConfig, type Config } from './schema.js';

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

/** `sources[2].url` from zod's `['sources', 2, 'url']`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(root)';
}

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
  const result = configSchema.safeParse(applyEnv(raw, opts.env ?? {}));
  if (!result.success) throw new ConfigError(file, formatIssues(result.error));
  const parsed = result.data;
  // A file source's path is relative to the config file, like file://./ URLs.
  for (const s of parsed.sources) if (s.type === 'file') s.path = path.resolve(configDir, s.path);
  // Key files of credentials, like file sources, are relative to the config file.
  for (const c of Object.values(parsed.credentials)) {
    if ('keyFile' in c && c.keyFile) c.keyFile = path.resolve(configDir, c.keyFile);
    if ('privateKeyFile' in c && c.privateKeyFile) c.privateKeyFile = path.resolve(configDir, c.privateKeyFile);
  }
  const used = new Map<string, number>();
  for (const a of parsed.alerts) used.set(a.type, (used.get(a.type) ?? 0) + 1);
  const seenType = new Map<string, number>();
  const alerts: AlertChannelConfig[] = parsed.alerts.map((a) => {
    const n = (seenType.get(a.type) ?? 0) + 1;
    seenType.set(a.type, n);
    const id = a.id ?? ((used.get(a.type) ?? 0) > 1 ? `${a.type}-${n}` : a.type);
    return { ...a, id };
  });
  const channelProblems = insightChannelProblems(parsed.insights, alerts);
  if (channelProblems.length) throw new ConfigError(file, channelProblems);
  const keyProblems: string[] = [];
  const apiKeys: ApiKeyConfig[] = parsed.api.keys.map((k, i) => {
    if (typeof k === 'string') return { name: `key-${i + 1}`, key: k, scopes: ['read', 'write'] };
    const key = k.key ?? (k.keyEnv ? opts.env?.[k.keyEnv] : undefined);
    if (!key && opts.secrets !== false) keyProblems.push(`api.keys[${i}].keyEnv: environment variable ${k.keyEnv} is not set`);
    return { name: k.name, key: key ?? '', scopes: k.scopes };
  });
  const secretProblems = opts.secrets === false ? [] : [...resolveAlertSecrets(alerts, opts.env ?? {}), ...placeholderSecrets(parsed, apiKeys, opts.env ?? {})];
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
  const sources = parsed.sources.map((s) => ('url' in s && s.url !== undefined ? { ...s, url: resolveFileUrl(s.url, configDir) } : s));
  return deepFreeze({ ...parsed, api: { ...parsed.api, keys: apiKeys }, workspace: { ...parsed.workspace, sessionSecret }, slack: { ...parsed.slack, signingSecret }, sources, alerts, configDir });
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
  const text = readConfigText(file);
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(file, doc.errors.map((e) => `(yaml): ${e.message.split('\n')[0]}`));
  }
  let raw: unknown;
  try {
    // An alias expanding into more than 100 copies of its anchor is refused ("billion laughs").
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ConfigError(file, [`(yaml): ${(err as Error).message.split('\n')[0]}`]);
  }
  return parseConfig(raw, { file, configDir: path.dirname(path.resolve(file)), env, secrets: opts.secrets });
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
export function resolveAlertSecrets(alerts: AlertChannelConfig[], env: Env): string[] {
  const problems: string[] = [];
  const read = (at: string, name: string): string | undefined => {
    const value = env[name];
    if (value === undefined || value === '') problems.push(`${at}: environment variable ${name} is not set`);
    return value || undefined;
  };
  alerts.forEach((a, i) => {
    const at = `alerts[${i}]`;
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
