import { CLEANLINESS, COMMUNICATION, DELIVERY, ORDER_ACCURACY, PRICE_BILLING, STAFF_SERVICE, WAITING_TIME } from './shared.js';
import { topic, variant, type TopicSpec } from './types.js';

export const FOOD_QUALITY = topic(
  'food_quality',
  'Food quality',
  {
    en: ['cold food', 'food was cold', 'was cold', 'were cold', 'lukewarm', 'bland', 'tasteless', 'no flavor', 'no flavour', 'flavorless',
      'flavourless', 'undercooked', 'overcooked', 'raw', 'burnt', 'soggy', 'greasy', 'oily', 'too salty', 'inedible', 'stale', 'rubbery',
      'chewy', 'microwaved', 'reheated', 'frozen food', 'tiny portions', 'small portions', 'portion size', 'portions were', 'tasted like',
      'tasted of', 'food quality', 'quality of the food', 'mediocre food', 'terrible food', 'awful food',
      'stone cold',
      'swimming in oil', 'like rubber', 'more batter than', 'tasted of nothing', 'tasted like nothing'],
    de: ['essen war kalt', 'kaltes essen', 'war kalt', 'lauwarm', 'fad', 'fade', 'geschmacklos', 'kein geschmack', 'ohne geschmack',
      'versalzen', 'zu salzig', 'nicht durch', 'verbrannt', 'angebrannt', 'matschig', 'fettig', 'ungenießbar', 'zäh', 'aufgewärmt',
      'mikrowelle', 'portion*', 'geschmack*', 'schlechtes essen',
      'kalt geworden',
      'zähes fleisch', 'fleisch war zäh', 'zäh wie', 'schuhsohle', 'war leider kalt', 'essen war * kalt', 'waren kalt', 'waren leider kalt'],
    fr: ['plat froid', 'plats froids', 'était froid', 'était froide', 'tiède*', 'fade', 'fades', 'sans goût', 'aucun goût', 'insipide', 'pas cuit',
      'trop cuit*', 'cru', 'brûlé', 'trop salé', 'gras', 'huileux', 'trop sec', 'immangeable', 'réchauffé*', 'micro-ondes', 'portion*',
      'goût',
      'arrivé* froid*',
      'carbonisé*', 'en bouillie', 'pas frais', 'pas fraîche', 'pas fraîches', 'pas assez cuit*', 'trop crémeu*', 'étaient froids', 'étaient froides',
      'plats étaient * froids'],
    es: ['comida fría', 'estaba frío', 'estaba fría', 'llegó fría', 'llegó frío', 'tibi*', 'insípid*', 'sin sabor', 'sabor*', 'crudo', 'cruda', 'poco hecho',
      'quemad*', 'muy salado', 'demasiado salado', 'grasient*', 'aceitos*', 'incomible', 'recalentad*', 'microondas', 'ración', 'raciones',
      'porción', 'porciones', 'mala comida', 'comida mala', 'pésima comida', 'comida pésima',
      'llegaron fríos', 'llegaron frías',
      'no sabía a nada', 'no sabe a nada', 'pasadísim*', 'espinas', 'arroz pasado', 'congelad*',
      // Not 'amarg*': 'chocolate amargo' is a dish.
      'amargos', 'amarga', 'amargas', 'sabía amargo', 'sabor amargo', 'muy amargo', 'demasiado amargo', 'estaba amargo', 'amarguísim*'],
    nl: ['koud eten', 'eten was koud', 'was koud', 'lauw', 'smakeloos', 'geen smaak', 'flauw', 'rauw', 'niet gaar', 'verbrand', 'aangebrand',
      'te zout', 'vettig', 'oneetbaar', 'opgewarmd', 'magnetron', 'portie*', 'smaak',
      'was het * koud',
      'slap en koud', 'te gaar',
      // Not bare 'doorbakken': a steak can be ordered so.
      'was doorbakken', 'waren doorbakken', 'helemaal doorbakken', 'compleet doorbakken', 'volledig doorbakken', 'kwam doorbakken', 'niet vers', 'diepvries*', 'niet gekoeld'],
    it: ['piatto freddo', 'piatti freddi', 'era freddo', 'era fredda', 'tiepid*', 'insipid*', 'senza sapore', 'sapore', 'crudo', 'cruda',
      'bruciat*', 'troppo salat*', 'unto', 'unta', 'immangiabile', 'riscaldat*', 'microonde', 'porzion*', 'cibo scadente', 'cibo pessimo',
      'pessimo cibo', 'qualità del cibo',
      'arrivat* fredd*', 'non fresc*', 'scotto', 'scotta', 'scotti', 'scotte'],
    pt: ['comida fria', 'estava frio', 'estava fria', 'veio fria', 'veio frio', 'chegou fria', 'chegou frio', 'morno', 'morna', 'insosso', 'insossa', 'sem sabor', 'sabor', 'cru', 'crua',
      'mal passad*', 'queimad*', 'muito salgad*', 'gorduros*', 'intragável', 'requentad*', 'micro-ondas', 'porção', 'porções',
      'péssima comida', 'comida péssima',
      'salgadíssim*', 'salgado demais', 'não estava fresc*', 'passado do ponto'],
  },
  {
    en: ['the food you were served', 'the quality of our food'],
    de: ['die Probleme mit dem Essen', 'die Qualität unserer Küche'],
    fr: ['les problèmes rencontrés avec les plats', 'la qualité de notre cuisine'],
    es: ['los problemas con la comida', 'la calidad de nuestra cocina'],
    nl: ['de problemen met het eten', 'de kwaliteit van onze keuken'],
    it: ['i problemi con i piatti', 'la qualità della nostra cucina'],
    pt: ['os problemas com a comida', 'a qualidade da nossa cozinha'],
  },
);

