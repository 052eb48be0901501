import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { CredentialConfig } from '../config/schema.js';
import { appStoreConnectToken } from '../publishers/index.js';

/**
 * Platform credentials, one entry per account, shared by that account's sources and publishers. A token is
 * fetched when first needed, cached, renewed shortly before it expires and once more after a 401 (the
 * platform revoked it early). Secrets are read from the environment or a file at that moment: they never
 * sit in the config, and no message here contains one.
 */
export interface TokenSource {
  /** A valid bearer token or API key. */
  token(): Promise<string>;
  /** Forgets the cached token after a 401, so the next `token()` gets a fresh one. */
  invalidate(): void;
}

export type CredentialFailure = 'missing' | 'expired-or-revoked' | 'scope' | 'forbidden' | 'rate-limited' | 'network' | 'invalid';

/** Why a token could not be had, in plain words for the source's status and the owner's alert. */
export class CredentialError extends Error {
  constructor(
    message: string,
    readonly reason: CredentialFailure,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'CredentialError';
  }
}

export interface Credentials {
  /** The named account's token source; a CredentialError ('invalid') for a name that is not configured. */
  get(name: string): TokenSource;
  /** The configured names, in config order. */
  names(): string[];
}

type Env = Record<string, string | undefined>;

export interface CredentialOptions {
  /** Folder that `keyFile` / `privateKeyFile` are relative to (the config file's). */
  configDir?: string | undefined;
  /** Renew this long before expiry (default one minute), so a token never runs out mid-poll. */
  refreshMarginMs?: number | undefined;
}

/** Where google-auth-library sends a service account's signed assertion. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/** The scope every Google source and publisher here needs: Business Profile and Android Publisher. */
const GOOGLE_SCOPES = ['https://www.googleapis.com/auth/business.manage', 'https://www.googleapis.com/auth/androidpublisher'];

function envSecret(env: Env, credential: string, field: string, variable: string): string {
  const value = env[variable];
  if (!value) throw new CredentialError(`credentials "${credential}": environment variable ${variable} (${field}) is not set`, 'missing');
  return value;
}

function fileSecret(configDir: string | undefined, credential: string, field: string, file: string): string {
  const path = isAbsolute(file) || !configDir ? file : join(configDir, file);
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CredentialError(`credentials "${credential}": cannot read ${field} ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 'missing');
  }
}

/** Google's token endpoint answers: what a refresh failure means, without the response's secrets. */
function googleFailure(credential: string, err: unknown): CredentialError {
  const e = err as { response?: { status?: number; data?: { error?: string; error_description?: string }; headers?: Record<string, string> }; code?: string; message?: string };
  const status = e.response?.status;
  const code = e.response?.data?.error;
  if (code === 'invalid_grant') {
    return new CredentialError(`credentials "${credential}": Google refused the refresh token (expired or revoked): authorise the account again and set a new refresh token`, 'expired-or-revoked');
  }
  if (code === 'invalid_client' || code === 'unauthorized_client') {
    return new CredentialError(`credentials "${credential}": Google refused the OAuth client (${code}): check clientId and the client secret`, 'invalid');
  }
  if (code === 'invalid_scope') return new CredentialError(`credentials "${credential}": the account was not granted the business.manage scope`, 'scope');
  if (status === 429) {
    const after = Number(e.response?.headers?.['retry-after']);
    return new CredentialError(`credentials "${credential}": Google's token endpoint is rate limiting (429)`, 'rate-limited', Number.isFinite(after) ? after * 1000 : undefined);
  }
  if (status !== undefined) return new CredentialError(`credentials "${credential}": the token endpoint answered HTTP ${status}${code ? ` (${code})` : ''}`, 'invalid');
  return new CredentialError(`credentials "${credential}": the token endpoint could not be reached (${e.code ?? e.message ?? 'network error'})`, 'network');
}

/** A cached token with its expiry, renewed `margin` before it runs out; one renewal at a time. */
function cachedToken(fetchToken: () => Promise<{ token: string; expiresAt: number }>, marginMs: number): TokenSource {
  let current: { token: string; expiresAt: number } | undefined;
  let pending: Promise<{ token: string; expiresAt: number }> | undefined;
  return {
    async token() {
      if (current && current.expiresAt - marginMs > Date.now()) return current.token;
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      current = await pending;
      return current.token;
    },
    invalidate() {
      current = undefined;
    },
  };
}

// Loaded when a Google token is first needed: most processes (the CLI, deployments without Google) never do.
const googleAuth = () => import('google-auth-library');

