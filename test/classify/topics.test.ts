import { describe, expect, it } from 'vitest';
import { classify, createClassifier, DEFAULT_TAXONOMY } from '../../src/classify/index.js';
import { taxonomyFor, type Industry } from '../../src/classify/taxonomies/index.js';

describe('topics', () => {
  it('has the documented default topic ids', () => {
    expect(DEFAULT_TAXONOMY.map((t) => t.id)).toEqual([
      'product_quality', 'staff_service', 'waiting_time', 'price_billing', 'onboarding_usability', 'app_bugs', 'cleanliness', 'communication',
      'account_access', 'delivery', 'property_damage',
    ]);
  });

  it.each([
    ['The waitress was rude to us.', 'staff_service'],
    ['We waited 45 minutes for a table.', 'waiting_time'],
    ['They charged me twice and refused a refund.', 'price_billing'],
    ['The app keeps crashing since the update.', 'app_bugs'],
    ['Setup was confusing and the instructions made no sense.', 'onboarding_usability'],
    ['The bathroom was filthy.', 'cleanliness'],
    ['Nobody answered my emails for two weeks.', 'communication'],
    ['The handle broke after a week, really poor quality.', 'product_quality'],
  ])('%s -> %s', (text, topic) => {
    expect(classify({ text }).topics).toContain(topic);
  });

  it('finds several topics in one review and none in a review about nothing in particular', () => {
    expect(classify({ text: 'Rude staff, a dirty table and a 40 minute wait.' }).topics).toEqual(
      expect.arrayContaining(['staff_service', 'cleanliness', 'waiting_time']),
    );
    expect(classify({ text: 'Meh.' }).topics).toEqual([]);
  });

  it('uses a taxonomy from config', () => {
    const c = createClassifier({ taxonomy: [...DEFAULT_TAXONOMY, { id: 'parking', label: 'Parking', keywords: ['parking', 'car park'] }] });
    expect(c.classify({ text: 'Impossible to find parking, the car park was full.' }).topics).toContain('parking');
    expect(classify({ text: 'Impossible to find parking, the car park was full.' }).topics).not.toContain('parking');
  });

  it('leaves out a topic whose complaint word the reviewer denied, and keeps one whose praise word was denied', () => {
    // "not rude" praises the staff: a reply must not apologise for them.
    for (const text of ['The staff were not rude at all, but the room was dirty.', 'The staff was never rude. The bathroom was filthy though.']) {
      const v = classify({ text, rating: 2 });
      expect(v.topics, text).toContain('cleanliness');
      expect(v.topics, text).not.toContain('staff_service');
    }
    expect(classify({ text: 'The staff were not helpful at all and the room was dirty.', rating: 2 }).topics).toEqual(
      expect.arrayContaining(['staff_service', 'cleanliness']),
    );
    expect(classify({ text: 'The waiter was rude and the room was not clean.', rating: 1 }).topics).toEqual(expect.arrayContaining(['staff_service', 'cleanliness']));
  });

  it('lists the concerns of a review that is not negative: topics raised in a clause that complains', () => {
    const hotel = createClassifier({ taxonomy: taxonomyFor('hotel') });
    const mixed = hotel.classify({ text: 'Lovely room and great location. Breakfast was disappointing and the wifi kept dropping.', rating: 4 });
    expect(mixed.negative).toBe(false);
    expect(mixed.concerns).toEqual(expect.arrayContaining(['breakfast']));
    // Praise, and a neutral mention, are no concern.
    expect(hotel.classify({ text: 'Great breakfast, friendly staff and a spotless room.', rating: 5 }).concerns ?? []).toEqual([]);
    expect(hotel.classify({ text: 'We had breakfast in the garden every morning. Lovely stay!', rating: 5 }).concerns ?? []).toEqual([]);
    // A negative review's topics are its complaints already.
    expect(hotel.classify({ text: 'The breakfast was awful and the room was dirty.', rating: 1 }).concerns).toBeUndefined();
    // In another judged language too.
    const fr = hotel.classify({ text: 'Chambre très agréable, mais le petit-déjeuner était décevant.', rating: 4 });
    expect(fr.negative).toBe(false);
    expect(fr.concerns).toEqual(['breakfast']);
  });

  it('leaves out the staff a German, French, Dutch or Italian reviewer praised, and keeps what they complained of', () => {
    // "Das Personal war super nett, aber das Essen war leider kalt" got an apology for "das Verhalten unseres Personals".
    const restaurant = createClassifier({ taxonomy: taxonomyFor('restaurant') });
    for (const text of [
      'Das Personal war super nett, aber das Essen war leider kalt.',
      'Le personnel était adorable, mais les plats étaient froids.',
      'Het personeel was super vriendelijk, maar het eten was koud.',
      'Il personale era gentilissimo, ma il cibo era freddo.',
    ]) {
      const v = restaurant.classify({ text, rating: 2 });
      expect(v.topics, text).toEqual(['food_quality']);
    }
    for (const text of ['Atención al cliente excelente.', 'Het personeel is top.', 'Personale molto professionale.', 'Das Personal ist super.']) {
      const v = restaurant.classify({ text, rating: 5 });
      expect(v.topics, text).toEqual([]);
      expect(v.concerns ?? [], text).toEqual([]);
    }
    // Customer service praised in a bank's 5-star review is no concern, though "service client" alone is a mild complaint word.
    const bank = createClassifier({ taxonomy: taxonomyFor('bank_fintech') });
    for (const text of ['Excellente banque, le service client répond vite.', 'Excelente banco, la atención al cliente responde rápido.']) {
      expect(bank.classify({ text, rating: 5 }).concerns ?? [], text).toEqual([]);
    }
  });

  it('takes a problem the business fixed as praise, not a concern ("fixed the leak quickly", "hat das Leck repariert")', () => {
    const trades = createClassifier({ taxonomy: taxonomyFor('home_services') });
    for (const text of [
      'Great plumber, fixed the leak quickly.',
      'Repaired the leaking pipe in no time, very tidy.',
      'Super Klempner, hat das Leck schnell repariert.',
      'Top loodgieter, heeft het lek snel gerepareerd.',
      'Excellent plombier, il a réparé la fuite rapidement.',
      'Fontanero excelente, arregló la fuga en nada.',
      'Ottimo idraulico, ha riparato la perdita subito.',
      'Ótimo encanador, consertou o vazamento rapidinho.',
    ]) {
      const v = trades.classify({ text, rating: 5 });
      expect(v.concerns ?? [], text).toEqual([]);
      expect(v.topics, text).toEqual([]);
    }
    const app = createClassifier({ taxonomy: taxonomyFor('app_software') });
    expect(app.classify({ text: 'The update fixed the crashes, works great now.', rating: 5 }).concerns ?? []).toEqual([]);
    // Not fixed, or something else went wrong: still the topic.
    for (const text of ['They never fixed the leak.', "They didn't fix the leak.", 'Het lek is niet gerepareerd.', 'Das Leck wurde nicht repariert.', 'Fixed the leak but flooded the kitchen.']) {
      expect(trades.classify({ text, rating: 1 }).topics, text).toContain('property_damage');
    }
    // "fixed" right before a noun is an adjective: a fixed price is still a price.
    expect(trades.classify({ text: 'They charged twice the fixed price they quoted.', rating: 1 }).topics).toContain('price_billing');
  });

  it('takes what follows "aber", "maar", "mais" in a 4-star review as a concern, where no model of the language has learned its words', () => {
    // "Schönes Zimmer und tolle Lage, aber das WLAN funktionierte kaum" was thanked with "Das ganze Team freut sich
    // riesig": the languages' models are their lexicons, and "kaum", "viel tegen", "ont augmenté" are in none of them.
    const cases: [Industry, string, string][] = [
      ['hotel', 'Schönes Zimmer und tolle Lage, aber das WLAN funktionierte kaum.', 'amenities'],
      ['retail_ecommerce', 'Gute Qualität, aber der Versand hat lange gedauert.', 'delivery'],
      ['hotel', 'Fijne kamer, maar het ontbijt viel tegen.', 'breakfast'],
      ['bank_fintech', 'Bonne banque, mais les frais ont augmenté.', 'fees'],
      ['retail_ecommerce', 'Bon produit, mais la livraison a pris deux semaines.', 'delivery'],
      ['restaurant', 'Ganz okay, aber die Preise sind zu hoch.', 'price_billing'],
    ];
    for (const [industry, text, topic] of cases) {
      const v = createClassifier({ taxonomy: taxonomyFor(industry) }).classify({ text, rating: 4 });
      expect(v.negative, text).toBe(false);
      expect(v.concerns, text).toEqual([topic]);
    }
    // What follows praises, or nothing follows "but": no concern.
    const hotel = createClassifier({ taxonomy: taxonomyFor('hotel') });
    for (const text of ['Kleines Zimmer, aber das Frühstück war super.', 'Petite chambre mais le petit-déjeuner était excellent.', 'Klein kamer maar het ontbijt was heerlijk.']) {
      expect(hotel.classify({ text, rating: 5 }).concerns ?? [], text).toEqual([]);
    }
  });

  it('takes loud music after "but" as a concern in every language ("la música estaba demasiado alta")', () => {
    const restaurant = createClassifier({ taxonomy: taxonomyFor('restaurant') });
    for (const text of [
      'Comida muy rica pero la música estaba demasiado alta.',
      'Cibo ottimo ma la musica era troppo alta.',
      'Bon repas mais la musique était trop forte.',
      'Lekker eten maar de muziek stond te hard.',
      'Comida ótima mas a música estava alta demais.',
      'Super Essen, aber die Musik war zu laut.',
      'Great food but the music was too loud.',
    ]) {
      const v = restaurant.classify({ text, rating: 4 });
      expect(v.negative, text).toBe(false);
      expect(v.concerns, text).toEqual(['ambience']);
    }
  });

  it('takes what follows "but" in a 4-star review as a concern when it reads as a complaint, with or without a complaint word', () => {
    // "Great coffee but the queue was really slow" had no word of the lexicon after "but": the thank-you said
    // "so glad to hear about your experience" and nothing of the queue. The model's learned phrases ("was really slow") tell.
    const cafe = createClassifier({ taxonomy: taxonomyFor('cafe_bakery') });
    for (const text of ['Great coffee but the queue was really slow.', 'Nice place, but the wait was long.', 'Lovely cakes, but the line was long.']) {
      const v = cafe.classify({ text, rating: 4 });
      expect(v.negative, text).toBe(false);
      expect(v.concerns, text).toEqual(['waiting_time']);
    }
    // What comes after "but" and makes up for the rest, or praises, is no concern.
    for (const text of ['The queue was long, but the cakes made up for it.', 'A bit of a queue, but the cakes were lovely.', 'Busy place but the staff were quick and friendly.']) {
      const v = cafe.classify({ text, rating: 5 });
      expect(v.concerns ?? [], text).not.toContain('product_quality');
      expect(v.concerns ?? [], text).not.toContain('staff_service');
    }
  });

  it('takes what a star was taken off for as a concern: "Ein Stern Abzug, weil die Lieferung …"', () => {
    const shop = createClassifier({ taxonomy: taxonomyFor('retail_ecommerce') });
    const hotel = createClassifier({ taxonomy: taxonomyFor('hotel') });
    const cases: [ReturnType<typeof createClassifier>, string, string][] = [
      [shop, 'Ein Stern Abzug, weil die Lieferung etwas gedauert hat. Sonst alles super.', 'delivery'],
      [shop, 'Great app, one star off for the delivery times.', 'delivery'],
      [hotel, 'Très bon hôtel, une étoile en moins pour le petit-déjeuner.', 'breakfast'],
      [hotel, 'Buen hotel, una estrella menos por el desayuno.', 'breakfast'],
    ];
    for (const [c, text, topic] of cases) {
      const v = c.classify({ text, rating: 4 });
      expect(v.negative, text).toBe(false);
      expect(v.concerns, text).toEqual([topic]);
    }
    // The praise beside it is no concern.
    expect(hotel.classify({ text: 'Das Frühstück war hervorragend. Ein Stern Abzug für die Parkplatzsuche.', rating: 4 }).concerns ?? []).not.toContain('breakfast');
  });
});
