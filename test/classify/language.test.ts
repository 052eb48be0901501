import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';

describe('language', () => {
  it.each([
    ['The waiter was friendly and the pasta was great.', 'en'],
    ['Le service était très lent et le plat était froid.', 'fr'],
    ['Das Essen war kalt und der Kellner war nicht freundlich.', 'de'],
    ['La comida estaba fría y el servicio fue muy lento.', 'es'],
    ['Очень плохое обслуживание.', 'ru'],
    ['サービスが悪い', 'ja'],
  ])('%s -> %s', (text, lang) => {
    expect(classify({ text }).language).toBe(lang);
  });

  it('does not mistake a short English complaint for another language', () => {
    expect(classify({ text: 'TERRIBLE SERVICE!!!' }).language).toBe('en');
  });

  it('falls back to the rating when the text cannot be judged, and says so', () => {
    const low = classify({ text: 'Le service était très lent et le plat était froid.', rating: 1 });
    expect(low.negative).toBe(true);
    expect(low.reasons.join(' ')).toMatch(/"fr" cannot be judged.*decided by the rating/);
    const high = classify({ text: 'Sehr gut, wir kommen gerne wieder.', rating: 5 });
    expect(high.negative).toBe(false);
  });

  it('does not flag a foreign text without a rating, and says why', () => {
    const v = classify({ text: 'Das Essen war kalt und der Kellner war nicht freundlich.' });
    expect(v.negative).toBe(false);
    expect(v.reasons.join(' ')).toMatch(/no rating, not flagged/);
  });

  it('trusts a language the platform reported', () => {
    expect(classify({ text: 'Bom atendimento', language: 'pt-BR', rating: 4 }).language).toBe('pt');
  });
});