function googleOAuth(name: string, cfg: Extract<CredentialConfig, { type: 'google-oauth' }>, env: Env, marginMs: number): TokenSource {
  return cachedToken(async () => {
    const { OAuth2Client } = await googleAuth();
    const client = new OAuth2Client({
      clientId: cfg.clientId,
      clientSecret: envSecret(env, name, 'clientSecretEnv', cfg.clientSecretEnv),
      ...(cfg.tokenUrl ? { endpoints: { oauth2TokenUrl: cfg.tokenUrl } } : {}),
    });
    client.setCredentials({ refresh_token: envSecret(env, name, 'refreshTokenEnv', cfg.refreshTokenEnv) });
    try {
      // A fresh client each time: refreshAccessToken always asks the endpoint (the cache above decides when).
      const { credentials } = await client.refreshAccessToken();
      if (!credentials.access_token) throw new CredentialError(`credentials "${name}": the token endpoint returned no access token`, 'invalid');
      return { token: credentials.access_token, expiresAt: credentials.expiry_date ?? Date.now() + 3_000_000 };
    } catch (err) {
      throw err instanceof CredentialError ? err : googleFailure(name, err);
    }
  }, marginMs);
}

function googleServiceAccount(name: string, cfg: Extract<CredentialConfig, { type: 'google-service-account' }>, env: Env, opts: CredentialOptions, marginMs: number): TokenSource {
  return cachedToken(async () => {
    const raw = cfg.keyEnv ? envSecret(env, name, 'keyEnv', cfg.keyEnv) : fileSecret(opts.configDir, name, 'keyFile', cfg.keyFile!);
    let key: { client_email?: string; private_key?: string };
    try {
      key = JSON.parse(raw) as typeof key;
    } catch {
      throw new CredentialError(`credentials "${name}": the service account key is not JSON (download the key as JSON from Google Cloud)`, 'invalid');
    }
    if (!key.client_email || !key.private_key) throw new CredentialError(`credentials "${name}": the service account key lacks client_email or private_key`, 'invalid');
    const { JWT } = await googleAuth();
    const client = new JWT({ email: key.client_email, key: key.private_key, scopes: cfg.scopes ?? GOOGLE_SCOPES });
    if (cfg.tokenUrl) {
      // The library posts the signed assertion to Google's endpoint, which it does not let callers change:
      // its HTTP client's request interceptor sends that one request to the configured endpoint instead.
      const tokenUrl = cfg.tokenUrl;
      client.transporter.interceptors.request.add({
        resolved: async (o) => (String(o.url) === GOOGLE_TOKEN_URL ? { ...o, url: new URL(tokenUrl) } : o),
      });
    }
    try {
      const t = await client.authorize();
      if (!t.access_token) throw new CredentialError(`credentials "${name}": Google returned no access token for the service account`, 'invalid');
      return { token: t.access_token, expiresAt: t.expiry_date ?? Date.now() + 3_000_000 };
    } catch (err) {
      throw err instanceof CredentialError ? err : googleFailure(name, err);
    }
  }, marginMs);
}

function appStoreConnect(name: string, cfg: Extract<CredentialConfig, { type: 'appstore-connect' }>, env: Env, opts: CredentialOptions, marginMs: number): TokenSource {
  // Apple allows tokens of up to 20 minutes: one is signed and reused until shortly before it expires.
  return cachedToken(async () => {
    const pem = cfg.privateKeyEnv ? envSecret(env, name, 'privateKeyEnv', cfg.privateKeyEnv) : fileSecret(opts.configDir, name, 'privateKeyFile', cfg.privateKeyFile!);
    const now = Date.now();
    try {
      return { token: appStoreConnectToken({ keyId: cfg.keyId, issuerId: cfg.issuerId, privateKeyPem: pem }, now), expiresAt: now + 1_200_000 };
    } catch (err) {
      throw new CredentialError(`credentials "${name}": the App Store Connect private key cannot be used (${(err as Error).message.split('\n')[0]})`, 'invalid');
    }
  }, marginMs);
}

/** A secret that does not expire: read from the environment each time (a rotated variable applies at once). */
function staticSecret(name: string, field: string, variable: string, env: Env): TokenSource {
  return { token: async () => envSecret(env, name, field, variable), invalidate() {} };
}

/** Builds the credentials of a config once per process: every source and publisher of an account shares its token. */
export function buildCredentials(config: Record<string, CredentialConfig>, env: Env = process.env, opts: CredentialOptions = {}): Credentials {
  const margin = opts.refreshMarginMs ?? 60_000;
  const sources = new Map<string, TokenSource>();
  for (const [name, cfg] of Object.entries(config)) {
    switch (cfg.type) {
      case 'google-oauth':
        sources.set(name, googleOAuth(name, cfg, env, margin));
        break;
      case 'google-service-account':
        sources.set(name, googleServiceAccount(name, cfg, env, opts, margin));
        break;
      case 'appstore-connect':
        sources.set(name, appStoreConnect(name, cfg, env, opts, margin));
        break;
      case 'api-key':
        sources.set(name, staticSecret(name, 'keyEnv', cfg.keyEnv, env));
        break;
      case 'facebook-page':
        sources.set(name, staticSecret(name, 'accessTokenEnv', cfg.accessTokenEnv, env));
        break;
    }
  }
  return {
    get(name) {
      const s = sources.get(name);
      if (!s) throw new CredentialError(`credentials "${name}" are not configured (configured: ${[...sources.keys()].join(', ') || 'none'})`, 'invalid');
      return s;
    },
    names: () => [...sources.keys()],
  };
}
