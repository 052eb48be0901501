import { ACCOUNT_ACCESS, APP_BUGS, COMMUNICATION, ONBOARDING_USABILITY, PRICE_BILLING } from './shared.js';
import { topic, variant, type TopicSpec } from './types.js';

export const UPDATES = topic(
  'updates',
  'Updates and redesigns',
  {
    en: ['latest update', 'new update', 'recent update', 'last update', 'since the update', 'after the update', 'since updating',
      'after updating', 'new version', 'latest version', 'old version', 'previous version', 'redesign', 'new design', 'new layout', 'new ui',
      'bring back', 'downgrade', 'after an update', 'since an update', 'after i updated', 'since i updated',
      'changed the layout', 'put the old'],
    de: ['letzten aktualisierung', 'seit der aktualisierung', 'nach der aktualisierung', 'letzten update', 'letztes update', 'neuen update', 'neueste update', 'seit dem update', 'nach dem update', 'neue version',
      'neuen version', 'alte version', 'neues design', 'neue design'],
    fr: ['depuis la mise à jour', 'dernière mise à jour', 'après la mise à jour', 'nouvelle mise à jour', 'nouvelle version', 'ancienne version', 'nouveau design', 'nouvelle interface'],
    es: ['desde la actualización', 'última actualización', 'después de la actualización', 'tras la actualización', 'nueva actualización', 'nueva versión', 'última versión', 'versión anterior', 'nuevo diseño'],
    nl: ['laatste update', 'nieuwe update', 'sinds de update', 'na de laatste update', 'nieuwe versie', 'oude versie', 'nieuw ontwerp', 'nieuwe design'],
    it: ['ultimo aggiornamento', "dopo l'aggiornamento", 'nuovo aggiornamento', "dall'ultimo aggiornamento", 'nuova versione', 'ultima versione', 'versione precedente', 'nuova grafica',
      'aggiornato'],
    pt: ['última atualização', 'depois da atualização', 'desde a atualização', 'nova atualização', 'após a atualização', 'última actualização', 'nova versão', 'última versão', 'versão anterior', 'novo design',
      'atualizou'],
  },
  {
    en: ['the problems since the latest update', 'how we roll out updates'],
    de: ['die Probleme seit dem letzten Update', 'die Qualität unserer Updates'],
    fr: ['les problèmes depuis la dernière mise à jour', 'nos mises à jour'],
    es: ['los problemas desde la última actualización', 'nuestras actualizaciones'],
    nl: ['de problemen sinds de laatste update', 'onze updates'],
    it: ["i problemi dopo l'ultimo aggiornamento", 'i nostri aggiornamenti'],
    pt: ['os problemas desde a última atualização', 'as nossas atualizações'],
  },
);

export const PERFORMANCE = topic(
  'performance',
  'Speed and battery',
  {
    en: ['so slow', 'very slow', 'too slow', 'really slow', 'painfully slow', 'super slow', 'takes forever', 'slow to load', 'laggy', 'lag',
      'lags', 'lagging', 'battery', 'drains', 'sluggish', 'storage space',
      'draining my battery', 'drains my battery', 'drains the battery'],
    de: ['langsam', 'ruckelt', 'ruckelig', 'träge', 'lädt ewig', 'akku*', 'speicherplatz'],
    fr: ['lent*', 'lenteur*', 'rame', 'ramer', 'batterie', 'temps de chargement', 'charge lentement'],
    es: ['lent*', 'lentitud', 'tarda mucho', 'tarda en cargar', 'batería', 'pesada'],
    nl: ['traag', 'trage', 'langzaam', 'hapert', 'haperen', 'batterij', 'accu', 'laadtijd*'],
    it: ['lent*', 'lentezza', 'scatti', 'batteria', 'pesante', 'caricamento lento'],
    pt: ['lent*', 'lentidão', 'demora para carregar', 'demora a carregar', 'bateria', 'pesado'],
  },
  {
    en: ['how slow the app has been', 'the speed of our app'],
    de: ['die langsame App', 'die Geschwindigkeit der App'],
    fr: ["la lenteur de l'application", "la rapidité de l'application"],
    es: ['la lentitud de la aplicación', 'la velocidad de la aplicación'],
    nl: ['de traagheid van de app', 'de snelheid van de app'],
    it: ["la lentezza dell'app", "la velocità dell'app"],
    pt: ['a lentidão do aplicativo', 'a velocidade do aplicativo'],
  },
);

export const ADS = topic(
  'ads',
  'Ads',
  {
    en: ['ads', 'adverts', 'advertisement*', 'advertising', 'pop-up*', 'popups', 'ad after ad', 'every ad',
      'forced to watch', '# second video',
      'unskippable', 'ad every time'],
    de: ['werbung', 'werbeanzeige*', 'werbevideo*'],
    fr: ['pub', 'pubs', 'publicité*'],
    es: ['anuncio*', 'publicidad'],
    nl: ['reclame*', 'advertentie*'],
    it: ['pubblicità', 'annunci'],
    pt: ['anúncio*', 'propaganda*', 'publicidade'],
  },
  {
    en: ['the number of ads', 'how we show ads'],
    de: ['die viele Werbung', 'die Werbung in der App'],
    fr: ['la quantité de publicités', "les publicités dans l'application"],
    es: ['la cantidad de anuncios', 'los anuncios en la aplicación'],
    nl: ['de hoeveelheid reclame', 'de reclame in de app'],
    it: ['la quantità di pubblicità', "la pubblicità nell'app"],
    pt: ['a quantidade de anúncios', 'os anúncios no aplicativo'],
  },
);

