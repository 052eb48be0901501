import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftingSchema, type BusinessConfig } from '../../src/config/schema.js';
import { checkGuardrails, draftFollowUp, draftReply, draftWithProvider, personalDataIn, type GuardrailRule } from '../../src/draft/index.js';
import { business, COMPLAINTS, review, verdict } from './factories.js';

const CONTACT = { email: 'hallo@luna.example' };
const contacts = [CONTACT];

/**
 * Per language: a reply as a native speaker would write it, which passes every rule, and for each rule
 * sentences that break it, as a model (or an owner editing a draft) might write them in that language.
 */
interface Case {
  clean: string;
  breaks: Partial<Record<GuardrailRule, string[]>>;
}

const CASES: Record<string, Case> = {
  de: {
    clean:
      'Guten Tag Anna, vielen Dank für Ihre offene Rückmeldung. Es tut uns aufrichtig leid, dass Sie so lange warten mussten. ' +
      'Wir besprechen das mit dem Team. Bitte schreiben Sie uns an hallo@luna.example, damit wir das klären können.\nMaria, Inhaberin',
    breaks: {
      'no-blame': ['An dem Abend waren wir leider unterbesetzt.', 'Sie hätten uns vorher anrufen sollen.', 'Das war ein Einzelfall, normalerweise klappt alles.'],
      'no-argument': ['Das stimmt so nicht, der Kaffee war heiß.', 'Wir weisen Ihre Vorwürfe zurück.', 'Du irrst dich, wir waren pünktlich.'],
      'no-policy': ['Laut unseren AGB ist eine Stornierung nicht möglich.', 'Wie deutlich angegeben, gilt das nur am Wochenende.'],
      'no-review-change': ['Vielleicht möchten Sie Ihre Bewertung noch einmal überdenken.', 'Über fünf Sterne würden wir uns freuen.'],
      'no-incentive': ['Für eine neue Bewertung schenken wir Ihnen einen Gutschein.', 'Im Gegenzug erhalten Sie ein Freigetränk.'],
      'no-public-refund': ['Wir erstatten Ihnen den vollen Kaufpreis.', 'Sie bekommen 20 Euro zurück.'],
    },
  },
  fr: {
    clean:
      "Bonjour Claire, merci d'avoir pris le temps de nous écrire. Nous sommes sincèrement désolés pour l'attente à la réception. " +
      "Nous en parlons avec l'équipe. Écrivez-nous à hallo@luna.example afin que nous puissions en discuter.\nMaria, gérante",
    breaks: {
      'no-blame': ["Ce soir-là, nous étions en sous-effectif.", "Vous auriez dû nous prévenir de votre arrivée tardive.", "Ce n’est pas notre faute, le transporteur était en retard."],
      'no-argument': ["Vous vous trompez, la chambre avait été nettoyée.", "C'est faux : personne ne s'est plaint ce jour-là."],
      'no-policy': ['Conformément à nos conditions générales, le petit-déjeuner est payant.', 'Comme indiqué sur notre site, les animaux sont interdits.'],
      'no-review-change': ['Pourriez-vous modifier votre avis ?', 'Nous espérons mériter cinq étoiles la prochaine fois.'],
      'no-incentive': ["En échange d'un nouvel avis, nous vous offrons un dessert.", 'Un bon de réduction vous attend si vous mettez à jour votre note.'],
      'no-public-refund': ['Nous vous rembourserons la nuit.', 'Vous serez intégralement remboursé.'],
    },
  },
  es: {
    clean:
      'Hola Lucía, gracias por tomarse el tiempo de escribirnos. Sentimos mucho los problemas con la aplicación. ' +
      'Lo estamos revisando con el equipo. Escríbanos a hallo@luna.example para que podamos ayudarle.\nMaria, atención al cliente',
    breaks: {
      'no-blame': ['Ese día teníamos falta de personal.', 'Debería haber leído las instrucciones antes.', 'Es un caso aislado, esto nunca pasa.'],
      'no-argument': ['Eso no es cierto, la transferencia se hizo a tiempo.', 'Te equivocas: la app funciona bien.'],
      'no-policy': ['Según nuestras condiciones, la comisión no se devuelve.', 'Como se indica en los términos y condiciones, no hay excepciones.'],
      'no-review-change': ['¿Podría cambiar su valoración?', 'Nos encantaría ganarnos sus cinco estrellas.'],
      'no-incentive': ['A cambio de una nueva reseña le regalamos un mes gratis.', 'Te damos un cupón de descuento por tu valoración.'],
      'no-public-refund': ['Le reembolsaremos la comisión.', 'Vamos a devolverle su dinero hoy mismo.'],
    },
  },
  nl: {
    clean:
      'Hallo Sanne, bedankt dat u de tijd nam om dit te schrijven. Het spijt ons echt dat de lekkage terugkwam. ' +
      'We bespreken dit met het team. Mail ons op hallo@luna.example, dan lossen we het samen op.\nMaria, eigenaar',
    breaks: {
      'no-blame': ['Die dag waren we helaas onderbezet.', 'U had ons eerder moeten bellen.', 'Dit gebeurt bijna nooit.'],
      'no-argument': ['Dat klopt niet, de monteur was op tijd.', 'Je vergist je, we hebben wel teruggebeld.'],
      'no-policy': ['Volgens onze algemene voorwaarden rekenen we voorrijkosten.', 'Zoals duidelijk vermeld op de offerte, is dit niet inbegrepen.'],
      'no-review-change': ['Zou u uw review willen aanpassen?', 'We hopen alsnog vijf sterren te verdienen.'],
      'no-incentive': ['In ruil voor een nieuwe review krijgt u korting.', 'Als je je beoordeling aanpast, krijg je een cadeaubon.'],
      'no-public-refund': ['Wij betalen u het volledige bedrag terug.', 'U krijgt een volledige terugbetaling.'],
    },
  },
  it: {
    clean:
      "Buongiorno Giulia, grazie per averci scritto. Ci dispiace davvero per l'attesa e per il servizio. " +
      'Ne parleremo con il team. Ci scriva a hallo@luna.example così possiamo rimediare.\nMaria, titolare',
    breaks: {
      'no-blame': ['Quella sera eravamo a corto di personale.', 'Avrebbe dovuto prenotare con anticipo.', 'È stato un caso isolato, non succede mai.'],
      'no-argument': ['Non è vero, il piatto era caldo.', 'Ti sbagli: il cameriere è stato gentile.'],
      'no-policy': ['Secondo la nostra politica, il coperto si paga.', 'Come indicato nel menù, il pane è a parte.'],
      'no-review-change': ['Potrebbe modificare la sua recensione?', 'Speriamo di meritare cinque stelle.'],
      'no-incentive': ['In cambio di una nuova recensione le offriamo il dolce.', 'Ti regaliamo un buono se aggiorni la tua valutazione.'],
      'no-public-refund': ['La rimborseremo per intero.', 'Le offriamo un rimborso totale.'],
    },
  },
  pt: {
    clean:
      'Olá Ana, obrigado por ter tido o tempo de nos escrever. Lamentamos muito o atraso na entrega. ' +
      'Estamos a analisar a situação com a equipa. Escreva-nos para hallo@luna.example para resolvermos isto.\nMaria, gerente',
    breaks: {
      'no-blame': ['Nesse dia tínhamos falta de pessoal.', 'Deveria ter lido a descrição do produto.', 'Foi um caso isolado, isto nunca acontece.'],
      'no-argument': ['Isso não é verdade, a encomenda saiu a tempo.', 'Você está enganada: o produto estava em perfeitas condições.'],
      'no-policy': ['De acordo com a nossa política, não aceitamos devoluções.', 'Como indicado nos termos e condições, o prazo é de 14 dias.'],
      'no-review-change': ['Poderia alterar a sua avaliação?', 'Esperamos merecer cinco estrelas.'],
      'no-incentive': ['Em troca de uma nova avaliação, oferecemos portes grátis.', 'Receba um cupom de desconto pela sua avaliação.'],
      'no-public-refund': ['Vamos devolver o seu dinheiro.', 'Terá um reembolso total da encomenda.'],
    },
  },
};

