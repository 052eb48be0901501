import { CLEANLINESS, COMMUNICATION, STAFF_SERVICE, WAITING_TIME } from './shared.js';
import { topic, variant, type TopicSpec } from './types.js';

export const APPOINTMENTS = topic(
  'appointments',
  'Appointments',
  {
    en: ['appointment*', 'booking system', 'cancelled my appointment', 'canceled my appointment', 'get an appointment', 'no appointments',
      'phone lines', 'same day', 'same-day'],
    de: ['termin', 'termine', 'terminvergabe', 'terminvereinbarung', 'termin abgesagt', 'kein termin', 'keinen termin'],
    fr: ['rendez-vous', 'rdv', 'doctolib', 'créneau*'],
    es: ['cita', 'citas', 'cita previa'],
    nl: ['afspraak', 'afspraken'],
    it: ['appuntament*', 'prenotazion*'],
    pt: ['marcação', 'marcar consulta', 'agendamento', 'agendar', 'consulta marcada'],
  },
  {
    en: ['the trouble getting an appointment', 'how we schedule appointments'],
    de: ['die Probleme bei der Terminvergabe', 'die Terminvergabe in unserer Praxis'],
    fr: ['les difficultés pour obtenir un rendez-vous', 'la prise de rendez-vous au cabinet'],
    es: ['las dificultades para conseguir cita', 'la gestión de las citas'],
    nl: ['de moeite om een afspraak te krijgen', 'het plannen van afspraken'],
    it: ['la difficoltà di ottenere un appuntamento', 'la gestione degli appuntamenti'],
    pt: ['a dificuldade para agendar uma consulta', 'o agendamento de consultas'],
  },
);

export const BILLING_INSURANCE = topic(
  'billing_insurance',
  'Billing and insurance',
  {
    en: ['insurance', 'insurer', 'medicare', 'medicaid', 'the bill', 'billed', 'billing', 'invoice*', 'charged me', 'copay', 'co-pay',
      'out of pocket', 'coverage', 'overcharg*', 'fees', 'expensive', 'refund*', 'fee'],
    de: ['krankenkasse', 'versicherung', 'privatrechnung', 'rechnung', 'igel-leistung*', 'selbst zahlen', 'selbstzahler', 'zuzahlung', 'abrechnung',
      'gebühr*', 'teuer', 'kosten'],
    fr: ['mutuelle', 'sécurité sociale', 'carte vitale', 'dépassement*', 'honoraires', 'facture*', 'tiers payant', 'remboursé*', 'trop cher'],
    es: ['seguro médico', 'aseguradora', 'mutua', 'factura*', 'copago', 'cobraron', 'cobro', 'caro', 'reembolso'],
    nl: ['verzekering', 'zorgverzekeraar', 'eigen risico', 'vergoed*', 'factuur', 'declaratie', 'kosten', 'duur'],
    it: ['assicurazione', 'ticket', 'fattura', 'parcella', 'costo', 'costi', 'caro', 'rimborso', 'intramoenia'],
    pt: ['plano de saúde', 'convênio', 'seguradora', 'seguro de saúde', 'fatura', 'cobrado', 'cobraram', 'caro', 'reembolso', 'comparticipação', 'taxa moderadora'],
  },
  {
    en: ['the trouble with billing and insurance', 'how we handle billing and insurance'],
    de: ['die Abrechnung und die Kostenübernahme', 'die Abrechnung in unserer Praxis'],
    fr: ['la facturation et la prise en charge', 'notre facturation'],
    es: ['la facturación y el seguro', 'nuestra facturación'],
    nl: ['de facturatie en de vergoeding', 'onze facturatie'],
    it: ['la fatturazione e la copertura assicurativa', 'la nostra fatturazione'],
    pt: ['o faturamento e o plano de saúde', 'o nosso faturamento'],
  },
);

