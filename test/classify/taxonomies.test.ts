import { describe, expect, it } from 'vitest';
import { classify, createClassifier, INDUSTRIES, INDUSTRY_TOPICS, taxonomyFor, topicPhraseFor, type Industry } from '../../src/classify/index.js';
import { normalisePattern } from '../../src/classify/phrases.js';
import { TOPIC_LANGUAGES, type TopicLanguage } from '../../src/classify/taxonomies/index.js';

// Words that carry no topic: articles, pronouns, auxiliaries, prepositions, conjunctions…
const FUNCTION_WORDS: Record<TopicLanguage, string> = {
  en: 'the a an of to in on at for with by from and or but my our your his her their its it i we you he she they me us them is was were are be been being has have had do did does this that these those very so too just also still really as there here all any some',
  de: 'der die das den dem des ein eine einen einem einer und oder aber mein meine meinen unser unsere ihr ihre sein seine es ich wir sie er ist war waren sind bin hat haben hatte wurde wurden wird werden im in am an auf für mit von zu zum zur bei aus sehr so auch noch nur schon dann da',
  fr: 'le la les l un une des du de d et ou mais mon ma mes notre nos votre vos son sa ses il elle ils elles je j nous vous on ce cette ces est était étaient sont suis a ai avait ont été au aux à en dans sur pour avec par très trop aussi encore y',
  es: 'el la los las lo un una unos unas de del al y o pero mi mis nuestro nuestra su sus tu yo nosotros ellos ella él es era eran son fue está estaba estaban han ha había en con por para a muy tan también todavía ya que se me te le nos les',
  nl: 'de het een en of maar mijn ons onze uw jullie zijn haar hun ik wij we je u hij zij ze is was waren zijn ben heeft hebben had werd wordt in op aan voor met van bij uit te naar heel erg zo ook nog al er dat die dit deze',
  it: 'il lo la i gli le l un uno una di del della dei delle al alla e o ma mio mia miei nostro nostra vostro suo sua io noi voi lui lei loro è era erano sono ha hanno aveva stato stata in con per da su a molto troppo anche ancora già che si mi ci',
  pt: 'o a os as um uma uns umas de do da dos das ao à e ou mas meu minha meus nosso nossa seu sua eu nós você ele ela eles é era eram são foi está estava estavam tem têm tinha em no na nos nas com por para pelo pela muito também ainda já que se me',
};

// Words too general to tag a topic on their own, even with function words around them ("the update", "service was").
const WEAK_WORDS: Record<TopicLanguage, string> = {
  en: 'app apps application update updates account accounts service services food meal dish dishes thing things stuff place time times experience product products order orders item items company business people day week get getting got gets go going went make made take took come came give gave use used room rooms good bad great nice',
  de: 'app update konto service dienst essen gericht sache ding dinge zeit mal erfahrung produkt produkte bestellung firma leute tag bekommen kriegen machen gemacht gehen geht zimmer gut schlecht',
  fr: 'appli application app compte service nourriture repas plat plats chose truc endroit temps fois expérience produit produits commande entreprise gens jour avoir obtenir faire fait aller chambre bon bien mauvais',
  es: 'app aplicación actualización cuenta servicio comida plato platos cosa sitio lugar tiempo vez experiencia producto productos pedido empresa gente día tener conseguir hacer ir habitación bueno malo',
  nl: 'app applicatie update account rekening service dienst eten gerecht ding dingen plek tijd keer ervaring product producten bestelling bedrijf mensen dag krijgen kregen gekregen maken gaan kamer goed slecht',
  it: 'app applicazione aggiornamento account conto servizio cibo piatto piatti cosa posto tempo volta esperienza prodotto prodotti ordine azienda gente giorno avere ottenere fare andare camera stanza buono cattivo',
  pt: 'app aplicativo aplicação atualização actualização conta serviço comida prato pratos coisa lugar tempo vez experiência produto produtos pedido empresa pessoas dia ter conseguir fazer ir quarto bom mau ruim',
};

