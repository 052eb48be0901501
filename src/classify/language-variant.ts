/**
 * The region of a language, read from the words a text uses: Portuguese from Portugal and from Brazil differ in
 * everyday words ("telemóvel"/"celular", "equipa"/"equipe", "pequeno-almoço"/"café da manhã") and in grammar ("estou a
 * esperar"/"estou esperando", "tu"/"você"). A reply in the wrong one reads foreign. Only languages with regional reply
 * sets are listed; a text with no marker, or as many of each, has no region (the platform's tag or the business's
 * own language decides then).
 */

interface Variant {
  code: string;
  words: ReadonlySet<string>;
  patterns: readonly RegExp[];
}

// Letters on both sides, which `\b` cannot see past ("manhã", "à").
const L = '(?<![\\p{L}])';
const R = '(?![\\p{L}])';
// Words in -ndo that are no gerund: "estava imundo" is Portugal's too.
const NOT_GERUNDS = 'imundo|lindo|linda|horrendo|estupendo|tremendo|mundo|fundo|segundo|redondo|hediondo|nauseabundo|profundo|rotundo|oriundo|vagabundo|moribundo';

const VARIANTS: Readonly<Record<string, readonly Variant[]>> = {
  pt: [
    {
      code: 'pt-PT',
      words: new Set(['telemóvel', 'telemovel', 'telemóveis', 'equipa', 'equipas', 'autocarro', 'comboio', 'ecrã', 'utilizador', 'utilizadores',
        'registo', 'frigorífico', 'fixe', 'bué', 'casa-de-banho', 'pequeno-almoço', 'rapariga', 'miúdos', 'contacto', 'contactar',
        'contactei', 'facto', 'estás', 'tens', 'podes', 'queres', 'sítio', 'montra', 'talho', 'portagem', 'esplanada', 'ementa', 'sumo',
        'receção', 'imenso', 'aceder', 'acedi', 'acedo']),
      patterns: [
        // "estar a" + infinitive, the European continuous; "à espera", "tenho de".
        new RegExp(`${L}(?:estou|estava|está|estás|estavam|estão|estamos|esteve|estive|continua|continuam|fiquei|ficámos) a \\p{L}+(?:ar|er|ir)${R}`, 'iu'),
        new RegExp(`${L}(?:à espera|tenho de|temos de|tive de|tivemos de|pequeno almoço|casa de banho|empregad[oa] de mesa|palavra-passe)${R}`, 'iu'),
        // The first person plural past written with an accent ("esperámos", "ficámos"), and a pronoun after the verb
        // ("cobraram-me", "deram-nos").
        new RegExp(`${L}\\p{L}+ámos${R}`, 'iu'),
        new RegExp(`${L}\\p{L}+(?:ou|aram|eram|iram|ei)-(?:me|nos|lhe)${R}`, 'iu'),
      ],
    },
    {
      code: 'pt-BR',
      // Not "vocês", "tá", "pra": everyday Portuguese in Portugal too; nor "legal" (lawful there), "fato" (a suit).
      words: new Set(['você', 'celular', 'equipe', 'ônibus', 'trem', 'tela', 'usuário', 'usuários', 'cadastro', 'geladeira',
        'garçom', 'garçonete', 'contato', 'contatei', 'moça', 'né', 'banheiro', 'galera']),
      patterns: [
        // Gerund continuous ("estou esperando"), and "café da manhã".
        new RegExp(`${L}(?:estou|estava|está|estavam|estão|estamos|esteve|estive|continua|continuam|fiquei|ficamos) (?!(?:${NOT_GERUNDS})${R})\\p{L}+ndo${R}`, 'iu'),
        new RegExp(`${L}café da manhã${R}`, 'iu'),
      ],
    },
  ],
};

/** Languages whose regions the text can tell apart. */
export function hasRegionalVariants(language: string): boolean {
  return VARIANTS[language] !== undefined;
}

/**
 * `pt-PT` or `pt-BR` for a Portuguese text that says which (more markers of one), else undefined. `prior`, the
 * business's own region, counts as one marker: a single weak word of the other region does not outvote it.
 */
export function regionalVariant(language: string, text: string, prior?: string): string | undefined {
  const variants = VARIANTS[language];
  if (!variants) return undefined;
  const words = text.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  let best: string | undefined;
  let bestScore = 0;
  let tie = false;
  for (const v of variants) {
    let score = prior && prior.toLowerCase() === v.code.toLowerCase() ? 1 : 0;
    for (const w of words) if (v.words.has(w)) score++;
    for (const p of v.patterns) if (p.test(text)) score += 2;
    if (score > bestScore) {
      best = v.code;
      bestScore = score;
      tie = false;
    } else if (score > 0 && score === bestScore) tie = true;
  }
  return tie ? undefined : best;
}