export const CARE_QUALITY = topic(
  'care_quality',
  'Quality of care',
  {
    en: ['misdiagnos*', 'diagnosis', 'wrong diagnosis', 'treatment', 'didnt examine', 'did not examine', 'barely examined', 'rushed', 'in and out',
      'didnt listen', 'did not listen', 'wouldnt listen', 'dismissed my', 'prescription', 'prescribed', 'medication', 'referral', 'x-ray',
      'blood test'],
    de: ['fehldiagnose', 'diagnose', 'behandlung', 'falsch behandelt', 'nicht untersucht', 'kaum untersucht', 'abgefertigt', 'nicht zugehört',
      'nicht ernst genommen', 'rezept', 'medikament*', 'überweisung zum'],
    fr: ['erreur de diagnostic', 'diagnostic', 'traitement', 'pas examiné*', 'à peine examiné*', 'expédié*', 'pas écouté*', 'pas pris au sérieux',
      'ordonnance', 'médicament*'],
    es: ['diagnóstico', 'mal diagnóstico', 'tratamiento', 'no me examinó', 'no me exploró', 'ni me miró', 'no me escuchó', 'no me tomó en serio',
      'receta', 'medicamento*', 'medicación'],
    nl: ['verkeerde diagnose', 'diagnose', 'behandeling', 'niet onderzocht', 'nauwelijks onderzocht', 'afgescheept', 'niet geluisterd',
      'niet serieus genomen', 'recept', 'medicijn*', 'verwijzing', 'luisterde niet', 'zonder onderzoek'],
    it: ['diagnosi', 'diagnosi sbagliata', 'terapia', 'non mi ha visitato', 'visita frettolosa', 'non mi ha ascoltato', 'non mi ha preso sul serio',
      'ricetta', 'farmac*'],
    pt: ['diagnóstico', 'diagnóstico errado', 'tratamento', 'não me examinou', 'mal me examinou', 'não me ouviu', 'não me levou a sério',
      'receita', 'medicament*', 'medicação'],
  },
  {
    en: ['the care you received', 'the quality of our care'],
    de: ['die Qualität der Behandlung', 'die Qualität unserer Behandlung'],
    fr: ['la qualité des soins', 'la qualité de nos soins'],
    es: ['la atención médica recibida', 'la calidad de nuestra atención'],
    nl: ['de kwaliteit van de zorg', 'de kwaliteit van onze zorg'],
    it: ['la qualità delle cure', 'la qualità delle nostre cure'],
    pt: ['a qualidade do atendimento médico', 'a qualidade dos nossos cuidados'],
  },
);

