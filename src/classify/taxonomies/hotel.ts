import { RESERVATION } from './restaurant.js';
import { CLEANLINESS, COMMUNICATION, PRICE_BILLING, STAFF_SERVICE } from './shared.js';
import { topic, variant, type TopicSpec } from './types.js';

export const ROOM = topic(
  'room',
  'Room condition and comfort',
  {
    en: ['small room', 'tiny room', 'room was small', 'room was tiny', 'room was cramped', 'cramped room', 'room was dated', 'outdated', 'dated',
      'shabby', 'run-down', 'run down', 'worn out', 'uncomfortable bed', 'bed was', 'beds were', 'mattress', 'pillow*', 'shower', 'no hot water',
      'hot water', 'air conditioning', 'air con', 'aircon', 'heating', 'musty', 'no view', 'no window', 'towels', 'uncomfortable',
      'damp', 'sewage', 'television'],
    de: ['kleines zimmer', 'winziges zimmer', 'zimmer zu klein', 'bett', 'betten', 'matratze*', 'kissen', 'dusche',
      'kein warmes wasser', 'klimaanlage', 'heizung', 'renovierungsbedürftig', 'abgewohnt', 'veraltet', 'muffig', 'handtücher', 'kopfkissen',
      'winzig', 'in die jahre gekommen', 'abgewetzt', 'kanalgeruch',
      // Not bare 'feucht': a 'feucht-fröhlicher Abend' at the bar is no damp room.
      'war feucht', 'ist feucht', 'waren feucht', 'sehr feucht', 'feucht und', 'feuchte wand', 'feuchte wände', 'feuchtes zimmer',
      'feuchte zimmer', 'feuchte bettwäsche', 'feuchte handtücher', 'feuchtigkeit', 'klamm', 'fernseher'],
    fr: ['petite chambre', 'chambre minuscule', 'chambre exiguë', 'chambre vétuste', 'lit', 'lits', 'matelas', 'oreiller*', 'douche', "pas d'eau chaude", 'eau chaude', 'climatisation', 'clim',
      'chauffage', 'vétuste', 'défraîchi*', 'vieillot*', 'serviettes', 'draps', 'humide', "odeur d'égout", 'télévision'],
    es: ['habitación pequeña', 'habitación minúscula', 'habitación vieja', 'cama', 'camas', 'colchón', 'almohada*', 'ducha', 'agua caliente', 'aire acondicionado',
      'calefacción', 'anticuad*', 'deteriorad*', 'toallas', 'humedad', 'olor a alcantarilla', 'televisión'],
    nl: ['kleine kamer', 'kamer was klein', 'bed', 'bedden', 'matras', 'kussen*', 'douche', 'geen warm water', 'airco', 'verwarming', 'gedateerd',
      'verouderd', 'versleten', 'muf', 'handdoeken', 'vochtig', 'rioollucht', 'televisie'],
    it: ['camera piccola', 'camera minuscola', 'stanza piccola', 'letto', 'letti', 'materass*', 'cuscin*', 'doccia', 'acqua calda', 'aria condizionata',
      'riscaldamento', 'datat*', 'vecchiott*', 'fatiscent*', 'asciugamani', 'stanza era umida', 'camera era umida', 'umidità',
      'odore di fogna', 'puzza di fogna', 'televisione', 'televisore'],
    pt: ['quarto pequeno', 'quarto minúsculo', 'cama', 'camas', 'colchão', 'travesseiro*', 'almofada*', 'chuveiro', 'duche', 'água quente', 'ar condicionado',
      'ar-condicionado', 'aquecimento', 'antiquad*', 'degradad*', 'toalhas',
      'cubículo', 'não esquentava', 'umidade', 'humidade', 'cheiro de esgoto', 'televisão'],
  },
  {
    en: ['the condition of your room', 'the comfort of our rooms'],
    de: ['die Ausstattung des Zimmers', 'die Ausstattung unserer Zimmer'],
    fr: ["l'état de la chambre", 'le confort de nos chambres'],
    es: ['el estado de la habitación', 'la comodidad de nuestras habitaciones'],
    nl: ['de staat van de kamer', 'het comfort van onze kamers'],
    it: ['le condizioni della camera', 'il comfort delle nostre camere'],
    pt: ['o estado do quarto', 'o conforto dos nossos quartos'],
  },
);

