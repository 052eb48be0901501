import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../src/classify/phrases.js';
import { tokenize } from '../../src/classify/tokenize.js';

describe('tokenize', () => {
  it('keeps emoticons, emoji, "!!!" runs and contractions as single tokens', () => {
    const t = tokenize("I DON'T like it!!! :( 😡 <3");
    expect(t.map((x) => x.norm)).toEqual(['i', 'dont', 'like', 'it', '!!!', ':(', '😡', '<3']);
    expect(t.map((x) => x.kind)).toEqual(['word', 'word', 'word', 'word', 'punct', 'emoticon', 'emoji', 'emoticon']);
    expect(t[1]!.caps).toBe(true);
    expect(t[0]!.caps).toBe(false);
  });

  it('reads a "\'ll" contraction as "will", never as the word its letters make: "I\'ll" is no "ill", "he\'ll" no "hell"', () => {
    expect(tokenize("I'll call, he’ll fix it, WE'LL see, they'll").filter((x) => x.kind === 'word').map((x) => x.norm)).toEqual([
      'iwill', 'call', 'hewill', 'fix', 'it', 'wewill', 'see', 'theywill',
    ]);
    // The hash is the norm's, as every token's is.
    const [a, b] = [tokenize("I'll")[0]!, tokenize('iwill')[0]!];
    expect(a.hash).toBe(b.hash);
  });

  it('shortens stretched words and keeps numbers whole', () => {
    expect(tokenize('Sooo goood, waited 4.5 hours').map((x) => x.norm)).toEqual(['soo', 'good', ',', 'waited', '4.5', 'hours']);
    // Whatever the case of the letters in the run.
    expect(tokenize('Oooh SOoOO gOOod').map((x) => x.norm)).toEqual(['ooh', 'soo', 'good']);
    expect(tokenize('Oooh fine').map((x) => x.stretched)).toEqual([true, false]);
  });

  it('does not read prose in parentheses or times as emoticons', () => {
    expect(tokenize('(8 pieces) at 10:30, see http://example.com').some((x) => x.kind === 'emoticon')).toBe(false);
    expect(tokenize('Great:)').map((x) => x.kind)).toEqual(['word', 'emoticon']);
  });
});

describe('PhraseMatcher', () => {
  const m = new PhraseMatcher<string>([
    ['waited # minutes', 'wait'],
    ['refund*', 'refund'],
    ["doesn't work", 'broken'],
    ['took * forever', 'slow'],
  ]);

  it('matches numbers, prefixes, apostrophes and one-word gaps', () => {
    const hits = m.findAll(tokenize("We waited 40 minutes, it doesn't work, no refunds, it took them forever"));
    expect(hits.map((h) => h.value)).toEqual(['wait', 'broken', 'refund', 'slow']);
  });

  it('does not match across punctuation', () => {
    expect(m.findAll(tokenize('We waited. 40 minutes later'))).toEqual([]);
  });

  it('crosses a comma only where the pattern writes one ("hält , was es verspricht"), and no other punctuation', () => {
    const c = new PhraseMatcher([['hält , was es verspricht', 'kept']]);
    expect(c.findAll(tokenize('Hält, was es verspricht!')).map((h) => h.value)).toEqual(['kept']);
    expect(c.findAll(tokenize('Hält. Was es verspricht?'))).toEqual([]);
    expect(c.findAll(tokenize('Hält was es verspricht'))).toEqual([]);
  });

  it('matches a pattern that opens with a given number ("5 sterne", "1 star") at a number token', () => {
    const n = new PhraseMatcher([['5 stars', 'top'], ['1 star', 'bottom']]);
    expect(n.findAll(tokenize('5 stars, no question. Or 1 star? 1 star.')).map((h) => h.value)).toEqual(['top', 'bottom']);
    expect(n.findAll(tokenize('15 stars'))).toEqual([]);
    // Only where the number opens its clause: "2 out of 5 stars", "would give 5 stars but" are no praise.
    expect(n.findAll(tokenize('Rated 2 out of 5 stars'))).toEqual([]);
    expect(n.findAll(tokenize('I would give 5 stars but'))).toEqual([]);
  });

  it('refuses a pattern that starts with any word or with a prefix of under 3 letters, naming it', () => {
    expect(() => new PhraseMatcher([['* slow', 'x']])).toThrow('Pattern "* slow" cannot start with "*" (any word): start with a word');
    expect(() => new PhraseMatcher([[', slow', 'x']])).toThrow('Pattern ", slow" cannot start with ",": start with a word');
    expect(() => new PhraseMatcher([['re* slow', 'x']])).toThrow('Prefix pattern "re* slow" needs at least 3 letters before "*"');
  });
});
