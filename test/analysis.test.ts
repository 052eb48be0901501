import { afterAll, describe, expect, it } from 'vitest';
import { classifierOptionsFrom, createAnalyzer } from '../src/analysis/analyze.js';
import { createAnalysisPool, type AnalysisPool } from '../src/analysis/pool.js';
import { classify, DEFAULT_TAXONOMY, taxonomyFor } from '../src/classify/index.js';
import { ConfigError } from '../src/config/load.js';
import { storedDraftJson, storedReviewJson } from '../src/store/stored-json.js';
import { makeConfig, makeReview } from './helpers/factories.js';

const catering = { id: 'catering', label: 'Catering and events', keywords: ['catering', 'buffet', 'wedding', 'private room'] };

describe('analysis with the config’s classifier section', () => {
  it('tags configured topics beside the default ones, and escalates on configured critical rules', () => {
    const analyze = createAnalyzer(
      makeConfig({
        classifier: {
          topics: [catering],
          criticalRules: [{ id: 'press', label: 'press or social media threat', patterns: ['going to the press', 'local news', 'tiktok'] }],
        },
      }),
    );
    const wedding = analyze(makeReview('s', { rating: 2, text: 'The buffet at our wedding ran out after an hour and the staff were rude about it.' }), { draft: true });
    expect(wedding.verdict.topics).toEqual(['staff_service', 'catering']);
    expect(wedding.draft?.reply).toMatch(/\S/);
    const press = analyze(makeReview('s', { rating: 1, text: 'Cold food and a two hour wait. I am going to the press about this place.' }), { draft: false });
    expect(press.verdict.severity).toBe('critical');
    expect(press.verdict.reasons).toContain('critical, press or social media threat: "going to the press"');
    expect(press.draft).toBeUndefined();
  });

  it('lets a configured topic replace the default one of the same id, or all of them', () => {
    const narrow = { id: 'waiting_time', label: 'Waiting for a table', keywords: ['reservation', 'waited'] };
    const replaced = classifierOptionsFrom(makeConfig({ classifier: { topics: [narrow] } }));
    expect(replaced.taxonomy?.map((t) => t.id)).toEqual(DEFAULT_TAXONOMY.map((t) => t.id));
    expect(replaced.taxonomy?.find((t) => t.id === 'waiting_time')?.keywords).toEqual(['reservation', 'waited']);
    const only = createAnalyzer(makeConfig({ classifier: { topics: [catering], replaceDefaultTopics: true } }));
    const v = only(makeReview('s', { rating: 1, text: 'Rude staff, dirty tables and the catering order was wrong.' }), { draft: false }).verdict;
    expect(v.topics).toEqual(['catering']);
  });

  it('refuses routing topics the classifier never tags, and bad classifier entries, naming the field', () => {
    const problems = (over: Parameters<typeof makeConfig>[0]): string[] => {
      try {
        makeConfig(over);
      } catch (err) {
        if (err instanceof ConfigError) return err.problems;
        throw err;
      }
      return [];
    };
    expect(problems({ alerts: [{ type: 'log', topics: ['catering'] }] }).join('\n')).toMatch(/alerts\[0\]\.topics\[0\]: Unknown topic "catering"/);
    expect(problems({ alerts: [{ type: 'log', topics: ['catering'] }], classifier: { topics: [catering] } })).toEqual([]);
    expect(problems({ classifier: { replaceDefaultTopics: true, topics: [catering] }, alerts: [{ type: 'log', topics: ['staff_service'] }] }).join('\n')).toMatch(
      /Unknown topic "staff_service"/,
    );
    const bad = problems({ classifier: { topics: [{ id: 'Bad Id', label: 'x', keywords: ['ab*'] }] } }).join('\n');
    expect(bad).toMatch(/classifier\.topics\[0\]\.id: lower-case letters/);
    expect(bad).toMatch(/classifier\.topics\[0\]\.keywords\[0\]: .*3 letters/);
    expect(problems({ classifier: { topics: [catering, catering] } }).join('\n')).toMatch(/classifier\.topics\[1\]\.id: Duplicate topic id "catering"/);
    // Checked as the classifier normalises them: "o'k*" is the prefix "ok*", too short to compile.
    const rules = problems({ classifier: { criticalRules: [{ id: 'r', label: 'R', patterns: ["o'k*", '* slow', 'took * forever'] }] } }).join('\n');
    expect(rules).toMatch(/classifier\.criticalRules\[0\]\.patterns\[0\]: .*3 letters/);
    expect(rules).toMatch(/classifier\.criticalRules\[0\]\.patterns\[1\]: Pattern "\* slow" cannot start with "\*"/);
    expect(rules).not.toMatch(/patterns\[2\]/);
  });
});

