import { CLEANLINESS, COMMUNICATION, PRICE_BILLING, PROPERTY_DAMAGE, STAFF_SERVICE } from './shared.js';
import { topic, variant, type TopicSpec } from './types.js';

export const NO_SHOW = topic(
  'no_show',
  'No-shows and lateness',
  {
    en: ['no show', 'no-show', 'didnt show up', 'did not show up', 'never showed up', 'never showed', 'didnt turn up', 'never turned up',
      'did not turn up', 'stood up', 'hours late', 'turned up late', 'showed up late', 'arrived late', 'came late', 'late again',
      'missed the appointment', 'cancelled last minute', 'canceled last minute', 'last-minute', 'rescheduled', 'waited all day', 'waited in all day',
      'took the day off', 'no one came', 'nobody came', 'nobody turned up', 'never came back',
      'never bothered', 'took a day off'],
    de: ['nicht erschienen', 'nicht gekommen', 'nie gekommen', 'kam nicht', 'kam zu spät', 'zu spät', 'verspätet', 'verspätung',
      'termin nicht eingehalten', 'termin verpasst', 'kurzfristig abgesagt', 'den ganzen tag gewartet', 'umsonst gewartet', 'niemand kam',
      'nicht aufgetaucht', 'nie aufgetaucht'],
    fr: ['jamais venu', 'pas venu', 'jamais présenté', 'pas présenté', 'en retard', 'retard', 'rendez-vous manqué', 'annulé au dernier moment',
      'poser un lapin', 'posé un lapin', 'attendu toute la journée', 'personne n’est venu', "personne n'est venu",
      'l\'attend encore', 'attend toujours',
      'journée de congé pour rien'],
    es: ['no se presentó', 'no vino', 'nunca vino', 'no apareció', 'nunca apareció', 'llegó tarde', 'llegaron tarde', 'retraso',
      'cancelaron a última hora', 'esperando todo el día', 'plantón', 'nos dejó tirados', 'me dejó tirado', 'me dejó tirada',
      'ni apareció'],
    nl: ['niet komen opdagen', 'kwam niet opdagen', 'niet op komen dagen', 'nooit gekomen', 'niet gekomen', 'kwam niet', 'te laat',
      'uur te laat', 'afspraak niet nagekomen', 'last minute afgezegd', 'afgezegd', 'hele dag gewacht', 'voor niets gewacht', 'niemand kwam',
      'er nog steeds niet', 'zou om # uur'],
    it: ['non si è presentato', 'non si sono presentati', 'mai venuto', 'mai arrivato', 'non è venuto', 'in ritardo', 'ritardo',
      'appuntamento saltato', "disdetto all'ultimo", 'aspettato tutto il giorno', 'bidone',
      'fatto vedere'],
    pt: ['não apareceu', 'nunca apareceu', 'não veio', 'nunca veio', 'atrasad*', 'atraso', 'faltou ao', 'cancelou em cima da hora',
      'desmarcou', 'esperei o dia todo', 'esperei todo o dia', 'deu bolo', 'deram bolo'],
  },
  {
    en: ['our failure to turn up on time', 'how we keep to appointment times'],
    // One appointment not kept, late or missed: "missed and late appointments" fitted neither a plumber three hours late
    // nor one no-show (a native speaker's review).
    de: ['die nicht eingehaltene Terminzusage', 'die Pünktlichkeit unserer Handwerker'],
    fr: ['le rendez-vous non respecté', 'la ponctualité de nos interventions'],
    es: ['la cita no cumplida', 'la puntualidad de nuestros técnicos'],
    nl: ['de niet nagekomen afspraak', 'de stiptheid van onze vakmensen'],
    it: ["l'appuntamento non rispettato", 'la puntualità dei nostri tecnici'],
    pt: ['o horário combinado que não foi cumprido', 'a pontualidade dos nossos técnicos'],
  },
);

