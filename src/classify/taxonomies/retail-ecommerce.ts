import { COMMUNICATION, DELIVERY, ORDER_ACCURACY, PRICE_BILLING, PRODUCT_QUALITY, STAFF_SERVICE } from './shared.js';
import { topic, type TopicSpec } from './types.js';

export const RETURNS = topic(
  'returns',
  'Returns and exchanges',
  {
    en: ['returns', 'return it', 'returned it', 'return the', 'returned the', 'return label', 'return policy', 'refused the return',
      'refused my return', 'exchange it', 'exchanged', 'send it back', 'sent it back', 'sent back', 'store credit', 'refund*', 'money back', 'return shipping', 'return postage'],
    de: ['rücksendung*', 'retoure*', 'zurückgeschickt', 'zurückgesendet', 'zurücksenden', 'zurückschicken', 'umtausch*', 'umgetauscht',
      'rückerstattung', 'erstattung', 'gutschrift', 'widerruf', 'geld zurück'],
    fr: ['retour*', 'renvoyé*', 'renvoyer', 'échange*', 'échanger', 'remboursement*', 'rembourser', 'remboursé*', "bon d'achat"],
    es: ['devolución', 'devoluciones', 'devolver', 'devolví', 'lo devolví', 'cambiarlo', 'cambiarla', 'reembolso', 'etiqueta de devolución'],
    nl: ['retour*', 'retourneren', 'geretourneerd', 'terugsturen', 'teruggestuurd', 'ruilen', 'omruilen', 'terugbetaling', 'geld terug'],
    it: ['reso', 'resi', 'restituzione', 'restituire', 'restituito', 'restituita', 'rimborso', 'rimborsat*', 'sostituzione'],
    pt: ['devolução', 'devoluções', 'devolver', 'devolvi', 'troca', 'trocar', 'reembolso', 'estorno'],
  },
  {
    // Return or refund: the keywords take both, and a customer waiting for a refund returned nothing ("die
    // Rückerstattung dauert ewig" was answered "die Probleme mit der Rücksendung", a native speaker's review).
    en: ['the trouble with your return or refund', 'how we handle returns and refunds'],
    de: ['die Probleme mit Rücksendung und Erstattung', 'die Abwicklung von Rücksendungen und Erstattungen'],
    fr: ['le problème de retour ou de remboursement', 'la gestion des retours et remboursements'],
    es: ['los problemas con la devolución o el reembolso', 'la gestión de devoluciones y reembolsos'],
    nl: ['de problemen met het retour of de terugbetaling', 'de afhandeling van retouren en terugbetalingen'],
    it: ['i problemi con il reso o il rimborso', 'la gestione di resi e rimborsi'],
    pt: ['os problemas com a devolução ou o reembolso', 'a gestão de devoluções e reembolsos'],
  },
);

export const SIZING = topic(
  'sizing',
  'Size and fit',
  {
    en: ['too small', 'too big', 'too large', 'too tight', 'too short', 'too long', 'runs small', 'runs large', 'runs big', 'size chart',
      'sizing', 'wrong size', 'doesnt fit', 'didnt fit', 'does not fit', 'did not fit', 'true to size',
      'my usual', 'extra small'],
    de: ['zu klein', 'zu groß', 'zu eng', 'zu weit', 'zu kurz', 'größe', 'größen', 'größentabelle', 'passt nicht', 'fällt klein aus',
      'fällt groß aus', 'passform',
      'nummer kleiner', 'nummer größer'],
    fr: ['trop petit*', 'trop grand*', 'trop serré*', 'trop court*', 'taille', 'tailles', 'taille petit', 'taille grand', 'guide des tailles',
      'ne me va pas', 'pointure'],
    es: ['talla', 'tallas', 'muy pequeñ*', 'demasiado pequeñ*', 'demasiado grande', 'muy grande', 'muy ajustad*', 'no me queda', 'no me sirve',
      'tabla de tallas', 'horma'],
    nl: ['te klein', 'te groot', 'te krap', 'te strak', 'te kort', 'maat', 'maten', 'maattabel', 'valt klein', 'valt groot', 'past niet', 'pasvorm'],
    it: ['taglia', 'taglie', 'troppo piccol*', 'troppo grand*', 'troppo strett*', 'veste piccolo', 'veste grande', 'tabella taglie',
      'non mi sta', 'vestibilità'],
    pt: ['tamanho', 'tamanhos', 'muito pequeno', 'muito pequena', 'muito grande', 'apertad*', 'tabela de medidas', 'não serve', 'numeração'],
  },
  {
    en: ['the fit of what you ordered', 'our size guidance'],
    de: ['die Passform und die Größenangaben', 'unsere Größenangaben'],
    fr: ['la taille et la coupe', 'nos indications de taille'],
    es: ['la talla y el ajuste', 'nuestra guía de tallas'],
    nl: ['de maat en de pasvorm', 'onze maatadviezen'],
    it: ['la taglia e la vestibilità', 'le nostre indicazioni sulle taglie'],
    pt: ['o tamanho e o caimento', 'as nossas indicações de tamanho'],
  },
);

export const WEBSITE_CHECKOUT = topic(
  'website_checkout',
  'Website and checkout',
  {
    en: ['website', 'checkout', 'payment failed', 'payment declined', 'card declined', 'coupon', 'discount code', 'promo code', 'voucher',
      'out of stock', 'shopping cart', 'basket'],
    de: ['webseite', 'onlineshop', 'online-shop', 'bestellvorgang', 'zahlung fehlgeschlagen', 'gutschein*', 'rabattcode', 'warenkorb',
      'nicht vorrätig', 'ausverkauft', 'nicht auf lager'],
    fr: ['site internet', 'site web', 'paiement refusé', 'code promo', 'bon de réduction', 'panier', 'rupture de stock'],
    es: ['página web', 'pago rechazado', 'código de descuento', 'cupón', 'carrito', 'sin stock', 'agotado'],
    nl: ['webshop', 'betaling mislukt', 'kortingscode', 'winkelwagen', 'uitverkocht', 'niet op voorraad'],
    it: ['sito web', 'pagamento rifiutato', 'codice sconto', 'carrello', 'esaurito', 'non disponibile'],
    pt: ['pagamento recusado', 'cupom', 'cupão', 'código de desconto', 'carrinho', 'esgotado', 'sem stock', 'sem estoque'],
  },
  {
    en: ['the trouble ordering on our website', 'our online shop'],
    de: ['die Probleme beim Bestellen im Onlineshop', 'die Bestellung in unserem Onlineshop'],
    fr: ['les difficultés de commande sur le site', 'notre boutique en ligne'],
    es: ['los problemas al comprar en la web', 'nuestra tienda online'],
    nl: ['de problemen bij het bestellen in de webshop', 'onze webshop'],
    it: ["i problemi nell'ordinare sul sito", 'il nostro negozio online'],
    pt: ['os problemas ao comprar no site', 'a nossa loja online'],
  },
);

/** Shops and online stores. */
export const RETAIL_ECOMMERCE: readonly TopicSpec[] = [
  DELIVERY,
  RETURNS,
  PRODUCT_QUALITY,
  SIZING,
  ORDER_ACCURACY,
  PRICE_BILLING,
  STAFF_SERVICE,
  COMMUNICATION,
  WEBSITE_CHECKOUT,
];
