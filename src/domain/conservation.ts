/**
 * How long each kind of personal data is kept: the one table the clean-up job applies and the
 * "Données personnelles" page shows. Durations in days or months, as the rule is written.
 */
export const CONSERVATION = {
  candidatInactif: { mois: 30 },
  cv: { mois: 6 },
  journalConnexions: { mois: 12 },
  /** Long enough for the ANCT to look into a delivery complaint, no second directory of people. */
  courriels: { jours: 90 },
  signalementsLieux: { mois: 12 },
  /** A followed person without accompaniment; their conseiller is told `preavisJours` before. */
  personneSuivie: { mois: 24, preavisJours: 30 },
  /** Someone registered to a workshop: what reminding them needed, after the workshop. */
  inscritAtelier: { jours: 30 },
  /** The contact of an oriented person, after the orientation ends; an open one ends unanswered. */
  orientation: { mois: 3 },
} as const;

/** The table of the "Données personnelles" page: what is kept, how long, what happens then. */
export const TABLEAU_CONSERVATION: readonly (readonly [string, string])[] = [
  [
    "Candidature d'un conseiller (profil, téléphone, commune, motivation)",
    `${CONSERVATION.candidatInactif.mois} mois sans connexion ni mise à jour, puis effacement ; à tout moment sur demande`,
  ],
  ["CV déposé par un candidat", `${CONSERVATION.cv.mois} mois après son dépôt, puis effacement`],
  ["Lien de connexion par courriel", "15 minutes, utilisable une seule fois"],
  ["Invitation", "28 jours au plus ; le jeton est effacé 28 jours après son expiration"],
  ["Session de connexion", "2 heures sans activité, 12 heures au plus"],
  [
    "Journal des connexions (adresse électronique, adresse IP)",
    `${CONSERVATION.journalConnexions.mois} mois, puis suppression ; effacé avec le compte d'une personne qui le supprime`,
  ],
  [
    "Courriels envoyés par la plateforme",
    `${CONSERVATION.courriels.jours} jours, puis suppression ; un lien de connexion n'y est jamais lisible`,
  ],
  [
    "Signalement d'une erreur sur la fiche d'un lieu (message, adresse facultative)",
    `${CONSERVATION.signalementsLieux.mois} mois, puis suppression`,
  ],
  [
    "Journal des modifications (qui a fait quoi)",
    "Durée du dispositif et des contrôles de la subvention publique ; il ne contient pas le texte des formulaires",
  ],
  [
    "Personne suivie par un conseiller, avec son accord (nom, et ce qu'elle accepte de donner : année de naissance, commune, téléphone, adresse électronique, genre, statut, notes)",
    `${CONSERVATION.personneSuivie.mois} mois sans accompagnement, puis suppression ; le conseiller est prévenu ${CONSERVATION.personneSuivie.preavisJours} jours avant ; à tout moment à la demande de la personne`,
  ],
  [
    "Inscription à un atelier (prénom, adresse électronique ou téléphone)",
    `${CONSERVATION.inscritAtelier.jours} jours après l'atelier, puis effacement ; à tout moment par le lien d'annulation reçu`,
  ],
  [
    "Orientation vers un lieu (prénom, nom, téléphone ou adresse électronique, précisions sur le besoin), donnée avec l'accord de la personne",
    `${CONSERVATION.orientation.mois} mois après la fin de l'orientation (personne accompagnée, pas venue, sans suite), puis effacement ; une orientation sans réponse depuis ${CONSERVATION.orientation.mois} mois prend fin sans suite`,
  ],
  [
    "Compte rendu saisi sans réseau, gardé sur l'appareil du conseiller",
    "Jusqu'à son envoi, puis effacé de l'appareil ; les réponses gardées pour travailler sans réseau (lieux, derniers comptes rendus) sont effacées à la déconnexion ; un compte rendu pas encore envoyé reste sur l'appareil, visible de son seul auteur, jusqu'à ce qu'il l'envoie ou l'abandonne",
  ],
  [
    "Comptes rendus d'activité",
    "Des effectifs ; un compte rendu peut nommer des personnes suivies, dont le nom disparaît avec leur fiche",
  ],
];
