import type { PhraseTag, TextAnalysis } from './features.js';

/** One topic of the taxonomy: config can add its own, keywords use the PhraseMatcher syntax. */
export interface Topic {
  id: string;
  label: string;
  /** Words and phrases: `refund*` matches refunds/refunded, `#` any number ("waited # minutes"). */
  keywords: string[];
}

/** The default taxonomy; ids are stable (stored with verdicts, used in alerts and config). */
export const DEFAULT_TAXONOMY: readonly Topic[] = Object.freeze([
  {
    id: 'product_quality', label: 'Product quality',
    keywords: ['quality', 'broke', 'broken', 'breaks', 'defective', 'faulty', 'cheap', 'cheaply', 'flimsy', 'fell apart',
      'falls apart', 'stopped working', 'doesnt work', 'does not work', 'didnt work', 'not working', 'poorly made', 'durable',
      'material*', 'taste*', 'tasteless', 'bland', 'stale', 'undercooked', 'overcooked', 'food', 'battery', 'sound',
      'fit', 'fits', 'size', 'damaged', 'scratch*', 'leak*', 'flavor*', 'fresh'],
  },
  {
    id: 'staff_service', label: 'Staff and service',
    keywords: ['staff', 'rude', 'waiter', 'waitress', 'server', 'servers', 'manager', 'employee*', 'cashier', 'receptionist',
      'service', 'customer service', 'attitude', 'unprofessional', 'friendly', 'unfriendly', 'helpful', 'unhelpful',
      'ignored', 'support agent', 'host', 'hostess', 'bartender', 'technician', 'driver'],
  },
  {
    id: 'waiting_time', label: 'Waiting and delivery time',
    keywords: ['wait', 'waited', 'waiting', 'slow', 'slowly', 'forever', 'late', 'delay*', 'delivery', 'delivered', 'shipping',
      'shipped', 'arrive*', 'never arrived', 'never came', 'took # minutes', 'took # hours', 'took # days', '# minutes',
      'hours', 'queue', 'in line', 'the line', 'on hold', 'still waiting', 'took forever', 'took * forever'],
  },
  {
    id: 'price_billing', label: 'Price, billing and refunds',
    keywords: ['price*', 'pricing', 'overpriced', 'over-priced', 'expensive', 'cost*', 'charge*', 'overcharg*', 'bill',
      'billed', 'billing', 'invoice*', 'refund*', 'money back', 'fee', 'fees', 'subscription', 'cancelled my subscription',
      'canceled my subscription', 'payment', 'paid', 'pay', 'rip off', 'ripoff', 'ripped off', 'waste of money', 'value',
      'worth', 'bucks', 'dollars', 'cheap'],
  },
  {
    id: 'onboarding_usability', label: 'Onboarding and usability',
    keywords: ['setup', 'set up', 'install*', 'sign up', 'signup', 'onboarding', 'confusing', 'complicated', 'intuitive',
      'easy to use', 'hard to use', 'difficult to use', 'user friendly', 'interface', 'ui', 'navigate', 'navigation',
      'learning curve', 'instructions', 'manual', 'tutorial', 'log in', 'login', 'password', 'account'],
  },
  {
    id: 'app_bugs', label: 'Bugs and crashes',
    keywords: ['bug', 'bugs', 'buggy', 'crash*', 'freez*', 'froze', 'glitch*', 'error*', 'laggy', 'lag', 'lags',
      'force close*', 'wont load', 'doesnt load', 'wont open', 'not loading', 'update', 'app', 'unresponsive', 'reboot*',
      'restart*', 'black screen', 'blank screen', 'logs me out', 'logging me out'],
  },
  {
    id: 'cleanliness', label: 'Cleanliness',
    keywords: ['dirty', 'filthy', 'clean', 'cleanliness', 'unclean', 'gross', 'smell*', 'stink*', 'stank', 'cockroach*',
      'roach*', 'bugs in', 'hair in', 'mold', 'mould', 'moldy', 'stain*', 'sticky', 'bathroom', 'restroom', 'toilet*', 'hygiene', 'disgusting'],
  },
  {
    id: 'communication', label: 'Communication',
    keywords: ['communication', 'communicat*', 'no response', 'never responded', 'never heard back', 'no reply', 'reply',
      'replied', 'respond*', 'email*', 'e-mail', 'call back', 'phone call', 'on the phone', 'hung up', 'voicemail', 'informed',
      'told us', 'told me', 'update us', 'ghosted', 'contact*', 'unanswered', 'chat'],
  },
]);

/** A taxonomy as phrase patterns for the shared matcher, and the topics found in an analysed text. */
export class TopicMatcher {
  private readonly ids: string[];

  constructor(private readonly taxonomy: readonly Topic[]) {
    this.ids = taxonomy.map((t) => t.id);
  }

  /** The keywords tagged with their topic, for createPhraseMatcher. */
  patterns(): (readonly [string, PhraseTag])[] {
    return this.taxonomy.flatMap((t, index) => t.keywords.map((k) => [k, { kind: 'topic', index }] as const));
  }

  /** Topic ids mentioned in the text, in taxonomy order. */
  match(a: TextAnalysis): string[] {
    let seen: Uint8Array | undefined;
    for (const h of a.phraseHits) {
      if (h.value.kind !== 'topic') continue;
      seen ??= new Uint8Array(this.ids.length);
      seen[h.value.index] = 1;
    }
    const out: string[] = [];
    if (seen) for (let i = 0; i < this.ids.length; i++) if (seen[i]) out.push(this.ids[i] as string);
    return out;
  }
}
