import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { buildConnector } from 'undici';

/**
 * What an address is to a source fetch: a public host, a private one (loopback, RFC 1918, CGNAT,
 * unique-local, reserved…: refused unless the source allows private networks), or a link-local /
 * cloud metadata address, refused always (instance credentials live there).
 */
export type AddressKind = 'public' | 'private' | 'metadata';

/** Metadata endpoints outside the link-local ranges: AWS's IPv6 one (in fc00::/7) and Alibaba's (in 100.64/10). */
const METADATA = new Set(['fd00:ec2::254', '100.100.100.200']);

const RANGE_LABEL: Record<string, string> = {
  loopback: 'loopback',
  private: 'private',
  uniqueLocal: 'private',
  carrierGradeNat: 'carrier-grade NAT',
  unspecified: 'unspecified',
  linkLocal: 'link-local/metadata',
};

/** The kind of an IP address (IPv4, IPv6, IPv4-mapped IPv6) and a label for errors ("loopback", "private"…). */
export function classifyAddress(address: string): { kind: AddressKind; label: string } {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return { kind: 'private', label: 'unparseable' };
  }
  if (METADATA.has(ip.toNormalizedString()) || (ip.kind() === 'ipv6' && METADATA.has((ip as ipaddr.IPv6).toRFC5952String()))) return { kind: 'metadata', label: 'link-local/metadata' };
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    const range = v6.range();
    // ::ffff:a.b.c.d, ::ffff:0:a.b.c.d and NAT64 64:ff9b::a.b.c.d reach the IPv4 address they carry.
    if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') {
      const bytes = v6.toByteArray().slice(12);
      const inner = classifyAddress(bytes.join('.'));
      return range === 'ipv4Mapped' || inner.kind === 'metadata' ? inner : { kind: 'private', label: range };
    }
  }
  const range = ip.range();
  if (range === 'unicast') return { kind: 'public', label: 'public' };
  if (range === 'linkLocal') return { kind: 'metadata', label: 'link-local/metadata' };
  return { kind: 'private', label: RANGE_LABEL[range] ?? range };
}

/** A connection the network policy refused; the fetch reports its message as is. */
export class AddressRefusedError extends Error {
  readonly code = 'ERR_ADDRESS_REFUSED';
  constructor(
    readonly address: string,
    readonly kind: Exclude<AddressKind, 'public'>,
    label: string,
  ) {
    super(
      kind === 'metadata'
        ? `refused to connect to ${address} (${label} address)`
        : `refused to connect to ${address} (${label} address; set allowPrivateNetwork: true on the source to allow private addresses)`,
    );
    this.name = 'AddressRefusedError';
  }
}

/** How a fetch resolves names and classifies addresses: the system's by default; tests inject their own. */
export interface NetworkSeams {
  lookup?: LookupFunction | undefined;
  classify?: typeof classifyAddress | undefined;
}

/** The refusal for connecting to `address`, or undefined when the policy allows it. */
export function checkAddress(address: string, allowPrivateNetwork: boolean, classify: typeof classifyAddress = classifyAddress): AddressRefusedError | undefined {
  const { kind, label } = classify(address);
  if (kind === 'public' || (kind === 'private' && allowPrivateNetwork)) return undefined;
  return new AddressRefusedError(address, kind, label);
}

/**
 * A `lookup` for net/tls.connect that refuses when any resolved address is refused: the check is on the
 * addresses the socket will connect to, so a name that resolves differently later (DNS rebinding) is
 * checked again on every connection.
 */
export function guardedLookup(allowPrivateNetwork: boolean, seams: NetworkSeams = {}): LookupFunction {
  const lookup = seams.lookup ?? (dnsLookup as LookupFunction);
  return (hostname, options, callback) => {
    lookup(hostname, options, (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => {
      if (err) return callback(err, address as string, family);
      const all = Array.isArray(address) ? address : [{ address, family: family ?? 4 }];
      for (const a of all) {
        const refused = checkAddress(a.address, allowPrivateNetwork, seams.classify);
        if (refused) return callback(refused, '', undefined);
      }
      return callback(null, address as string, family);
    });
  };
}

export interface ConnectorOptions {
  /** Time to establish the TCP/TLS connection. */
  timeout: number;
  allowPrivateNetwork: boolean;
  seams?: NetworkSeams | undefined;
}

/**
 * An undici connector enforcing the network policy on every connection (first request and redirects
 * alike): IP literals are checked before connecting, host names through `guardedLookup`.
 */
export function guardedConnector(opts: ConnectorOptions): buildConnector.connector {
  const connect = buildConnector({ timeout: opts.timeout, lookup: guardedLookup(opts.allowPrivateNetwork, opts.seams) });
  return (options, callback) => {
    const host = options.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const refused = checkAddress(host, opts.allowPrivateNetwork, opts.seams?.classify);
      if (refused) return callback(refused, null);
    }
    return connect(options, callback);
  };
}