export const WORKMANSHIP = topic(
  'workmanship',
  'Workmanship',
  {
    en: ['workmanship', 'shoddy', 'sloppy', 'botched', 'bodged', 'cowboy*', 'poor job', 'bad job', 'terrible job', 'awful job', 'half-done',
      'half done', 'unfinished', 'not finished', 'didnt fix', 'did not fix', 'still broken', 'still leaking', 'still not working', 'had to redo',
      'redo the', 'had to call another', 'incompetent', 'crooked', 'uneven',
      'dripping again', 'leaking again', 'leaked again', 'leaks again', 'dripped again', 'drips again',
      'looks like a diy job', 'missed whole patches'],
    de: ['pfusch*', 'gepfuscht', 'schlampig*', 'unsauber gearbeitet', 'schlecht gearbeitet', 'schlechte arbeit', 'unfertig', 'nicht fertig',
      'nicht repariert', 'immer noch kaputt', 'immer noch undicht', 'tropft wieder', 'tropfte wieder', 'tropft * * wieder',
      'tropfte * * wieder', 'leckt wieder', 'leckte wieder', 'wieder undicht', 'nachbessern', 'nachbesserung', 'inkompetent*', 'stümper*', 'schief'],
    fr: ['travail bâclé', 'bâclé*', 'malfaçon*', 'travail mal', 'pas fini', 'inachevé*', 'toujours pas réparé', 'pas réparé',
      'toujours en panne', 'refaire', 'incompétent*', 'amateur*', 'de travers',
      'n\'importe comment', 'pas droit',
      's\'écaille', 'traces de rouleau', 'fuit à nouveau', 'fuit de nouveau', 'fuit encore', 'fuyait à nouveau', 'goutte à nouveau'],
    es: ['chapuza*', 'chapucer*', 'mal hecho', 'trabajo mal', 'mal terminado', 'sin terminar', 'no arregló', 'no lo arreglaron', 'sigue roto',
      'sigue sin funcionar', 'sigue goteando', 'rehacer', 'incompetent*', 'torcid*',
      'vuelve a gotear', 'volvió a gotear'],
    nl: ['prutswerk', 'geprutst', 'knoeiwerk', 'slordig*', 'slecht werk', 'half werk', 'niet afgemaakt', 'onafgemaakt', 'niet gerepareerd',
      'nog steeds kapot', 'lekt nog steeds', 'niet verholpen', 'niet opgelost', 'opnieuw laten doen', 'overdoen', 'incompetent*', 'amateuristisch', 'scheef',
      'lekte * alweer', 'iemand anders bellen', 'lekt weer', 'lekte weer', 'lekt * weer', 'lekte * weer', 'lekt * * weer', 'lekte * * weer'],
    it: ['lavoro fatto male', 'fatto male', 'lavoro pessimo', 'pessimo lavoro', 'lavoro scadente', 'non finito', 'incompiut*', 'non ha risolto',
      'non hanno risolto', 'ancora rotto', 'perde ancora', 'rifare', 'incompetent*', 'pasticci*', 'storto',
      'fatto con i piedi', 'ripreso a perdere',
      'fatto coi piedi', 'fili scoperti', 'perde di nuovo'],
    pt: ['trabalho mal feito', 'mal feito', 'serviço mal feito', 'porcaria', 'desleixad*', 'trabalho mal', 'não terminou', 'inacabad*',
      'não resolveu', 'não resolveram', 'continua avariado', 'continua a pingar', 'continua pingando', 'refazer', 'incompetent*', 'torto',
      'cheia de falha*', 'cheio de falha*',
      'mal feita', 'voltou a pingar', 'voltou a vazar', 'vaza de novo', 'pinga de novo'],
  },
  {
    en: ['the quality of the work', 'the standard of our work'],
    de: ['die Qualität der ausgeführten Arbeiten', 'die Qualität unserer Arbeit'],
    fr: ['la qualité des travaux', 'la qualité de notre travail'],
    es: ['la calidad del trabajo realizado', 'la calidad de nuestro trabajo'],
    nl: ['de kwaliteit van het uitgevoerde werk', 'de kwaliteit van ons werk'],
    it: ['la qualità del lavoro svolto', 'la qualità del nostro lavoro'],
    pt: ['a qualidade do trabalho feito', 'a qualidade do nosso trabalho'],
  },
);

