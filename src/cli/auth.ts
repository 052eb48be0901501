import type { Config } from '../config/schema.js';
import { buildCredentials, CredentialError, type Credentials } from '../credentials/index.js';

/** Which credentials entries to try: all, or those a source and its publisher use. */
export function credentialsToCheck(config: Config, sourceId?: string): { names: string[]; error?: string } {
  if (sourceId === undefined) return { names: Object.keys(config.credentials) };
  const source = config.sources.find((s) => s.id === sourceId);
  if (!source) return { names: [], error: `unknown source "${sourceId}" (configured: ${config.sources.map((s) => s.id).join(', ') || 'none'})` };
  const names = new Set<string>();
  if ('credentials' in source && typeof source.credentials === 'string') names.add(source.credentials);
  if ('credentials' in source.publisher && source.publisher.credentials) names.add(source.publisher.credentials);
  if (names.size === 0) return { names: [], error: `source "${sourceId}" uses no credentials` };
  return { names: [...names] };
}

/**
 * `review-monitor auth check [--source ID]`: obtains a token for each account and says, in plain words, which
 * work. Nothing secret is printed. Resolves to the exit code: 0 when every account works, 1 otherwise.
 */
export async function runAuthCheck(config: Config, out: NodeJS.WritableStream, opts: { source?: string | undefined; env?: Record<string, string | undefined>; credentials?: Credentials } = {}): Promise<number> {
  const { names, error } = credentialsToCheck(config, opts.source);
  if (error) {
    out.write(`${error}\n`);
    return 1;
  }
  if (names.length === 0) {
    out.write('no credentials are configured\n');
    return 0;
  }
  const credentials = opts.credentials ?? buildCredentials(config.credentials, opts.env ?? process.env);
  let failed = 0;
  for (const name of names) {
    const type = config.credentials[name]?.type ?? 'unknown';
    const users = config.sources.filter((s) => ('credentials' in s && s.credentials === name) || ('credentials' in s.publisher && s.publisher.credentials === name)).map((s) => s.id);
    const usedBy = users.length > 0 ? ` (used by ${users.join(', ')})` : '';
    try {
      await credentials.get(name).token();
      // Only Google's accounts are checked by a token endpoint here; the others are checked by the platform's
      // first API call, which this command does not make.
      const what =
        type === 'google-oauth' || type === 'google-service-account'
          ? 'a token was obtained from Google'
          : type === 'appstore-connect'
            ? 'a token was signed with the key (Apple checks it on the first API call)'
            : 'the secret is set (the platform checks it on the first API call)';
      out.write(`ok      ${name} [${type}]${usedBy}: ${what}\n`);
    } catch (err) {
      failed++;
      const message = err instanceof CredentialError ? err.message : `unexpected error: ${(err as Error).message}`;
      out.write(`FAILED  ${name} [${type}]${usedBy}: ${message}\n`);
    }
  }
  out.write(failed === 0 ? `all ${names.length} accounts work\n` : `${failed} of ${names.length} accounts do not work\n`);
  return failed === 0 ? 0 : 1;
}