export const DATA_SYNC = topic(
  'data_sync',
  'Lost data and sync',
  {
    en: ['lost all my', 'lost my data', 'data loss', 'deleted all', 'deleted my', 'disappeared', 'sync*', 'not syncing', 'backup', 'restore',
      'half of them vanished', 'data vanished', 'notes vanished', 'files vanished'],
    de: ['daten verloren', 'alle daten', 'gelöscht', 'verschwunden', 'synchronis*', 'sicherung',
      'daten sind weg', 'daten waren weg'],
    fr: ['perdu toutes', 'perdu mes données', 'données perdues', 'supprimé*', 'disparu*', 'synchronis*', 'sauvegarde*'],
    es: ['perdí todos', 'perdí mis datos', 'datos perdidos', 'borró', 'borrado', 'borrados', 'desapareci*', 'sincroniz*', 'copia de seguridad'],
    nl: ['alles kwijt', 'gegevens kwijt', 'data kwijt', 'verwijderd', 'verdwenen', 'synchronis*', 'back-up'],
    it: ['perso tutti', 'dati persi', 'cancellat*', 'spariti', 'sparite', 'sincronizz*'],
    pt: ['perdi todos', 'perdi os dados', 'dados perdidos', 'apagou', 'apagad*', 'sumiu', 'sumiram', 'desaparece*', 'sincroniz*', 'cópia de segurança'],
  },
  {
    en: ['the data you lost', 'how we keep your data safe'],
    de: ['die verlorenen Daten', 'die Sicherheit der gespeicherten Daten'],
    fr: ['la perte de données', 'la sauvegarde des données'],
    es: ['la pérdida de datos', 'la seguridad de los datos guardados'],
    nl: ['het verlies van gegevens', 'de opslag van gegevens'],
    it: ['la perdita dei dati', 'la sicurezza dei dati salvati'],
    pt: ['a perda de dados', 'a segurança dos dados guardados'],
  },
);

/** Apps, games, SaaS. */
export const APP_SOFTWARE: readonly TopicSpec[] = [
  APP_BUGS,
  variant(ACCOUNT_ACCESS, {
    phrases: {
      en: ['the trouble logging in', 'the login problems'],
      de: ['die Probleme beim Anmelden', 'die Anmeldung'],
      fr: ['les problèmes de connexion', 'la connexion au compte'],
      es: ['los problemas para iniciar sesión', 'el inicio de sesión'],
      nl: ['de problemen met inloggen', 'het inloggen'],
      it: ["i problemi di accesso all'app", "l'accesso all'app"],
      pt: ['os problemas de login', 'o acesso à conta'],
    },
    moreKeywords: { fr: ['problème de connexion', 'problèmes de connexion', 'me connecter'], it: ['login'], pt: ['login'] },
  }),
  UPDATES,
  PERFORMANCE,
  ONBOARDING_USABILITY,
  variant(PRICE_BILLING, {
    phrases: {
      en: ['what we charged for the subscription', 'our subscription pricing'],
      de: ['die Abo-Kosten', 'die Preise unserer Abonnements'],
      fr: ["les frais d'abonnement", 'le prix de nos abonnements'],
      es: ['los cobros de la suscripción', 'el precio de nuestras suscripciones'],
      nl: ['de abonnementskosten', 'de prijzen van onze abonnementen'],
      it: ["i costi dell'abbonamento", 'il prezzo dei nostri abbonamenti'],
      pt: ['os valores cobrados', 'nossas cobranças'],
    },
    moreKeywords: {
      en: ['free trial', 'in-app purchase*', 'premium', 'paywall', 'auto-renew*', 'cancel my subscription'],
      de: ['probeabo', 'in-app-käufe', 'kostenpflichtig'],
      fr: ['essai gratuit', 'achats intégrés', 'payant*'],
      es: ['prueba gratuita', 'compras dentro', 'de pago'],
      nl: ['proefperiode', 'in-app aankopen'],
      it: ['prova gratuita', 'acquisti in-app', 'a pagamento'],
      pt: ['teste grátis', 'compras no app'],
    },
  }),
  ADS,
  DATA_SYNC,
  variant(COMMUNICATION, {
    label: 'Support and communication',
    phrases: {
      en: ['how hard it was to get help from our support team', 'how our support team responds'],
      de: ['die fehlende Hilfe durch unseren Support', 'die Erreichbarkeit unseres Supports'],
      fr: ["l'absence de réponse du support", 'la réactivité de notre support'],
      es: ['la falta de respuesta del soporte', 'la atención de nuestro soporte'],
      nl: ['het uitblijven van hulp van onze support', 'de bereikbaarheid van onze support'],
      it: ["la mancata risposta dell'assistenza", 'la nostra assistenza clienti'],
      pt: ['a falta de resposta do suporte', 'o nosso suporte'],
    },
    moreKeywords: {
      en: ['support', 'customer support', 'help desk', 'helpdesk', 'support team'],
      de: ['kundensupport'],
      fr: ['assistance', 'sav'],
      es: ['soporte', 'asistencia'],
      nl: ['helpdesk'],
      it: ['assistenza', 'supporto'],
      pt: ['suporte', 'assistência'],
    },
  }),
];
