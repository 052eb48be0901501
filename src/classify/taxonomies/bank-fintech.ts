import { ACCOUNT_ACCESS, APP_BUGS, COMMUNICATION, STAFF_SERVICE } from './shared.js';
import { topic, variant, type TopicSpec } from './types.js';

export const CARDS = topic(
  'cards',
  'Cards and cash machines',
  {
    en: ['card', 'cards', 'debit card', 'credit card', 'card declined', 'card was declined', 'declined', 'contactless', 'apple pay', 'google pay',
      'atm', 'cash machine', 'new card', 'replacement card'],
    de: ['karte', 'karten', 'girocard', 'kreditkarte', 'debitkarte', 'ec-karte', 'abgelehnt', 'kontaktlos', 'geldautomat*', 'bankautomat*'],
    fr: ['carte', 'cartes', 'carte bancaire', 'refusée', 'paiement refusé', 'sans contact', 'distributeur', 'retrait*'],
    es: ['tarjeta*', 'rechazad*', 'cajero*', 'sin contacto'],
    nl: ['pas geblokkeerd', 'pas * geblokkeerd', 'mijn pas', 'pinpas', 'bankpas', 'betaalpas', 'creditcard', 'pinnen', 'geweigerd', 'contactloos', 'pinautomaat', 'geldautomaat',
      'mijn pas', 'nieuwe pas'],
    it: ['carta', 'bancomat', 'carta di credito', 'carta di debito', 'rifiutat*', 'prelievo', 'prelievi'],
    pt: ['cartão', 'cartões', 'recusad*', 'multibanco', 'caixa eletrônico', 'caixa automático', 'aproximação'],
  },
  {
    en: ['the trouble with your card', 'our card services'],
    de: ['die Probleme mit der Karte', 'die Sperrung und Freischaltung von Karten'],
    fr: ['le problème de carte bancaire', 'nos services de carte'],
    es: ['el problema con la tarjeta', 'el servicio de tarjetas'],
    nl: ['het probleem met de pas', 'de blokkering en vrijgave van passen'],
    it: ['il problema con la carta', 'i servizi legati alle carte'],
    pt: ['o problema com o cartão', 'os nossos serviços de cartão'],
  },
);

export const TRANSFERS = topic(
  'transfers',
  'Transfers and payments',
  {
    en: ['transfer*', 'payment failed', 'payments', 'transaction*', 'direct debit', 'standing order', 'deposit*', 'withdraw*', 'sent money',
      'send money', 'money disappeared', 'money is missing', 'pending', 'iban', 'sepa', 'wire'],
    de: ['überweisung*', 'überwiesen', 'lastschrift*', 'dauerauftrag', 'transaktion*', 'zahlung*', 'echtzeitüberweisung', 'gutgeschrieben',
      'geld ist weg'],
    fr: ['virement*', 'prélèvement*', 'paiement*', 'versement*', 'argent disparu'],
    es: ['transferencia*', 'bizum', 'transacci*', 'pago', 'pagos', 'domiciliaci*', 'recibo*', 'ingreso*'],
    nl: ['overboeking*', 'overschrijving*', 'overgemaakt', 'betaling*', 'transactie*', 'incasso', 'tikkie', 'ideal'],
    it: ['bonifico', 'bonifici', 'transazion*', 'pagament*', 'addebito diretto', 'accredit*'],
    pt: ['transferência*', 'pix', 'transação', 'transações', 'pagamento*', 'débito direto', 'depósito*'],
  },
  {
    en: ['the problem with your transfer', 'how quickly our transfers go through'],
    de: ['die Probleme mit der Überweisung', 'die Abwicklung unserer Überweisungen'],
    // 'prélèvement' (a direct debit) is a keyword too: not only a 'virement'.
    fr: ['le problème de paiement', 'le traitement de nos virements et prélèvements'],
    es: ['el problema con la transferencia', 'la gestión de las transferencias'],
    nl: ['het probleem met de overboeking', 'de verwerking van overboekingen'],
    it: ['il problema con il bonifico', 'la gestione dei bonifici'],
    pt: ['o problema com a transferência', 'o processamento das transferências'],
  },
);

export const FEES = topic(
  'fees',
  'Fees and charges',
  {
    en: ['fee', 'fees', 'charges', 'charged me', 'monthly charge', 'interest rate', 'interest', 'overdraft', 'commission', 'exchange rate',
      'hidden fee*', 'maintenance fee', 'expensive', 'overcharg*', 'supposed to be free'],
    de: ['gebühr*', 'kontoführungsgebühr*', 'entgelt*', 'zinsen', 'dispo*', 'kosten', 'teuer', 'wechselkurs',
      '# im monat'],
    fr: ['frais', 'commission*', 'agios', 'taux', 'découvert', 'trop cher', 'cotisation'],
    es: ['comisión', 'comisiones', 'cobran', 'cobraron', 'intereses', 'descubierto', 'tipo de cambio', 'caro'],
    nl: ['kosten', 'rente', 'roodstand', 'wisselkoers', 'provisie', 'duur'],
    it: ['commission*', 'canone', 'costi', 'interessi', 'spese', 'tasso di cambio', 'caro'],
    pt: ['taxa*', 'tarifa*', 'comissão', 'comissões', 'juros', 'anuidade', 'mensalidade', 'caro', 'câmbio'],
  },
  {
    en: ['what we charged you in fees', 'our fees'],
    de: ['die Gebühren', 'unsere Gebühren'],
    fr: ['les frais prélevés', 'nos frais'],
    es: ['las comisiones cobradas', 'nuestras comisiones'],
    nl: ['de in rekening gebrachte kosten', 'onze tarieven'],
    it: ['le commissioni addebitate', 'le nostre commissioni'],
    pt: ['as taxas cobradas', 'as nossas taxas'],
  },
);

