import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';
import { regionalVariant } from '../../src/classify/language-variant.js';

describe('language', () => {
  it.each([
    ['The waiter was friendly and the pasta was great.', 'en'],
    ['Le service était très lent et le plat était froid.', 'fr'],
    ['Das Essen war kalt und der Kellner war nicht freundlich.', 'de'],
    ['La comida estaba fría y el servicio fue muy lento.', 'es'],
    ['Het eten was koud en de bediening was niet vriendelijk.', 'nl'],
    ['Il cibo era freddo e il servizio molto lento.', 'it'],
    ['A comida estava fria e o atendimento foi péssimo.', 'pt'],
    ['Очень плохое обслуживание.', 'ru'],
    ['サービスが悪い', 'ja'],
    // Short reviews with few function words: the lexicons, then the n-gram detector, tell them apart.
    ['Schrecklich!', 'de'],
    ['Muy malo', 'es'],
    ['Excellent!', 'en'],
    ['DELICIOUS!!', 'en'],
    ['Es una estafa, no funciona la app.', 'es'],
    // Short sentences whose words the English model also knows ("restaurant", "toll"): eld overrules the
    // lexicons when it is sure; on two or three words it rarely is, and English stays.
    ['Un tanto caótica la recepción.', 'es'],
    ['Perfecto restaurante.', 'es'],
    ['Nicht so toll...', 'de'],
    ['Het regent binnen in de terras!', 'nl'],
    ["Le service s'est dégradé.", 'fr'],
    ['AMAZON SUCKS.', 'en'],
    ['Penne vodka excellent!', 'en'],
    ['Con: spotty service.', 'en'],
    ['Great app', 'en'],
    // A short Italian hotel review whose adjective is Portuguese too ("péssima" without its accent).
    ['Colazione pessima', 'it'],
    // Words only one judged language writes place a short review whose other words several share.
    ['Volveremos seguro.', 'es'],
    ['Alles prima geregeld.', 'nl'],
    ["Bravo à toute l'équipe !", 'fr'],
    ['Pulizia carente, colazione mediocre', 'it'],
  ])('%s -> %s', (text, lang) => {
    expect(classify({ text }).language).toBe(lang);
  });

  it('does not mistake a short English complaint for another language', () => {
    expect(classify({ text: 'TERRIBLE SERVICE!!!' }).language).toBe('en');
  });

  it('falls back to the rating when the text cannot be judged, and says so', () => {
    const low = classify({ text: 'Maten var kall och servicen var inte bra.', rating: 1 });
    expect(low.language).toBe('sv');
    expect(low.negative).toBe(true);
    expect(low.reasons.join(' ')).toMatch(/"sv" cannot be judged.*decided by the rating/);
    const high = classify({ text: 'Jättebra, vi kommer gärna tillbaka och det var mycket bra.', rating: 5 });
    expect(high.negative).toBe(false);
  });

  it('does not flag a text in a language it cannot judge without a rating, and says why', () => {
    const v = classify({ text: 'Maten var kall och servicen var inte bra.' });
    expect(v.negative).toBe(false);
    expect(v.reasons.join(' ')).toMatch(/no rating, not flagged/);
  });

  it('gives a verdict, never an error, for text it cannot place', () => {
    const georgian = classify({ text: 'ვაი, ცუდი სერვისი', rating: 2 });
    expect(georgian.negative).toBe(true);
    expect(georgian.reasons.join(' ')).toMatch(/decided by the rating/);
    expect(classify({ text: '😡😡😡' })).toMatchObject({ negative: true, language: 'und' });
    expect(classify({ text: '', rating: 4 })).toMatchObject({ negative: false, language: 'und' });
    expect(classify({ text: '   ', rating: 1 })).toMatchObject({ negative: true });
    // Mixed languages: one verdict, in the language most of it is written in.
    expect(classify({ text: 'The food was great but el servicio fue muy lento' }).language).toMatch(/^(en|es)$/);
  });

  it('does not guess a language for a short text no word list knows, and does not flag it on that guess', () => {
    // eld places a single unknown word anywhere ("sifen" German, "gadaa" Spanish, "Infinx" Italian: names and
    // words of languages it does not know, common in app-store reviews); judged as that language, the text
    // was flagged on the model's prior alone. Undetermined: the English model (neutral prior) reads it and
    // the reply is written in the business's own language.
    for (const text of ['sifen', 'gadaa', 'Infinx', 'asfaw damse']) {
      expect(classify({ text })).toMatchObject({ language: 'und', negative: false });
    }
    // Words two languages' lexicons share ("Prima." is German and Dutch praise): eld chooses between those two, and a
    // third language (Italian, where "prima" is "before") is no answer.
    expect(classify({ text: 'Prima.' })).toMatchObject({ language: 'und', negative: false });
    // A stop word of a language no model judges still places the text, which its rating then decides.
    for (const [text, lang] of [['Mycket dåligt', 'sv'], ['Polecam!', 'pl']] as const) expect(classify({ text }).language, text).toBe(lang);
    // A word the rules take out of a lexicon (valence 0) is still that language's: "doccia" is Italian.
    expect(classify({ text: 'doccia intasata' }).language).toBe('it');
    // A word a lexicon or a stop word places still decides.
    expect(classify({ text: 'Schrecklich!' })).toMatchObject({ language: 'de', negative: true });
    expect(classify({ text: 'Terrible!' }).language).toBe('en');
  });

  it('trusts a language the platform reported', () => {
    expect(classify({ text: 'Bom atendimento', language: 'pt-BR', rating: 4 }).language).toBe('pt');
    // Even over what the words say: the platform knows its users' language.
    const v = classify({ text: 'Slecht, nooit meer', language: 'NL' });
    expect(v).toMatchObject({ language: 'nl', negative: true });
  });
});

