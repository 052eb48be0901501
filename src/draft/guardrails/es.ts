import { phrases, type LanguageGuardrails } from './types.js';

// Spanish: usted and tú forms.
export const es: LanguageGuardrails = {
  prohibitions: {
    'no-blame': phrases(
      [
        'no (?:es|fue) (?:culpa nuestra|nuestra culpa)', '(?:es|fue) (?:su|tu) culpa', '(?:su|tu) (?:propia )?(?:culpa|error)', 'por (?:su|tu) culpa',
        'falta de personal', '(?:muy|extremadamente|especialmente|inusualmente) (?:ocupad[oa]s|llen[oa]s?|concurrid[oa])', 'horas? punta', 'temporada alta',
        'ajen[oa]s? a nuestra voluntad', 'fuera de nuestro control', 'imprevist\\p{L}+', 'circunstancias (?:excepcionales|imprevistas|ajenas)', 'fuerza mayor',
        '(?:un |una )?(?:nuev[oa]|novat[oa]|inexpert[oa]) (?:emplead\\p{L}+|camarer\\p{L}+|compañer\\p{L}+|trabajador\\p{L}*|becari\\p{L}+)',
        '(?:debido|gracias) a (?:la|el|una|un) (?:alta|gran|huelga|clima|proveedor|transportista|mensajero|problema técnico)', 'por culpa (?:de|del)',
        '(?:caso|incidente) aislado', '(?:esto|eso) (?:nunca|casi nunca|rara vez) (?:pasa|ocurre|sucede)', 'normalmente (?:somos|estamos)',
        '(?:usted )?(?:debería|debió|tendría que) haber (?:leído|revisado|llamado|reservado|avisado|contactado|preguntado|indicado)', '(?:debiste|deberías haber) (?:leer|revisar|llamar|reservar|avisar|leído|revisado|llamado|reservado|avisado)',
        'si (?:usted )?hubiera (?:leído|revisado|llamado|reservado|avisado|contactado|preguntado)', 'no (?:leyó|revisó|siguió|contactó|indicó|reservó|avisó|leíste|revisaste|avisaste)',
      ].join('|'),
    ),
    'no-argument': phrases(
      [
        '(?:usted )?(?:está equivocad[oa]|se equivoca|miente)', 'estás equivocad[oa]', 'te equivocas', 'mientes',
        '(?:eso|esto) (?:no es (?:cierto|verdad)|es falso|es mentira)', 'no es lo que (?:pasó|ocurrió)', '(?:eso|esto) nunca (?:pasó|ocurrió|sucedió)',
        'no estamos de acuerdo', 'discrepamos', '(?:negamos|rechazamos) (?:rotundamente |categóricamente )?(?:lo|que|su|tu|sus|tus|esta|esa)', 'al contrario de lo que', 'en realidad',
        '(?:su|tu|esta) (?:reseña|opinión|versión|valoración) (?:es|era) (?:falsa|inexacta|injusta|exagerada|engañosa|parcial)',
        'no (?:tenemos|hay) (?:constancia|registro)', 'con todo (?:el )?respeto', 'francamente', 'reseña falsa', '(?:usted )?afirma que', 'afirmas que', '(?:sus|tus) acusaciones', 'exager\\p{L}+', 'malinterpret\\p{L}+',
      ].join('|'),
    ),
    'no-policy': phrases(
      [
        'nuestra política', 'nuestras políticas', 'nuestras normas', 'nuestras condiciones', 'la política de', 'las políticas de', 'términos y condiciones', 'condiciones generales',
        '(?:según|conforme a|de acuerdo con) (?:nuestra|nuestras|la|las) (?:política|políticas|normas|condiciones)',
        'como (?:se )?(?:indica|indicaba|especifica|establece|explica) (?:en|claramente)', 'claramente (?:indicad\\p{L}+|señalad\\p{L}+|especificad\\p{L}+)', 'letra pequeña', 'no reembolsable', 'artículo \\d',
        'no (?:nos )?(?:está|es) permitido',
      ].join('|'),
    ),
    'no-review-change': phrases(
      [
        '(?:modificar|cambiar|eliminar|borrar|retirar|quitar|actualizar|reconsiderar|mejorar|subir)(?:la|le)? (?:su|tu|la|esta|esa) (?:reseña|valoración|opinión|puntuación|calificación|comentario)',
        '(?:5|cinco|4|cuatro|más) estrellas',
      ].join('|'),
    ),
    'no-incentive': phrases('a cambio de|si (?:usted )?(?:modifica|cambia|elimina|borra|retira|actualiza|modificas|cambias|eliminas|borras) (?:su|tu|la) (?:reseña|valoración|opinión|puntuación)'),
    'no-public-refund': phrases(
      [
        'reembolso (?:total|completo|íntegro|parcial)', '(?:le|te) (?:reembolsaremos|devolveremos|compensaremos|abonaremos)', '(?:vamos a|podemos|queremos) (?:reembolsar|devolver|compensar)(?:le|te)?',
        '(?:su|tu) dinero', 'devolución (?:íntegra|total|del importe)', '\\d+(?:[.,]\\d+)? ?(?:euros?|dólares|pesos)', '\\d+ ?% de descuento',
      ].join('|'),
    ),
  },
  incentive: phrases('gratis|gratuit\\p{L}+|descuento\\p{L}*|vales?(?: de| regalo)|cupón|cupones|regalo\\p{L}*|bono|reembolso|compensación|puntos|invitación'),
  reviewWords: phrases('reseña\\p{L}*|valoración\\p{L}*|opinión|estrellas?|puntuación|calificación'),
  referenceWords: ['pedido', 'número de pedido', 'reserva', 'factura', 'cuenta', 'expediente', 'ticket', 'billete'],
};
