import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';

// Short reviews as customers write them, in every judged language other than English: written for this project (no
// data set's text), from the praise and complaints of review sites and app stores. Many were flagged the wrong way
// on the built models' prior (a text whose words no lexicon knows leans negative), or placed in another language.
const pos: Record<string, string[]> = {
  de: ['Alles bestens!', 'Gerne wieder.', 'Sehr empfehlenswert!', 'Super Service!', 'Schnelle Lieferung, alles gut.', 'Klasse!', 'Einfach lecker!', 'Top Qualität!', 'Nichts zu meckern.', 'Immer wieder gerne!', 'Bin zufrieden.', 'Volle Punktzahl!', 'Sehr nettes Personal.', 'Weiter so!', 'Danke für alles!'],
  fr: ['Très bon accueil.', 'Je recommande vivement !', 'Rien à dire, parfait.', 'Service au top !', 'Personnel adorable.', 'On reviendra !', 'Excellent rapport qualité-prix.', 'Super expérience.', 'Très satisfait.', 'Bravo à toute l\'équipe !', 'Nickel !', 'Un régal !'],
  es: ['Todo perfecto.', 'Muy recomendable.', 'Volveremos seguro.', 'Trato excelente.', 'De diez.', 'Genial todo.', 'Muy contentos.', 'Buen servicio.', '¡Un acierto!', 'Nada que objetar.', 'Personal muy amable.', 'Lo mejor de la zona.'],
  nl: ['Alles prima geregeld.', 'Zeker een aanrader!', 'Top service!', 'Heel tevreden.', 'Vriendelijk personeel.', 'Wij komen zeker terug.', 'Snel geleverd, prima product.', 'Niets op aan te merken.', 'Keurig!', 'Helemaal goed.', 'Dikke tien!', 'Echt een toppertje.'],
  it: ['Tutto perfetto!', 'Consigliatissimo!', 'Personale gentilissimo.', 'Torneremo sicuramente.', 'Ottimo servizio.', 'Niente da dire.', 'Esperienza fantastica.', 'Super consigliato.', 'Bravi!', 'Rapporto qualità prezzo ottimo.', 'Veramente top.', 'Soddisfatti al 100%.'],
  pt: ['Tudo perfeito!', 'Recomendo muito!', 'Atendimento nota 10.', 'Voltarei com certeza.', 'Adorei!', 'Chegou rápido, tudo certo.', 'Produto excelente.', 'Muito satisfeito.', 'Top demais!', 'Nada a reclamar.', 'Equipe muito atenciosa.', 'Show de bola!'],
};
const neg: Record<string, string[]> = {
  de: ['Finger weg!', 'Nie wieder.', 'Totaler Reinfall.', 'Geld zurück!', 'Katastrophe.', 'Unverschämt!', 'Nicht zu empfehlen.', 'Leider enttäuscht.', 'Lieferung kam nie an.', 'Kundenservice unerreichbar.', 'Unterirdisch.'],
  fr: ['À fuir !', 'Plus jamais.', 'Arnaque totale.', 'Très déçu.', 'Service déplorable.', 'Aucune réponse du SAV.', 'Colis jamais reçu.', 'Nul.', 'Je déconseille.', 'Une honte.'],
  es: ['No lo recomiendo.', 'Nunca más.', 'Una estafa.', 'Pésimo servicio.', 'Muy decepcionado.', 'El pedido nunca llegó.', 'Fatal.', 'Evitadlo.', 'Qué vergüenza.', 'No contestan.', 'Un servicio de pena.'],
  nl: ['Nooit meer.', 'Afblijven!', 'Oplichters.', 'Zeer teleurgesteld.', 'Slechte service.', 'Pakket nooit ontvangen.', 'Waardeloos.', 'Geen reactie van de klantenservice.', 'Niet aan te raden.', 'Schandalig.', 'Bagger.'],
  it: ['Mai più.', 'Da evitare.', 'Una truffa.', 'Pessimo servizio.', 'Molto deluso.', 'Ordine mai arrivato.', 'Vergognoso.', 'Non lo consiglio.', 'Servizio clienti inesistente.', 'Che delusione.', 'Una fregatura.'],
  pt: ['Não recomendo.', 'Nunca mais.', 'Golpe!', 'Péssimo atendimento.', 'Muito decepcionado.', 'O pedido nunca chegou.', 'Horrível.', 'Fujam!', 'Que vergonha.', 'Ninguém responde.'],
};

