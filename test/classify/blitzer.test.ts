import { describe, expect, it } from 'vitest';
import { parseBlitzerReviews } from '../../scripts/lib/blitzer.js';

// The training script's reader of the Multi-Domain Sentiment Dataset's files (`npm run train -- --blitzer DIR`).
const file = `<review>
<unique_id>
B00005UKBG:bad:j._brodeur
</unique_id>
<rating>
2.0
</rating>
<title>
bad
</title>
<review_text>
tips over & poorly designed

putting it together was a pain
</review_text>
</review>
<review>
<rating>
5.0
</rating>
<title>
Pots & pans, great
</title>
<review_text>
Heats evenly.
</review_text>
</review>
<review>
<rating>
4.0
</rating>
<title>
no text
</title>
<review_text>
</review_text>
</review>
`;

describe('reading the Blitzer dataset for training', () => {
  it('takes each review with text, its rating, title and the file\'s polarity, unescaped ampersands and all', () => {
    expect(parseBlitzerReviews(file, 'kitchen', true)).toEqual([
      { domain: 'kitchen', rating: 2, title: 'bad', text: 'tips over & poorly designed\n\nputting it together was a pain', negative: true },
      { domain: 'kitchen', rating: 5, title: 'Pots & pans, great', text: 'Heats evenly.', negative: true },
    ]);
  });
});