export const FRAUD_SECURITY = topic(
  'fraud_security',
  'Fraud and security',
  {
    en: ['fraud*', 'scam*', 'unauthorised', 'unauthorized', 'stolen', 'hacked', 'phishing', 'didnt authorise', 'didnt authorize', 'chargeback',
      'dispute',
      'someone debited'],
    de: ['betrug*', 'betrüger*', 'gehackt', 'unberechtigt*', 'nicht autorisiert*', 'gestohlen'],
    fr: ['fraude*', 'arnaque*', 'escroqu*', 'piraté*', 'hameçonnage', 'non autorisé*', 'volé*', 'usurpation'],
    es: ['fraude*', 'estafa*', 'timo', 'hackead*', 'no autorizad*', 'robad*', 'suplantación'],
    nl: ['fraude', 'oplichting', 'opgelicht', 'oplichter*', 'gehackt', 'niet geautoriseerd', 'gestolen',
      'phishing*'],
    it: ['frode', 'frodi', 'truffa*', 'truffat*', 'hackerat*', 'non autorizzat*', 'rubat*',
      'clonato la carta', 'clonata la carta'],
    pt: ['fraude*', 'golpe*', 'burla*', 'hackead*', 'não autorizad*', 'roubad*', 'clonad*',
      'empréstimo no meu nome'],
  },
  {
    en: ['the security problem on your account', 'how we protect our customers against fraud'],
    de: ['die Sicherheitsbedenken', 'die Sicherheit der Konten'],
    fr: ['le problème de sécurité', 'la protection contre la fraude'],
    es: ['el problema de seguridad', 'la protección contra el fraude'],
    nl: ['het veiligheidsprobleem', 'de beveiliging tegen fraude'],
    it: ['il problema di sicurezza', 'la protezione dalle frodi'],
    pt: ['o problema de segurança', 'a proteção contra fraudes'],
  },
);

export const IDENTITY_VERIFICATION = topic(
  'identity_verification',
  'Identity verification (KYC)',
  {
    en: ['identity verification', 'verify my identity', 'id verification', 'id check', 'kyc', 'selfie', 'passport', 'proof of address',
      'proof of identity', 'documents'],
    de: ['verifizierung', 'identifizierung', 'legitimation', 'videoident', 'postident', 'ausweis', 'personalausweis', 'reisepass', 'unterlagen'],
    fr: ["vérification d'identité", "pièce d'identité", 'justificatif*', 'passeport'],
    es: ['verificación de identidad', 'verificar mi identidad', 'dni', 'pasaporte', 'documentación', 'justificante'],
    nl: ['identiteitscontrole', 'identificatie', 'legitimatie', 'paspoort', 'id-kaart', 'documenten'],
    it: ["verifica dell'identità", "carta d'identità", 'passaporto', 'documenti', 'spid'],
    pt: ['verificação de identidade', 'passaporte', 'comprovante*', 'comprovativo*', 'documentos'],
  },
  {
    en: ['the trouble with our identity checks', 'how we verify customers'],
    de: ['die Identitätsprüfung', 'die Identitätsprüfung bei uns'],
    fr: ["la vérification d'identité", "nos vérifications d'identité"],
    es: ['la verificación de identidad', 'nuestros controles de identidad'],
    nl: ['de identiteitscontrole', 'onze identiteitscontroles'],
    it: ["la verifica dell'identità", "le nostre verifiche d'identità"],
    pt: ['a verificação de identidade', 'as nossas verificações de identidade'],
  },
);

/** Banks, neobanks, payment and fintech apps. */
export const BANK_FINTECH: readonly TopicSpec[] = [
  variant(ACCOUNT_ACCESS, {
    phrases: {
      en: ['losing access to your account', 'how we handle blocked accounts'],
      de: ['die Probleme mit dem Zugang zum Konto', 'die Freigabe gesperrter Konten'],
      fr: ["la perte d'accès au compte", 'la gestion des comptes bloqués'],
      es: ['la pérdida de acceso a la cuenta', 'la gestión de cuentas bloqueadas'],
      nl: ['het verlies van toegang tot de rekening', 'de afhandeling van geblokkeerde rekeningen'],
      it: ["la perdita di accesso al conto", 'la gestione dei conti bloccati'],
      pt: ['a perda de acesso à conta', 'a gestão de contas bloqueadas'],
    },
    moreKeywords: {
      en: ['account closure', 'closed without', 'frozen without', 'blocked without'],
      de: ['kontokündigung', 'ohne vorwarnung gesperrt', 'einfach gesperrt'],
      fr: ['clôture du compte'],
      es: ['bloqueo de la cuenta'],
      nl: ['rekening opgezegd'],
      it: ['blocco del conto'],
      pt: ['bloqueio da conta'],
    },
  }),
  CARDS,
  TRANSFERS,
  FEES,
  variant(APP_BUGS, {
    phrases: {
      en: ['the trouble with our app', 'how reliable our app is'],
      de: ['die Probleme mit unserer App', 'die Zuverlässigkeit unserer App'],
      fr: ['les problèmes de notre application', 'la fiabilité de notre application'],
      es: ['los problemas de nuestra aplicación', 'la fiabilidad de nuestra aplicación'],
      nl: ['de problemen met onze app', 'de betrouwbaarheid van onze app'],
      it: ['i problemi della nostra app', "l'affidabilità della nostra app"],
      pt: ['os problemas do nosso aplicativo', 'a confiabilidade do nosso aplicativo'],
    },
  }),
  FRAUD_SECURITY,
  IDENTITY_VERIFICATION,
  STAFF_SERVICE,
  COMMUNICATION,
];