describe('short reviews in every language', () => {
  it.each(Object.entries(pos).flatMap(([lang, texts]) => texts.map((t) => [lang, t] as const)))('%s praise is not flagged: %s', (_lang, text) => {
    expect(classify({ text }).negative).toBe(false);
  });

  it.each(Object.entries(neg).flatMap(([lang, texts]) => texts.map((t) => [lang, t] as const)))('%s complaint is flagged: %s', (_lang, text) => {
    expect(classify({ text }).negative).toBe(true);
  });
});

describe('idioms that compare with better, or deny a fault', () => {
  // Each says the opposite of its sentiment word: "Besseres", "mieux", "mejor", "meglio", "melhor" in a complaint, "nicht"
  // and "mis" in praise.
  it.each(['Hatte schon Besseres.', 'Da ist noch viel Luft nach oben.', 'On a connu mieux.', "J'ai déjà mangé mieux ailleurs.", 'He comido mejor.', 'Ho mangiato di meglio.', 'Ho visto di meglio.', 'Já comi melhor.', 'Ik heb al beter gegeten.'])(
    'a complaint: %s',
    (text) => {
      const v = classify({ text });
      expect(v.negative, `${v.language}: ${v.reasons.join(' | ')}`).toBe(true);
    },
  );
  it.each(['Lohnt sich nicht.', 'Der Aufpreis lohnt sich nicht.'])('a German complaint: %s', (text) => {
    const v = classify({ text, language: 'de' });
    expect(v.negative, v.reasons.join(' | ')).toBe(true);
  });
  it.each(['Ich kann es nicht genug empfehlen.', 'Niks mis mee.', 'Niets mis mee, prima!', 'Die Investition lohnt sich.', 'Wie von Thermos zu erwarten, top Qualität.'])('praise: %s', (text) => {
    const v = classify({ text });
    expect(v.negative, `${v.language}: ${v.reasons.join(' | ')}`).toBe(false);
  });
});

describe('"could not be happier" in every judged language', () => {
  // A negated comparative after "be" is praise: English has read it so for long (isLitotes); the others read a complaint.
  it.each([
    'Je ne pourrais pas être plus satisfait.',
    'On ne pouvait pas rêver mieux.',
    'No podría estar más contento.',
    'No se puede pedir más.',
    'Non potrei essere più soddisfatta.',
    'Non si può chiedere di meglio.',
    'Não poderia estar mais satisfeito.',
    'Não tem como ser melhor.',
    'Ich könnte nicht zufriedener sein.',
    'Had niet beter gekund.',
    'Ik had niet tevredener kunnen zijn.',
  ])('praise: %s', (text) => {
    const v = classify({ text });
    expect(v.negative, `${v.language}: ${v.reasons.join(' | ')}`).toBe(false);
  });
  it.each(['Ce n\'est pas mieux qu\'avant, toujours aussi lent.', 'No es mejor que la versión anterior: sigue fallando.'])('still a complaint: %s', (text) => {
    expect(classify({ text }).negative).toBe(true);
  });
});

describe('"no regrets", "nothing to complain about" in every judged language', () => {
  it.each(['Keine Beanstandungen.', 'Kein Grund zur Beschwerde.', 'Rien de négatif.', 'Niente di negativo.', 'Nada malo que decir.', 'Nada de ruim a dizer.', 'Geen enkel probleem.'])(
    'praise, a fault denied: %s',
    (text) => {
      const v = classify({ text });
      expect(v.negative, `${v.language}: ${v.reasons.join(' | ')}`).toBe(false);
      expect(v.score, `${v.language}: ${v.reasons.join(' | ')}`).toBeGreaterThan(0.3);
    },
  );
  it.each(['Aucun regret !', "Je n'ai rien à reprocher.", 'Nada que reprochar.', 'Sin arrepentimientos.', 'Nessun rimpianto!', 'Niente da rimproverare.', 'Sem arrependimentos!', 'Keine Reue!', 'Geen spijt van!', 'No regrets!'])(
    'praise: %s',
    (text) => {
      const v = classify({ text });
      expect(v.negative, `${v.language}: ${v.reasons.join(' | ')}`).toBe(false);
    },
  );
});

