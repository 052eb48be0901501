import { CLEANLINESS, ORDER_ACCURACY, PRICE_BILLING, STAFF_SERVICE, WAITING_TIME } from './shared.js';
import { topic, variant, type TopicSpec } from './types.js';

export const FRESHNESS = topic(
  'freshness',
  'Freshness of the bakes',
  {
    en: ['stale', 'not fresh', 'wasnt fresh', 'werent fresh', 'day-old', 'day old', 'yesterdays', 'dried out', 'rock hard', 'hard as a rock',
      'moldy', 'mouldy', 'soggy', 'old bread', 'defrosted', 'frozen dough', 'tasted old', 'gone off', 'freshness', 'out of date', 'expired', 'been sitting there',
      'last weeks oil', 'was dry', 'were dry', 'so dry', 'too dry', 'very dry', 'bit dry', 'dry as'],
    de: ['nicht frisch', 'nicht mehr frisch', 'altbacken', 'vom vortag', 'trocken', 'steinhart', 'hart wie', 'pappig', 'labberig',
      'aufgebacken', 'tiefkühl*', 'schimmel*', 'frische', 'abgelaufen', 'waren alt', 'war alt', 'alte brötchen', 'altes brot',
      'alten brötchen'],
    fr: ['pas frais', 'pas fraîche', 'pas fraîches', 'pas frais du tout', 'rassis', 'rassie*', 'tout sec', 'toute sèche', 'dur comme',
      'de la veille', 'décongelé*', 'surgelé*', 'industriel*', 'moisi*', 'fraîcheur', 'périmé*',
      'pas fait du jour', 'sec et dur'],
    es: ['no estaba fresc*', 'poco fresc*', 'nada fresc*', 'del día anterior', 'de ayer', 'duro como', 'reseco', 'reseca', 'rancio', 'rancia',
      'congelad*', 'moho', 'frescura', 'caducad*',
      'estaba dura', 'estaba duro', 'estaban duros', 'estaban duras', 'estaba seco', 'estaba seca', 'estaban secos', 'recalentad*'],
    nl: ['niet vers', 'oudbakken', 'van gisteren', 'uitgedroogd', 'keihard', 'taai', 'uit de vriezer', 'afgebakken', 'beschimmeld',
      'versheid', 'over de datum', 'was oud', 'waren oud', 'oud brood'],
    it: ['non fresc*', 'poco fresc*', 'raffermo', 'raffermi', 'di ieri', 'secco', 'secchi', 'duro come', 'congelat*', 'surgelat*',
      'ammuffit*', 'freschezza', 'scadut*',
      'secche', 'non di giornata',
      'moscio', 'sembrava del giorno prima', 'era del giorno prima', 'quello del giorno prima'],
    pt: ['não estava fresco', 'não estava fresca', 'pouco fresco', 'pouco fresca', 'de ontem', 'dormido', 'dormida', 'duro como',
      'rançoso', 'rançosa', 'congelad*', 'bolor', 'fora do prazo',
      'estava duro', 'estava dura', 'feito ontem',
      'borrachud*', 'requentad*', 'massa mole'],
  },
  {
    en: ['the freshness of what you bought', 'how fresh our bakes are'],
    de: ['die fehlende Frische der Backwaren', 'die Frische unserer Backwaren'],
    fr: ['le manque de fraîcheur des produits', 'la fraîcheur de nos produits'],
    es: ['la falta de frescura del producto', 'la frescura de nuestros productos'],
    nl: ['de versheid van het brood en gebak', 'de versheid van onze producten'],
    it: ['la scarsa freschezza dei prodotti', 'la freschezza dei nostri prodotti'],
    pt: ['os produtos que não estavam frescos', 'o frescor dos nossos produtos'],
  },
);

export const COFFEE_DRINKS = topic(
  'coffee_drinks',
  'Coffee and drinks',
  {
    en: ['coffee', 'latte', 'cappuccino', 'espresso', 'flat white', 'americano', 'tea', 'hot chocolate', 'oat milk', 'burnt coffee', 'bitter',
      'watery', 'barista*'],
    de: ['kaffee', 'latte macchiato', 'cappuccino', 'espresso', 'milchkaffee', 'tee', 'kakao', 'heiße schokolade', 'hafermilch', 'bitter',
      'wässrig', 'barista*'],
    fr: ['le café était', 'café froid', 'café tiède', 'café amer', 'café imbuvable', 'mauvais café', 'café crème', 'cappuccino', 'expresso',
      'espresso', 'thé', 'chocolat chaud', 'boisson*', 'amer', 'imbuvable', 'barista*',
      'un crème'],
    es: ['el café estaba', 'café frío', 'café amargo', 'mal café', 'café malo', 'cortado', 'capuchino', 'cappuccino', 'espresso', 'té',
      'chocolate caliente', 'bebida*', 'aguado', 'amargo', 'barista*'],
    nl: ['koffie', 'cappuccino', 'latte', 'espresso', 'thee', 'warme chocolademelk', 'chocomel', 'waterig', 'bitter', 'barista*'],
    it: ['caffè', 'cappuccino', 'espresso', 'latte macchiato', 'tè', 'cioccolata calda', 'bevand*', 'annacquat*', 'amaro', 'barista*'],
    pt: ['o café estava', 'café frio', 'café amargo', 'galão', 'meia de leite', 'cappuccino', 'expresso', 'chá', 'chocolate quente',
      'bebida*', 'aguado', 'amargo', 'barista*'],
  },
  {
    en: ['the coffee you were served', 'how we make our coffee'],
    de: ['die Qualität des Kaffees', 'die Zubereitung unseres Kaffees'],
    fr: ['la qualité du café', 'la préparation de notre café'],
    es: ['la calidad del café', 'la preparación de nuestro café'],
    nl: ['de kwaliteit van de koffie', 'de bereiding van onze koffie'],
    it: ['la qualità del caffè', 'la preparazione del nostro caffè'],
    pt: ['a qualidade do café', 'a preparação do nosso café'],
  },
);

/** Cafés, bakeries, coffee shops. */
export const CAFE_BAKERY: readonly TopicSpec[] = [
  FRESHNESS,
  COFFEE_DRINKS,
  variant(WAITING_TIME, {
    label: 'Queue and waiting',
    phrases: {
      en: ['the long queue', 'the queue at the counter'],
      de: ['die lange Schlange', 'die Warteschlange an der Theke'],
      fr: ["la longue file d'attente", "l'attente au comptoir"],
      es: ['la larga cola', 'las colas en el mostrador'],
      nl: ['de lange rij', 'de wachtrij aan de toonbank'],
      it: ['la lunga coda', 'le code al banco'],
      pt: ['a longa fila', 'as filas no balcão'],
    },
    moreKeywords: { en: ['long line', 'the line was'], de: ['schlange', 'anstehen'], fr: ['la queue', 'faire la queue'], es: ['cola larguísima'], nl: ['lange rij', 'in de rij staan'], it: ['coda lunghissima'], pt: ['fila enorme', 'fila longa'] },
  }),
  STAFF_SERVICE,
  PRICE_BILLING,
  CLEANLINESS,
  ORDER_ACCURACY,
];