const PROHIBITIONS: GuardrailRule[] = ['no-blame', 'no-argument', 'no-policy', 'no-review-change', 'no-incentive', 'no-public-refund'];

describe('guardrails in every reply language', () => {
  for (const [language, c] of Object.entries(CASES)) {
    describe(language, () => {
      it('passes a clean native reply', () => {
        expect(checkGuardrails(c.clean, { language, contacts }).violations).toEqual([]);
      });

      for (const rule of PROHIBITIONS) {
        it(`catches ${rule} written in the language`, () => {
          const sentences = c.breaks[rule] ?? [];
          expect(sentences.length).toBeGreaterThan(0);
          for (const sentence of sentences) {
            // Inserted before the signature, as an owner would add a line to the draft.
            const text = c.clean.replace('\nMaria', ` ${sentence}\nMaria`);
            const rules = checkGuardrails(text, { language, contacts }).violations.map((v) => v.rule);
            expect(rules, sentence).toContain(rule);
          }
        });
      }
    });
  }

  it('checks a reply against its own language only: the German wording of a rule says nothing in French', () => {
    // "Einzelfall" is blame in German; in a French reply it is just an unknown word.
    const text = `${CASES.fr!.clean.replace('\nMaria', ' Einzelfall.\nMaria')}`;
    expect(checkGuardrails(text, { language: 'fr', contacts }).violations).toEqual([]);
    expect(checkGuardrails(text, { language: 'de', contacts }).violations.map((v) => v.rule)).toContain('no-blame');
  });

  it('runs the English rules on a reply in any language (an English excuse in a German reply is still one)', () => {
    const text = CASES.de!.clean.replace('\nMaria', ' We were short-staffed that night.\nMaria');
    expect(checkGuardrails(text, { language: 'de', contacts }).violations.map((v) => v.rule)).toContain('no-blame');
  });

  it('reads typographic apostrophes like plain ones', () => {
    const text = CASES.fr!.clean.replace('\nMaria', " Ce n’est pas ce qui s’est passé.\nMaria");
    expect(checkGuardrails(text, { language: 'fr', contacts }).violations.map((v) => v.rule)).toContain('no-argument');
  });

  it('catches an order or booking number from the review echoed in the reply, by each language’s own words', () => {
    const reviews: [string, string, string][] = [
      ['de', 'Meine Bestellnummer 482913 kam nie an.', '482913'],
      ['fr', 'Ma commande n° 77120 est arrivée cassée.', '77120'],
      ['es', 'El pedido 551203 nunca llegó.', '551203'],
      ['nl', 'Bestelling 90311 is kwijt.', '90311'],
      ['it', "L'ordine 66410 non è mai arrivato.", '66410'],
      ['pt', 'A encomenda 31877 chegou partida.', '31877'],
    ];
    for (const [language, text, ref] of reviews) {
      expect(personalDataIn(text, language), language).toContain(ref);
      const reply = CASES[language]!.clean.replace('\nMaria', ` (${ref})\nMaria`);
      const violations = checkGuardrails(reply, { language, contacts, review: { text } }).violations;
      expect(violations.map((v) => v.rule), language).toContain('no-personal-data');
    }
  });
});

