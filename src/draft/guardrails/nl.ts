import { phrases, type LanguageGuardrails } from './types.js';

// Dutch: u and je/jij forms; verbs go to the end, so some patterns allow a few words between.
export const nl: LanguageGuardrails = {
  prohibitions: {
    'no-blame': phrases(
      [
        'niet (?:onze|mijn) schuld', '(?:uw|jouw|je) (?:eigen )?(?:schuld|fout)', 'onderbezet', 'personeelstekort', 'tekort aan personeel', '(?:erg|heel|extreem|ongewoon|uitzonderlijk) druk', 'spitsuur', 'hoogseizoen',
        'buiten onze (?:macht|controle|schuld)', 'onvoorzien\\p{L}*', 'overmacht', '(?:bijzondere|uitzonderlijke|onvoorziene) omstandigheden',
        '(?:nieuwe|onervaren) (?:medewerker\\p{L}*|collega\\p{L}*|kracht|stagiair\\p{L}*|ober|serveerster|invaller\\p{L}*)',
        'vanwege (?:de|een|het) (?:drukte|storing|weer|leverancier|bezorger|koerier|staking)', 'door (?:de|onze) (?:leverancier|bezorger|koerier|pakketdienst|drukte)',
        '(?:op zichzelf staand|eenmalig) (?:incident|geval)', '(?:dit|dat) gebeurt (?:bijna |vrijwel )?nooit', 'normaal (?:gesproken )?(?:zijn|gaat|loopt) (?:wij|we|het)',
        '(?:u|je|jij) had(?: \\p{L}+){0,3} (?:moeten|kunnen) (?:bellen|lezen|reserveren|controleren|melden|laten weten|contact opnemen|vragen)',
        'had (?:u|je|jij) (?:ons )?(?:maar |eerder |vooraf )*(?:gebeld|gelezen|gereserveerd|gecontroleerd|gemeld|laten weten)',
        'als (?:u|je) (?:de|onze|het) \\p{L}+ (?:had|hebt|heeft) gelezen', '(?:u heeft|u hebt|je hebt|jij hebt) (?:helaas )?(?:niet|vergeten) (?:gelezen|gecontroleerd|gemeld|gebeld|gereserveerd)',
        'gebruikersfout', 'bedieningsfout',
      ].join('|'),
    ),
    'no-argument': phrases(
      [
        'u vergist zich', 'je vergist je', 'jij vergist je', '(?:u|je|jij) (?:heeft|hebt) ongelijk', '(?:u|je|jij) liegt',
        '(?:dat|dit) is (?:gewoon |simpelweg )?(?:niet waar|onjuist|onwaar|gelogen|verzonnen)', '(?:dat|dit) klopt (?:gewoon |simpelweg )?niet', 'zo is het niet gegaan', '(?:dat|dit) is nooit gebeurd',
        '(?:wij|we) zijn het (?:daar )?niet (?:mee )?eens', '(?:wij|we) (?:betwisten|ontkennen|bestrijden)', 'in tegenstelling tot wat', 'in werkelijkheid',
        '(?:uw|je|jouw|deze) (?:review|recensie|beoordeling|versie|bewering) (?:is|was) (?:onjuist|misleidend|oneerlijk|overdreven|vals|eenzijdig)',
        'geen (?:registratie|reservering|boeking|bestelling) van (?:u|je|jou)', 'met alle respect', 'eerlijk gezegd', 'nepreview', 'neprecensie', 'valse review',
        '(?:u beweert|je beweert|jij beweert|uw bewering|je bewering)', 'overdrev\\p{L}+', 'overdrijv\\p{L}+', 'verkeerd (?:begrepen|gelezen|geïnterpreteerd)',
      ].join('|'),
    ),
    'no-policy': phrases(
      [
        '(?:ons|onze|het) (?:beleid|huisregels|voorwaarden|regels|annuleringsvoorwaarden|retourvoorwaarden|reglement)', 'algemene voorwaarden',
        'volgens (?:ons|onze|de|het) (?:beleid|voorwaarden|regels|huisregels|reglement)', 'zoals (?:duidelijk )?(?:vermeld|aangegeven|beschreven|staat)', 'duidelijk (?:vermeld|aangegeven|zichtbaar|aangekondigd)',
        'kleine lettertjes', 'niet (?:restitueerbaar|terugbetaalbaar)', 'artikel \\d', 'is (?:helaas )?niet toegestaan',
      ].join('|'),
    ),
    'no-review-change': phrases(
      [
        '(?:review|recensie|beoordeling|score|sterren|waardering)(?: \\p{L}+){0,3} (?:aan te passen|te verwijderen|te wijzigen|bij te werken|te herzien|verwijderen|aanpassen|wijzigen|bijwerken|herzien|verhogen|te verhogen)',
        '(?:pas|verwijder|wijzig|herzie) (?:uw|je|jouw) (?:review|recensie|beoordeling)', '(?:5|vijf|4|vier|meer|extra) sterren',
      ].join('|'),
    ),
    'no-incentive': phrases('in ruil (?:voor|daarvoor)|als tegenprestatie|als (?:u|je|jij) (?:uw|je|jouw|de) (?:review|recensie|beoordeling) (?:aanpast|verwijdert|wijzigt|bijwerkt)'),
    'no-public-refund': phrases(
      [
        '(?:volledige|gedeeltelijke) (?:terugbetaling|restitutie|vergoeding)', '(?:betalen|storten) (?:wij |we )?(?:u|je|het bedrag|uw geld|je geld)(?: \\p{L}+){0,4} terug',
        '(?:uw|je|het) geld terug', 'terugbetal\\p{L}+', 'restitu\\p{L}+', '(?:wij|we) (?:vergoeden|compenseren) (?:u|je|de|het)', '\\d+(?:[.,]\\d+)? ?euro', '\\d+ ?% korting',
      ].join('|'),
    ),
  },
  incentive: phrases('gratis|korting\\p{L}*|tegoedbon\\p{L}*|waardebon\\p{L}*|cadeaubon\\p{L}*|cadeau\\p{L}*|compensatie|vergoeding|terugbetaling|punten|bonus'),
  reviewWords: phrases('review\\p{L}*|recensie\\p{L}*|beoordeling\\p{L}*|sterren|score|waardering'),
  referenceWords: ['bestelling', 'bestelnummer', 'ordernummer', 'boeking', 'boekingsnummer', 'reservering', 'factuur', 'factuurnummer', 'klantnummer', 'rekening', 'ticket'],
};