describe('a word stretched for emphasis', () => {
  // The tokenizer cuts a run of three or more letters to two ("goood" -> "good", "cooool" -> "cool"); a word that needs
  // the run cut to one ("baaaad", "terribleeee") was then no word at all, and the review "neither praise nor a complaint".
  it.each(['baaaaad', 'This app is baaaaad', 'Terribleeee!!', 'sloooow app', 'Worrrrst service ever', 'Schleeecht!', 'Nuuuul.', 'Péééssimo!'])(
    'reads as the word it stretches, a complaint: %s',
    (text) => {
      const v = classify({ text });
      expect(v.negative, v.reasons.join(' | ')).toBe(true);
    },
  );

  it.each(['Goooood app', 'Loooove it!', 'Cooool', 'Amaaaazing service', 'Superrrr!', 'Géééénial !'])('reads as the word it stretches, praise: %s', (text) => {
    const v = classify({ text });
    expect(v.negative, v.reasons.join(' | ')).toBe(false);
    expect(v.score, v.reasons.join(' | ')).toBeGreaterThan(0.3);
  });
});

describe('a rating written in the text', () => {
  // A star taken off is a reviewer giving the rest: "Ein Stern Abzug" stood in 104 four- and five-star reviews of the German
  // tuning set and 2 negative ones, yet read as the one-star complaint "ein Stern".
  it.each([
    'Hält warm und dicht. Leider etwas breit, deshalb einen Stern Abzug.',
    'Ein Stern Abzug, weil der Deckel klemmt.',
    'Great app, one star off because of the ads.',
    'Minus one star for the slow delivery.',
    'Très bon hôtel, une étoile en moins pour le petit-déjeuner.',
    'Buen hotel, una estrella menos por el desayuno.',
    'Ottimo hotel, una stella in meno per la colazione.',
    'Prima hotel, een ster minder voor het ontbijt.',
    'Ótimo livro, uma estrela a menos pela capa.',
  ])('a star taken off is no one-star verdict: %s', (text) => {
    expect(classify({ text }).negative).toBe(false);
  });

  // Two stars, written out, are a complaint as one star is ("2 stars" in 66 of 70 reviews of the English train set that say
  // it, all negative; 16 of 17 in the shopping-app tuning set).
  it.each(['Giving it 2 stars.', 'Two stars, the case cracked in a week.', 'Zwei Sterne, der Deckel klemmt.', 'Deux étoiles, le service était lent.', 'Dos estrellas, el servicio fue lento.', 'Due stelle, servizio lento.', 'Twee sterren, de service was traag.', 'Duas estrelas, o atendimento foi lento.'])(
    'two stars are a complaint: %s',
    (text) => {
      const v = classify({ text });
      expect(v.negative).toBe(true);
      expect(v.reasons.join(' ')).toMatch(/\(complaint/);
    },
  );
});

describe('elided words', () => {
  // The tokenizer keeps an elided article or pronoun joined to its word ("un'ottima" reads "unottima", "d'excellente"
  // "dexcellente"), so the word went unread: "È stata un'ottima esperienza" was flagged as a complaint.
  it.each(["È stata un'ottima esperienza.", "Produit d'excellente qualité.", "Je n'ai jamais rien mangé d'aussi bon.", "Un'accoglienza splendida, tornerò."])(
    'reads the word after the apostrophe: %s is praise',
    (text) => {
      expect(classify({ text }).negative).toBe(false);
    },
  );
  it.each(["Un'esperienza orribile.", "On s'ennuie pendant tout le spectacle.", "Service d'une lenteur affreuse.", "L'accueil était nul et l'hôtel sale.", "Un'attesa infinita, personale dell'hotel scortese."])('and still flags a complaint: %s', (text) => {
    expect(classify({ text }).negative).toBe(true);
  });
});
