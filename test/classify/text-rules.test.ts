import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';

const text = (t: string) => classify({ text: t });

describe('negation', () => {
  it('flags a negated positive word and says so in the reasons', () => {
    const v = text('The food was not good at all.');
    expect(v.negative).toBe(true);
    expect(v.reasons.join(' ')).toMatch(/"not good" \(negated/);
  });

  it('reads a negated negative word as not a complaint', () => {
    expect(text('The staff were not rude, the room was not dirty and the price was fair.').negative).toBe(false);
    expect(text('I have no complaints, it works great.').negative).toBe(false);
  });

  it('treats "never again" as a complaint', () => {
    const v = text('Never again.');
    expect(v.negative).toBe(true);
    expect(v.reasons.join(' ')).toContain('"Never again"');
  });

  it('reads "couldn\'t be happier" as praise, not as a negation', () => {
    expect(text("I couldn't be happier with this phone.").negative).toBe(false);
  });

  it('does not let "never" invert "such bland food"', () => {
    expect(text('I have never had such bland food.').negative).toBe(true);
  });

  it('reads "never … so" as emphasis in every judged language: "Nunca había comido tan mal" is a complaint', () => {
    for (const t of [
      "Je n'ai jamais été aussi déçu.",
      'Nunca había comido tan mal.',
      'Non ho mai mangiato così male.',
      'Nunca fui tão mal atendido.',
      'Ich war noch nie so enttäuscht.',
      'Nog nooit zo slecht gegeten.',
    ]) {
      const v = text(t);
      expect(v.negative, `${t} ${v.reasons.join(' | ')}`).toBe(true);
    }
    for (const t of ["Jamais je n'ai mangé aussi bien.", 'Nunca había comido tan bien.', 'Non ho mai mangiato così bene.', 'Nunca fui tão bem atendido.', 'Ich habe noch nie so gut gegessen.', 'Nog nooit zo lekker gegeten!', 'Never had such a great meal.']) {
      const v = text(t);
      expect(v.negative, `${t} ${v.reasons.join(' | ')}`).toBe(false);
    }
  });

  it('reads disbelief ("can\'t believe how rude") as emphasis, not as a negation of what follows', () => {
    for (const t of ["I can't believe how rude the waiter was.", 'We could not believe how dirty the oysters were!', "Couldn't believe how bad the service was", "You won't believe how slow the app is", "I can't tell you how disappointed we were.", "I can't even describe how awful the smell was."]) {
      expect(text(t).negative, t).toBe(true);
    }
    for (const t of ["I can't believe how good this is!", "We couldn't believe how friendly everyone was.", "I can't tell you how happy we are with it."]) {
      const v = text(t);
      expect(v.negative, t).toBe(false);
      expect(v.score, t).toBeGreaterThan(0.3);
    }
    // A belief denied is still a negation.
    expect(text("I don't believe it's worth the money.").negative).toBe(true);
  });

  it('reads disbelief as emphasis in every judged language', () => {
    for (const t of [
      'No puedo creer lo sucio que estaba el baño.',
      'Ik kan niet geloven hoe vies het was.',
      'Não acredito como estava sujo o quarto.',
      'Je ne peux pas croire à quel point la chambre était sale.',
      'Non riesco a credere quanto fosse sporca la camera.',
    ]) {
      expect(text(t).negative, t).toBe(true);
    }
    for (const t of ['No puedo creer lo amables que fueron todos.', 'Ik kan niet geloven hoe lekker het was!', 'Não acredito como foi bom!']) {
      expect(text(t).negative, t).toBe(false);
    }
  });
});

describe('contrast', () => {
  it('lets the clause after "but" decide', () => {
    const v = text('The room was nice but the staff were rude.');
    expect(v.negative).toBe(true);
    expect(v.reasons.join(' ')).toMatch(/"rude" \(.*after "but"/);
    expect(text('The staff were rude but the room was lovely and the view amazing.').negative).toBe(false);
  });

  it('sets aside what came before "other than that", "apart from that", in the sentences before too', () => {
    for (const t of ['The search is slow sometimes. Other than that, great app.', 'Sometimes the app freezes. Apart from that it is perfect.', 'Delivery was late once, other than that I love it.']) {
      const v = text(t);
      expect(v.negative, t).toBe(false);
      expect(v.reasons.join(' '), t).toMatch(/after "(other than that|apart from that)"/i);
    }
    expect(text('The app is fine. Other than that, the delivery was terrible and I want a refund.').negative).toBe(true);
  });

  it('names the contrast word the reviewer used, in their language', () => {
    expect(text('Das Zimmer war schön, aber das Personal war unfreundlich.').reasons.join(' ')).toMatch(/after "aber"/);
    expect(text("La chambre était belle, mais le personnel était désagréable.").reasons.join(' ')).toMatch(/after "mais"/);
    expect(text('The room was nice. However, the staff were rude.').reasons.join(' ')).toMatch(/after "however"/);
  });
});

describe('intensifiers and diminishers', () => {
  it('moves the score further with an intensifier and less with a diminisher', () => {
    const plain = text('The service was bad.').score;
    const boosted = text('The service was extremely bad.').score;
    const damped = text('The service was slightly bad.').score;
    expect(boosted).toBeLessThan(plain);
    expect(damped).toBeGreaterThan(plain);
  });
});

describe('emoji and emoticons', () => {
  it('reads an angry emoji or a sad emoticon as negative and shows it', () => {
    const v = text('Delivery came today 😡');
    expect(v.negative).toBe(true);
    expect(v.reasons.join(' ')).toContain('😡');
    expect(text('Order arrived :(').negative).toBe(true);
  });

  it('reads happy emoji as positive', () => {
    expect(text('Delivery came today 😍👍').negative).toBe(false);
    expect(text('Order arrived :)').negative).toBe(false);
  });
});

describe('capitals and exclamation marks', () => {
  it('makes a shouted complaint more negative than the same words in lower case', () => {
    const calm = text('the service was bad.').score;
    const loud = text('the service was BAD!!!').score;
    expect(loud).toBeLessThan(calm);
    const v = text('the service was BAD!!!');
    expect(v.reasons.join(' ')).toMatch(/capitals/);
    expect(v.reasons.join(' ')).toContain('"!!!" (emphasis)');
  });
});

describe('sarcasm', () => {
  it('does not take sarcastic praise at face value', () => {
    const v = text('Oh great, the app crashed again and I lost my notes. Thanks for nothing.');
    expect(v.negative).toBe(true);
    expect(v.reasons.join(' ')).toMatch(/sarcasm/);
  });

  it('reads a praise word standing alone before a complaint as sarcasm, with no rating to tell, in every language', () => {
    for (const t of [
      'Great, another update that breaks everything.',
      'Wonderful, waited an hour for cold food.',
      'Perfect, the package arrived soaked and torn.',
      'Love how the app crashes every time I open it.',
      'Best customer service ever... not.',
      'Toll, schon wieder abgestürzt.',
      'Super, encore une mise à jour qui plante.',
      'Genial, otra vez sin cobertura y nadie contesta.',
      'Perfetto, il pacco è arrivato rotto.',
      'Ótimo, mais uma atualização que trava tudo.',
      'Geweldig, weer een update die alles kapot maakt.',
    ]) {
      const v = text(t);
      expect(v.negative, `${t} ${v.reasons.join(' | ')}`).toBe(true);
      expect(v.reasons.join(' '), t).toMatch(/sarcasm/);
    }
  });

  it('keeps praise that opens a review, and a real contrast, as they are', () => {
    for (const t of [
      'Great, the staff were so helpful and the room was spotless.',
      'Perfect, but the parking was a bit tight.',
      'Wonderful. We will be back!',
      'Love how easy the app is to use.',
      'Super, alles bestens.',
      'Perfekt. Läuft nicht aus und hält lange warm.',
    ]) {
      expect(text(t).negative, t).toBe(false);
    }
    // A sincere opener and a complaint after a full stop: mixed, not sarcastic.
    for (const t of ['Recomendo. Só não dou 5 estrelas pois o frete foi muito caro.', 'Super! Kein Auslaufen, Getränke bleiben heiß oder kalt.']) {
      expect(text(t).reasons.join(' '), t).not.toMatch(/sarcasm/);
    }
  });
});

describe('idioms whose words say the opposite', () => {
  it.each([
    "Can't recommend them enough!",
    "I can't recommend this place highly enough.",
    "Couldn't recommend them more.",
    "I can't say enough good things about them.",
    "Can't say enough about this team.",
  ])('reads %s as praise', (t) => {
    const v = text(t);
    expect(v.negative, v.reasons.join(' | ')).toBe(false);
    expect(v.score, v.reasons.join(' | ')).toBeGreaterThan(0.3);
  });

  it.each(["I've had better.", 'We have had better pizza elsewhere.', "Honestly, I've seen better."])('reads %s as a complaint', (t) => {
    expect(text(t).negative).toBe(true);
  });

  it('still reads a refusal to recommend as a complaint', () => {
    expect(text("I can't recommend this place.").negative).toBe(true);
    expect(text('Would not recommend them to anyone.').negative).toBe(true);
  });
});

describe('review-domain complaints without sentiment words', () => {
  it.each([
    ['We waited 40 minutes and nobody came to take our order.', 'waited 40 minutes'],
    ['I cancelled my subscription after they charged me twice.', 'cancelled my subscription'],
    ['The app crashes every time I open the camera.', 'crashes'],
    ['Still waiting for my refund three weeks later.', 'refund'],
    ['It stopped working after two days.', 'stopped working'],
    // Data an app lost ("deleted my" 7/0, "lost my" 15/1 in the shopping and bank apps' tuning sets).
    ['The update deleted my notes.', 'deleted my'],
    ['I lost my saved lists after the update.', 'lost my'],
  ])('%s', (sentence, phrase) => {
    const v = text(sentence);
    expect(v.negative).toBe(true);
    expect(v.reasons.join(' ').toLowerCase()).toContain(phrase);
  });

  it('reads a longer praise phrase over the complaint inside it: tender meat is no "fell apart", slow cooking no "so slow"', () => {
    for (const s of ['The brisket fell apart in my mouth.', 'The lamb was so slow cooked the meat fell off the bone.']) {
      expect(text(s).negative, s).toBe(false);
    }
    for (const s of ['The bag fell apart after a week.', 'Service was so slow we left.']) {
      expect(text(s).negative, s).toBe(true);
    }
  });

  it('does not flag plain praise', () => {
    for (const s of ['Friendly staff and the food came out quickly.', 'Works great, battery lasts all day.', 'Highly recommend this place!']) {
      expect(text(s).negative, s).toBe(false);
    }
  });

  it("reads an app's reviews as their writers mean them: a bug still there, a trip to make it work, speed as praise", () => {
    for (const s of ['The bug is still there. Please try to fix it', 'Every major update means you have to go back to the branch to make the app work.', 'Screenshots are not allowed, why?']) {
      expect(text(s).negative, s).toBe(true);
    }
    for (const s of ['fast and simple', 'Fast transfer', 'your service is too good']) {
      expect(text(s).negative, s).toBe(false);
    }
  });

  it("reads a shopping app's reviews: locked-out and refused refunds are complaints, 'can't live without it' is praise", () => {
    for (const s of ['It won\'t let me see my past orders.', 'They don\'t give refunds', 'The puzzles are pure trash', 'I am unable to sign in since the update.', 'with every update this app gets harder to navigate', 'Watch these crooks.',
      'Why can\'t I uninstall this app??', 'every delivery estimate is a lie', 'THIS APP NEEDS A DARK MODE!!!',
      'Product quality and delivery reliability have really gone down hill', 'Locked out of my account again.']) {
      expect(text(s).negative, s).toBe(true);
    }
    for (const s of ["can't live without Amazon!", "I'd be lost without Amazon!", "can't beat the prices", 'Has everything I need.', 'Not able to fault anything.', "Couldn't fault the service."]) {
      expect(text(s).negative, s).toBe(false);
    }
    // From a review of these phrases: complaints the praise phrases read as praise, praise the complaint phrases flagged.
    for (const s of ['We had to live without hot water for three days.', "I've never had a problem with the staff until today, when the manager yelled at me.", 'I swear by the time we got our food it was cold.']) {
      expect(text(s).negative, s).toBe(true);
    }
    // An app that keeps doing something wrong; a menu that keeps changing and a waiter who kept asking are no complaint.
    for (const s of ['The page keeps resetting my filters.', 'The video keeps buffering.']) {
      expect(text(s).negative, s).toBe(true);
    }
    // A drained battery is a complaint however it is said, and "like crazy"/"like anything" say how much, not that
    // the reviewer likes it: "This app is draining my battery like anything." read as praise through "like".
    for (const s of ['This app is draining my battery like anything.', 'It drains my battery like crazy.', 'Since the update it kills my battery.']) {
      expect(text(s).negative, s).toBe(true);
    }
    for (const s of ['Battery life is amazing, it never drains.', 'We laughed like crazy, loved the show.']) {
      expect(text(s).negative, s).toBe(false);
    }
    for (const s of ['The menu keeps changing with the seasons, always something new to try.', 'Kept asking if we needed anything, so attentive.',
      'Everyone keeps asking me where I bought these shoes.', 'We got locked out of our room at 2am and the night porter had us back in within minutes, so kind.', 'I keep popping back for more of their cinnamon buns.', 'The watch keeps charging quickly and lasts a week.']) {
      expect(text(s).negative, s).toBe(false);
    }
    // A customer leaving, prices raised, a gift card gone wrong; a shop the customer could not do without is praise.
    for (const s of ['You people messed up my gift card balance!!!', 'After adding purchases in the cart, the price increases', "I'm done with this app."]) {
      expect(text(s).negative, s).toBe(true);
    }
    // From a code review: the phrases above read the wrong way in ordinary sentences.
    for (const s of ['Been a customer for 10 years, never had an issue until yesterday.', 'No problems until today.']) {
      expect(text(s).negative, s).toBe(true);
    }
    for (const s of ['Got it all done with this app in minutes.', "The procedure didn't cause any pain, very gentle dentist.", 'No cause for complaint, everything was fine.']) {
      expect(text(s).negative, s).toBe(false);
    }
    for (const s of ["Don't know where I would be without amazon!", "I couldn't exist in a world without amazon!", 'how did we ever live without this!?!', 'Bought a gift card for my mum, lovely.']) {
      expect(text(s).negative, s).toBe(false);
    }
    for (const s of ['Every time I stay here the room is spotless.', "Call them to fix your roof, you won't regret it.", 'Other cleaners are late all the time, these guys are always on time.']) {
      expect(text(s).negative, s).toBe(false);
    }
  });
});

describe('score and title', () => {
  it('keeps the score in [-1, 1] with its sign matching the decision', () => {
    for (const s of ['Awful, awful, awful!!! 😡😡', 'Best pizza in town, amazing staff 😍', 'It is a phone.']) {
      const v = text(s);
      expect(v.score).toBeGreaterThanOrEqual(-1);
      expect(v.score).toBeLessThanOrEqual(1);
      if (v.negative) expect(v.score).toBeLessThan(0);
    }
  });

  it('reads the title with the text', () => {
    expect(classify({ title: 'Total waste of money', text: 'Bought it last month.' }).negative).toBe(true);
  });
});

describe('long texts', () => {
  it('ranks thousands of cues for the reasons in time, strongest first', () => {
    // Cues in rising strength are the worst case for ranking them by insertion: 45,000 of them took
    // seconds before long texts were sorted another way. Reviews have no length cap at the source.
    const long = ['meh. ', 'poor. ', 'worst. '].map((w) => w.repeat(15_000)).join('');
    const started = performance.now();
    const v = classify({ text: long });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(v.negative).toBe(true);
    expect(v.reasons.find((r) => r.startsWith('"'))).toBe('"worst" (negative word)');
  });
});

describe('a lukewarm review', () => {
  it('does not flag a review that is only a lukewarm word ("Ok", "Fine"), with or without 3 stars; anything more is read as usual', () => {
    for (const text of ['Ok', 'OK!', 'ok ok', 'Okay.', 'Fine', 'Decent']) expect(classify({ text }).negative, text).toBe(false);
    expect(classify({ text: 'Ok', rating: 3 }).negative).toBe(false);
    expect(classify({ text: 'Ok' }).reasons[0]).toBe('text is only a lukewarm word: neither praise nor a complaint');
    for (const text of ['Not ok', 'Ok but slow', 'ok 👎', 'Ok 2/10', 'ok 🙄', 'ok?']) expect(classify({ text }).negative, text).toBe(true);
    // The reasons do not also call the word praise.
    expect(classify({ text: 'Ok' }).reasons).toEqual(['text is only a lukewarm word: neither praise nor a complaint']);
  });

  it('reads "so-so" in every language the same way: "Ganz okay, nichts Besonderes", "Nella media", "Nada del otro mundo" at 3 stars', () => {
    // A German 3-star "Ganz okay, nichts Besonderes." got a full apology for "den Vorfall" (a native speaker's review).
    const soSo: [string, string][] = [
      ['de', 'Ganz okay, nichts Besonderes.'], ['de', 'Durchschnittlich.'], ['de', 'So lala.'], ['de', 'Es war in Ordnung.'], ['de', 'Alles okay.'],
      ['fr', 'Rien de spécial.'], ['fr', 'Correct, sans plus.'], ['fr', 'Bof.'],
      ['es', 'Nada del otro mundo.'], ['es', 'Normal, sin más.'], ['es', 'Regular.'],
      ['it', 'Nella media.'], ['it', 'Niente di speciale.'], ['it', 'Così così.'],
      ['nl', 'Niets bijzonders.'], ['nl', 'Gaat wel.'], ['nl', 'Redelijk.'],
      ['pt', 'Nada de especial.'], ['pt', 'Mais ou menos.'], ['pt', 'Dentro do esperado.'],
      ['en', 'Nothing special.'], ['en', 'Average.'], ['en', 'Meh.'], ['en', 'No comment'], ['en', "It's fine I guess. Nothing special."],
      ['it', 'Tutto sommato ok, niente di speciale.'],
    ];
    for (const [language, text] of soSo) {
      const v = classify({ text, language, rating: 3 });
      expect(v.negative, text).toBe(false);
      expect(v.reasons, text).toContain('text is only a lukewarm word: neither praise nor a complaint');
    }
    // A word more, and the text is read as usual: "nada bien" is "not good at all", "nichts geht" "nothing works".
    for (const [language, text] of [['es', 'Nada bien.'], ['de', 'Nichts geht mehr, nichts Besonderes.'], ['it', 'Nella media, ma il servizio era pessimo.'], ['fr', 'Pas correct.'], ['en', 'Nothing works.'], ['en', 'Average at best, the food was cold.']] as const) {
      expect(classify({ text, language, rating: 3 }).reasons, text).not.toContain('text is only a lukewarm word: neither praise nor a complaint');
    }
  });
});

describe('a text with no word the model knows', () => {
  // App-store reviews that are a name, a word of Amharic or Afaan Oromo in Latin letters, or a typo (the bank apps'
  // set has dozens, 1 to 5 stars): the model's bias alone would decide them, one way or the other by training's luck.
  it('neither flags nor praises it, says why, and leaves the rating to decide', () => {
    for (const text of ['Munejat Abdullah Sheraf', 'Dashibak', 'Wweeeer', 'Abessnya Banke']) {
      const v = classify({ text });
      expect(v.negative, text).toBe(false);
      expect(v.reasons, text).toEqual(['text has no word the model knows: neither praise nor a complaint']);
      expect(v.score, text).toBe(0);
    }
    expect(classify({ text: 'Dashibak', rating: 3 }).negative).toBe(false);
    expect(classify({ text: 'Dashibak', rating: 1 }).negative).toBe(true);
    // One word it knows is enough to judge the text again.
    expect(classify({ text: 'Dashibak keeps crashing' }).negative).toBe(true);
    // A question mark is no word: "Dashibak?" read 79% negative on the question feature alone (code review).
    expect(classify({ text: 'Dashibak?' }).negative).toBe(false);
    expect(classify({ text: 'Dashibak is great' }).negative).toBe(false);
  });
});

describe('contractions', () => {
  it('reads "I\'ll", "he\'ll" and "we\'ll" as "will": no "ill" (sick), "hell" or "well" in the reasons', () => {
    // A shopping-app review "Only if it has yarnaby I'll rate it 5 stars" was flagged on "I'll" (negative word).
    for (const t of ["He'll fix it tomorrow.", "I'll rate it later.", "We'll see how it goes."]) {
      expect(text(t).reasons.join(' '), t).not.toMatch(/(I'll|He'll|We'll)" \((negative|positive) word/);
    }
    expect(text("He'll come back tomorrow to finish the job.").negative).toBe(false);
  });
});
