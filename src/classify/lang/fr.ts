import type { LanguageRules } from './types.js';

// A reason opens a clause of its own: a negation before it is of the verb, not of the reason ("No me atendieron por
// ser extranjero" is a refusal for a reason, and the reason is the discrimination).
const CAUSAL = ['parce', 'car'];

/** French. */
export const fr: LanguageRules = {
  code: 'fr',
  stopWords: ['toute', 'toutes', 'étoiles', 'choix', 'carte', 'plats', 'serveur', 'serveuse', 'repas', 'nourriture', 'salle', 'attente', 'chambre', 'vins', 'commande', 'livraison', 'appli', 'déçu', 'le', 'les', 'et', 'est', 'une', 'un', 'très', 'mais', 'pas', 'avec', 'pour', 'des', 'du', 'ce', "c'est", 'je', 'nous',
    'qui', 'sur', 'été', "j'ai", 'il', 'elle', 'au', 'aux', 'ne', 'tout', 'bien', 'trop', 'était', 'la', 'vous', 'sont', 'ont',
    'avons', 'avait', 'peu', 'rien', 'jamais', 'même', 'aussi', 'ici', 'chez', 'dans', 'par', 'cette', 'ces', 'mon', 'ma', 'mes',
    'notre', 'nos', 'votre', 'leur', 'quand', 'comme', 'parce', 'que', "qu'il", "n'est", "n'a", 'fait', 'bon', 'bonne', 'accueil',
    'merci', 'sans', 'beaucoup', 'encore', 'cependant', 'pourtant', 'déçu', 'vraiment', 'prix'],
  // "n'est", "n'a"… are one token each ("nest", "na"): the apostrophe is dropped, not split.
  negators: ['pas', 'ne', "n'est", "n'ai", "n'a", "n'ont", "n'avons", "n'était", "n'en", "n'y", 'jamais', 'rien', 'aucun', 'aucune',
    'sans', 'ni', 'nullement', 'guère', 'peu'],
  negationBreakers: ['seulement', 'que', 'mal', 'uniquement', 'doute', ...CAUSAL],
  // A negation ends at "et" ("Ne fuit pas et très pratique" is no complaint about being practical), unless "et" joins
  // two sentiment words of one polarity (features.ts, joinsSentimentWords).
  coordinators: ['et'],
  softeners: ['un'],
  negationLooksBack: false,
  neverSo: { never: ['jamais'], so: ['aussi', 'si', 'autant', 'tellement', 'pareil', 'pareille', 'tel', 'telle'] },
  reasonOpeners: [...CAUSAL],
  remedies: ['réparé', 'réparée', 'réparés', 'résolu', 'résolue', 'réglé', 'réglée', 'colmaté', 'colmatée', 'débouché', 'corrigé', 'corrigée'],
  disbelief: { verbs: ['croire', 'imaginer', 'décrire', 'dire', 'exprimer', 'expliquer'], openers: ['comme', 'combien', 'quel', 'quelle', 'quels', 'quelles'] },
  contrastAfter: ['mais', 'cependant', 'pourtant', 'toutefois', 'néanmoins', 'malheureusement', 'sauf', 'hélas'],
  concessiveOpeners: ['malgré', 'quoique', 'certes'],
  boosters: [
    ...['très', 'trop', 'vraiment', 'tellement', 'super', 'extrêmement', 'absolument', 'totalement', 'complètement', 'hyper', 'vachement',
      'particulièrement', 'franchement', 'tout', 'fort', 'archi', 'carrément'].map((w) => [w, 1.3] as const),
    // Not "peu": "peu aimable" is a negation, "un peu cher" a diminisher; it is left to the model.
    ...['assez', 'plutôt', 'légèrement', 'presque', 'moyennement', 'relativement'].map((w) => [w, 0.75] as const),
  ],
  lexicon: [
    // "On ne s'ennuie jamais": the verb's present, which the translated lexicon has only as "ennuyer" (the elided "s'" is
    // read through, features.ts readElided).
    ['ennuie', -1.6], ['ennuient', -1.6],
    ['bon', 2], ['bonne', 2], ['bien', 1.5], ['très bien', 2.8], ['excellent', 3.2], ['excellente', 3.2], ['parfait', 3.2], ['parfaite', 3.2],
    ['délicieux', 3], ['délicieuse', 3], ['savoureux', 2.8], ['savoureuse', 2.8], ['succulent', 3], ['exquis', 3], ['super', 2.8],
    ['génial', 3], ['top', 2.5], ['magnifique', 3.2], ['merveilleux', 3.2], ['formidable', 3], ['sympa', 2.2], ['sympathique', 2.2],
    ['agréable', 2.2], ['chaleureux', 2.5], ['chaleureuse', 2.5], ['accueillant', 2.5], ['accueillante', 2.5], ['souriant', 2.2], ['aimable', 2.2],
    ['gentil', 2], ['serviable', 2.2], ['attentionné', 2.5], ['professionnel', 2], ['rapide', 1.2], ['propre', 1.8], ['copieux', 1.8],
    ['généreux', 2], ['raisonnable', 1.5], ['abordable', 1.5], ['recommande', 2.5], ['recommander', 2], ['ravi', 3], ['ravie', 3],
    ['satisfait', 2.2], ['satisfaite', 2.2], ['adore', 3], ['aimé', 2.2], ['plaisir', 2.2], ['bravo', 3], ['merci', 1.5], ['régal', 3],
    ['cosy', 2], ['charmant', 2.5], ['fiable', 2], ['pratique', 1.5], ['efficace', 2], ['impeccable', 3], ['top', 2.5], ['correct', 0.8],
    ['mauvais', -2.5], ['mauvaise', -2.5], ['nul', -3], ['nulle', -3], ['horrible', -3.2], ['affreux', -3.2], ['affreuse', -3.2],
    ['déçu', -2.5], ['déçue', -2.5], ['déçus', -2.5], ['décevant', -2.5], ['décevante', -2.5], ['déception', -2.8], ['médiocre', -2.5],
    ['immangeable', -3.2], ['dégoûtant', -3.2], ['dégueulasse', -3.4], ['infect', -3.2], ['fade', -2], ['insipide', -2.2], ['froid', -1.2],
    ['froide', -1.2], ['tiède', -1.5], ['sec', -1], ['sèche', -1], ['trop cuit', -2], ['pas cuit', -2], ['brûlé', -2], ['salé', -0.8],
    ['cher', -1.2], ['chère', -1.2], ['onéreux', -1.5], ['arnaque', -3.4], ['lent', -1.5], ['lente', -1.5], ['lenteur', -1.8], ['attente', -1],
    ['désagréable', -2.5], ['impoli', -2.8], ['impolie', -2.8], ['malpoli', -2.8], ['grossier', -2.8], ['arrogant', -2.5], ['hautain', -2.5],
    ['méprisant', -2.8], ['incompétent', -3], ['bruyant', -1.5], ['sale', -2.8], ['crasseux', -3], ['catastrophe', -3.2], ['catastrophique', -3.4],
    ['lamentable', -3.2], ['pitoyable', -3.2], ['honteux', -3], ['honte', -2.8], ['scandaleux', -3.2], ['inadmissible', -3.2],
    ['inacceptable', -3], ['problème', -1.5], ['problèmes', -1.8], ['bug', -2], ['bugs', -2.2], ['bugue', -2.2], ['plante', -2],
    ['inutilisable', -3.2], ['inutile', -2.5], ['cassé', -2.5], ['défectueux', -2.8], ['éviter', -2.5], ['fuir', -3], ['fuyez', -3.2],
    ['dommage', -1.8], ['malheureusement', -1.2], ['moyen', -1], ['moyenne', -0.8], ['passable', -0.8], ['quelconque', -1.5], ['bof', -1.8],
    ['galère', -2.5], ['énervant', -2.5], ['agaçant', -2.5], ['pénible', -2.2], ['plainte', -2], ['remboursement', -1.5], ['mal', -1.8],
    // The translated lexicon's words that mean something else in a review (0 takes them out), and more review words.
    ['prix', 0], ['qualité', 0], ['frais', 0], ['juste', 0], ['responsable', 0], ['décidé', 0], ['bière', 0], ['dieu', 0], ['envie', 0],
    ['coupe', 0], ['demande', 0], ['simple', 0], ['seul', 0], ['cuisson', 0], ['attention', 0], ['vaut', 0], ['gros', 0], ['vrai', 0],
    ['payer', 0], ['oui', 0], ['doute', 0], ['élevé', -1.2], ['réchauffé', -2], ['surgelé', -1.2], ['immonde', -3.4], ['exécrable', -3.4],
    ['désastre', -3.2], ['cauchemar', -3.2], ['insulter', -3], ['agressé', -3], ['désinvolte', -2.5], ['glacial', -2.2], ['dépassé', -1.5],
    ['piège', -2.5], ['gâché', -2.5], ['dégradé', -2.2], ['bâclé', -2.8], ['industriel', -1.2], ['ordinaire', -1], ['bémol', -1.5],
    ['drame', -2.5], ['indécent', -2.8], ['manque', -1.5], ['manquant', -1.5], ['oublié', -1.5], ['renvoyé', -1.5], ['sans goût', -2.2],
    ['sans saveur', -2.2], ['bas de gamme', -2.5], ['à désirer', -2.5], ['piège à touristes', -3], ['à améliorer', -1.8], ['trop salé', -2],
    ['incontournable', 2.8], ['original', 1.8], ['originale', 1.8], ['raffiné', 2.5], ['fin', 1], ['frais', 0], ['fraîcheur', 1.5],
    ['généreuse', 2], ['authentique', 1.8], ['convivial', 2.2], ['sublime', 3.2], ['divin', 3], ['régalé', 3], ['régalés', 3], ['top', 2.5],
    ['bravo', 3], ['pépite', 3], ['adresse', 0.5], ['bonne adresse', 2.8], ['belle adresse', 2.8], ['nickel', 2.8],
    ['beau', 2.2], ['bel', 2.2], ['belle', 2.2], ['plaisant', 2], ['satisfaisant', 2], ['alléchant', 2.2], ['goûtu', 2.5], ['gourmand', 1.5],
    ['diversifié', 1.2], ['idéal', 2.5], ['extraordinaire', 3], ['summum', 2.5], ['chic', 1.5], ['maîtrisé', 2], ['agréablement', 2],
    ['ne regrette pas', 2.5], ['pas de doute', 1], ['il ne manque pas grand chose', 2], ['à tomber', 2.8], ['exagéré', -1.8], ['écoeurant', -2.5],
    ['inintéressant', -2], ['immangeable', -3.2], ['attendre', -0.8], ['long', -0.5], ['trop long', -2], ['bruit', -1], ['bruyant', -1.5],
    ['abîmé', -2.5], ['endommagé', -2.5], ['déchiré', -2], ['ennuyeux', -2.2], ['lassant', -2], ['répétitif', -2], ['frustrant', -2.8],
    ['captivant', 2.8], ['passionnant', 2.8],
    // Checked against the tuning set (never dev): translated-AFINN words that are not praise in a review ("plus" =
    // more, "fois" = times, "chauds" of food served cold), and more complaint words.
    ['plus', 0], ['fois', 0], ['certains', 0], ['chauds', 0], ['chaud', 0], ['foie', 0], ['portion', 0], ['sourire', 0], ['remplit', 0],
    ['complète', 0.5], ['gourmand', 0.5], ['fraîcheur', 0.5], ['pétillante', 0.5], ['douteux', -2], ['douteuse', -2], ['collant', -1.5],
    ['collantes', -1.5], ['délirants', -1.5], ['piètre', -2.5], ['énervés', -2.5], ['enervés', -2.5], ['énervé', -2.5],
    // Praise the translated lexicon lacks ("Spectaculaire !" was flagged on the prior alone).
    ['spectaculaire', 3],
    ['imbattable', 2.5],
  ],
  complaintPhrases: [
    // A price gone up is no praise ('augmenté' reads positive): 'les frais ont augmenté'.
    ['frais ont augmenté', -1], ['prix ont augmenté', -1], ['tarifs ont augmenté', -1],
    // Too loud: 'la musique était trop forte' took no complaint word ('trop fort' alone is also slang praise).
    ['musique trop forte', -1], ['musique * trop forte', -1], ['son trop fort', -1],
    // A bill above the quote or the agreed price (a new user's trial: a tradesman's 3-star review read as praise).
    ['plus chère que le devis', -2.5], ['plus cher que le devis', -2.5], ['plus chère que prévu', -2.2], ['plus cher que prévu', -2.2],
    ['le double du devis', -2.5], ['au-dessus du devis', -2.5], ['plus que convenu', -2.2],
    ['à éviter', -3.2], ['a fuir', -3.2], ['à fuir', -3.2], ['plus jamais', -3], ['je ne recommande pas', -3], ['ne recommande pas', -3],
    ['je déconseille', -3], ['déconseille', -3], ['il manque', -1.5], ['manque toujours', -2], ['pas possible', -1.5], ['perte de temps', -3], ["perte d'argent", -3.2], ['pas terrible', -2.2], ['pas top', -2],
    ['pas bon', -2.2], ['pas à la hauteur', -2.5], ['laisse à désirer', -2.5], ['rapport qualité prix', 0], ['trop cher', -2.2],
    ['hors de prix', -2.5], ['attendu # minutes', -2.2], ['# minutes d attente', -2], ['attendre # minutes', -1.8], ["temps d'attente", -1.2],
    ['ne fonctionne pas', -2.8], ['ne fonctionne plus', -3], ['ne marche pas', -2.8], ['ne marche plus', -3], ["l'application plante", -2.8],
    ['depuis la mise à jour', -1.8], ['après la mise à jour', -1.8], ['impossible de', -2.2], ['aucune réponse', -2.5], ['pas de réponse', -2.2],
    ['service client', -0.5], ['jamais reçu', -3], ['pas reçu', -2.5], ['toujours pas', -2], ['compte bloqué', -3], ['se moque', -2.8],
    ['se moquent', -2.8], ['on nous a ignoré', -2.5], ['un cheveu', -2.5], ['zéro étoile', -3.2], ['une étoile', -2.5], ['1 étoile', -2.5], ['deux étoiles', -2], ['2 étoiles', -2],
    ['je ne reviendrai pas', -3], ['nous ne reviendrons pas', -3], ['ne reviendrons plus', -3], ['ne reviendrai plus', -3],
    // Comparisons that only complain: "On a connu mieux", "j'ai déjà mangé mieux".
    ['connu mieux', -2], ['vu mieux', -2], ['mangé mieux', -2], ['déjà eu mieux', -2], ['fait mieux ailleurs', -2],
  ],
  praisePhrases: [
    ['rien de négatif', 2.5], ['rien de mal à dire', 2.5],
    // "Aucun regret", "rien à reprocher": a fault denied is praise.
    ['aucun regret', 2.5], ['pas de regret', 2.5], ['rien à reprocher', 2.5],
    // "Je ne pourrais pas être plus satisfait", "on ne pouvait pas rêver mieux": a negated comparative is praise.
    ['pas être plus satisf*', 3], ['pas être plus content*', 3], ['pas être plus heureu*', 3], ['pas être plus ravi*', 3],
    ['pas rêver mieux', 3], ['pas demander mieux', 3], ['pas mieux tomber', 3],
    ['on reviendra', 2.5], ['nous reviendrons', 2.5],
    ['conforme à la description', 2], ['conforme aux photos', 2],
    ['je recommande', 3], ['nous recommandons', 3], ['à recommander', 3], ['je reviendrai', 2.8], ['nous reviendrons', 2.8], ['à refaire', 2.5],
    ['rien à redire', 3], ['rien à dire', 2], ['pas mal', 1.5], ['pas déçu', 2.2], ['pas déçus', 2.2], ['sans problème', 2], ['aucun problème', 2],
    ['un régal', 3], ['au top', 3], ['5 étoiles', 3], ['cinq étoiles', 3], ['bon rapport qualité prix', 2.8], ['très bon rapport', 2.8],
    ['vaut le détour', 3], ['vaut le coup', 2.5], ['je conseille', 2.5], ['fonctionne bien', 2.5], ['fonctionne parfaitement', 3], ['bon appétit', 1],
  ],
  // A star taken off is a reviewer giving the rest: no one-star verdict, and what it was taken off for is a concern.
  deductions: ['une étoile en moins', 'moins une étoile', 'retire une étoile', 'enlève une étoile'],
  sarcasmOpeners: ['super', 'génial', 'parfait', 'bravo', 'formidable', 'magnifique', 'excellent', 'merveilleux'],
  sarcasmPhrases: ['merci pour rien', 'bravo pour', 'encore bravo', 'génial vraiment', 'quelle surprise'],
  // "Rien de spécial", "Correct, sans plus", "Bof". No "pas": "pas correct" complains.
  lukewarm: ['ok', 'okay', 'correct', 'moyen', 'bof', 'sans', 'plus', 'rien', 'de', 'spécial', 'special', 'passable', 'banal'],
  critical: {
    // Not 'plainte' alone ("ma plainte à la réception" is a complaint at the desk) nor 'police' alone.
    // With an elided article, which the tokenizer joins to the word ("l'arnaque" reads "larnaque").
    legal_threat: ['avocat', 'mon avocat', "l'avocat", "d'avocat", "d'un avocat", 'porter plainte', 'déposer plainte', 'déposé plainte', 'dépôt de plainte', 'plainte contre', 'poursuites', 'poursuivre en justice', 'tribunal', 'justice',
      'action en justice', 'répression des fraudes', 'dgccrf', 'ufc que choisir', 'mise en demeure', 'appelé la police', 'appeler la police'],
    health_safety: ['me suis brûlé*', 'brûlé la main', 'intoxication', 'intoxiqué*', 'intoxication alimentaire', 'malade', 'tombé malade', 'vomi', 'vomissements', 'diarrhée', 'hôpital',
      'urgences', 'réaction allergique', 'blessé', 'blessure', 'dangereux', 'dangereuse', "l'hôpital", "à l'hôpital", "d'intoxication", "l'intoxication", 'moisi', 'moisissure', 'verre dans', 'cafard*',
      'blatte*', 'rat', 'rats', 'souris', 'salmonelle', 'cafards'],
    fraud_scam: ['arnaque', "l'arnaque", "d'arnaque", "l'escroquerie", 'arnaqueur*', 'escroquerie', 'escroc*', // Not 'vol' alone: a flight.
      'fraude', 'frauduleux', 'volé', "c'est du vol", 'vol pur', 'voleur*', 'faux avis',
      'contrefaçon', 'débité sans', 'prélèvement non autorisé', 'criminel', 'scam'],
    discrimination: ['raciste*', 'racisme', 'discrimin*', 'sexiste', 'homophobe', 'à cause de ma couleur', 'parce que nous sommes arabes', 'parce que je suis arabe', 'parce que nous sommes noirs', 'parce que je suis noir*', 'à cause de nos origines', 'à cause de mon origine', 'à cause de mon accent', 'harcèlement', 'harcelé*'],
    privacy: ['données personnelles', 'mes données', 'rgpd', 'vie privée', 'fuite de données', 'piraté', 'sans mon consentement',
      'sans consentement', 'revendu mes', 'ont fuité', 'a fuité', 'spam'],
  },
  inflections(word: string): string[] {
    if (word.includes(' ')) return [];
    if (word.endsWith('eux')) return [word.slice(0, -1) + 'se', word.slice(0, -1) + 'ses'];
    if (word.endsWith('if')) return [word.slice(0, -1) + 've', word.slice(0, -1) + 'ves', word + 's'];
    if (word.endsWith('e')) return [word + 's'];
    if (word.endsWith('s') || word.endsWith('x')) return [word + 'e', word + 'es'];
    return [word + 'e', word + 's', word + 'es'];
  },
};