export const RESERVATION = topic(
  'reservation',
  'Reservations and bookings',
  {
    en: ['reservation*', 'booking', 'bookings', 'overbooked', 'double booked', 'double-booked', 'lost our booking', 'no record of',
      'gave our table away', 'gave away our table', 'cancelled our booking', 'canceled our booking', 'cancelled our reservation', 'canceled our reservation',
      'given our table away', 'no record of our booking', 'no record of our reservation'],
    de: ['reservierung*', 'tischreservierung', 'buchung', 'überbucht', 'doppelt vergeben', 'reservierung storniert'],
    fr: ['réservation*', 'surbooking', 'surréservation', 'table réservée', 'chambre réservée'],
    es: ['reserva', 'reservas', 'overbooking', 'sobreventa', 'cancelaron la reserva', 'mesa reservada',
      'nada apuntado'],
    nl: ['reservering*', 'boeking', 'overboekt', 'dubbel geboekt', 'reservering geannuleerd'],
    it: ['prenotazion*', 'overbooking', 'tavolo prenotato', 'camera prenotata'],
    pt: ['reserva', 'reservas', 'marcação', 'overbooking', 'cancelaram a reserva', 'mesa reservada'],
  },
  {
    en: ['the problem with your reservation', 'how we handle reservations'],
    de: ['die Probleme mit der Reservierung', 'die Abwicklung von Reservierungen'],
    fr: ['le problème de réservation', 'la gestion des réservations'],
    es: ['el problema con la reserva', 'la gestión de las reservas'],
    nl: ['het probleem met de reservering', 'de afhandeling van reserveringen'],
    it: ['il problema con la prenotazione', 'la gestione delle prenotazioni'],
    pt: ['o problema com a reserva', 'a gestão das reservas'],
  },
);

