import { classify } from '../../src/classify/index.js';
import { draftReply } from '../../src/draft/index.js';
import { benchConfig, benchReviews } from './setup.js';
import { draftContextFor } from '../../src/lifecycle/draft-context.js';
const reviews = benchReviews(4000);
const config = benchConfig();
let t = performance.now();
const verdicts = reviews.map((r) => classify({ text: r.text, title: r.title, rating: r.rating }));
console.log('classify µs/review', ((performance.now() - t) * 1000 / reviews.length).toFixed(1));
t = performance.now();
let n = 0;
for (const [i, r] of reviews.entries()) if (verdicts[i]!.negative) { draftReply(r, verdicts[i]!, draftContextFor(config, 'bench')); n++; }
console.log('draft µs/negative', ((performance.now() - t) * 1000 / n).toFixed(1), n);
t = performance.now();
for (const [i, r] of reviews.entries()) if (verdicts[i]!.negative) { draftReply(r, verdicts[i]!, draftContextFor(config, 'bench')); }
console.log('draft (warm) µs/negative', ((performance.now() - t) * 1000 / n).toFixed(1));
