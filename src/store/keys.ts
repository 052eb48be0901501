/**
 * The one place Redis key names of the store are built. Every store module (reviews, lifecycle,
 * deliveries, people, sessions, counters…) takes a KeyBuilder instead of joining the prefix itself, so the
 * key layout (and, later, a business's hash tag) is decided here.
 */
export class KeyBuilder {
  constructor(readonly prefix: string) {}

  /** `<prefix>:<part>:<part>…` */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }
}
