import { phrases, type LanguageGuardrails } from './types.js';

// Italian: Lei and tu forms; apostrophes are matched as ASCII (texts are normalised first).
export const it: LanguageGuardrails = {
  prohibitions: {
    'no-blame': phrases(
      [
        'non (?:è|e\') (?:stata )?(?:colpa nostra|nostra colpa)', '(?:è|e\') (?:stata )?(?:colpa sua|colpa tua|sua la colpa|tua la colpa)', '(?:sua|tua) (?:colpa|responsabilità)', 'per colpa (?:sua|tua|del|della|dei|delle)',
        'personale ridotto', 'carenza di personale', 'a corto di personale', '(?:molto|estremamente|particolarmente|insolitamente) (?:affollat\\p{L}|pien\\p{L}|impegnat\\p{L})', 'ora di punta', 'alta stagione',
        'indipendent\\p{L}+ dalla nostra volontà', '(?:al di fuori del|fuori dal) nostro controllo', 'imprevist\\p{L}+', 'circostanze (?:eccezionali|impreviste|particolari)', 'forza maggiore',
        '(?:nuov[oa]|inespert[oa]) (?:dipendente|camerier\\p{L}|collega|collaborat\\p{L}+|stagista|arrivat\\p{L})',
        '(?:a causa|per via) (?:del|della|di un|di una|dei|delle) (?:forte|grande|maltempo|sciopero|fornitore|corriere|problema tecnico|affluenza)',
        '(?:caso|episodio|incidente) isolato', 'non (?:succede|capita) mai', 'di solito (?:siamo|noi)', 'normalmente (?:siamo|noi)',
        '(?:avrebbe|avresti) dovuto (?:leggere|controllare|chiamar\\p{L}*|prenotare|avvisar\\p{L}*|contattar\\p{L}*|chiedere|segnalar\\p{L}*)',
        'se (?:lei |tu )?(?:avesse|avessi) (?:letto|controllato|chiamato|prenotato|avvisato|contattato|chiesto|segnalato)', 'non ha (?:letto|controllato|seguito|contattato|indicato|prenotato|avvisato)',
      ].join('|'),
    ),
    'no-argument': phrases(
      [
        '(?:lei )?si sbaglia', 'ti sbagli', '(?:lei )?ha torto', 'hai torto', 'sta mentendo', 'stai mentendo',
        'non è vero', '(?:questo|ciò) è falso', 'non corrisponde al vero', 'non è andata così', 'non è mai successo',
        '(?:contestiamo|neghiamo|respingiamo)', "non siamo d'accordo", 'contrariamente a (?:quanto|ciò)', 'in realtà',
        '(?:la sua|la tua|questa) (?:recensione|versione|valutazione) (?:è|era) (?:falsa|inesatta|ingiusta|esagerata|fuorviante|parziale)',
        'nessuna traccia', 'con tutto il rispetto', 'francamente', 'recensione falsa', '(?:lei )?sostiene che', 'sostieni che', '(?:le sue|le tue) accuse', 'esager\\p{L}+', 'frainte\\p{L}+',
      ].join('|'),
    ),
    'no-policy': phrases(
      [
        '(?:la nostra|le nostre|la) (?:politica|policy|regole|condizioni)', 'termini e condizioni', 'condizioni generali', 'regolamento',
        'secondo (?:la nostra|le nostre|il nostro) (?:politica|regole|condizioni|regolamento|policy)', 'come (?:chiaramente |ben )?(?:indicato|specificato|riportato|scritto)',
        'chiaramente (?:indicat\\p{L}|espost\\p{L}|scritt\\p{L})', 'clausola', 'articolo \\d', 'non rimborsabile', 'non (?:è|e\') consentito',
      ].join('|'),
    ),
    'no-review-change': phrases(
      [
        '(?:modificare|cambiare|eliminare|cancellare|rimuovere|togliere|aggiornare|rivedere|riconsiderare|alzare|migliorare)(?:la)? (?:la sua|la tua|questa|la) (?:recensione|valutazione|opinione|votazione|voto)',
        '(?:5|cinque|4|quattro|più) stelle',
      ].join('|'),
    ),
    'no-incentive': phrases('in cambio (?:di|del|della)|se (?:lei |tu )?(?:modifica|cambia|elimina|cancella|rimuove|aggiorna|modifichi|cambi|elimini|cancelli) (?:la sua|la tua|la) (?:recensione|valutazione)'),
    'no-public-refund': phrases(
      [
        'rimborso (?:totale|completo|integrale|parziale)', '(?:la |ti |le )?rimborseremo', '(?:possiamo|vogliamo|vorremmo|intendiamo) (?:rimborsar\\p{L}*|risarcir\\p{L}*)', 'risarci\\p{L}+',
        '(?:i suoi|i tuoi) soldi', "restituir\\p{L}* (?:il denaro|i soldi|l'importo)", '\\d+(?:[.,]\\d+)? ?euro', '\\d+ ?% di sconto',
      ].join('|'),
    ),
  },
  incentive: phrases('gratis|gratuit\\p{L}+|sconto|sconti|buono|buoni|coupon|omaggio|regalo|rimborso|risarcimento|punti|bonus'),
  reviewWords: phrases('recensione|recensioni|valutazione|stelle|voto|opinione'),
  referenceWords: ['ordine', 'numero d\'ordine', 'prenotazione', 'fattura', 'pratica', 'biglietto', 'conto', 'ticket'],
};