describe('the shipped templates under every language’s rules', () => {
  const topicsByIndustry: [BusinessConfig['industry'], string[]][] = [
    ['restaurant', ['waiting_time', 'food_quality', 'staff_service']],
    ['hotel', ['cleanliness', 'staff_service']],
    ['bank_fintech', ['app_bugs', 'communication']],
    ['home_services', ['waiting_time', 'communication']],
    ['generic', []],
  ];

  for (const [language, text] of Object.entries(COMPLAINTS)) {
    it(`${language}: replies, thank-yous and follow-ups in both tones break no rule`, () => {
      let checked = 0;
      for (const tone of ['friendly', 'formal'] as const) {
        for (const [industry, topics] of topicsByIndustry) {
          for (let i = 0; i < 12; i++) {
            const b = business({ tone, industry, language: 'en', contact: { email: 'hallo@luna.example', phone: '+49 30 1234567' } });
            const ctx = { business: b, drafting: draftingSchema.parse({}) };
            const r = review(text, { author: i % 2 === 0 ? 'Anna Weber' : undefined, platformId: `t-${language}-${tone}-${industry}-${i}` });
            const reply = draftReply(r, verdict({ language, topics: topics.slice(0, 1 + (i % 3)) }), ctx);
            expect(reply.language).toBe(language);
            expect(reply.violations, reply.reply).toEqual([]);
            const thanks = draftReply(r, verdict({ language, negative: false, score: 0.6, severity: 'low', topics: [] }), ctx);
            expect(thanks.violations, thanks.reply).toEqual([]);
            const follow = draftFollowUp(r, { verdict: verdict({ language, topics }), originalReply: reply.reply, note: i % 2 ? undefined : 'x' }, ctx);
            expect(follow.violations, follow.reply).toEqual([]);
            expect(follow.combined.violations, follow.combined.reply).toEqual([]);
            checked += 3;
          }
        }
      }
      expect(checked).toBe(2 * topicsByIndustry.length * 12 * 3);
    });
  }
});

describe('a model draft in the review’s language', () => {
  let server: Server;
  let baseUrl: string;
  let content = '';
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const ctx = () => ({
    business: business({ contact: CONTACT }),
    drafting: draftingSchema.parse({ provider: 'openai-compatible', openai: { baseUrl, model: 'm', apiKeyEnv: 'K', timeoutMs: 5_000 } }),
  });

  for (const language of ['de', 'fr', 'es', 'nl', 'it', 'pt'] as const) {
    it(`${language}: keeps a correct reply and refuses one that argues, naming the rule`, async () => {
      const r = review('…', { author: 'Alex Martin' });
      content = CASES[language]!.clean;
      const good = await draftWithProvider(r, verdict({ language }), ctx(), { env: { K: 'k' } });
      expect(good.fallbackReason).toBeUndefined();
      expect(good.reply).toBe(content);
      content = CASES[language]!.clean.replace('\nMaria', ` ${CASES[language]!.breaks['no-argument']![0]}\nMaria`);
      const bad = await draftWithProvider(r, verdict({ language }), ctx(), { env: { K: 'k' } });
      expect(bad.provider).toBe('template');
      expect(bad.fallbackReason).toMatch(/guardrails: .*no-argument/);
      expect(bad.language).toBe(language);
    });
  }
});