describe('the classifier section over an industry’s taxonomy', () => {
  const bank = { name: 'Nova Bank', contact: { email: 'help@nova.example' }, signature: 'Sam', industry: 'bank_fintech' as const };

  it('tags the industry’s topics, with configured topics added or replacing one of the same id', () => {
    const fees = { id: 'fees', label: 'Fees', keywords: ['monthly fee', 'kontoführungsgebühr*'] };
    const branches = { id: 'branches', label: 'Branch closures', keywords: ['closed the branch', 'branch closed', 'nearest branch'] };
    const options = classifierOptionsFrom(makeConfig({ business: bank, classifier: { topics: [fees, branches] } }));
    expect(options.taxonomy?.map((t) => t.id)).toEqual([...taxonomyFor('bank_fintech').map((t) => t.id), 'branches']);
    expect(options.taxonomy?.find((t) => t.id === 'fees')?.keywords).toEqual(fees.keywords);
    const analyze = createAnalyzer(makeConfig({ business: bank, classifier: { topics: [branches] } }));
    const v = analyze(makeReview('s', { rating: 1, text: 'They froze my account and closed the branch in my town.' }), { draft: false }).verdict;
    expect(v.topics).toEqual(['account_access', 'branches']);
    const only = createAnalyzer(makeConfig({ business: bank, classifier: { topics: [branches], replaceDefaultTopics: true } }));
    expect(only(makeReview('s', { rating: 1, text: 'They froze my account and closed the branch in my town.' }), { draft: false }).verdict.topics).toEqual(['branches']);
  });

  it("reads a one-word review that its own language shares with another as the business's, and answers in it", () => {
    // "Pessimo" is Italian and (without its accent) Portuguese; "Horrible" English, French and Spanish. A trattoria in
    // Milan answered "Pessimo" in Portuguese.
    const milan = { name: 'Trattoria Sole', contact: { email: 'ciao@sole.example' }, signature: 'Giulia', language: 'it', industry: 'restaurant' as const };
    const analyze = createAnalyzer(makeConfig({ business: milan }));
    const pessimo = analyze(makeReview('s', { rating: 1, text: 'Pessimo!' }), { draft: true });
    expect(pessimo.verdict.language).toBe('it');
    // Italian apologises with "ci dispiace"/"scusa", Portuguese with "lamentamos"/"desculp…".
    expect(pessimo.draft?.reply).toMatch(/dispiace|scus/i);
    expect(pessimo.draft?.reply).not.toMatch(/lamentamos|desculp/i);
    expect(createAnalyzer(makeConfig())(makeReview('s', { rating: 1, text: 'Pessimo!' }), { draft: false }).verdict.language).toBe('pt');
    expect(createAnalyzer(makeConfig({ business: { ...milan, language: 'fr' } }))(makeReview('s', { rating: 1, text: 'Horrible' }), { draft: false }).verdict.language).toBe('fr');
    // At an English business (the default) a German or French word of praise stays German or French: the English
    // model's learned weights ("gut", "nickel" from product reviews) are no lexicon (code review).
    for (const text of ['Gut!', 'Toll!', 'Nickel']) {
      const v = createAnalyzer(makeConfig())(makeReview('s', { text }), { draft: false }).verdict;
      expect([v.language, v.negative], text).toEqual([text === 'Nickel' ? 'fr' : 'de', false]);
    }
    // English words other lexicons know too stay English with no business to say otherwise (code review).
    for (const text of ['Mediocre', 'Superficial', 'Human error']) expect(classify({ text }).language, text).toBe('en');
    // A sentence is read for what it is, and the platform's language stands.
    expect(analyze(makeReview('s', { rating: 1, text: 'The food was terrible.' }), { draft: false }).verdict.language).toBe('en');
    expect(analyze(makeReview('s', { rating: 1, text: 'Pessimo!', language: 'pt' }), { draft: false }).verdict.language).toBe('pt');
  });

  it('checks alert routing topics against the industry’s taxonomy', () => {
    const problems = (over: Parameters<typeof makeConfig>[0]): string => {
      try {
        makeConfig(over);
      } catch (err) {
        if (err instanceof ConfigError) return err.problems.join('\n');
        throw err;
      }
      return '';
    };
    expect(problems({ business: bank, alerts: [{ type: 'log', topics: ['account_access', 'transfers'] }] })).toBe('');
    expect(problems({ business: bank, alerts: [{ type: 'log', topics: ['food_quality'] }] })).toMatch(/alerts\[0\]\.topics\[0\]: Unknown topic "food_quality" \(known: account_access, cards/);
    expect(problems({ business: { ...bank, industry: 'restaurant' }, alerts: [{ type: 'log', topics: ['food_quality'] }] })).toBe('');
    expect(problems({ business: { ...bank, industry: 'bakery' as 'restaurant' } })).toMatch(/business\.industry: .*"restaurant"/);
  });
});

describe('analysis threads', () => {
  const config = makeConfig({ classifier: { topics: [catering] }, workers: { analysisThreads: 1 } });
  let pool: AnalysisPool | undefined;
  afterAll(async () => pool?.close());

  it('give the same verdicts and drafts as analysing in the calling thread, in order', async () => {
    pool = createAnalysisPool(config);
    expect(pool.threads).toBe(1);
    const reviews = [
      makeReview('s', { rating: 1, text: 'The buffet was cold and nobody came to help.', author: 'Ana Silva' }),
      makeReview('s', { rating: 5, text: 'Lovely evening, great food.' }),
      makeReview('s', { text: 'Très décevant – le service était lent 😡' }),
      makeReview('s', { rating: 2, title: 'Crashes', text: 'The app crashes every time I open it. I want a refund.' }),
    ];
    const inline = createAnalyzer(config);
    const oneByOne = reviews.map((r) => inline(r, { draft: true }));
    // Reviews go to the thread as stored and come back as the JSON to store, with the fields alerts route by.
    const asStored = reviews.map((r) => ({ json: storedReviewJson(r), hash: r.contentHash, fetchedAt: r.fetchedAt }));
    const threaded = await pool.analyze(asStored, { draft: true });
    expect(threaded.map((a) => ({ verdict: JSON.parse(a.verdict) as unknown, draft: a.draft === undefined ? undefined : (JSON.parse(a.draft) as unknown) }))).toEqual(
      oneByOne.map(({ verdict, draft }) => ({ verdict, draft: draft && (JSON.parse(storedDraftJson(draft)) as unknown) })),
    );
    expect(threaded.map(({ id, sourceId, negative, severity, topics }) => ({ id, sourceId, negative, severity, topics }))).toEqual(
      oneByOne.map(({ verdict }, i) => ({ id: reviews[i]!.id, sourceId: 's', negative: verdict.negative, severity: verdict.severity, topics: verdict.topics })),
    );
    // The French complaint without a rating is judged by its text (flagged, so drafted), like the English ones.
    expect(threaded.map((a) => a.draft !== undefined)).toEqual([true, false, true, true]);
    // Without threads, the calling thread gives the same.
    const inlinePool = createAnalysisPool({ ...config, workers: { ...config.workers, analysisThreads: 0 } });
    expect(await inlinePool.analyze(asStored, { draft: true })).toEqual(threaded);
    // Classifying the batch first and drafting after gives what review by review gives.
    expect(inline.all(reviews, { draft: true })).toEqual(oneByOne);
    expect(inline.all(reviews, { draft: false })).toEqual(reviews.map((r) => inline(r, { draft: false })));
    expect(await pool.analyze([], { draft: true })).toEqual([]);
  });
});
