import { phrases, type LanguageGuardrails } from './types.js';

// Portuguese (Portugal and Brazil): você, o senhor/a senhora and tu forms.
export const pt: LanguageGuardrails = {
  prohibitions: {
    'no-blame': phrases(
      [
        'não (?:foi|é) (?:culpa nossa|nossa culpa)', '(?:foi|é) (?:sua|tua) culpa', '(?:sua|tua) (?:própria )?culpa', 'por (?:sua|tua) culpa',
        'falta de (?:pessoal|funcionários)', '(?:muito|extremamente|excecionalmente|excepcionalmente) (?:movimentad\\p{L}|cheio|cheia|ocupad\\p{L}s)', 'hora de ponta', 'horário de pico', 'época alta', 'alta temporada',
        'alheio\\p{L}* à nossa vontade', 'fora do nosso (?:controlo|controle)', 'imprevist\\p{L}+', 'circunstâncias (?:excecionais|excepcionais|imprevistas|alheias)', 'força maior',
        '(?:novo|nova|inexperiente) (?:funcionári\\p{L}|colaborador\\p{L}*|empregad\\p{L}|garç\\p{L}+|estagiári\\p{L})',
        'devido (?:a|à|ao) (?:grande|forte|greve|mau tempo|fornecedor|transportadora|problema técnico)', 'por culpa (?:do|da|dos|das)',
        '(?:caso|incidente) isolado', '(?:isto|isso) (?:nunca|quase nunca|raramente) acontece', 'normalmente (?:somos|estamos)',
        'deveria ter (?:lido|verificado|ligado|reservado|avisado|contactado|contatado|perguntado)', 'se (?:você |o senhor |a senhora |tu )?tivesse (?:lido|verificado|ligado|reservado|avisado|contactado|contatado)',
        'não (?:leu|verificou|seguiu|contactou|contatou|indicou|reservou|avisou)',
      ].join('|'),
    ),
    'no-argument': phrases(
      [
        '(?:você|o senhor|a senhora|tu) (?:está|estás) enganad[oa]', '(?:você|o senhor|a senhora) (?:mente|não tem razão)', 'não tens razão', 'mentes',
        '(?:isso|isto) (?:não é verdade|é falso|é mentira)', 'não foi (?:isso|o) que aconteceu', '(?:isso|isto) nunca aconteceu',
        'não concordamos', 'discordamos', '(?:contestamos|negamos|rejeitamos)', 'ao contrário do que', 'na verdade', 'na realidade',
        '(?:a sua|sua|esta|a tua) (?:avaliação|opinião|versão|análise) (?:é|era) (?:falsa|incorreta|injusta|exagerada|enganosa|parcial)',
        'não (?:temos|há) (?:registo|registro)', 'com todo o respeito', 'francamente', 'avaliação falsa', '(?:você|o senhor|a senhora) (?:afirma|alega)', '(?:as suas|suas|as tuas) acusações', 'exager\\p{L}+', '(?:entendeu|interpretou|percebeu) mal',
      ].join('|'),
    ),
    'no-policy': phrases(
      [
        '(?:a nossa|nossa|as nossas|nossas) (?:política|políticas|regras|condições|normas)', 'termos e condições', 'condições gerais',
        '(?:segundo|conforme|de acordo com) (?:a nossa|as nossas|nossa|nossas|a|as) (?:política|políticas|regras|condições|normas|termos)',
        'como (?:claramente |bem )?(?:indicado|especificado|descrito|estipulado)', 'claramente (?:indicad\\p{L}|sinalizad\\p{L}|especificad\\p{L})', 'letras? pequenas?', 'letra miúda', 'não reembolsável', 'artigo \\d', 'cláusula',
        'não (?:é|está) permitido',
      ].join('|'),
    ),
    'no-review-change': phrases(
      [
        '(?:alterar|mudar|apagar|eliminar|remover|retirar|atualizar|rever|reconsiderar|melhorar|aumentar) (?:a sua|sua|esta|a|tua|a tua) (?:avaliação|opinião|classificação|nota|análise)',
        '(?:5|cinco|4|quatro|mais) estrelas',
      ].join('|'),
    ),
    'no-incentive': phrases('em troca (?:de|do|da)|se (?:você |o senhor |a senhora |tu )?(?:alterar|mudar|apagar|remover|retirar|atualizar) (?:a sua|sua|a tua|a) (?:avaliação|opinião|classificação)'),
    'no-public-refund': phrases(
      [
        'reembolso (?:total|integral|completo|parcial)', '(?:vamos|iremos|podemos|queremos) (?:reembolsá\\p{L}*|reembolsar|devolver o (?:seu |teu )?dinheiro|compensá\\p{L}*|compensar)',
        '(?:reembolsaremos|devolveremos)', 'dinheiro de volta', '\\d+(?:[.,]\\d+)? ?(?:euros?|reais)', 'r\\$ ?\\d', '\\d+ ?% de desconto',
      ].join('|'),
    ),
  },
  incentive: phrases('grátis|gratuit\\p{L}+|desconto\\p{L}*|vales?(?:-| )(?:desconto|presente|oferta|compras?)|cupão|cupom|brinde\\p{L}*|presente\\p{L}*|reembolso|compensação|pontos|bónus|bônus'),
  reviewWords: phrases('avaliação|avaliações|opinião|estrelas?|classificação|nota'),
  referenceWords: ['encomenda', 'pedido', 'reserva', 'fatura', 'factura', 'conta', 'bilhete', 'processo', 'ticket'],
};
