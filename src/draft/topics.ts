// Clause ranking hints for the default taxonomy's topics: complaint-summary prefers a complaint clause that
// names a topic. Topic detection itself is the classifier's (src/classify/topics.ts spotTopics without a verdict).

/** Keyword patterns of the default topic taxonomy. */
export const TOPIC_KEYWORDS: Readonly<Record<string, RegExp>> = Object.freeze({
  product_quality:
    /\b(quality|broke|broken|faulty|defective|damaged|flimsy|stopped working|fell apart|tasteless|bland|stale|undercooked|overcooked|burnt|soggy|inedible|poorly (made|written)|cheaply made)\b/i,
  staff_service: /\b(staff|waiter|waitress|server|employees?|manager|cashier|receptionist|rude|unfriendly|unhelpful|attitude|service)\b/i,
  waiting_time: /\b(wait(ed|ing)?|slow|late|delay(ed|s)?|took (forever|ages)|queue|\d+\s*(minutes|mins|hours))\b/i,
  price_billing: /\b(prices?|pricing|expensive|overpriced|overcharged?|charged?|billed|billing|bill|refund|invoice|fees?|subscription|money)\b/i,
  onboarding_usability: /\b(confusing|complicated|hard to use|difficult to use|sign ?up|log ?in|set ?up|onboarding|interface|navigate|unintuitive)\b/i,
  app_bugs: /\b(bugs?|buggy|crash(es|ed|ing)?|freez(e|es|ing)|froze|glitch(es|y)?|error|won'?t (load|open)|doesn'?t (load|open))\b/i,
  cleanliness: /\b(dirty|filthy|clean(liness)?|smell(y|s|ed)?|stain(s|ed)?|sticky|cockroach(es)?|mou?ld|gross|unhygienic)\b/i,
  communication: /\b(no (reply|response|answer)|never (replied|responded|called|heard)|ignored|call(ed)? back|communicat\w*|not informed|nobody told)\b/i,
});

/** Words of a topic id ("delivery_delay" → ["delivery", "delay"]), for taxonomies the keywords do not know. */
export function topicWords(topic: string): string[] {
  return topic
    .toLowerCase()
    .split(/[^a-z\p{L}]+/u)
    .filter((w) => w.length > 2);
}
