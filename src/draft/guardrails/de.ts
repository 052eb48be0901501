import { phrases, type LanguageGuardrails } from './types.js';

// German: Sie and du forms both; verbs at the end of a clause, so several patterns allow a few words between.
export const de: LanguageGuardrails = {
  prohibitions: {
    'no-blame': phrases(
      [
        'nicht (?:unsere|meine) schuld', '(?:ihre|deine|seine|eure) (?:eigene )?schuld', 'selbst schuld', 'schuld (?:daran )?(?:sind|ist|war|waren) (?:sie|du|der|die|das)',
        'unterbesetzt', 'personalmangel', 'personalengpass\\w*', 'krankheitsbedingt\\w*', '(?:sehr|extrem|ungewöhnlich|außergewöhnlich|besonders) viel los', 'hochbetrieb', 'stoßzeit\\w*', 'hauptsaison',
        'außerhalb unserer kontrolle', 'nicht in unserer hand', 'unvorhergesehen\\w*', 'höhere gewalt',
        '(?:neue[nrm]?|unerfahrene[nrm]?) (?:mitarbeiter\\w*|kolleg\\w*|aushilfe\\w*|kellner\\w*|servicekr\\w+|azubi\\w*|auszubildende\\w*)',
        'aufgrund (?:von |der |des |eines |einer )?(?:hohen|starken|technischen|unerwarteten|personal\\w*|wetter\\w*|liefer\\w*|streik\\w*)',
        'wegen (?:des|der|unseres|unserer) (?:lieferanten|kuriers|paketdienst\\w*|wetters|systems|personal\\w*|andrangs)',
        'einzelfall', '(?:kommt|passiert) (?:bei uns )?(?:sonst |so gut wie |fast )?nie(?: vor)?', 'normalerweise (?:sind|ist|klappt|läuft)',
        '(?:sie|du) hätte(?:n|st) (?:uns |doch |einfach |vorher |rechtzeitig |bitte )*(?:anrufen|reservieren|lesen|nachfragen|bescheid geben|sich melden|dich melden|melden|uns informieren|informieren) (?:sollen|müssen|können)',
        'hätte(?:n|st) (?:sie|du) (?:uns |doch |einfach |vorher |rechtzeitig )*(?:angerufen|reserviert|gelesen|nachgefragt|bescheid gegeben|informiert|gemeldet)',
        'wenn (?:sie|du) (?:die|unsere|das) \\p{L}+ gelesen hätte(?:n|st)',
        '(?:haben sie|hast du) (?:leider )?(?:nicht|vergessen)', '(?:ihr|dein)(?:em|en)? (?:eigene[rnm]? )?fehler', 'bedienungsfehler', 'anwenderfehler',
      ].join('|'),
    ),
    'no-argument': phrases(
      [
        'sie irren sich', 'du irrst dich', '(?:sie liegen|du liegst) falsch', 'sie lügen', 'du lügst',
        '(?:das|dies|es) (?:stimmt|ist) (?:so |einfach |schlicht )?(?:nicht (?:wahr|richtig|korrekt)|unwahr|falsch|gelogen|frei erfunden)', '(?:das|dies) stimmt (?:so |einfach )?nicht',
        'so (?:ist|war) es (?:aber )?nicht', '(?:ist|sind) (?:so )?nie passiert',
        'wir (?:widersprechen|bestreiten|weisen (?:das|dies|ihre|deine) \\p{L}+ zurück)', 'wir sind (?:da )?(?:nicht|anderer) (?:einverstanden|meinung)',
        'entgegen (?:ihrer|deiner) (?:darstellung|behauptung|aussage)', 'in wahrheit', 'tatsächlich (?:haben|hat|hatten|waren) (?:sie|du)',
        '(?:ihre|deine|diese) (?:bewertung|darstellung|behauptung|schilderung|version) (?:ist|war) (?:falsch|unwahr|irreführend|unfair|übertrieben|einseitig|unzutreffend)',
        '(?:keine|keinerlei) (?:aufzeichnung|unterlagen|buchung|reservierung|bestellung)\\p{L}* (?:von|über|zu) (?:ihnen|dir)',
        'bei allem respekt', 'offen gesagt', 'ehrlich gesagt', 'fake-bewertung', 'gefälschte bewertung', '(?:ihre|deine) behauptung\\p{L}*',
        '(?:sie behaupten|du behauptest)', 'übertrieb\\p{L}*', 'übertreib\\p{L}*', '(?:falsch verstanden|missverstanden|falsch gelesen)',
      ].join('|'),
    ),
    'no-policy': phrases(
      [
        '(?:unsere[rn]?|die) (?:richtlinie\\p{L}*|hausordnung|storno\\p{L}*bedingungen|rückgabebedingungen|geschäftsbedingungen|bedingungen|vorschriften|regelung\\p{L}*)',
        'agb', 'allgemeinen geschäftsbedingungen', '(?:laut|gemäß|nach|entsprechend) (?:unseren|unserer|unserem|den|der|dem) (?:agb|richtlinie\\p{L}*|bedingungen|regeln|hausordnung|vorgaben|vertrag)',
        'wie (?:deutlich |klar |ausdrücklich )?(?:angegeben|beschrieben|ausgeschildert|vermerkt|ausgewiesen|aufgeführt|geschrieben)', '(?:deutlich|klar) (?:ausgeschildert|angegeben|sichtbar|gekennzeichnet|geregelt)',
        'kleingedruckte\\p{L}*', '§\\s?\\d', 'nicht erstattungsfähig', 'ist (?:leider )?nicht (?:gestattet|erlaubt|zulässig)', '(?:dürfen|können) wir (?:leider )?nicht',
      ].join('|'),
    ),
    'no-review-change': phrases(
      [
        '(?:bewertung|rezension|sternebewertung|kommentar|beitrag|sterne)\\p{L}*(?: \\p{L}+){0,4} (?:zu )?(?:löschen|ändern|entfernen|anzupassen|anpassen|überdenken|aktualisieren|zurückzuziehen|zurückziehen|korrigieren|nach oben)',
        '(?:ändern|löschen|entfernen|überdenken|aktualisieren|anpassen|korrigieren) (?:sie|du) (?:bitte )?(?:ihre|deine|die) (?:bewertung|rezension)',
        '(?:5|fünf|4|vier|mehr|weitere|zusätzliche|bessere) sterne', '(?:bewertung|rezension) (?:wird|wurde|würde) (?:gelöscht|entfernt|geändert)',
      ].join('|'),
    ),
    'no-incentive': phrases('im gegenzug|als gegenleistung|wenn (?:sie|du) (?:ihre|deine|die) (?:bewertung|rezension) (?:ändern|löschen|entfernen|anpassen|aktualisieren|änderst|löschst)|dafür, dass (?:sie|du) (?:ihre|deine|die) (?:bewertung|rezension)'),
    'no-public-refund': phrases(
      [
        '(?:volle|vollen|vollständige|vollständigen|komplette|kompletten|teilweise|anteilige) (?:rückerstattung|erstattung|kostenerstattung)',
        '(?:erstatten|ersetzen|vergüten|überweisen) (?:wir )?(?:ihnen|dir) (?:gern(?:e)? )?(?:den|das|die|ihr|dein|ihren|deinen) (?:vollen |gesamten |kompletten )?(?:betrag|kaufpreis|geld|preis|kosten)',
        '(?:erstatten|vergüten) wir', '(?:das|ihr|dein) geld (?:zurück|erstattet)', 'geld-zurück', 'gutschrift', 'entschädigung (?:von|in höhe)',
        '(?:wir )?(?:werden|möchten|würden|können) (?:ihnen|dir) (?:gern(?:e)? )?(?:den betrag|das geld|die kosten|einen gutschein) (?:zurück)?(?:erstatten|überweisen|zurückzahlen|gutschreiben|schicken|schenken)',
        '\\d+(?:[.,]\\d+)? ?(?:euro|franken|chf)', '\\d+ ?% (?:rabatt|nachlass)',
      ].join('|'),
    ),
  },
  incentive: phrases('gutschein\\p{L}*|rabatt\\p{L}*|kostenlos\\p{L}*|gratis\\p{L}*|geschenk\\p{L}*|nachlass|prämie|punkte|bonus|entschädigung|erstattung|aufs haus|freigetränk\\p{L}*'),
  reviewWords: phrases('bewertung\\p{L}*|rezension\\p{L}*|sterne\\p{L}*|feedback|rückmeldung'),
  referenceWords: ['bestellung', 'bestellnummer', 'buchung', 'buchungsnummer', 'reservierung', 'reservierungsnummer', 'rechnung', 'rechnungsnummer', 'auftrag', 'auftragsnummer', 'kundennummer', 'vorgangsnummer', 'sendungsnummer', 'ticket', 'konto', 'kontonummer'],
};