/** Plumbers, electricians, cleaners, builders, movers. */
export const HOME_SERVICES: readonly TopicSpec[] = [
  NO_SHOW,
  WORKMANSHIP,
  variant(PRICE_BILLING, {
    label: 'Quote and price',
    phrases: {
      // What was charged, not a difference from a quote the reviewer may never have had.
      en: ['what we charged for the job', 'how we quote and charge'],
      de: ['die Abrechnung des Auftrags', 'unsere Angebote und Rechnungen'],
      fr: ["le montant facturé pour l'intervention", 'nos devis et nos tarifs'],
      es: ['el importe cobrado por el trabajo', 'nuestros presupuestos y facturas'],
      nl: ['de in rekening gebrachte kosten', 'onze offertes en facturen'],
      it: ["l'importo addebitato per l'intervento", 'i nostri preventivi e le fatture'],
      pt: ['o valor cobrado pelo serviço', 'os nossos orçamentos e cobranças'],
    },
    moreKeywords: {
      en: ['quote', 'quoted', 'estimate', 'call-out fee', 'callout fee', 'call out charge', 'hourly rate', 'labour', 'labor'],
      de: ['kostenvoranschlag', 'angebot', 'anfahrt*', 'stundensatz', 'stundenlohn', 'arbeitszeit'],
      fr: ['devis', 'déplacement', "main d'oeuvre", "main d'œuvre", 'taux horaire'],
      es: ['presupuesto', 'desplazamiento', 'mano de obra', 'por hora'],
      nl: ['offerte', 'voorrijkosten', 'uurtarief', 'arbeidsloon', 'tarief', 'rekende'],
      it: ['preventivo', 'manodopera', 'tariffa oraria', 'diritto di chiamata'],
      pt: ['orçamento', 'deslocação', 'deslocamento', 'mão de obra', 'valor por hora'],
    },
  }),
  // Something of the customer's that broke during the job, at home only: in a shop's or an app's review "kaputtgegangen"
  // is the product.
  variant(PROPERTY_DAMAGE, { moreKeywords: { de: ['zerbrochen', 'kaputtgegangen', 'kaputt gegangen'], nl: ['kapotgegaan', 'kapot gegaan'] } }),
  COMMUNICATION,
  variant(CLEANLINESS, {
    label: 'Mess and tidying up',
    phrases: {
      en: ['the mess left behind', 'how we leave a home after a job'],
      de: ['die hinterlassene Unordnung', 'die Sauberkeit nach unseren Einsätzen'],
      fr: ['le désordre laissé sur place', 'la propreté après nos interventions'],
      es: ['la suciedad que dejamos', 'la limpieza al terminar nuestros trabajos'],
      nl: ['de achtergelaten rommel', 'het opruimen na onze klussen'],
      it: ['lo sporco lasciato', 'la pulizia dopo i nostri interventi'],
      pt: ['a sujeira deixada', 'a limpeza depois dos nossos serviços'],
    },
    moreKeywords: {
      en: ['mess', 'left a mess', 'debris', 'rubbish', 'mud', 'dust everywhere', 'didnt clean up', 'did not clean up'],
      de: ['dreck', 'schmutz', 'bauschutt', 'nicht aufgeräumt', 'staub überall'],
      fr: ['saleté*', 'gravats', 'pas nettoyé', 'poussière partout'],
      es: ['escombros', 'no limpiaron', 'polvo por todas partes', 'desorden'],
      nl: ['rommel', 'troep', 'bouwafval', 'niet opgeruimd', 'stof overal'],
      it: ['calcinacci', 'non hanno pulito', 'disordine'],
      pt: ['entulho', 'não limparam', 'bagunça', 'pó por todo'],
    },
  }),
  STAFF_SERVICE,
];