describe('the region of a Portuguese text', () => {
  it("tells Portugal's words and grammar from Brazil's, and says nothing when the text does not show it", () => {
    expect(regionalVariant('pt', 'Estive a esperar meia hora e ninguém da equipa me atendeu.')).toBe('pt-PT');
    expect(regionalVariant('pt', 'O pequeno-almoço era fraco e a casa de banho estava suja.')).toBe('pt-PT');
    expect(regionalVariant('pt', 'Fiquei esperando meia hora e ninguém da equipe me atendeu.')).toBe('pt-BR');
    expect(regionalVariant('pt', 'Você precisa melhorar o app, o celular trava toda hora.')).toBe('pt-BR');
    expect(regionalVariant('pt', 'A encomenda chegou com duas semanas de atraso.')).toBeUndefined();
    // "legal" is lawful in Portugal too, "fato" a suit: no marker.
    expect(regionalVariant('pt', 'Não é legal cobrar isso.')).toBeUndefined();
    expect(regionalVariant('es', 'Estoy esperando desde hace una hora.')).toBeUndefined();
    // From a code review: an adjective in -ndo is no gerund, "café da manhã" ends in a letter \b cannot see, and
    // Portugal's accented past and pronoun after the verb are markers.
    expect(regionalVariant('pt', 'O quarto estava imundo e ninguém resolveu.')).toBeUndefined();
    expect(regionalVariant('pt', 'O café da manhã era fraco.')).toBe('pt-BR');
    expect(regionalVariant('pt', 'Esperámos uma hora pela mesa.')).toBe('pt-PT');
    expect(regionalVariant('pt', 'Cobraram-me duas vezes a mesma coisa.')).toBe('pt-PT');
    // The business's region counts as one marker: one weak word of the other does not outvote it, two do.
    expect(regionalVariant('pt', 'Vocês precisam melhorar, tá difícil.', 'pt-PT')).toBe('pt-PT');
    expect(regionalVariant('pt', 'A tela do celular trava.', 'pt-PT')).toBe('pt-BR');
  });
});