export const NOISE = topic(
  'noise',
  'Noise',
  {
    en: ['noise', 'noisy', 'loud', 'thin walls', 'paper thin', 'paper-thin', 'could hear everything', 'street noise', 'traffic noise',
      'construction work', 'kept us awake', 'kept me awake', 'couldnt sleep', 'could not sleep', 'no sleep', 'slept badly', 'earplugs',
      'hear every word', 'next room'],
    de: ['lärm*', 'laut', 'hellhörig', 'dünne wände', 'straßenlärm', 'baustelle', 'nicht schlafen', 'kaum geschlafen', 'wach gehalten',
      'ohropax', 'geräusch*',
      'an schlaf', 'hört jedes wort', 'nachbarzimmer'],
    fr: ['bruit*', 'bruyant*', 'murs fins', 'insonoris*', 'travaux', 'pas dormi', 'impossible de dormir', 'mal dormi', "bouchons d'oreille",
      'fermer l\'œil', 'boîte de nuit'],
    es: ['ruido*', 'ruidos*', 'paredes finas', 'insonoriz*', 'obras', 'no pudimos dormir', 'no pude dormir', 'no se puede dormir', 'tapones'],
    nl: ['lawaai*', 'geluid*', 'gehorig', 'dunne muren', 'herrie', 'verbouwing', 'niet slapen', 'slecht geslapen', 'oordopjes',
      'amper geslapen', 'door de muur'],
    it: ['rumor*', 'chiasso*', 'pareti sottili', 'insonorizz*', 'lavori in corso', 'non abbiamo dormito', 'impossibile dormire', 'tappi per le orecchie',
      'chiuso occhio', 'si sentiva tutto'],
    pt: ['barulh*', 'ruído*', 'paredes finas', 'isolamento acústico', 'obras', 'não conseguimos dormir', 'não dormi', 'tampões',
      'preguei o olho', 'ouvir tudo'],
  },
  {
    en: ['the noise during your stay', 'how quiet our rooms are'],
    de: ['die Lärmbelästigung während des Aufenthalts', 'die Ruhe in unseren Zimmern'],
    fr: ['le bruit pendant le séjour', 'le calme de nos chambres'],
    es: ['el ruido durante la estancia', 'el ruido en las habitaciones'],
    nl: ['het lawaai tijdens het verblijf', 'de rust in onze kamers'],
    it: ['il rumore durante il soggiorno', 'il rumore nelle camere'],
    pt: ['o barulho durante a estadia', 'o sossego dos nossos quartos'],
  },
);

export const CHECK_IN = topic(
  'check_in',
  'Check-in and reception',
  {
    en: ['check-in', 'check in', 'checkin', 'checked in', 'check-out', 'checkout', 'reception', 'front desk', 'key card', 'keycard',
      'room wasnt ready', 'room was not ready', 'early check-in', 'late check-out',
      'room * wasnt ready'],
    de: ['check-in', 'einchecken', 'eingecheckt', 'check-out', 'auschecken', 'rezeption', 'empfang', 'schlüsselkarte', 'zimmer nicht fertig'],
    fr: ['check-in', 'enregistrement', 'réception', 'carte magnétique', 'chambre pas prête', "chambre n'était pas prête"],
    es: ['check-in', 'check in', 'recepción', 'recepcionista*', 'tarjeta de la habitación', 'habitación no estaba lista'],
    nl: ['inchecken', 'ingecheckt', 'uitchecken', 'check-in', 'receptie', 'balie', 'sleutelkaart', 'kamer was niet klaar'],
    it: ['check-in', 'check in', 'reception', 'receptionist', 'ricevimento', 'camera non era pronta',
      'non era * pronta'],
    pt: ['check-in', 'check in', 'receção', 'recepção', 'rececionista*', 'recepcionista*', 'quarto não estava pronto'],
  },
  {
    // The check-in itself: "your welcome", "l'accueil", "l'accoglienza" read as the staff's manner to a guest who
    // complained of a 50-minute wait (a native speaker's review).
    en: ['the problems at check-in', 'the way we check guests in'],
    de: ['die Abläufe beim Check-in', 'die Abläufe an der Rezeption'],
    fr: ["l'enregistrement à l'arrivée", "l'organisation de la réception"],
    es: ['los problemas en el check-in', 'la atención en recepción'],
    nl: ['het inchecken bij de receptie', 'de gang van zaken bij de receptie'],
    it: ['i problemi al check-in', "l'organizzazione della reception"],
    pt: ['os problemas no check-in', 'o funcionamento da recepção'],
  },
);

