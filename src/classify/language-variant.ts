// Words either region uses alike are left out: "legal" is lawful in Portugal, "fato" a suit, "nota" and "loja" both.
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

const VARIANTS: Readonly<Record<string, readonly Variant[]>> = {
  pt: [
    {
      code: 'pt-PT',
      words: new Set(['telemóvel', 'telemovel', 'equipa', 'autocarro', 'comboio', 'ecrã', 'utilizador', 'utilizadores', 'registo',
        'frigorífico', 'fixe', 'bué', 'casa-de-banho', 'pequeno-almoço', 'rapariga', 'miúdos', 'contacto', 'contactar', 'contactei',
        'facto', 'estás', 'tens', 'podes', 'queres', 'sítio', 'montra', 'talho', 'portagem', 'esplanada']),
      // "estar a" + infinitive, the European continuous; and nouns of two words.
      patterns: [/\b(?:estou|estava|está|estás|estavam|estão|estamos|esteve|estive|continua|continuam|fiquei|ficámos) a [a-zà-ú]+(?:ar|er|ir)\b/iu,
        /\b(?:pequeno almoço|casa de banho|empregad[oa] de mesa|palavra-passe)\b/iu],
    },
    {
      code: 'pt-BR',
      words: new Set(['você', 'vocês', 'celular', 'equipe', 'ônibus', 'trem', 'tela', 'usuário', 'usuários', 'cadastro', 'geladeira',
        'garçom', 'garçonete', 'contato', 'contatei', 'moça', 'pra', 'né', 'tá', 'banheiro', 'galera']),
      // Gerund continuous ("estou esperando") and "café da manhã".
      patterns: [/\b(?:estou|estava|está|estavam|estão|estamos|esteve|estive|continua|continuam|fiquei|ficamos) [a-zà-ú]+ndo\b/iu,
        /\b(?:café da manhã)\b/iu],
    },
  ],
};

/** Languages whose regions the text can tell apart. */
export function hasRegionalVariants(language: string): boolean {
  return VARIANTS[language] !== undefined;
}

/** `pt-PT` or `pt-BR` for a Portuguese text that says which (more markers of one), else undefined. */
export function regionalVariant(language: string, text: string): string | undefined {
  const variants = VARIANTS[language];
  if (!variants) return undefined;
  const words = text.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  let best: string | undefined;
  let bestScore = 0;
  let tie = false;
  for (const v of variants) {
    let score = 0;
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