/** Clinics, practices, dentists, therapists. */
export const HEALTHCARE: readonly TopicSpec[] = [
  APPOINTMENTS,
  variant(WAITING_TIME, {
    label: 'Waiting room',
    phrases: {
      en: ['the long wait in the waiting room', 'the waiting times at our practice'],
      de: ['die lange Wartezeit im Wartezimmer', 'die Wartezeiten in unserer Praxis'],
      fr: ["la longue attente en salle d'attente", "les temps d'attente au cabinet"],
      es: ['la larga espera en la sala de espera', 'los tiempos de espera en la consulta'],
      nl: ['de lange wachttijd in de wachtkamer', 'de wachttijden in onze praktijk'],
      it: ["la lunga attesa in sala d'attesa", 'i tempi di attesa nel nostro studio'],
      pt: ['a longa espera na sala de espera', 'os tempos de espera no consultório'],
    },
    moreKeywords: {
      en: ['waiting room', 'running late', 'behind schedule', 'over an hour'],
      de: ['wartezimmer', 'wartebereich', 'stunden verspätung', 'stunde verspätung', 'minuten verspätung'],
      fr: ["salle d'attente", 'en retard', 'heures de retard', 'heure de retard', 'minutes de retard'],
      es: ['sala de espera', 'con retraso', 'horas de retraso', 'hora de retraso', 'minutos de retraso'],
      nl: ['wachtkamer', 'liep uit', 'uur vertraging', 'uur te laat'],
      it: ["sala d'attesa", 'in ritardo', 'ore di ritardo', "un'ora di ritardo", 'minuti di ritardo'],
      pt: ['sala de espera', 'atrasad*', 'horas de atraso', 'hora de atraso', 'minutos de atraso'],
    },
  }),
  variant(STAFF_SERVICE, {
    label: 'Staff manner',
    phrases: {
      en: ['the way our team spoke to you', 'how our team treats patients'],
      de: ['das Verhalten unseres Praxisteams', 'die Freundlichkeit unseres Praxisteams'],
      fr: ["l'attitude de notre équipe envers les patients", "l'accueil des patients"],
      es: ['el trato recibido de nuestro equipo', 'el trato a los pacientes'],
      nl: ['de bejegening door ons team', 'de bejegening van patiënten'],
      it: ["l'atteggiamento del nostro personale", "l'accoglienza dei pazienti"],
      pt: ['o tratamento recebido da nossa equipe', 'o tratamento dado aos pacientes'],
    },
    moreKeywords: {
      en: ['nurse*', 'bedside manner', 'receptionists', 'patronising', 'patronizing', 'no empathy', 'lack of empathy'],
      de: ['arzthelferin*', 'sprechstundenhilfe', 'empfang', 'keine empathie', 'unsensibel'],
      fr: ['secrétaire*', 'secrétariat', 'infirmièr*', 'aucune empathie', "manque d'empathie"],
      es: ['recepcionista*', 'enfermer*', 'sin empatía', 'ninguna empatía', 'falta de empatía'],
      nl: ['assistente', 'doktersassistent*', 'baliemedewerk*', 'verpleegkundige*', 'geen empathie', 'weinig empathie'],
      it: ['segretari*', 'infermier*', 'nessuna empatia', 'zero empatia', 'poca empatia'],
      pt: ['rececionista*', 'recepcionista*', 'enfermeir*', 'sem empatia', 'nenhuma empatia', 'falta de empatia'],
    },
  }),
  BILLING_INSURANCE,
  CARE_QUALITY,
  variant(COMMUNICATION, {
    phrases: {
      en: ['how hard it was to reach us and get answers', 'how we keep patients informed'],
      de: ['die fehlende Rückmeldung der Praxis', 'die Erreichbarkeit unserer Praxis'],
      fr: ["l'absence de réponse du cabinet", 'notre disponibilité au téléphone'],
      es: ['la falta de respuesta de la consulta', 'nuestra comunicación con los pacientes'],
      nl: ['het uitblijven van een reactie van de praktijk', 'de bereikbaarheid van onze praktijk'],
      it: ['la mancata risposta dello studio', 'la nostra comunicazione con i pazienti'],
      pt: ['a falta de resposta da clínica', 'a nossa comunicação com os pacientes'],
    },
    moreKeywords: {
      en: ['test results', 'my results', 'never got my results'],
      de: ['befund*', 'ergebnisse'],
      fr: ['résultats'],
      es: ['resultados'],
      nl: ['uitslag*'],
      it: ['referto', 'referti', 'risultati'],
      pt: ['resultados', 'exames'],
    },
  }),
  variant(CLEANLINESS, {
    phrases: {
      en: ['the cleanliness of the practice', 'hygiene at our practice'],
      de: ['die Hygiene in der Praxis', 'die Hygiene in unserer Praxis'],
      fr: ["l'hygiène du cabinet", "l'hygiène de notre cabinet"],
      es: ['la limpieza de la consulta', 'la higiene de nuestras instalaciones'],
      nl: ['de hygiëne in de praktijk', 'de hygiëne in onze praktijk'],
      it: ["l'igiene dello studio", "l'igiene del nostro studio"],
      pt: ['a higiene da clínica', 'a higiene da nossa clínica'],
    },
  }),
];
