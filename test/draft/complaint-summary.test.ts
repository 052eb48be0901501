import { describe, expect, it } from 'vitest';
import { summariseComplaint, toSecondPerson } from '../../src/draft/complaint-summary.js';

describe('summariseComplaint', () => {
  it.each([
    ['We waited 40 minutes for a table and the food was cold.', ['the 40-minute wait', 'the cold food']],
    ['It took over 30 min to get a milkshake.', ['the 30-minute wait']],
    ['Took an hour to get our food.', ['the hour-long wait']],
    ['The staff were extremely rude.', ['the rude staff']],
    ['Our fries were soggy and the room was dirty.', ['the soggy fries', 'the dirty room']],
  ])('turns safe patterns into noun phrases: %s', (text, issues) => {
    expect(summariseComplaint({ text }).issues).toEqual(issues);
  });

  it('does not turn an insult into a noun phrase ("the horrible book")', () => {
    expect(summariseComplaint({ text: 'This book was horrible.' }).issues).toEqual([]);
  });

  it('reuses a complaint clause with the pronouns turned round', () => {
    expect(summariseComplaint({ text: 'Lovely decor. Sadly my order was wrong and I was charged twice.' }, ['price_billing']).clause).toBe(
      'your order was wrong and you were charged twice',
    );
    expect(toSecondPerson("I was told we'd wait, but I wasn't told why")).toBe("you were told you'd wait, but you weren't told why");
  });

  it('keeps clauses with personal data, names, money or profanity out', () => {
    for (const text of [
      'My order #A1234 was wrong.',
      'I emailed jo@mail.example and nobody answered.',
      'The waiter Mike was rude to us.',
      'I paid $80 and the food was awful.',
      'The service was shit and slow.',
      'The waiter was a jerk to us.',
      'You should have seen how dirty it was.',
    ]) {
      expect(summariseComplaint({ text }).clause, text).toBeUndefined();
    }
  });

  it('says nothing when there is no complaint to name', () => {
    expect(summariseComplaint({ text: 'Meh.' })).toEqual({ issues: [], clause: undefined });
  });
});