export const BREAKFAST = topic(
  'breakfast',
  'Breakfast',
  {
    en: ['breakfast', 'buffet', 'brunch'],
    de: ['frühstück*'],
    fr: ['petit-déjeuner', 'petit déjeuner', 'petit déj', 'petit-déj'],
    es: ['desayuno*', 'bufé'],
    nl: ['ontbijt*'],
    it: ['colazione', 'colazioni'],
    pt: ['pequeno-almoço', 'pequeno almoço', 'café da manhã'],
  },
  {
    // The long phrase names what went wrong: "You're right to point out the breakfast" named only the meal.
    en: ['the problems with the breakfast', 'our breakfast'],
    de: ['die Probleme mit dem Frühstück', 'unser Frühstück'],
    fr: ['les problèmes rencontrés au petit-déjeuner', 'notre petit-déjeuner'],
    es: ['los problemas con el desayuno', 'nuestro desayuno'],
    nl: ['de problemen met het ontbijt', 'ons ontbijt'],
    it: ['i problemi con la colazione', 'la nostra colazione'],
    pt: ['os problemas com o café da manhã', 'o nosso café da manhã'],
  },
);

export const AMENITIES = topic(
  'amenities',
  'Facilities (wifi, pool, parking)',
  {
    en: ['wifi', 'wi-fi', 'internet', 'pool', 'swimming pool', 'gym', 'spa', 'sauna', 'parking', 'car park', 'elevator', 'lift', 'minibar'],
    de: ['wlan', 'wifi', 'wi-fi', 'internet', 'schwimmbad', 'fitness*', 'parkplatz', 'parkplätze', 'tiefgarage', 'parken', 'aufzug', 'fahrstuhl'],
    fr: ['wifi', 'wi-fi', 'internet', 'piscine', 'salle de sport', 'ascenseur', 'stationnement', 'parking'],
    es: ['wifi', 'wi-fi', 'internet', 'piscina', 'gimnasio', 'aparcamiento', 'estacionamiento', 'ascensor', 'parking'],
    nl: ['wifi', 'wi-fi', 'internet', 'zwembad', 'sportschool', 'parkeren', 'parkeerplaats*', 'parkeergarage'],
    it: ['wifi', 'wi-fi', 'wi fi', 'internet', 'piscina', 'palestra', 'parcheggio', 'ascensore'],
    pt: ['wifi', 'wi-fi', 'internet', 'piscina', 'ginásio', 'academia', 'estacionamento', 'elevador'],
  },
  {
    en: ['the state of the hotel facilities', 'our facilities'],
    de: ['die Ausstattung des Hotels', 'die Ausstattung unseres Hauses'],
    fr: ["les équipements de l'hôtel", 'nos équipements'],
    es: ['las instalaciones del hotel', 'nuestras instalaciones'],
    nl: ['de voorzieningen van het hotel', 'onze voorzieningen'],
    it: ["i servizi dell'hotel", 'i servizi della nostra struttura'],
    pt: ['as instalações do hotel', 'as nossas instalações'],
  },
);

/** Hotels, B&Bs, holiday lets. */
export const HOTEL: readonly TopicSpec[] = [
  // Cleanliness before the room: a dirty room tags both (bedding, the bathroom), and the reply's promise names the
  // first ("la comodidad de nuestras habitaciones" answered stained sheets: a native speaker's review).
  variant(CLEANLINESS, {
    phrases: {
      // Not "…of the room" again: the room's own phrase names it ("l'état de la chambre et le manque de propreté de la
      // chambre", a native speaker's review).
      en: ['the state of cleanliness', 'the cleaning of our rooms'],
      de: ['die mangelnde Sauberkeit', 'die Reinigung unserer Zimmer'],
      fr: ['le manque de propreté', 'le ménage de nos chambres'],
      es: ['la falta de limpieza', 'la limpieza de nuestras habitaciones'],
      nl: ['de gebrekkige schoonmaak', 'de schoonmaak van onze kamers'],
      it: ['la scarsa pulizia', 'la pulizia delle nostre camere'],
      pt: ['a falta de limpeza', 'a limpeza dos nossos quartos'],
    },
  }),
  ROOM,
  NOISE,
  CHECK_IN,
  STAFF_SERVICE,
  PRICE_BILLING,
  BREAKFAST,
  AMENITIES,
  variant(RESERVATION, {
    phrases: {
      en: ['the problem with your booking', 'how we handle bookings'],
      de: ['die Probleme mit der Buchung', 'die Abwicklung von Buchungen'],
      fr: ['le problème de réservation', 'la gestion des réservations'],
      es: ['el problema con la reserva', 'la gestión de las reservas'],
      nl: ['het probleem met de boeking', 'de afhandeling van boekingen'],
      it: ['il problema con la prenotazione', 'la gestione delle prenotazioni'],
      pt: ['o problema com a reserva', 'a gestão das reservas'],
    },
  }),
  COMMUNICATION,
];