export const AMBIENCE = topic(
  'ambience',
  'Noise and atmosphere',
  {
    en: ['noise', 'noisy', 'loud music', 'too loud', 'so loud', 'freezing inside', 'cramped', 'crowded', 'uncomfortable chairs', 'draughty',
      'drafty', 'smoky', 'atmosphere',
      'music blasting', 'blasting music', 'couldnt hear ourselves', 'couldnt hear each other', 'could not hear each other', 'cant hear ourselves', 'deafening'],
    de: ['zu laut', 'sehr laut', 'lärm*', 'laute musik', 'eng', 'zugig', 'kalt drinnen', 'ungemütlich', 'stickig', 'atmosphäre', 'ambiente',
      'viel zu laut', 'musik war laut'],
    fr: ['bruyant*', 'bruit', 'trop fort', 'musique trop', 'exigu*', 'serrés', 'froid dans la salle', 'inconfortable*', 'ambiance',
      'musique trop forte', 'musique était trop', 'musique était * forte', 'musique était forte'],
    es: ['ruido*', 'ruidos*', 'música alta', 'música muy alta', 'agobiante', 'apretados', 'incómod*', 'hacía frío', 'hacía calor', 'ambiente',
      'música altísima', 'música estaba alta', 'música estaba * alta', 'música demasiado alta', 'música era * alta'],
    nl: ['lawaai*', 'luidruchtig', 'herrie', 'muziek te hard', 'krap', 'oncomfortabel*', 'tocht*', 'benauwd', 'sfeer',
      'rumoerig*', 'muziek stond te hard', 'muziek stond * hard', 'muziek was te hard', 'muziek was * hard'],
    it: ['rumor*', 'chiasso*', 'musica alta', 'musica troppo', 'stretti', 'scomod*', 'freddo in sala', 'atmosfera',
      'rumoros*', 'musica era alta', 'musica era * alta', 'musica era troppo'],
    pt: ['barulh*', 'ruído*', 'música alta', 'apertad*', 'desconfortáve*', 'desconfortáv*', 'frio na sala', 'abafad*',
      'música tão alta', 'barulhent*', 'música estava alta', 'música estava * alta', 'música alta demais'],
  },
  {
    en: ['the atmosphere in the dining room', 'the comfort of our dining room'],
    de: ['die Atmosphäre im Gastraum', 'die Atmosphäre in unserem Restaurant'],
    fr: ["l'ambiance dans la salle", 'le confort de notre salle'],
    es: ['el ambiente del comedor', 'la comodidad de nuestro comedor'],
    nl: ['de sfeer in het restaurant', 'het comfort in ons restaurant'],
    it: ["l'atmosfera in sala", 'il comfort della nostra sala'],
    pt: ['o ambiente do salão', 'o conforto do nosso salão'],
  },
);

/** Restaurants, bistros, takeaways. */
export const RESTAURANT: readonly TopicSpec[] = [
  FOOD_QUALITY,
  // "Server" is a waiter here; the generic taxonomy reads "server error" too, so the word is a restaurant's only.
  variant(STAFF_SERVICE, { moreKeywords: { en: ['server', 'servers'] } }),
  variant(WAITING_TIME, {
    // The wait at the table, for anyone to come or for the food; no plural participle ('para ser atendidos') a lone diner
    // would read as being counted with others.
    phrases: {
      en: ['the long wait to be served', 'our waiting times'],
      de: ['die lange Wartezeit auf die Bedienung', 'die Wartezeiten für unsere Gäste'],
      fr: ['la longue attente', "les délais d'attente en salle"],
      es: ['la larga espera en la mesa', 'los tiempos de espera en sala'],
      nl: ['de lange wachttijd op de bediening', 'de wachttijden voor onze gasten'],
      it: ['la lunga attesa al tavolo', 'i tempi di attesa in sala'],
      pt: ['a longa espera pelo atendimento', 'os tempos de espera no salão'],
    },
  }),
  // "Il coperto" (the cover charge) is an Italian restaurant's.
  variant(PRICE_BILLING, { moreKeywords: { it: ['il coperto'] } }),
  variant(CLEANLINESS, {
    phrases: {
      en: ['the cleanliness of the restaurant', 'how clean we keep the restaurant'],
      de: ['die mangelnde Sauberkeit im Restaurant', 'die Sauberkeit in unserem Restaurant'],
      fr: ['le manque de propreté du restaurant', 'la propreté de notre restaurant'],
      es: ['la falta de limpieza del restaurante', 'la limpieza de nuestro restaurante'],
      nl: ['de gebrekkige hygiëne in het restaurant', 'de netheid van ons restaurant'],
      it: ['la scarsa pulizia del locale', 'la pulizia del nostro locale'],
      pt: ['a falta de limpeza do restaurante', 'a limpeza do nosso restaurante'],
    },
  }),
  ORDER_ACCURACY,
  RESERVATION,
  variant(DELIVERY, {
    phrases: {
      en: ['the trouble with your delivery order', 'our delivery service'],
      de: ['die Probleme mit der Lieferbestellung', 'die Abläufe in unserem Lieferdienst'],
      fr: ['les problèmes avec la commande en livraison', 'notre service de livraison'],
      es: ['los problemas con el pedido a domicilio', 'nuestro servicio a domicilio'],
      nl: ['de problemen met de bezorging', 'onze bezorgservice'],
      it: ["i problemi con l'ordine a domicilio", 'il nostro servizio di consegna'],
      pt: ['os problemas com a entrega em domicílio', 'o nosso serviço de entregas'],
    },
  }),
  AMBIENCE,
  COMMUNICATION,
];
