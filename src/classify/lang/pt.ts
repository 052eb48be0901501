import { romanceInflections, type LanguageRules } from './types.js';

// A reason opens a clause of its own: a negation before it is of the verb, not of the reason ("No me atendieron por
// ser extranjero" is a refusal for a reason, and the reason is the discrimination).
const CAUSAL = ['porque', 'pois'];

/** Portuguese (Brazil and Portugal). */
export const pt: LanguageRules = {
  code: 'pt',
  stopWords: ['estrelas', 'nao', 'garçom', 'pedido', 'quarto', 'mesa', 'prato', 'pratos', 'cartão', 'compra', 'o', 'os', 'que', 'não', 'muito', 'mas', 'uma', 'um', 'com', 'para', 'do', 'da', 'dos', 'das', 'foi', 'é', 'está',
    'eu', 'bom', 'boa', 'ruim', 'nunca', 'também', 'você', 'isso', 'isto', 'esse', 'essa', 'este', 'esta', 'no', 'na', 'nos', 'nas',
    'ao', 'pelo', 'pela', 'são', 'estão', 'tem', 'têm', 'tenho', 'meu', 'minha', 'seu', 'sua', 'mais', 'mesmo', 'já', 'ainda', 'quando',
    'porque', 'pois', 'então', 'tão', 'nada', 'tudo', 'aqui', 'atendimento', 'produto', 'entrega', 'recomendo', 'obrigado', 'obrigada', 'ótimo',
    'ótima', 'péssimo', 'péssima', 'aplicativo', 'conta', 'dinheiro', 'comprei', 'chegou', 'veio', 'fiquei', 'estou', 'vez', 'livro', 'livros'],
  // "nao": short words keep their accents, and reviewers often type it without.
  negators: ['não', 'nao', 'nunca', 'jamais', 'nada', 'ninguém', 'nenhum', 'nenhuma', 'sem', 'nem', 'tampouco', 'pouco', 'pouca'],
  // No coordinator: "e" (and), typed without its accent, is "é" (is), and "não e bom" would
  // lose its negation.
  negationBreakers: ['só', 'somente', 'apenas', 'dúvida', ...CAUSAL],
  coordinators: [],
  softeners: ['um', 'uma'],
  negationLooksBack: false,
  neverSo: { never: ['nunca', 'jamais'], so: ['tão', 'tanto', 'tanta', 'tamanho', 'tamanha'] },
  reasonOpeners: [...CAUSAL, 'por', 'pela', 'pelo'],
  remedies: ['consertou', 'consertaram', 'consertado', 'consertada', 'reparou', 'repararam', 'reparado', 'resolveu', 'resolveram', 'resolvido', 'arrumou', 'arrumaram'],
  disbelief: { verbs: ['acreditar', 'acredito', 'acreditei', 'imaginar', 'descrever', 'dizer', 'expressar', 'explicar'], openers: ['como', 'quanto', 'quão'] },
  contrastAfter: ['mas', 'porém', 'contudo', 'entretanto', 'todavia', 'infelizmente', 'exceto', 'senão'],
  concessiveOpeners: ['embora', 'apesar', 'mesmo'],
  boosters: [
    ...['muito', 'super', 'muitíssimo', 'realmente', 'totalmente', 'completamente', 'absolutamente', 'extremamente', 'demais', 'bem', 'tão',
      'bastante', 'incrivelmente', 'mega', 'sumamente'].map((w) => [w, 1.3] as const),
    ...['pouco', 'meio', 'levemente', 'quase', 'relativamente', 'razoavelmente'].map((w) => [w, 0.75] as const),
  ],
  lexicon: [
    ['bom', 2], ['boa', 2], ['bem', 1.2], ['ótimo', 3], ['excelente', 3.2], ['perfeito', 3.2], ['delicioso', 3], ['gostoso', 2.5],
    ['maravilhoso', 3.2], ['fantástico', 3.2], ['incrível', 3], ['sensacional', 3.2], ['show', 2.5], ['top', 2.5], ['legal', 2],
    ['lindo', 2.5], ['bonito', 2.2], ['agradável', 2.2], ['simpático', 2.2], ['atencioso', 2.5], ['educado', 2.2], ['prestativo', 2.5],
    ['gentil', 2.2], ['limpo', 1.8], ['rápido', 1.5], ['rápida', 1.5], ['recomendo', 2.8], ['satisfeito', 2.2], ['contente', 2.2],
    ['adorei', 3], ['amei', 3.2], ['gostei', 2.2], ['obrigado', 1.5], ['obrigada', 1.5], ['prático', 1.8], ['fácil', 1.5], ['útil', 1.8],
    ['confiável', 2.2], ['seguro', 1.5], ['barato', 1], ['eficiente', 2], ['funciona', 1], ['melhor', 2], ['nota 10', 3], ['parabéns', 2.8],
    ['ruim', -2.5], ['péssimo', -3.4], ['horrível', -3.2], ['terrível', -3.2], ['pior', -3], ['lixo', -3.4], ['nojento', -3.2], ['nojo', -3],
    ['decepcionante', -2.8], ['decepção', -2.8], ['decepcionado', -2.8], ['frio', -1.2], ['sem gosto', -2.2], ['cru', -1.5],
    ['queimado', -2], ['salgado', -0.8], ['caro', -1.5], ['lento', -1.8], ['lenta', -1.8], ['demora', -1.8], ['demorou', -2],
    ['demorado', -1.8], ['atrasado', -2], ['atraso', -2], ['mal educado', -3], ['grosso', -2.8], ['grosseiro', -2.8], ['sujo', -2.8],
    ['sujeira', -2.8], ['barulhento', -1.5], ['mediocre', -2.5], ['vergonha', -3], ['vergonhoso', -3.2], ['absurdo', -3], ['descaso', -3],
    ['desrespeito', -3], ['golpe', -3.2], ['problema', -1.5], ['problemas', -1.8], ['erro', -1.8], ['erros', -2], ['falha', -2], ['bug', -2],
    ['travando', -2.5], ['trava', -2.2], ['inútil', -3], ['quebrado', -2.5], ['defeito', -2.8], ['defeituoso', -2.8], ['pena', -1.5],
    ['reclamação', -2], ['reembolso', -1.5], ['estorno', -1.5], ['incompetente', -3], ['incompetência', -3], ['lamentável', -3],
    ['fraco', -2], ['regular', -1], ['insatisfeito', -2.8], ['bloqueado', -2.2], ['bloquearam', -2.8], ['cancelado', -1.5], ['mal', -2],
    // The translated lexicon's words that mean something else in a review (0 takes them out), and more review words.
    ['premio', 0], ['qualidade', 0], ['gosto', 0.8], ['favor', 0], ['grande', 0.8], ['justo', 0.5], ['certo', 0], ['verdade', 0],
    ['tranquilo', 1.2], ['requentado', -2], ['congelado', -1.2], ['esqueceram', -1.5],
    ['ideal', 2.5], ['aconchegante', 2.5], ['saboroso', 2.8], ['fresco', 1.2], ['exagerado', -1.5], ['desconfortável', -2], ['insuficiente', -2.2],
    ['barulho', -1], ['demorada', -1.8],
    ['danificado', -2.5], ['rasgado', -2], ['amassado', -2], ['descolando', -1.5], ['chateado', -2.5], ['cansativo', -2.2], ['monótono', -2.2],
    ['repetitivo', -2], ['arrastado', -1.8], ['frustração', -2.8], ['frustrante', -2.8], ['odiei', -3.2], ['preconceituoso', -2.5],
    ['decepcionei', -2.8], ['bobo', -1.5], ['óbvio', -1], ['contraditório', -1.8], ['desnecessário', -1.5], ['idiota', -3], ['chato', -2.2],
    ['chatice', -2.2], ['não vale o preço', -2.8], ['fiquei decepcionado', -3], ['fiquei decepcionada', -3], ['emocionante', 2.5], ['envolvente', 2.5],
    // Checked against the tuning set (never dev): translated-AFINN words that are topics, not praise, in a complaint
    // ("espero uma solução", "Pelo amor de Deus"), and more words of damaged or disappointing purchases.
    ['deus', 0], ['imune', 0], ['solução', 0], ['resolução', 0], ['doação', 0], ['humana', 0], ['maior', 0], ['presente', 0],
    ['desrespeito', -2.5], ['cansei', -2], ['desisti', -2], ['surrada', -1.5], ['bolhas', -1], ['rasgada', -2], ['amassada', -2],
    // Second pass on the tuning set: the translated lexicon's "autor" (author) and "premiada" (prized, said with
    // irony of a damaged parcel) are no verdicts; words of regret, shallow or padded writing, and being cheated.
    ['autor', 0], ['autora', 0], ['premiada', 0], ['premiado', 0], ['popularidade', 0], ['arrependido', -2.8], ['arrependida', -2.8],
    ['raso', -2], ['rasa', -2], ['bobagem', -2.5], ['enrolado', -1.8], ['enrolada', -1.8], ['enrolação', -2.2], ['capenga', -2.2],
    ['enganado', -2.8], ['enganada', -2.8], ['enganosa', -2.8], ['enganoso', -2.8], ['deteriorar', -2], ['descolamento', -1.5],
    ['sensacionalista', -2], ['pueril', -2], ['superficial', -2], ['entediante', -2.5], ['enfadonho', -2.5], ['enfadonha', -2.5],
    ['ilegível', -2.5], ['ilegíveis', -2.5], ['amassos', -1.5], ['abusivo', -2.5],
    // The translated lexicon's "simples" (simple: praise of a read or an app as often as not), "atenção" (what a
    // good book holds) and "obrigatória" (as in a must-read) carry no verdict by themselves.
    ['simples', 0], ['atenção', 0], ['obrigatória', 0], ['obrigatório', 0],
    // Third pass on the tuning set: the other persons and tenses of loving and liking ("ela adorou", "amo a
    // trilogia", "gostaram"), and "bons", which the inflection rules do not make from "bom".
    ['bons', 2], ['adoro', 2.8], ['adorou', 2.8], ['adoramos', 2.8], ['adoraram', 2.8], ['amo', 2.8], ['amou', 3], ['amamos', 3],
    ['amaram', 3], ['gostou', 2.2], ['gostamos', 2.2], ['gostaram', 2.2], ['curti', 2], ['curtiu', 2], ['curtimos', 2],
    // Online-shop reviews (checked against the Olist tuning set, never dev): words a complaint about an order is
    // written with but that the translated lexicon reads as praise ("espero que seja resolvido", "aguardo
    // posicionamento a respeito", "o responsável", "a garantia", "os produtos desejados", a pink "rosa"), and the
    // words of a wrong, damaged or deceptive delivery.
    ['resolver', 0], ['resolvido', 0], ['resolvida', 0], ['resolva', 0], ['respeito', 0], ['responsável', 0], ['garantia', 0],
    ['desejado', 0], ['desejados', 0], ['desejada', 0], ['desejadas', 0], ['rosa', 0],
    ['apoio', 0], ['avariado', -2.5], ['avariada', -2.5], ['errado', -2], ['errada', -2], ['divergente', -2], ['enganar', -2.5],
    ['correto', 1.5], ['certinho', 1.5],
    // Fourth pass on the book tuning set: the diminutives a disappointed reader softens a verdict with ("história
    // meio fraquinha", "um livro chatinho"), which the inflection rules do not make, and a predictable plot
    // ("previsível": 10 negative reviews, no positive one).
    ['previsível', -1.5], ['previsíveis', -1.5], ['fraquinho', -1.8], ['fraquinha', -1.8], ['chatinho', -1.8], ['chatinha', -1.8], ['bobinho', -1.2], ['bobinha', -1.2],
    // Praise the translated lexicon lacks ("Livro espetacular.", "Imperdível" were flagged on the prior alone), checked
    // against the book tuning set's false alarms.
    ['espetacular', 3], ['imperdível', 3], ['recomendadíssimo', 3.2], ['fascinante', 2.8], ['indico', 2.5], ['magnífico', 3.2],
    ['admirável', 2.5], ['impactante', 2], ['viciante', 2.5],
    ['fujam', -3], ['fuja', -3],
    // Fifth pass on the book tuning set (counts there, negative/positive reviews): a purchase that was dull,
    // pointless, forced or overrated ("dispensável" 4/1, "maçante" 3/0, "forçado" 7/0, "confuso" 9/2), and
    // "esperava" (I expected…) that opens a disappointment 41 times to 4.
    ['dispensável', -2.2], ['maçante', -2.2], ['desinteressante', -2.2], ['superestimado', -2.2], ['decepcionou', -2.8], ['sofrível', -2.2],
    ['forçado', -1.8], ['confuso', -1.5], ['carece', -1.5], ['clichê', -1], ['esperava', -1.2],
  ],
  complaintPhrases: [
    // Too loud: 'a música estava alta demais' took no complaint word.
    ['alta demais', -1], ['alto demais', -1],
    // A bill above the quote or the agreed price (a new user's trial: a tradesman's 3-star review read as praise).
    ['mais do que o combinado', -2.2], ['mais caro que o orçamento', -2.5], ['o dobro do orçamento', -2.5], ['acima do orçamento', -2.5],
    ['mais do que o orçamento', -2.5],
    ['não recomendo', -3], ['nao recomendo', -3], ['não vale a pena', -2.8], ['nunca mais', -3], ['não volto', -3], ['não compro mais', -3], ['perda de tempo', -3],
    ['dinheiro jogado fora', -3.2], ['não funciona', -2.8], ['não abre', -2.5], ['não carrega', -2.5], ['fica travando', -3], ['travou', -2.5],
    ['depois da atualização', -1.8], ['após a atualização', -1.8], ['desde a atualização', -1.8], ['não consigo', -2.2], ['não chegou', -2.8],
    ['nunca chegou', -3], ['até agora não', -2.2], ['até hoje não', -2.5], ['conta bloqueada', -3], ['sem resposta', -2.5], ['não respondem', -2.5],
    ['ninguém resolve', -3], ['não resolvem', -2.8], ['atendimento péssimo', -3.4], ['muito caro', -2.2], ['deixa a desejar', -2.5],
    ['deixou a desejar', -2.5], ['zero estrelas', -3.2], ['uma estrela', -2.5], ['1 estrela', -2.5], ['duas estrelas', -2], ['2 estrelas', -2], ['cobrança indevida', -3], ['me cobraram', -2],
    ['esperava mais', -2.2], ['esperava muito mais', -2.5], ['não teria comprado', -2.5], ['nota 0', -2.5], ['nota zero', -2.5],
    ['páginas repetidas', -2], ['veio rasgado', -2.5], ['veio rasgada', -2.5], ['veio amassado', -2.5], ['veio amassada', -2.5],
    ['produto errado', -2.5], ['veio errado', -2.5], ['veio quebrado', -3], ['esperamos # minutos', -2.2], ['não gostei', -2.5], ['nao gostei', -2.5],
    ['falta de respeito', -3], ['não recebi', -2.8], ['nao recebi', -2.8], ['dinheiro de volta', -2.5], ['gato por lebre', -2.8],
    ['encheção de linguiça', -2.8], ['me senti enganado', -3], ['me senti enganada', -3], ['se soltaram', -2.2], ['não são legíveis', -2.5],
    ['muito chato', -3], ['não despertou', -2], ['não recomendo a ninguém', -3.2], ['perdi meu tempo', -3], ['não vale', -2.2],
    // A better thing wished for is a complaint ("esperava uma qualidade melhor", "seriam 5 estrelas" if not for…).
    ['qualidade melhor', -2.2], ['esperava algo melhor', -2.5], ['seriam 5 estrelas', -2], ['seriam cinco estrelas', -2], ['seria 5 estrelas', -2],
    // An order that came short, wrong or broken, or still has not come.
    ['só chegou', -2.5], ['chegou apenas', -2.5], ['chegou somente', -2.5], ['recebi apenas', -2.5], ['recebi somente', -2.5], ['recebi metade', -2.5],
    ['veio apenas', -2.2], ['veio somente', -2.2], ['veio faltando', -2.8], ['faltando um', -2.2], ['faltando uma', -2.2], ['faltou', -2],
    ['faltaram', -2], ['veio sem', -2], ['veio avariado', -3], ['veio avariada', -3], ['veio com defeito', -3], ['veio danificado', -3],
    ['veio danificada', -3], ['produto diferente', -2.2], ['tamanho errado', -2.5], ['n recebi', -2.8], ['pedido de cancelamento', -2],
    ['sem graça', -2.2], ['parei de ler', -2.5],
    // Fifth pass (book tuning set): a read that does not hold you or adds nothing ("nada de novo" 9/0, "sem
    // sentido" 9/0, "não acrescenta" 6/0), badly written or made.
    ['não prende', -2.2], ['não te prende', -2.2], ['não me prendeu', -2.2], ['não prendeu', -2.2], ['nada de novo', -2.2],
    ['não acrescenta', -2.2], ['não acrescentou', -2.2], ['sem sentido', -2], ['mal escrito', -2.5], ['mal escrita', -2.5],
    ['mal feito', -2.5], ['mal feita', -2.5], ['poderia ter sido melhor', -2.5], ['poderia ser melhor', -2], ['aguardo resposta', -2], ['aguardo retorno', -2], ['aguardando resposta', -2], ['sem retorno', -2.2], ['propaganda enganosa', -3],
    // Comparisons that only complain: "Já comi melhor", "já vi melhores".
    ['já comi melhor', -2], ['já vi melhor', -2], ['já vi melhores', -2], ['já tive melhores', -2], ['já comi melhores', -2],
  ],
  praisePhrases: [
    ['nada de ruim', 2.5], ['nada de negativo', 2.5], ['nada de mal', 2],
    // "Sem arrependimentos", "nada a reclamar": a fault denied is praise.
    ['sem arrependimento*', 2.5], ['nenhum arrependimento', 2.5], ['não me arrependo', 2.5], ['nada a reclamar', 2.5],
    // "Não poderia estar mais satisfeito", "não tem como ser melhor": a negated comparative is praise.
    ['não * estar mais satisfeit*', 3], ['não * estar mais feliz*', 3], ['não * estar mais content*', 3], ['não * ser melhor', 3],
    ['não tem como ser melhor', 3], ['não dá para pedir mais', 3], ['não * pedir mais', 2.5],
    ['recomendo muito', 3.2], ['super recomendo', 3.2], ['vale a pena', 2.5], ['voltarei', 2.5], ['voltaremos', 2.5], ['chegou rápido', 2.5],
    ['chegou antes do prazo', 3], ['antes do prazo', 2.5], ['no prazo', 1.5], ['sem problemas', 2], ['nenhum problema', 2], ['5 estrelas', 3],
    ['cinco estrelas', 3], ['custo benefício', 1.2], ['ótimo custo benefício', 3], ['funciona bem', 2.5], ['muito bom', 3], ['nada a reclamar', 2.8],
    ['conforme anunciado', 2], ['bem embalado', 2], ['não é ruim', 1.2],
    ['leitura obrigatória', 3], ['impossível não', 2.5], ['como não amar', 3], ['não tem como não', 2.5], ['prende a atenção', 2.8],
    ['prende a sua atenção', 2.8], ['prende a nossa atenção', 2.8], ['valer a pena', 2.5], ['valeu a pena', 2.5], ['vale muito a pena', 3],
    // An order as promised is an online shop's praise ("tudo certo", "conforme o anúncio", "dentro do prazo").
    ['tudo ok', 2], ['tudo certo', 2], ['tudo certinho', 2], ['conforme anúncio', 2], ['conforme o anúncio', 2], ['conforme descrito', 2],
    ['conforme o esperado', 2], ['dentro do prazo', 2], ['dentro do esperado', 2], ['atendeu minha expectativa', 2.5],
    ['atendeu minhas expectativas', 2.5], ['atendeu as expectativas', 2.5], ['exatamente o que', 2], ['produto de qualidade', 2.5],
    ['nota dez', 3], ['vale muito', 2.5], ['super indico', 3.2], ['deveria ler', 2.2], ['precisa ser lido', 2.5], ['cumpre o que promete', 2.2], ['em tempo recorde', 2.5], ['entrega rápida', 2.5], ['comprar sem medo', 2.5], ['compre sem medo', 2.5],
    // Greetings and "please" are no praise ("Boa tarde, veio o produto errado"; "por favor, reenviar"): matched as
    // phrases of no weight, so their "boa" and "favor" are not read as words.
    ['bom dia', 0], ['boa tarde', 0], ['boa noite', 0], ['por favor', 0], ['a respeito', 0], ['de acordo com', 0],
  ],
  // A star taken off is a reviewer giving the rest: no one-star verdict, and what it was taken off for is a concern.
  deductions: ['uma estrela a menos', 'menos uma estrela', 'tirei uma estrela', 'tiro uma estrela'],
  sarcasmOpeners: ['ótimo', 'perfeito', 'maravilha', 'maravilhoso', 'parabéns', 'excelente', 'show', 'beleza'],
  sarcasmPhrases: ['obrigado por nada', 'parabéns pelo descaso', 'que surpresa'],
  // "Nada de especial", "Mais ou menos", "Dentro do esperado".
  lukewarm: ['ok', 'okay', 'normal', 'nada', 'de', 'especial', 'mais', 'ou', 'menos', 'mediano', 'razoável', 'razoavel', 'regular', 'dentro', 'do', 'esperado'],
  critical: {
    // Not 'processo' alone: "o processo de troca" is the exchange procedure.
    legal_threat: ['advogado', 'meu advogado', 'processo judicial', 'processo contra', 'entrar com um processo', 'abrir um processo', 'processar', 'vou processar', 'justiça', 'tribunal', 'ação judicial',
      'procon', 'reclame aqui', 'banco central', 'polícia', 'boletim de ocorrência', 'defesa do consumidor'],
    health_safety: ['me queimei', 'queimei a mão', 'queimou a mão', 'intoxicação', 'intoxicação alimentar', 'passei mal', 'passamos mal', 'vômito', 'vomitei', 'diarreia', 'hospital',
      'pronto socorro', 'reação alérgica', 'machucado', 'ferido', 'perigoso', 'perigosa', 'mofo', 'mofado', 'vidro no', 'barata*', 'rato',
      'ratos', 'salmonela'],
    fraud_scam: ['golpe', 'golpistas', 'golpista', 'fraude', 'fraudulento', 'roubo', 'roubaram', 'ladrões', 'ladrão', 'estelionato',
      'avaliações falsas', 'falsificado', 'cobrança não autorizada', 'compra não reconhecida', 'criminosos', 'scam'],
    discrimination: ['racista*', 'racismo', 'discrimin*', 'machista', 'homofóbico', 'homofobia', 'pela minha cor', 'por ser estrangeiro', 'por ser estrangeira', 'por sermos estrangeiros', 'por ser negro', 'por ser negra', 'assédio', 'assediado'],
    privacy: ['dados pessoais', 'meus dados', 'privacidade', 'lgpd', 'vazamento de dados', 'vazaram', 'hackeado', 'sem meu consentimento',
      'sem autorização', 'spam'],
  },
  inflections: romanceInflections,
};