const words = (lists: Record<TopicLanguage, string>): Set<string> =>
  new Set(Object.values(lists).flatMap((l) => normalisePattern(l)));
const FUNCTION = words(FUNCTION_WORDS);
const WEAK = words(WEAK_WORDS);
const FILLER = new Set([...FUNCTION, ...WEAK]);

/** Why a keyword would tag on filler alone, or undefined when it names something specific. */
function fillerProblem(keyword: string): string | undefined {
  const parts = normalisePattern(keyword).filter((p) => p !== '*' && p !== '#');
  // A prefix that a filler word starts with ("serv*" matches "service") is as weak as that word.
  const isFiller = (p: string): boolean => (p.endsWith('*') ? [...FILLER].some((w) => w.startsWith(p.slice(0, -1))) : FILLER.has(p));
  const isFunction = (p: string): boolean => !p.endsWith('*') && FUNCTION.has(p);
  const content = parts.filter((p) => !isFunction(p));
  if (content.length === 0) return 'only function words';
  if (content.every(isFiller)) return `rests on filler: ${content.join(' ')}`;
  return undefined;
}

describe('industry taxonomies', () => {
  it('never tag on a filler word: every keyword of every industry and language names something specific', () => {
    const refused: string[] = [];
    for (const industry of INDUSTRIES) {
      for (const spec of INDUSTRY_TOPICS[industry]) {
        for (const lang of TOPIC_LANGUAGES) {
          for (const k of spec.keywords[lang]) {
            const why = fillerProblem(k);
            if (why) refused.push(`${industry}/${spec.id}/${lang}: "${k}" (${why})`);
          }
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it('the filler check refuses what the issue found too weak, and passes specific phrases', () => {
    for (const weak of ['app', 'update', 'account', 'service', 'food', 'getting', 'the update', 'service was', 'die app', 'le service', 'la cuenta', 'serv*'])
      expect(fillerProblem(weak), weak).toBeDefined();
    for (const specific of ['account frozen', 'since the update', 'customer service', 'cold food', 'konto gesperrt', 'refund*', 'waited # minutes'])
      expect(fillerProblem(specific), specific).toBeUndefined();
  });

  it('give every topic keywords and a long and a short reply phrase in every language, none of them its label', () => {
    for (const industry of INDUSTRIES) {
      const ids = INDUSTRY_TOPICS[industry].map((s) => s.id);
      expect(new Set(ids).size, industry).toBe(ids.length);
      for (const spec of INDUSTRY_TOPICS[industry]) {
        for (const lang of TOPIC_LANGUAGES) {
          expect(spec.keywords[lang].length, `${industry}/${spec.id}/${lang}`).toBeGreaterThan(0);
          for (const form of ['long', 'short'] as const) {
            const phrase = topicPhraseFor(industry, lang, spec.id, form) ?? '';
            expect(phrase, `${industry}/${spec.id}/${lang}/${form}`).toMatch(/\p{L}{3}/u);
            expect(phrase.toLowerCase(), `${industry}/${spec.id}/${lang}/${form}`).not.toBe(spec.label.toLowerCase());
          }
        }
      }
    }
  });

  it('compile into a classifier for every industry', () => {
    for (const industry of INDUSTRIES) expect(() => createClassifier({ taxonomy: taxonomyFor(industry) })).not.toThrow();
  });

  it('keeps the generic taxonomy the default, with the first taxonomy’s ids first', () => {
    expect(taxonomyFor('generic').map((t) => t.id).slice(0, 8)).toEqual([
      'product_quality', 'staff_service', 'waiting_time', 'price_billing', 'onboarding_usability', 'app_bugs', 'cleanliness', 'communication',
    ]);
    expect(classify({ text: 'Their account was frozen and nobody answered my emails.' }).topics).toEqual(['communication', 'account_access']);
  });
});

const tag = (industry: Industry, text: string): string[] => createClassifier({ taxonomy: taxonomyFor(industry) }).classify({ text }).topics;

describe('the issue’s mis-tagged reviews (each tagged wrongly before)', () => {
  const frozen = 'They froze my bank account with no warning and nobody will tell me why. I cannot pay rent.';
  const loginCrash = 'Login crash after the update. I pay for this app every month and I am not getting in.';
  const flooded = 'The plumber fitted a new tap, it leaked overnight and we came down to a flooded kitchen.';

  it('a frozen bank account is about account access, never bugs', () => {
    expect(tag('bank_fintech', frozen)).toContain('account_access');
    expect(tag('bank_fintech', frozen)).not.toContain('app_bugs');
    expect(classify({ text: frozen }).topics).toEqual(['account_access']);
  });

  it("tags Portugal's word order and words too: the pronoun after the verb, an app that 'vai-se abaixo'", () => {
    expect(tag('bank_fintech', 'A aplicação bloqueou-me a conta sem aviso.')).toContain('account_access');
    expect(tag('app_software', 'A aplicação vai-se abaixo sempre que abro o ecrã de pagamentos.')).toContain('app_bugs');
    expect(tag('home_services', 'O canalizador estragou-me o chão da cozinha.')).toContain('property_damage');
  });

  it('a login crash after an update is bugs and login, never billing or getting started', () => {
    expect(tag('app_software', loginCrash)).toEqual(['app_bugs', 'account_access', 'updates']);
    expect(classify({ text: loginCrash }).topics).toEqual(['app_bugs', 'account_access']);
  });

  it('a flooded kitchen is damage to the home, never product quality', () => {
    expect(tag('home_services', flooded)).toEqual(['property_damage']);
    expect(classify({ text: flooded }).topics).toEqual(['property_damage']);
  });

  it('a dented lid or bottle is the product, not the delivery: only a dented box or parcel is', () => {
    // "eingedrückt"/"ingedeukt" alone tagged delivery, and a German reply named "die Probleme mit der Lieferung".
    const lid = 'Deckel hat sich durch Bewegungen des Rucksacks eingedrückt und somit ist der ganze Kaffee ausgelaufen.';
    expect(tag('retail_ecommerce', lid)).not.toContain('delivery');
    expect(tag('retail_ecommerce', 'De fles was ingedeukt en lekt.')).not.toContain('delivery');
    expect(tag('retail_ecommerce', 'Das Paket war eingedrückt.')).toContain('delivery');
  });

  it('names what native speakers found untagged in real reviews: a leaking or lukewarm flask, a wrong model, hotel wifi, a damp room', () => {
    expect(tag('retail_ecommerce', 'Flasche ist undicht. Unterwegs bilden sich Kondenztropfen.')).toContain('product_quality');
    expect(tag('retail_ecommerce', 'Leider hält der Kaffee nicht lange warm, geschweige denn heiß.')).toContain('product_quality');
    expect(tag('retail_ecommerce', 'Jetzt blättert die Farbe von oben ab.')).toContain('product_quality');
    expect(tag('retail_ecommerce', 'Recebi o produto de outro modelo.')).toContain('order_accuracy');
    expect(tag('retail_ecommerce', 'Produto veio diferente do anunciado.')).toContain('order_accuracy');
    expect(tag('retail_ecommerce', 'Pelo que identifiquei parece uma réplica.')).toContain('product_quality');
    expect(tag('hotel', 'Servizio wi fi pessimo, ogni giorno richiede di ricollegarsi.')).toContain('amenities');
    expect(tag('hotel', 'La stanza era umida e in stanza c\'è un odore di fogna.')).toContain('room');
    expect(tag('hotel', 'El wifi no funcionaba en toda la planta.')).toContain('amenities');
    expect(tag('restaurant', "Le saumon n'était pas très frais et la dinde pas assez cuite.")).toEqual(['food_quality']);
    expect(tag('restaurant', 'Buñuelos llenos de espinas y seitons amargos.')).toEqual(['food_quality']);
    expect(tag('restaurant', "Voorgerechten: 'Licht gebakken tonijn' was doorbakken.")).toEqual(['food_quality']);
    expect(tag('restaurant', 'Bien en general, un poco lento el servicio.')).toContain('waiting_time');
    // "frais" of produce is no fee, and a dish's name no fault (code review).
    expect(tag('restaurant', 'Des produits frais de saison, mais la viande était trop cuite.')).not.toContain('price_billing');
    expect(tag('restaurant', 'Abbacchio a scottadito e stracotto di manzo.')).not.toContain('food_quality');
    expect(tag('restaurant', 'Frais de service de 15 % ajoutés sans prévenir.')).toContain('price_billing');
    expect(tag('restaurant', 'La pasta era scotta.')).toContain('food_quality');
    // A native speaker's review of bank and hotel drafts: a frozen account named as "no reply", a blocked card as a
    // transfer and the waiter's service, "eine Frechheit" (an outrage) as rude staff.
    expect(tag('bank_fintech', 'Konto seit zwei Wochen gesperrt, ohne Begründung. Der Support antwortet nur mit Textbausteinen.')).toContain('account_access');
    expect(tag('bank_fintech', 'Mijn rekening is zonder uitleg bevroren. Ik kan al een week niets betalen.')).toContain('account_access');
    expect(tag('bank_fintech', 'Pas geblokkeerd na een betaling in het buitenland.')).toContain('cards');
    expect(tag('hotel', 'Haare im Bad, Flecken auf der Bettwäsche. Für 140 € die Nacht eine Frechheit.')).not.toContain('staff_service');
    expect(tag('hotel', 'Die Dame an der Rezeption war frech und unfreundlich.')).toContain('staff_service');
    // Something of the customer's broken during the job (a native speaker's review: the vase went unmentioned).
    expect(tag('home_services', 'De ramen zitten vol strepen en er is een vaas kapotgegaan.')).toContain('property_damage');
    expect(tag('home_services', 'Beim Putzen ist eine Vase zerbrochen und niemand hat etwas gesagt.')).toContain('property_damage');
    // A steak ordered well done, dark chocolate and a "feucht-fröhlich" evening are no faults (code review).
    expect(tag('restaurant', 'Biefstuk doorbakken besteld, maar de bediening was traag.')).not.toContain('food_quality');
    expect(tag('restaurant', 'De biefstuk was helemaal doorbakken terwijl ik medium vroeg.')).toContain('food_quality');
    expect(tag('restaurant', 'Pedimos la tarta de chocolate amargo y tardaron una hora en traerla.')).not.toContain('food_quality');
    expect(tag('restaurant', 'El café sabía amargo y la salsa estaba amarga.')).toContain('food_quality');
    expect(tag('restaurant', 'La pizza llegó congelada por dentro.')).toContain('food_quality');
    expect(tag('hotel', 'Ein feucht-fröhlicher Abend an der Bar, aber das Personal war unfreundlich.')).not.toContain('room');
    expect(tag('hotel', 'Das Zimmer war feucht und roch muffig.')).toContain('room');
    expect(tag('hotel', 'Feuchte Wände im Bad.')).toContain('room');
    // A mixed four-star review's wait, told with a verb or an adjective of length (found drafting its thank-you).
    expect(tag('restaurant', 'Buena comida, pero la espera fue larguísima.')).toContain('waiting_time');
    expect(tag('restaurant', 'Buona pizza, ma abbiamo aspettato tanto.')).toContain('waiting_time');
    expect(tag('restaurant', 'Nice food, but the wait was a bit long.')).toContain('waiting_time');
    // Hard pastries and an overcooked dough, in the plural or the feminine (found drafting replies).
    expect(tag('cafe_bakery', 'Los croissants estaban duros y el café frío.')).toContain('freshness');
    expect(tag('restaurant', 'La pâte était trop cuite et la serveuse très impolie.')).toContain('food_quality');
    expect(tag('home_services', 'De monteur heeft een kras in de vloer gemaakt en de rommel laten liggen.')).toContain('property_damage');
    // Spanish "pelos" (hairs) is Portuguese "by the": "A espera pelos pratos" is no dirt.
    expect(tag('restaurant', 'A espera pelos pratos foi longa.')).not.toContain('cleanliness');
    expect(tag('restaurant', 'Había pelos en el plato.')).toContain('cleanliness');
  });

  it('"getting", "app", "update", "account", "service" and "food" alone tag nothing', () => {
    const text = 'Getting the app update for my account, the service and the food: that is all.';
    for (const industry of INDUSTRIES) expect(tag(industry, text), industry).toEqual([]);
  });
});

describe('topics a review only praises', () => {
  it('are not topics of the review: a reply must not acknowledge what the reviewer liked', () => {
    expect(tag('restaurant', 'Lovely staff and a nice terrace but the food was bland and lukewarm.')).toEqual(['food_quality']);
    expect(tag('hotel', 'Friendly staff, good location, but the bed was so uncomfortable I woke up with back pain.')).toEqual(['room']);
    expect(tag('retail_ecommerce', 'Delivery was great, shame the zip broke on day two.')).toEqual(['product_quality']);
  });

  it('still are when the same clause complains, negates the praise, or the praise word is the keyword itself', () => {
    expect(tag('restaurant', 'The staff were not friendly at all.')).toEqual(['staff_service']);
    expect(tag('restaurant', 'Lovely terrace but rude staff.')).toEqual(['staff_service']);
    expect(tag('app_software', 'Support never answered my ticket.')).toEqual(['communication']);
  });
});

describe('tagging real-world reviews per industry and language', () => {
  const cases: [Industry, string, string[]][] = [
    ['restaurant', 'We waited 50 minutes for our mains and the pasta was lukewarm and bland.', ['food_quality', 'waiting_time']],
    ['restaurant', 'Wir hatten reserviert, aber die Reservierung war weg, und der Kellner war sehr unfreundlich.', ['staff_service', 'reservation']],
    ['restaurant', "L'addition était salée pour des plats tièdes, et la serveuse nous a ignorés.", ['food_quality', 'staff_service', 'price_billing']],
    ['restaurant', 'Pedido a domicilio: llegó frío y faltaban las patatas.', ['food_quality', 'order_accuracy', 'delivery']],
    ['cafe_bakery', 'Die Croissants waren altbacken und der Cappuccino wässrig.', ['freshness', 'coffee_drinks']],
    ['cafe_bakery', 'Twintig minuten in de rij voor een koffie die lauw was.', ['coffee_drinks', 'waiting_time']],
    ['cafe_bakery', 'Le pain était rassis et la vendeuse désagréable.', ['freshness', 'staff_service']],
    ['hotel', 'Thin walls, we could hear everything, and the shower had no hot water.', ['room', 'noise']],
    ['hotel', "La chambre était très sale, des cheveux dans la douche, et le check-in a pris une heure.", ['room', 'cleanliness', 'check_in']],
    ['hotel', 'Colazione scarsa e il parcheggio costa 30 euro al giorno.', ['price_billing', 'breakfast', 'amenities']],
    ['retail_ecommerce', 'Package never arrived, tracking number shows nothing, and customer service will not answer.', ['delivery', 'staff_service']],
    ['retail_ecommerce', 'Die Jacke fällt klein aus und die Rücksendung wurde abgelehnt.', ['returns', 'sizing']],
    ['retail_ecommerce', 'O produto chegou danificado e a devolução demorou semanas.', ['returns', 'product_quality']],
    ['app_software', 'Sinds de laatste update crasht de app bij het inloggen.', ['app_bugs', 'account_access', 'updates']],
    ['app_software', "Troppe pubblicità, e l'app è lentissima.", ['performance', 'ads']],
    ['app_software', 'Perdí todos mis datos después de la actualización.', ['updates', 'data_sync']],
    ['bank_fintech', 'Mein Konto wurde ohne Vorwarnung gesperrt und die Überweisung hängt seit einer Woche.', ['account_access', 'transfers']],
    ['bank_fintech', 'Me bloquearon la cuenta y la tarjeta fue rechazada en el supermercado.', ['account_access', 'cards']],
    ['bank_fintech', 'Frais cachés partout et le virement est arrivé avec trois jours de retard.', ['transfers', 'fees']],
    ['bank_fintech', 'Conta bloqueada há duas semanas, enviei os documentos três vezes para a verificação de identidade.', ['account_access', 'identity_verification']],
    ['home_services', 'The electrician never showed up, twice, and nobody called to say.', ['no_show', 'communication']],
    ['home_services', 'Der Installateur hat gepfuscht, jetzt haben wir einen Wasserschaden im Bad.', ['workmanship', 'property_damage']],
    ['home_services', 'De offerte was 400 euro, de factuur 900. Prutswerk bovendien.', ['workmanship', 'price_billing']],
    ['home_services', 'Hanno lasciato calcinacci ovunque e il lavoro fatto male.', ['workmanship', 'cleanliness']],
    ['healthcare', 'Waited over an hour in the waiting room and the doctor barely examined me.', ['waiting_time', 'care_quality']],
    ['healthcare', "Impossible d'obtenir un rendez-vous, et la secrétaire est désagréable au téléphone.", ['appointments', 'staff_service']],
    ['healthcare', 'Me cobraron la consulta aunque el seguro médico la cubre.', ['billing_insurance']],
    ['healthcare', 'Na de bloedafname heb ik nooit een uitslag gekregen, niemand belt terug.', ['communication']],
    // Found drafting formal replies to a bakery, a plumber and a clinic: stale rolls, a leak not fixed but charged
    // in full, and a visit two hours late had gone untagged.
    ['cafe_bakery', 'Die Brötchen waren alt und die Verkäuferin hat uns ignoriert.', ['freshness', 'staff_service']],
    ['home_services', 'De monteur heeft de lekkage niet verholpen en rekende wel het volle tarief.', ['workmanship', 'price_billing', 'property_damage']],
    ['healthcare', 'La visita è iniziata con due ore di ritardo e la segretaria è stata scortese.', ['waiting_time', 'staff_service']],
    // Found trying the shop and clinic taxonomies by hand: the commonest online-shop complaint, an order weeks late
    // in a crushed box, and a doctor who rushed the visit, went untagged in every language.
    // Keywords written with an elided article ("salle d'attente", "sala d'attesa", "l'attend") must survive the classifier
    // reading the word after the apostrophe for its sentiment (features.ts readElided): they went untagged when it did.
    ['healthcare', "Une heure et demie d'attente en salle d'attente malgré le rendez-vous.", ['appointments', 'waiting_time']],
    ['healthcare', "Due ore in sala d'attesa nonostante l'appuntamento.", ['appointments', 'waiting_time']],
    ['home_services', "Le plombier devait passer mardi matin, on l'attend encore.", ['no_show']],
    // Found drafting replies to a plumber's reviews: a repair that failed again the next day went untagged.
    ['home_services', 'De loodgieter kwam twee uur te laat en na een dag lekte de kraan weer.', ['no_show', 'workmanship']],
    // A leak is also the property-damage topic's word in English (water can have spoiled something).
    // A leak come back is the repair that did not hold: 'leaked again' wins over 'leak*' (topics.ts withinLonger).
    ['home_services', 'The tap leaked again the next morning.', ['workmanship']],
    ['home_services', 'Am nächsten Tag tropfte der Wasserhahn wieder.', ['workmanship']],
    ['home_services', 'Le robinet fuit à nouveau depuis le lendemain.', ['workmanship']],
    ['home_services', 'No dia seguinte a torneira voltou a pingar.', ['workmanship']],
    ['retail_ecommerce', 'The order arrived two weeks late and the box was crushed.', ['delivery']],
    ['retail_ecommerce', 'Took three weeks to arrive.', ['delivery']],
    ['retail_ecommerce', 'Die Bestellung kam zwei Wochen zu spät und der Karton war eingedrückt.', ['delivery']],
    ['retail_ecommerce', 'La commande est arrivée avec deux semaines de retard et le carton était écrasé.', ['delivery']],
    ['retail_ecommerce', 'El pedido llegó con dos semanas de retraso y la caja venía aplastada.', ['delivery']],
    ['retail_ecommerce', 'De bestelling kwam twee weken te laat en de doos was ingedeukt.', ['delivery']],
    ['retail_ecommerce', "L'ordine è arrivato con due settimane di ritardo e la scatola era schiacciata.", ['delivery']],
    ['retail_ecommerce', 'O pedido chegou com duas semanas de atraso e a caixa veio amassada.', ['delivery']],
    // Found trying everyday restaurant complaints: a wrong order and cold food went untagged in several languages.
    ['restaurant', 'They got our order wrong.', ['order_accuracy']],
    ['restaurant', 'On nous a servi le mauvais plat.', ['order_accuracy']],
    ['restaurant', 'Ze hadden onze bestelling verkeerd.', ['order_accuracy']],
    ['restaurant', "Hanno sbagliato l'ordine.", ['order_accuracy']],
    ['restaurant', 'Erraram o meu pedido.', ['order_accuracy']],
    ['restaurant', 'A comida veio fria.', ['food_quality']],
    ['restaurant', 'La comida llegó fría.', ['food_quality', 'delivery']],
    // Found trying mixed reviews: "the service was slow", the commonest restaurant complaint, went untagged in six languages.
    ['restaurant', 'The service was slow.', ['waiting_time']],
    ['restaurant', 'Der Service war extrem langsam.', ['waiting_time']],
    ['restaurant', 'Le service était lent.', ['waiting_time']],
    ['restaurant', 'Buena comida, pero el servicio fue muy lento.', ['waiting_time']],
    ['restaurant', 'Il servizio era lento.', ['waiting_time']],
    ['restaurant', 'O atendimento foi lento.', ['waiting_time']],
    // Found drafting a bakery's reply: a dry birthday cake that looked nothing like the picture was acknowledged as "the
    // price you were charged" alone.
    ['cafe_bakery', 'Ordered a birthday cake, it was dry and the decoration was nothing like the picture. For 60 euros I expected better.', ['freshness', 'price_billing', 'order_accuracy']],
    ['cafe_bakery', 'The scones were so dry we left them.', ['freshness']],
    ['healthcare', 'Il medico è stato frettoloso e sbrigativo.', ['care_quality']],
    ['healthcare', 'Der Arzt war gehetzt und hat mir kaum zugehört.', ['care_quality']],
    ['healthcare', 'El médico fue muy seco y no me explicó nada.', ['care_quality']],
    ['healthcare', 'Le médecin était pressé et ne m’a rien expliqué.', ['care_quality']],
    ['healthcare', 'De huisarts was gehaast en legde niets uit.', ['care_quality']],
    ['healthcare', 'O médico foi apressado e não me explicou nada.', ['care_quality']],
    ['healthcare', 'The doctor was in a hurry and explained nothing.', ['care_quality']],
    // A review of the probe keywords: words that tagged a topic the review is not about.
    ['bank_fintech', 'De app crasht twee keer per maand.', ['app_bugs']],
    ['hotel', 'The lobby smelled of cigarette smoke and the carpets were stained.', ['cleanliness']],
    ['generic', 'The mug I bought arrived chipped.', []],
  ];
  it.each(cases)('%s: %s', (industry, text, topics) => {
    expect(tag(industry, text)).toEqual(INDUSTRY_TOPICS[industry].map((s) => s.id).filter((id) => topics.includes(id)));
  });
});

describe('how a clinic\'s and a tradesman\'s replies name the complaint (a native speaker\'s review)', () => {
  const long = (industry: Industry, id: string): [string, string][] =>
    ['en', 'de', 'fr', 'es', 'nl', 'it', 'pt'].map((lang) => [lang, topicPhraseFor(industry, lang, id, 'long') ?? '']);

  it('names an appointment problem without claiming it was one of getting an appointment (a cancelled one, a wait despite one)', () => {
    for (const [lang, phrase] of long('healthcare', 'appointments')) {
      expect(phrase, lang).not.toMatch(/getting an appointment|Terminvergabe|obtenir un rendez-vous|conseguir cita|afspraak te krijgen|ottenere un appuntamento|agendar uma consulta/);
    }
  });

  it('names a late or absent tradesman in the singular, and a price without a quote the reviewer may never have had', () => {
    for (const [lang, phrase] of long('home_services', 'no_show')) {
      expect(phrase, lang).not.toMatch(/Termine\b|rendez-vous manqués|citas incumplidas|gemiste afspraken|appuntamenti mancati|visitas que não/);
    }
    for (const [lang, phrase] of long('home_services', 'price_billing')) {
      expect(phrase, lang).not.toMatch(/quote|Kostenvoranschlag|devis|presupuesto|offerte|preventivo|orçamento/);
    }
  });

  it('names a hotel room and its cleanliness together without naming the room twice', () => {
    for (const lang of ['en', 'de', 'fr', 'es', 'nl', 'it', 'pt']) {
      const room = new Set((topicPhraseFor('hotel', lang, 'room', 'long') ?? '').toLowerCase().match(/\p{L}{4,}/gu) ?? []);
      const clean = (topicPhraseFor('hotel', lang, 'cleanliness', 'long') ?? '').toLowerCase().match(/\p{L}{4,}/gu) ?? [];
      expect(clean.filter((w) => room.has(w)), lang).toEqual([]);
    }
  });

  it('puts a hotel\'s cleanliness before the room, so the reply promises to look at the cleaning, not the comfort', () => {
    for (const text of ['El personal muy amable y la habitación amplia, pero el baño no estaba limpio y el aire acondicionado hacía mucho ruido.',
      'Camera sporca, asciugamani macchiati e un odore di muffa terribile.', 'Mooi hotel en vriendelijk personeel, maar de kamer was niet schoon: stof onder het bed en een vieze badkuip.']) {
      expect(tag('hotel', text)[0], text).toBe('cleanliness');
    }
  });

  it('says no word twice in one topic phrase ("la larga espera en la sala de espera")', () => {
    for (const industry of INDUSTRIES) {
      for (const spec of INDUSTRY_TOPICS[industry]) {
        for (const [lang, phrase] of long(industry, spec.id)) {
          const words = phrase.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
          expect(words.length, `${industry} ${spec.id} ${lang}: ${phrase}`).toBe(new Set(words).size);
        }
      }
    }
  });
});

describe('waiting for the bill (a native speaker\'s review)', () => {
  it('takes a long wait for the bill as waiting, not as a price complaint', () => {
    for (const text of ['Wir mussten ewig auf die Rechnung warten.', "L'attente pour l'addition était interminable.", 'We waited forever for the bill.', 'Abbiamo aspettato mezz\'ora per il conto.']) {
      const topics = tag('restaurant', text);
      expect(topics, text).toContain('waiting_time');
      expect(topics, text).not.toContain('price_billing');
    }
    // The bill itself still is a price complaint.
    expect(tag('restaurant', 'Die Rechnung war viel zu hoch.')).toContain('price_billing');
  });
});

describe('naming a refund and a direct debit (a native speaker\'s review)', () => {
  it('names a refund the customer waits for as a refund, and a French direct debit as a payment, not a transfer', () => {
    for (const language of ['en', 'de', 'fr', 'es', 'nl', 'it', 'pt']) {
      expect(topicPhraseFor('retail_ecommerce', language, 'returns', 'long'), language).toMatch(/refund|Erstattung|remboursement|reembolso|terugbetaling|rimborso/);
    }
    expect(topicPhraseFor('bank_fintech', 'fr', 'transfers', 'long')).not.toMatch(/virement/);
  });
});
