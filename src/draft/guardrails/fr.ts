import { phrases, type LanguageGuardrails } from './types.js';

// French: vous and tu forms; apostrophes are matched as ASCII (texts are normalised first).
export const fr: LanguageGuardrails = {
  prohibitions: {
    'no-blame': phrases(
      [
        "(?:ce n'est|ce n'était|c'est) pas (?:de )?notre faute", "(?:c'est|c'était) (?:de )?(?:votre|ta) faute", '(?:votre|ta) (?:propre )?(?:faute|erreur)',
        'en sous-effectif', 'manque de personnel', '(?:très|extrêmement|particulièrement|exceptionnellement) (?:chargée?s?|occupée?s?|débordée?s?)', 'coup de feu', 'heures? de pointe', 'haute saison',
        'indépendante?s? de notre volonté', '(?:hors de|échappe à) notre contrôle', 'imprévu\\p{L}*', 'circonstances (?:exceptionnelles|particulières|imprévues)', 'force majeure',
        "(?:nouvel|nouveau|nouvelle|jeune) (?:employée?|serveu\\p{L}+|stagiaire|recrue|collaborat\\p{L}+|membre de l'équipe)",
        "en raison (?:d'une?|de la|du|des) (?:forte|grande|affluence|problème technique|météo|grève|fournisseur|transporteur)", "à cause (?:du|de la|de notre|des|d'un) (?:transporteur|livreur|fournisseur|météo|système|cuisine|chef|affluence|grève)",
        '(?:cas|incident|événement) isolé', "(?:cela|ça) n'arrive (?:jamais|presque jamais|rarement)", "d'habitude(?:,)? nous", "habituellement(?:,)? nous",
        "(?:vous auriez|tu aurais) dû (?:nous )?(?:lire|vérifier|appeler|réserver|prévenir|contacter|demander|signaler|préciser)", 'si vous aviez (?:lu|vérifié|appelé|réservé|prévenu|contacté|demandé|signalé|précisé)',
        "(?:vous n'avez|tu n'as) pas (?:lu|vérifié|suivi|contacté|précisé|signalé|réservé|prévenu)", 'erreur de manipulation',
      ].join('|'),
    ),
    'no-argument': phrases(
      [
        'vous vous trompez', 'vous avez tort', 'vous mentez', 'tu te trompes', 'tu as tort', 'tu mens',
        "(?:c'est|ceci est|cela est) (?:faux|inexact|mensonger)", "(?:ce n'est|ceci n'est|cela n'est) pas (?:vrai|exact)", "ce n'est pas ce qui s'est passé", "(?:cela|ça) ne s'est jamais produit",
        'nous (?:contestons|démentons|réfutons|nions)', "nous ne sommes pas d'accord", '(?:contrairement à|à la différence de) (?:ce que vous|vos dires|vos propos|votre)', 'en réalité',
        '(?:votre|cet|ton) (?:avis|commentaire|récit|version) (?:est|était) (?:inexact|mensonger|injuste|faux|exagéré|partial|diffamatoire|trompeur)',
        'aucune trace de', 'avec tout le respect', 'franchement', 'faux avis', 'vous prétendez', 'tu prétends', '(?:vos|tes) (?:affirmations|allégations|accusations)', 'exagér\\p{L}*',
        '(?:mal compris|mal lu|mal interprété)',
      ].join('|'),
    ),
    'no-policy': phrases(
      [
        "(?:notre|nos|la|les) (?:politique|politiques|conditions générales|cgv|règlement|conditions d'annulation|conditions de retour|règles)", 'conditions générales', 'cgv',
        'conformément (?:à|aux) (?:nos|notre|la|les)', 'selon (?:nos|notre) (?:conditions|règles|politique|règlement)',
        'comme (?:clairement |bien )?(?:indiqué|stipulé|précisé|mentionné|affiché|écrit)', 'clairement (?:indiqué|affiché|stipulé|visible)', 'petits caractères', 'non remboursable', 'article \\d',
        "(?:il )?n'est pas (?:autorisé|permis)",
      ].join('|'),
    ),
    'no-review-change': phrases(
      [
        "(?:modifier|supprimer|retirer|changer|revoir|mettre à jour|reconsidérer|corriger|améliorer|augmenter|remonter) (?:votre|ton|cet|cette|la|le|l') ?(?:avis|note|commentaire|évaluation|étoiles?)",
        "(?:5|cinq|4|quatre|plus d'|davantage d') ?étoiles", "(?:votre|ton|l') avis (?:soit|puisse être|sera) (?:modifié|supprimé|retiré)",
      ].join('|'),
    ),
    'no-incentive': phrases("en échange (?:de|d'|du)|en contrepartie|si (?:vous|tu) (?:modifiez|supprimez|retirez|changez|mettez à jour|revoyez|modifies|supprimes|retires|changes) (?:votre|ton|l') ?(?:avis|note|commentaire)"),
    'no-public-refund': phrases(
      [
        'remboursement (?:intégral|complet|partiel|total)', "(?:nous|je) (?:vous |te )?(?:rembourserons|remboursons|rembourserai|dédommagerons)", '(?:allons|pouvons|voulons|souhaitons) (?:vous |te )?(?:rembourser|dédommager)',
        '(?:vous serez|tu seras|vous allez être) (?:intégralement |entièrement )?remboursée?s?', 'geste commercial', 'dédommag\\p{L}*', "(?:votre|ton) argent", "bon d'achat", "avoir de \\d",
        '\\d+(?:[.,]\\d+)? ?(?:euros?|francs?|chf)', '\\d+ ?% de (?:réduction|remise)',
      ].join('|'),
    ),
  },
  incentive: phrases("gratuit\\p{L}*|réduction|remise|bon d'achat|bon de réduction|code promo|cadeau\\p{L}*|offerte?s?|geste commercial|dédommagement|remboursement|points|bonus"),
  reviewWords: phrases('avis|note|étoiles?|commentaire|évaluation'),
  referenceWords: ['commande', 'numéro de commande', 'réservation', 'facture', 'dossier', 'billet', 'compte', 'ticket'],
};
