import type { LanguageRules } from './types.js';

// A reason opens a clause of its own: a negation before it is of the verb, not of the reason ("No me atendieron por
// ser extranjero" is a refusal for a reason, and the reason is the discrimination).
const CAUSAL = ['omdat', 'vanwege', 'want'];

/** Dutch. */
export const nl: LanguageRules = {
  code: 'nl',
  stopWords: ['geregeld', 'sterren', 'gerechten', 'ober', 'tafel', 'kaart', 'kamer', 'bestelling', 'levering', 'rekening', 'klantenservice', 'de', 'het', 'een', 'en', 'is', 'niet', 'zeer', 'maar', 'met', 'voor', 'van', 'ik', 'wij', 'we', 'was', 'waren', 'dat', 'die',
    'er', 'heel', 'goed', 'slecht', 'geen', 'ook', 'nog', 'zijn', 'naar', 'bij', 'wel', 'erg', 'om', 'op', 'te', 'je', 'jullie', 'ze', 'hun',
    'mijn', 'ons', 'onze', 'hebben', 'heeft', 'hadden', 'werd', 'werden', 'wordt', 'kan', 'kon', 'moet', 'moest', 'zo', 'dan',
    'als', 'omdat', 'toen', 'altijd', 'nooit', 'niets', 'niks', 'eten', 'bediening', 'personeel', 'lekker', 'vriendelijk', 'prijs',
    'helaas', 'echt', 'gewoon', 'hier', 'daar', 'ook', 'zelfs', 'keer', 'uur', 'minuten'],
  negators: ['niet', 'geen', 'nooit', 'niets', 'niks', 'niemand', 'nergens', 'zonder', 'noch', 'allerminst',
    // 'Barely': "de wifi werkte nauwelijks" is a complaint, "nauwelijks wachttijd" praise.
    'nauwelijks'],
  negationBreakers: ['alleen', 'enkel', 'slechts', 'eens', 'twijfel', ...CAUSAL],
  // A negation ends at "en" ("Geen wifi en onvriendelijk personeel" is no praise of the staff), unless "en" joins
  // two sentiment words of one polarity (features.ts, joinsSentimentWords).
  coordinators: ['en'],
  softeners: [],
  negationLooksBack: true,
  frontingVerbs: ['was', 'waren', 'is', 'zijn', 'wordt', 'worden', 'werd', 'werden', 'kan', 'kunnen', 'kon', 'konden', 'zal', 'zullen',
    'zou', 'zouden', 'wil', 'willen', 'heeft', 'hebben', 'had', 'hadden', 'mag', 'mogen', 'moet', 'moeten'],
  neverSo: { never: ['nooit'], so: ['zo', 'zulk', 'zulke', 'dermate'] },
  reasonOpeners: [...CAUSAL],
  remedies: ['gerepareerd', 'opgelost', 'verholpen', 'gedicht'],
  disbelief: { verbs: ['geloven', 'geloof', 'voorstellen', 'beschrijven', 'zeggen', 'uitleggen'], openers: ['hoe', 'wat'] },
  contrastAfter: ['maar', 'echter', 'helaas', 'toch', 'desondanks', 'behalve', 'jammer', 'alleen'],
  concessiveOpeners: ['hoewel', 'ondanks', 'alhoewel', 'weliswaar', 'ofschoon'],
  boosters: [
    ...['zeer', 'heel', 'erg', 'echt', 'super', 'enorm', 'ontzettend', 'vreselijk', 'verschrikkelijk', 'extreem', 'absoluut', 'totaal',
      'volledig', 'bijzonder', 'uiterst', 'zo', 'te', 'veel', 'hartstikke', 'mega', 'best'].map((w) => [w, 1.3] as const),
    ...['beetje', 'wat', 'iets', 'redelijk', 'vrij', 'nogal', 'enigszins', 'bijna', 'tamelijk'].map((w) => [w, 0.75] as const),
  ],
  lexicon: [
    // Everyday verdicts the translated lexicon lacks: "bagger" (rubbish).
    ['bagger', -2.8],
    ['goed', 2], ['prima', 2.2], ['lekker', 2.8], ['heerlijk', 3.2], ['uitstekend', 3.2], ['perfect', 3.2], ['top', 2.8], ['super', 2.8],
    ['geweldig', 3.2], ['fantastisch', 3.2], ['fijn', 2.2], ['mooi', 2.2], ['prachtig', 3], ['gezellig', 2.5], ['vriendelijk', 2.2],
    ['behulpzaam', 2.5], ['attent', 2.2], ['gastvrij', 2.5], ['sfeervol', 2.5], ['schoon', 1.8], ['snel', 1.2], ['aanrader', 3],
    ['aanbevolen', 2.5], ['tevreden', 2.2], ['blij', 2.5], ['dank', 1.5], ['bedankt', 1.5], ['smaakvol', 2.5], ['verrukkelijk', 3.2],
    ['betaalbaar', 1.2], ['vlot', 1.5], ['professioneel', 2], ['betrouwbaar', 2.2], ['handig', 1.8], ['makkelijk', 1.5], ['gemakkelijk', 1.5],
    ['overzichtelijk', 2], ['aangenaam', 2.2], ['correct', 1], ['leuk', 2.2], ['aardig', 2], ['toppie', 3], ['ok', 0.5], ['oké', 0.5],
    ['slecht', -2.5], ['slechte', -2.5], ['waardeloos', -3.2], ['belabberd', -3], ['beroerd', -3], ['verschrikkelijk', -3.2],
    ['vreselijk', -3.2], ['afschuwelijk', -3.2], ['smerig', -3], ['vies', -2.8], ['vuil', -2.5], ['onvriendelijk', -2.8], ['onbeleefd', -2.8],
    ['brutaal', -2.5], ['arrogant', -2.5], ['traag', -1.8], ['langzaam', -1.5], ['duur', -1.5], ['prijzig', -1.5], ['koud', -1.2],
    ['lauw', -1.5], ['flauw', -1.8], ['smakeloos', -2.5], ['zout', -0.8], ['droog', -1], ['taai', -1.5], ['aangebrand', -2],
    ['teleurgesteld', -2.8], ['teleurstellend', -2.8], ['teleurstelling', -2.8], ['jammer', -1.8], ['helaas', -1.2], ['matig', -1.8],
    ['middelmatig', -1.5], ['ondermaats', -3], ['schandalig', -3.2], ['schande', -3], ['belachelijk', -3], ['onbeschoft', -3],
    ['incompetent', -3], ['rommelig', -1.8], ['lawaai', -1.2], ['lawaaierig', -1.5], ['wachten', -1], ['wachttijd', -1.5], ['gewacht', -1.5],
    ['probleem', -1.5], ['problemen', -1.8], ['fout', -1.8], ['fouten', -2], ['storing', -2.2], ['crasht', -2.5], ['vastlopen', -2.5],
    ['loopt vast', -2.5], ['nutteloos', -3], ['kapot', -2.5], ['defect', -2.8], ['klacht', -2], ['klachten', -2], ['oplichting', -3.4],
    ['oplichters', -3.4], ['afzetterij', -3.4], ['rampzalig', -3.4], ['ramp', -3], ['drama', -2.5], ['zwak', -1.8], ['karig', -1.8],
    // The translated lexicon's words that mean something else in a review (0 takes them out), and more review words.
    ['kwaliteit', 0], ['waar', 0], ['groot', 0.8], ['rustig', 1.2], ['vond', 0], ['krijgen', 0], ['ontslagen', 0], ['druk', -0.8],
    ['vragen', 0], ['warm', 0.5], ['verlaten', 0], ['zeker', 0.5], ['opgewarmd', -2], ['diepvries', -1.2], ['vergeten', -1.5],
    ['ongeïnteresseerd', -2.5], ['chaos', -2.2], ['klein', -0.5], ['te klein', -1.8], ['niet lekker', -2.5], ['geen smaak', -2.2],
    ['origineel', 2], ['verrassend', 2.2], ['verrassing', 1.5], ['bravo', 3], ['pluim', 2.5], ['parel', 3], ['feest', 2.2], ['streling', 2.8],
    ['keurig', 2], ['verfijnd', 2.5], ['huisgemaakt', 1.8], ['royaal', 2], ['uniek', 2.2], ['aanraden', 2.5], ['favoriet', 2.5], ['favo', 2.5],
    ['afrader', -3], ['ongeordend', -2], ['louche', -2.5], ['weigerde', -2], ['amper', -1.2], ['flauwtjes', -1.8], ['bruut', -2.5],
    ['beviel', 2], ['bevalt', 2], ['smaakte', 1.5], ['smaakt', 1.5], ['kon beter', -2], ['mocht beter', -2], ['kan beter', -1.8],
    ['ideaal', 2.5], ['smakelijk', 2.5], ['sfeervol', 2.5], ['knus', 2.2], ['vriendelijke', 2.2], ['overdreven', -1.5], ['lang', -0.3],
    ['ongezellig', -2.5], ['onvoldoende', -2.2], ['oncomfortabel', -2],
    ['beschadigd', -2.5], ['gescheurd', -2], ['saai', -2.2], ['langdradig', -2], ['eentonig', -2], ['frustrerend', -2.8], ['spannend', 2.5],
    ['boeiend', 2.5],
    // Praise the translated lexicon lacks ("Spectaculair!" was read as French and flagged on the prior).
    ['spectaculair', 3],
    ['toppertje', 2.8], ['afblijven', -3],
  ],
  complaintPhrases: [
    // Too loud: 'de muziek stond te hard' took no complaint word.
    ['te hard', -1],
    // A bill above the quote or the agreed price (a new user's trial: a tradesman's 3-star review read as praise).
    ['hoger dan de offerte', -2.5], ['duurder dan afgesproken', -2.5], ['hoger dan afgesproken', -2.5], ['meer dan afgesproken', -2.2],
    ['duurder dan de offerte', -2.5], ['het dubbele', -1.8],
    ['nooit meer', -3], ['niet aan te raden', -3], ['geen aanrader', -3], ['niet aanbevolen', -3], ['blijf weg', -3.2], ['niet waard', -2.5],
    ['zonde van het geld', -3.2], ['zonde van de tijd', -3], ['lang wachten', -2], ['lang gewacht', -2], ['# minuten gewacht', -2.2],
    ['# minuten wachten', -2], ['werkt niet', -2.8], ['werkt niet meer', -3], ['doet het niet', -2.8], ['na de update', -1.8],
    ['sinds de update', -1.8], ['kan niet inloggen', -2.8], ['geen reactie', -2.5], ['geen antwoord', -2.5], ['klantenservice', -0.5],
    ['nooit aangekomen', -3], ['niet geleverd', -2.8], ['niet ontvangen', -2.8], ['rekening geblokkeerd', -3], ['geld terug', -2.2],
    ['te duur', -2.2], ['veel te duur', -2.8], ['laat te wensen over', -2.8], ['een haar', -2.5], ['nul sterren', -3.2], ['een ster', -2.5],
    ['1 ster', -2.5], ['twee sterren', -2], ['2 sterren', -2], ['komen niet meer terug', -3], ['komen nooit meer', -3], ['ga er niet meer heen', -3],
    // Comparisons that only complain: "Ik heb al beter gegeten", "wel eens beter gezien".
    ['al beter gegeten', -2], ['wel eens beter gegeten', -2], ['weleens beter gegeten', -2], ['al beter gezien', -2], ['wel eens beter gezien', -2],
  ],
  praisePhrases: [
    // "Geen enkel probleem": "geen enkel" is "not a single", not "only" ending the negation.
    ['geen enkel probleem', 2.5], ['geen enkele klacht', 2.5], ['geen enkel minpunt', 2.5], ['geen enkel punt van kritiek', 2.5],
    // "Geen spijt van": a fault denied is praise.
    ['geen spijt', 2.5], ['geen seconde spijt', 3], ['nergens spijt van', 2.5],
    // "Had niet beter gekund", "niet tevredener kunnen zijn": a negated comparative is praise.
    ['niet beter gekund', 3], ['niet beter kunnen', 3], ['niet tevredener', 3], ['niet blijer', 3],
    // Praise said with a negation (a new user's trial): "nooit meer een andere loodgieter", "nog nooit zo lekker".
    ['nooit meer een andere', 3], ['nooit meer ergens anders', 3], ['nog nooit zo lekker*', 3], ['nog nooit zo goed*', 3],
    ['dikke tien', 3], ['beter kan het niet', 3], ['beter kan niet', 3], ['lekkerder kan het niet', 3], ['mooier kan het niet', 3],
    ['doet wat het moet doen', 2.2], ['doet wat het belooft', 2.5], ['zoals beschreven', 1.8],
    ['een aanrader', 3], ['zeker een aanrader', 3.2], ['echt een aanrader', 3.2], ['komen zeker terug', 3], ['komen terug', 2.5],
    ['zeker terug', 2.5], ['voor herhaling vatbaar', 3], ['geen problemen', 2], ['zonder problemen', 2], ['geen klachten', 2.5],
    ['prijs kwaliteit', 1.2], ['prijs-kwaliteit', 1.2], ['5 sterren', 3], ['vijf sterren', 3], ['werkt goed', 2.5], ['werkt prima', 2.5],
    ['niks op aan te merken', 3], ['niets op aan te merken', 3], ['niet slecht', 1.5], ['dik in orde', 3], ['in orde', 1.5], ['tip top', 3],
    // "Niks mis mee": nothing wrong with it, praise whatever "mis" says.
    ['niks mis mee', 2.5], ['niets mis mee', 2.5], ['niks mis aan', 2], ['niets mis aan', 2],
  ],
  // A star taken off is a reviewer giving the rest: no one-star verdict, and what it was taken off for is a concern.
  deductions: ['een ster minder', 'een ster aftrek', 'een ster eraf'],
  sarcasmOpeners: ['geweldig', 'super', 'top', 'prachtig', 'fantastisch', 'perfect', 'heerlijk', 'prima', 'fijn'],
  sarcasmPhrases: ['bedankt voor niets', 'dank je wel voor niets', 'wat een verrassing', 'lekker dan'],
  // "Niets bijzonders", "Gaat wel", "Redelijk". No "prima": it praises.
  lukewarm: ['ok', 'oké', 'oke', 'okay', 'gemiddeld', 'niets', 'niks', 'bijzonders', 'speciaals', 'redelijk', 'gaat', 'wel', 'hoor', 'voldoende'],
  critical: {
    legal_threat: ['advocaat', 'mijn advocaat', 'aangifte', 'rechtszaak', 'rechter', 'juridische stappen', 'aanklagen', 'consumentenbond',
      'geschillencommissie', 'politie gebeld', 'politie bellen', 'naar de politie', 'toezichthouder', 'kifid'],
    health_safety: ['brandwond*', 'hand verbrand', 'mijn hand verbrand', 'mijn vingers verbrand',
      // 'aan' what burnt: 'heb me verbrand' alone is a sunburn too.
      'me verbrand aan', 'voedselvergiftiging', 'vergiftiging', 'vergiftigd', 'ziek geworden', 'werd ziek', 'overgegeven', 'overgeven', 'diarree', 'ziekenhuis',
      'eerste hulp', 'allergische reactie', 'gewond', 'verwonding', 'gevaarlijk', 'levensgevaarlijk', 'schimmel', 'glas in', 'kakkerlak*',
      'rat', 'ratten', 'muizen', 'salmonella'],
    fraud_scam: ['oplichting', 'oplichters', 'opgelicht', 'fraude', 'frauduleus', 'bedrog', 'gestolen', 'diefstal', 'dieven', 'nepreviews',
      'nep reviews', 'namaak', 'zonder toestemming afgeschreven', 'criminelen', 'scam'],
    discrimination: ['racistisch*', 'racisme', 'discrimin*', 'seksistisch', 'homofoob', 'vanwege mijn huidskleur', 'vanwege mijn afkomst', 'vanwege onze afkomst', 'omdat we buitenlanders', 'omdat ik buitenlander', 'omdat ik zwart ben', 'intimidatie', 'lastiggevallen'],
    privacy: ['persoonsgegevens', 'mijn gegevens', 'privacy', 'avg', 'datalek', 'gehackt', 'zonder toestemming', 'doorverkocht', 'spam'],
  },
  inflections(word: string): string[] {
    if (word.includes(' ') || word.endsWith('e')) return [];
    // Attributive adjectives take -e ("goed" -> "goede", "lekker" -> "lekkere"); a long vowel is then
    // written single ("aangenaam" -> "aangename"), a short one doubles the consonant ("snel" -> "snelle"),
    // a final -s/-f voices ("vies" -> "vieze").
    const out = [word + 'e'];
    const long = /(aa|ee|oo|uu)([^aeiou])$/.exec(word);
    if (long) out.push(word.slice(0, -3) + (long[1] as string)[0] + (long[2] as string) + 'e');
    else if (/[^aeiou][aeiou][bdfgklmnprst]$/.test(word)) out.push(word + word.slice(-1) + 'e');
    if (word.endsWith('s')) out.push(word.slice(0, -1) + 'ze');
    if (word.endsWith('f')) out.push(word.slice(0, -1) + 've');
    return out;
  },
};
