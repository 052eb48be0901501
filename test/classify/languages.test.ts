import { describe, expect, it } from 'vitest';
import { classify, createClassifier } from '../../src/classify/index.js';
import { normalisePattern } from '../../src/classify/phrases.js';
import { tokenize } from '../../src/classify/tokenize.js';

// Flagging in German, French, Spanish, Dutch, Italian and Portuguese: text polarity, negation,
// contrast and the critical rules, without a rating and at 3 stars.
describe('flagging in every judged language', () => {
  it.each([
    ['de', 'Das Brot war alt und die Verkäuferin unfreundlich. Nie wieder!'],
    ['fr', 'La chambre était sale et le personnel désagréable. À éviter.'],
    ['es', 'La comida llegó fría y el camarero fue muy maleducado. No volveremos.'],
    ['nl', 'De loodgieter kwam te laat en het lek is nog steeds niet opgelost. Slechte service.'],
    ['it', 'Servizio lentissimo e cibo freddo, pessima esperienza.'],
    ['pt', 'O aplicativo trava toda hora e o atendimento é péssimo.'],
  ])('flags an angry %s review without a rating, and at 3 stars', (lang, text) => {
    const v = classify({ text });
    expect(v.language).toBe(lang);
    expect(v.negative).toBe(true);
    expect(v.reasons.join(' ')).toMatch(/text reads negative/);
    expect(classify({ text, rating: 3 }).negative).toBe(true);
  });

  it.each([
    ['de', 'Super leckere Brötchen und sehr freundliche Bedienung, wir kommen gerne wieder!'],
    ['fr', 'Hôtel magnifique, personnel très accueillant, je recommande.'],
    ['es', 'Excelente atención y la comida buenísima, lo recomiendo.'],
    ['nl', 'Snel geholpen, vriendelijke vakman en een nette klus. Een aanrader!'],
    ['it', 'Ottimo cibo e personale gentilissimo, consigliato!'],
    ['pt', 'Entrega rápida e produto excelente, recomendo muito.'],
  ])('does not flag a happy %s review', (lang, text) => {
    const v = classify({ text });
    expect(v.language).toBe(lang);
    expect(v.negative).toBe(false);
  });

  it.each([
    ['de', 'Das Essen war lecker, aber der Service war eine Katastrophe.', 'Der Service war langsam, aber das Essen war super lecker.'],
    ['fr', 'Le personnel est gentil mais la chambre était sale.', 'La chambre était sale mais le personnel est adorable.'],
    ['es', 'El personal fue amable pero la habitación estaba sucia.', 'La habitación estaba sucia pero el personal fue encantador.'],
    ['nl', 'Het eten was lekker maar de bediening was traag en onvriendelijk.', 'De bediening was traag maar het eten was heerlijk.'],
    ['it', 'Il cibo era buono ma il servizio era lento.', 'Il servizio era lento ma il cibo era ottimo.'],
    ['pt', 'O produto é bonito mas chegou quebrado.', 'A entrega atrasou mas o produto é excelente.'],
  ])('lets the clause after the %s "but" decide', (_lang, negative, positive) => {
    expect(classify({ text: negative }).negative).toBe(true);
    expect(classify({ text: positive }).negative).toBe(false);
  });

  it('reads the other contrast words too (doch, cependant, sin embargo, echter, tuttavia, porém)', () => {
    for (const text of [
      'Die Lage ist schön, jedoch war das Zimmer schmutzig.',
      "L'accueil est sympathique, cependant le repas était froid et fade.",
      'El local es bonito, sin embargo el servicio fue pésimo.',
      'De locatie is mooi, echter het eten was koud en smakeloos.',
      'La posizione è bella, tuttavia la camera era sporca.',
      'O lugar é bonito, porém o atendimento foi péssimo.',
    ]) expect(classify({ text }).negative, text).toBe(true);
  });

  it.each([
    ['de', 'Das Essen war nicht gut.', 'Das Essen war gut.'],
    ['de', 'Ich kann dieses Restaurant nicht empfehlen.', 'Ich kann dieses Restaurant empfehlen.'],
    ['fr', "Le repas n'était pas bon.", 'Le repas était bon.'],
    ['es', 'La comida no estaba buena.', 'La comida estaba buena.'],
    ['nl', 'Het eten was niet lekker.', 'Het eten was lekker.'],
    ['it', 'Il cibo non era buono.', 'Il cibo era buono.'],
    ['pt', 'A comida não estava boa.', 'A comida estava boa.'],
  ])('%s negation turns praise into a complaint: "%s"', (lang, negated, plain) => {
    expect(classify({ text: negated, language: lang }).negative).toBe(true);
    expect(classify({ text: plain, language: lang }).negative).toBe(false);
  });

  it.each([
    ['de', 'Kein Frühstück und unfreundliches Personal.', true],
    ['de', 'Läuft nicht aus und sieht schön aus.', false],
    ['fr', 'Ne fuit pas et très pratique.', false],
    ['es', 'Sin wifi y personal antipático.', true],
    ['nl', 'Geen wifi en onvriendelijk personeel.', true],
    ['nl', 'Lekt niet en erg handig.', false],
    // ...but covers two sentiment words of one polarity that "and" joins, and not two of opposite polarity.
    ['de', 'Das Personal war nicht freundlich und hilfsbereit.', true],
    ['fr', "Le personnel n'était pas aimable et poli.", true],
    ['de', 'Nicht teuer und sehr lecker.', false],
    ['fr', 'Pas cher et délicieux.', false],
    // A word of no valence right after "nicht"/"niet"/"pas" joins the praise word after "and": "not warm and tasty".
    ['de', 'Das Essen war nicht warm und lecker.', true],
    ['nl', 'Het eten was niet warm en lekker.', true],
    ['fr', "Le plat n'était pas chaud et bon.", true],
    // ...not a noun (capitalised in German), nor after "kein"/"geen", nor a complaint word after "and".
    ['de', 'Nicht Wlan und nettes Personal.', false],
    ['de', 'Kein Wlan und nettes Personal.', false],
    ['nl', 'Geen wifi en vriendelijk personeel.', false],
  ])('%s negation ends at "and": "%s"', (lang, text, negative) => {
    // The word after "und"/"et"/"y"/"en" was read as negated: "unfriendly staff" as praise, "looks nice" as a complaint.
    expect(classify({ text, language: lang }).negative).toBe(negative);
  });

  it('reads a German or Dutch negator at the end of the clause backwards', () => {
    for (const [text, language] of [['Das Essen schmeckte uns nicht.', 'de'], ['Der Service gefiel uns nicht.', 'de'], ['De service beviel ons niet.', 'nl']]) {
      const v = classify({ text: text!, language });
      expect(v.negative, text).toBe(true);
      expect(v.reasons.join(' '), text).toMatch(/negated, reads negative/);
    }
    expect(classify({ text: 'Der Service gefiel uns sehr.', language: 'de' }).negative).toBe(false);
    // ...back to the "und" before it, not past it: the service was friendly.
    const both = classify({ text: 'Der Service war freundlich und gefiel uns nicht.', language: 'de' });
    expect(both.reasons.join(' ')).toMatch(/"gefiel" \(negated, reads negative\)/);
    expect(both.reasons.join(' ')).not.toMatch(/"freundlich" \(negated/);
  });

  it.each([
    ['de', 'Wiederkommen und weiterempfehlen werden wir sicher nicht.', true],
    ['de', 'Sauber und ordentlich war es nicht.', true],
    ['de', 'Sehr freundlich war das Personal heute nicht.', true],
    ['nl', 'Schoon en netjes was het niet.', true],
    ['nl', 'Vriendelijk was het personeel helaas niet.', true],
    // A fronted complaint word is not turned into praise, and a clause that opens with its subject reads as before.
    ['de', 'Schrecklich war das Essen, und geschmeckt hat es uns nicht.', true],
    ['de', 'Das Essen war lecker und der Kellner vergaß uns nicht.', false],
    ['de', 'Super Hotel, das Frühstück hat uns aber gut gefallen und der Pool war sauber, mehr braucht man nicht.', false],
    // A comparative so negated is the highest praise (these read as complaints before the fronting rule, too).
    ['de', 'Besser geht es nicht.', false],
    ['de', 'Schöner kann man nicht wohnen.', false],
    ['nl', 'Beter kan het niet.', false],
    ['nl', 'Lekkerder kan het niet!', false],
    // ...but an adjective's ending is no comparative: "guter", "netter" after an article, "helder" (stem "held").
    ['de', 'Ein guter Kauf war das nicht.', true],
    ['nl', 'Helder was de uitleg niet.', true],
  ])('%s clause-final negator negates a fronted predicate, however far: "%s"', (lang, text, negative) => {
    // German and Dutch put the predicate first and the negator last: "Sauber und ordentlich war es nicht" read as
    // praise of the cleanliness, the negation reaching back only four words and stopping at "und".
    expect(classify({ text, language: lang }).negative).toBe(negative);
  });

  it.each([
    ['de', 'Ich hatte noch nie so leckeren Kuchen. Nie wieder woanders!', false],
    ['de', 'Keine langen Wartezeiten, kein unfreundliches Personal – so muss das sein.', false],
    ['es', 'Nunca he tenido un problema con esta app, ni un solo fallo.', false],
    ['nl', 'Nooit meer een andere loodgieter, deze is top!', false],
    ['de', 'Freundliches Personal, aber die Brötchen waren alt.', true],
  ])('reads praise said with a negation as praise, and stale bread as a complaint (%s "%s")', (language, text, negative) => {
    // A new user's trial: each was flagged the other way, and the draft apologised for what was praised.
    expect(classify({ text, language }).negative).toBe(negative);
  });

  it.each([
    ['nl', 'Vakkundig werk, maar de rekening was veel hoger dan de offerte.'],
    ['it', 'Il dottore è bravo, ma il preventivo era il doppio di quanto detto al telefono.'],
    ['de', 'Saubere Arbeit, aber die Rechnung war viel teurer als vereinbart.'],
    ['fr', 'Travail propre, mais la facture était bien plus chère que le devis.'],
    ['es', 'Buen trabajo, pero la factura fue el doble del presupuesto.'],
    ['pt', 'Bom serviço, mas cobraram mais do que o combinado.'],
    ['en', 'Good work, but the bill was way more than quoted.'],
  ])('reads a bill above the quote after "but" as the complaint at 3 stars (%s "%s")', (language, text) => {
    // A new user's trial: with no known negative word after "maar"/"ma", these 3-star reviews read as praise.
    expect(classify({ text, rating: 3, language }).negative).toBe(true);
  });

  it.each([
    ['es', 'Sin cargos ocultos, muy transparente.', false],
    ['fr', 'Une nuit au calme.', false],
    ['es', 'Me hicieron cargos ocultos en la tarjeta.', true],
  ])('reads words that only look negative by their sense here: "cargos" (charges), "nuit" (a night) (%s "%s")', (language, text, negative) => {
    // A new user's trial: "Sin cargos ocultos, muy transparente." was flagged; "nuit" counted as "harms" (nuire).
    expect(classify({ text, language }).negative).toBe(negative);
  });

  it.each(['Schön ist anders.', 'Sauber ist anders!', 'Gut ist anders.', 'Kundenservice ist anders.'])(
    'reads the German idiom "X ist anders" (this is not X) as a complaint: "%s"', (text) => {
      // Code review: "Schön ist anders." at one star read as praise, so the draft was held as contradicting the rating.
      expect(classify({ text, language: 'de' }).negative).toBe(true);
    },
  );

  it.each([
    ['de', 'Ich habe eine Lebensmittelvergiftung bekommen, mein Anwalt meldet sich.', ['health_safety', 'legal_threat']],
    ['fr', "C'est une arnaque, je vais porter plainte.", ['fraud_scam', 'legal_threat']],
    ['es', 'Es una estafa, me cobraron sin mi consentimiento.', ['fraud_scam', 'privacy']],
    ['nl', 'Oplichters! Ze hebben zonder toestemming afgeschreven, ik doe aangifte.', ['fraud_scam', 'legal_threat']],
    ['it', 'Il personale è stato razzista con noi.', ['discrimination']],
    ['pt', 'Isso é golpe, vou no Procon.', ['fraud_scam', 'legal_threat']],
    // A burn is an injury: "Hand verbrannt weil der Kaffee ausgelaufen ist" got a reply that never mentioned it.
    ['de', 'Deckel undicht, beim ersten Gebrauch die Hand verbrannt.', ['health_safety']],
    ['fr', "Le couvercle fuit, je me suis brûlé la main.", ['health_safety']],
    ['es', 'La tapa gotea y me quemé la mano.', ['health_safety']],
    ['nl', 'Het deksel lekt, ik heb een brandwond aan mijn hand.', ['health_safety']],
    ['it', 'Il coperchio perde, mi sono ustionato la mano.', ['health_safety']],
    ['pt', 'A tampa vaza e eu me queimei com o café.', ['health_safety']],
  ])('escalates %s critical complaints', (lang, text, rules) => {
    const v = classify({ text });
    expect(v.language).toBe(lang);
    expect(v.severity).toBe('critical');
    for (const id of rules) {
      const label = { health_safety: 'health or safety', legal_threat: 'legal action', fraud_scam: 'fraud', privacy: 'privacy', discrimination: 'discrimination' }[id]!;
      expect(v.reasons.join(' ')).toContain(label);
    }
  });

  it('reads the burn a flask warns of as praise of how hot it keeps, not an injury', () => {
    // German thermos reviews praise "Verbrennungsgefahr", "fast die Finger verbrüht", "mich verbrannt, weil er noch kochend heiß war".
    for (const text of ['Achtung hält sehr sehr lange heiße Getränke heiß. Verbrennungsgefahr. Super Becher!!!',
      'Das erste Mal habe ich mich verbrannt, weil er nach 3 Stunden noch kochend heiß war. Toller Becher!',
      'Auch nach 27 Stunden fast noch die Finger verbrüht! Nur zu empfehlen!']) {
      const v = classify({ text, language: 'de' });
      expect(v.severity, text).not.toBe('critical');
      expect(v.negative, text).toBe(false);
    }
  });

  it.each([
    ['de', 'Jedes Gericht war ein Genuss!', 5],
    ['fr', "Notre vol avait du retard, la réception nous a attendus jusqu'à 2h du matin. Merci !", 5],
    ['de', 'Die Anzeige der Kontostände ist übersichtlich.', 4],
    ['es', 'A mi juicio la app es algo lenta, pero cumple.', 4],
    ['es', 'El consumo de batería es un poco alto.', 4],
    ['es', 'Mucha demanda los sábados, hay que reservar.', 4],
    ['pt', 'O processo de troca foi tranquilo.', 5],
    ['nl', 'De slotenmaker kwam snel nadat de politie het slot kapot had gemaakt. Top!', 5],
    ['it', 'La ferita è guarita benissimo, grazie dottore!', 5],
  ])('does not escalate a word that only looks like a threat or an injury (%s "%s")', (language, text, rating) => {
    // A new user's trial: "Gericht" is a dish, "vol" a flight, "juicio" an opinion, "la ferita" a healed wound.
    const v = classify({ text, rating, language });
    expect(v.severity).not.toBe('critical');
    expect(v.negative).toBe(false);
  });

  it.each([
    ['de', 'Die Kellnerin machte rassistische Bemerkungen.'],
    ['fr', 'Le serveur a fait des remarques racistes.'],
    ['es', 'El camarero hizo comentarios racistas.'],
    ['it', 'Il cameriere ha fatto commenti razzisti.'],
    ['nl', 'De ober maakte racistische opmerkingen.'],
    ['pt', 'O garçom fez comentários racistas.'],
    ['fr', 'Ma fille a été intoxiquée après le repas.'],
    ['it', 'Siamo stati intossicati dopo la cena.'],
    ['nl', 'We zijn allemaal vergiftigd na het diner.'],
    ['es', 'Nos intoxicamos con el pescado.'],
    ['de', 'Meine Kontodaten wurden an Dritte weitergegeben.'],
    ['fr', 'Mes coordonnées bancaires ont fuité.'],
    ['fr', 'Je vais déposer plainte.'],
    ['es', 'Os llevaré a juicio.'],
    ['pt', 'Vou entrar com um processo contra vocês.'],
    ['de', 'Wir werden Sie vor Gericht bringen.'],
    // Discrimination described rather than named.
    ['fr', 'On nous a refusé une table parce que nous sommes arabes.'],
    ['es', 'Me trataron con desprecio por ser extranjero.'],
    ['en', 'They refused to serve us because we are black.'],
    ['de', 'Man hat uns wegen unserer Herkunft nicht bedient.'],
    // After an elided article, which the tokenizer joins to the word ("l'arnaque" reads "larnaque").
    ['fr', "C'est de l'arnaque."],
    ['fr', "J'ai fini à l'hôpital après ce repas."],
    ['it', "Sono finito all'ospedale dopo la cena."],
    ['it', "Ho già contattato l'avvocato."],
  ])('escalates a critical complaint in its inflected or spelled-out form (%s "%s")', (language, text) => {
    // A new user's trial: "rassistische", "racistes", "intoxiquée", "intossicati" were not critical.
    expect(classify({ text, language }).severity).toBe('critical');
  });

  it('escalates a burn from what was served, not a sunburn by the pool', () => {
    // "me quemé" and "heb me verbrand" alone fired on hotel guests who got sunburnt (code review).
    for (const text of ['Me quemé en la piscina porque no había sombrillas.', 'Me quemé con el sol el primer día, no había sombra.',
      'Ik heb me verbrand in de zon, er waren geen parasols bij het zwembad.']) {
      expect(classify({ text }).severity, text).not.toBe('critical');
    }
    for (const text of ['Me quemé con el café, la tapa no cierra bien.', 'Me quemé los dedos con la tapa del termo.',
      'Ik heb me verbrand aan de waterkoker, het handvat wordt heet.']) {
      const v = classify({ text });
      expect(v.severity, text).toBe('critical');
      expect(v.reasons.join(' '), text).toContain('health or safety');
    }
  });

  it.each([
    ['es', 'No me atendieron por ser extranjero.'],
    ['pt', 'Não me atenderam por ser estrangeiro.'],
    ['en', "They didn't serve us because we are black."],
    ['fr', "On ne nous a pas servis parce que nous sommes arabes."],
    ['de', 'Man hat uns nicht bedient, weil wir Ausländer sind.'],
    ['nl', 'Ze wilden ons niet bedienen omdat we buitenlanders zijn.'],
    ['it', 'Non ci hanno servito perché siamo stranieri.'],
  ])('escalates discrimination described after a negated verb: the negation is the refusal, not of the reason (%s "%s")', (language, text) => {
    // Left open by the last session: "No me atendieron por ser extranjero" lost its critical hit to the "No".
    const v = classify({ text, language });
    expect(v.severity).toBe('critical');
    expect(v.reasons.join(' ')).toContain('discrimination');
  });

  it('keeps "por" a plain preposition for negation: "Nadie por aquí te ayuda" is a complaint (code review)', () => {
    expect(classify({ text: 'Nadie por aquí te ayuda.', language: 'es' }).negative).toBe(true);
    expect(classify({ text: 'Ninguém por aqui ajuda.', language: 'pt' }).negative).toBe(true);
  });

  it('does not count a negated critical mention in any language', () => {
    for (const text of ['Keine Lebensmittelvergiftung, alles gut.', "Ce n'est pas une arnaque, tout est correct.", 'No es ninguna estafa, todo perfecto.',
      'Non è una truffa, tutto perfetto.', 'Não é golpe, tudo certo.', 'Geen oplichting, alles prima.']) {
      expect(classify({ text }).severity, text).not.toBe('critical');
    }
  });

  it('matches words with or without the accents reviewers leave out', () => {
    expect(tokenize('Très déçu, serviço péssimo').map((t) => t.norm)).toEqual(['tres', 'decu', ',', 'servico', 'pessimo']);
    // Umlauts and ñ tell words apart, so they stay.
    expect(tokenize('schön año').map((t) => t.norm)).toEqual(['schön', 'año']);
    expect(normalisePattern("Très sale, n'était")).toEqual(['tres', 'sale,', 'netait']);
    expect(classify({ text: 'tres decu, tres mal', language: 'fr' }).negative).toBe(true);
    expect(classify({ text: 'nao gostei, pessimo', language: 'pt' }).negative).toBe(true);
  });

  it("reads a Brazilian shop's order complaints as complaints, greetings and all, and an order as promised as praise", () => {
    for (const text of [
      'Recebi apenas 1 detector de metal e a compra foram de 2 unidades. Como podemos resolver isso?',
      'Boa tarde, veio o produto errado. Aguardo retorno.',
      'Comprei 2 frascos e só chegou 1. Espero que a situação seja resolvida.',
      'Veio avariado e já pedi a troca. Obrigado',
    ]) {
      expect(classify({ text }).negative, text).toBe(true);
    }
    for (const text of ['Tudo certo, conforme o anúncio.', 'Produto entregue dentro do prazo.', 'Atendeu minhas expectativas.', 'Podem comprar sem medo']) {
      expect(classify({ text }).negative, text).toBe(false);
    }
  });

  it('reads a disappointed Portuguese reader\'s soft words as a complaint: diminutives and "sem graça"', () => {
    // "bem" (well) alone would read as praise; the built model's prior is not the reason for these verdicts.
    expect(classify({ text: 'Livro bem chatinho.' }).negative).toBe(true);
    for (const [text, word] of [['Achei a história fraquinha.', '"fraquinha" (negative word)'], ['Achei o livro sem graça.', '"sem graça" (complaint)'], ['O final é previsível.', '"previsível" (negative word)'], ['Parei de ler na metade.', '"Parei de ler" (complaint)']] as const) {
      const v = classify({ text });
      expect(v.negative, text).toBe(true);
      expect(v.reasons.join(' | '), text).toContain(word);
    }
  });

  it('names a Portuguese reader\'s verdicts on a dull, pointless or overrated purchase', () => {
    for (const [text, word] of [
      ['Totalmente dispensável.', '"Totalmente dispensável" (negative word, intensified)'],
      ['O enredo não prende, é maçante.', '"não prende" (complaint)'],
      ['Nada de novo, só repete o que já sabemos.', '"Nada de novo" (complaint)'],
      ['Livro superestimado.', '"superestimado" (negative word)'],
      ['Livro mal escrito.', '"mal escrito" (complaint)'],
      ['Um texto sem sentido.', '"sem sentido" (complaint)'],
      ['O livro me decepcionou.', '"decepcionou" (negative word)'],
      ['Poderia ter sido melhor.', '"Poderia ter sido melhor" (complaint)'],
    ] as const) {
      const v = classify({ text });
      expect(v.negative, text).toBe(true);
      expect(v.reasons.join(' | '), text).toContain(word);
    }
  });

  it('reads an Italian hotel guest: "da migliorare" and "si sente tutto" are complaints, "cortese" is praise, a lack is a fault', () => {
    for (const text of ['La colazione è da migliorare.', 'Si sente tutto dalla strada.']) expect(classify({ text }).negative, text).toBe(true);
    for (const text of ['Il personale è molto cortese.', 'Personale cortese ed efficiente.']) expect(classify({ text }).negative, text).toBe(false);
    // Before, these were flagged on the built model's prior alone, with no word to name: now the words say why.
    expect(classify({ text: 'Manca il bollitore in camera.' }).reasons.join(' | ')).toContain('"Manca" (negative word)');
    expect(classify({ text: "Camera un po' piccola e datata." }).reasons.join(' | ')).toContain('"datata" (negative word)');
  });

  it('reads "spectacular" and "a must" as praise in every language (each was flagged on the built model\'s prior)', () => {
    for (const text of ['Livro espetacular.', 'Imperdível!', 'Imperdible.', 'Spectaculaire !', 'Spektakulär!', 'Spectaculair!', 'Posto spettacolare.', 'Vale muito!']) {
      expect(classify({ text }).negative, text).toBe(false);
    }
  });

  it('reads the commonest German praise of a product or an order as praise, comma and all, and its negation as a complaint', () => {
    for (const text of ['Hält, was es verspricht!', 'Hält was es verspricht.', 'Würde ich immer wieder kaufen.', 'Passt alles.', 'Passt!', 'Tut, was er soll.', 'Equipe nota 10',
      'Demais!',
      'Preis-Leistung stimmt.', 'Wie beschrieben.', 'Kaufempfehlung!', '5 Sterne']) {
      expect(classify({ text }).negative, text).toBe(false);
    }
    // The negator at the end of a German clause negates backward; a phrase that holds it ("hält nicht") is not
    // negated a second time into praise (it was, before: "Hält nicht, was es verspricht." read as praise).
    // German puts "nicht" after the verb, where only a clause-final one negates backward: no praise phrase may rest on a
    // verb it can follow ("Ich empfehle das nicht weiter."), or on words a complaint opens with ("Hohe Qualität versprochen").
    for (const text of ['Hält nicht, was es verspricht.', 'Das Produkt hält leider nicht, was es verspricht.', 'Macht nicht, was er soll.',
      'Ich empfehle den Shop nicht weiter, die Ware kam kaputt an.', 'Ich empfehle das nicht weiter.', 'Würde ich nicht wieder kaufen.',
      'Musste es wieder kaufen, weil es nach einer Woche kaputt war.', 'Hohe Qualität versprochen, billiger Schrott geliefert.',
      'Der Deckel passt nicht auf den Becher.', 'Die Hülle passt gar nicht auf das Handy.', 'Der Deckel passt überhaupt nicht auf den Becher.',
      'Nur 2 von 5 Sterne, das Essen war kalt.']) {
      expect(classify({ text }).negative, text).toBe(true);
    }
    for (const text of ['Conforme à la description.', 'Tal como se describe.', 'Doet wat het moet doen.', 'Zoals beschreven.', 'Fa quello che deve.',
      'Come descritto.', 'Ritornerò.']) {
      expect(classify({ text }).negative, text).toBe(false);
    }
  });

  it('adds configured critical rules in every language', () => {
    const c = createClassifier({ criticalRules: [{ id: 'pets', label: 'pets', patterns: ['hund*', 'chien'] }] });
    expect(c.classify({ text: 'Der Hund des Wirts hat mich gebissen, schrecklich.' }).severity).toBe('critical');
    expect(c.classify({ text: 'Le chien du patron nous a mordus, horrible.' }).severity).toBe('critical');
  });
});
