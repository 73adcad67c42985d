/** The national networks (grands réseaux) of the programme: stable code, label as shown. */
export const GRANDS_RESEAUX = [
  { code: "croix_rouge", libelle: "Croix-Rouge" },
  { code: "groupe_sos", libelle: "Groupe SOS" },
  { code: "emmaus_connect", libelle: "Emmaüs Connect" },
  { code: "la_poste", libelle: "La Poste" },
  { code: "unaf", libelle: "UNAF" },
  { code: "ligue_enseignement", libelle: "La Ligue de l’enseignement" },
  { code: "familles_rurales", libelle: "Familles rurales" },
  { code: "face", libelle: "FACE" },
  { code: "pimms", libelle: "PIMMS" },
  { code: "apf_handicap", libelle: "APF Handicap" },
  { code: "unij", libelle: "UNIJ" },
  { code: "confederation_mjc", libelle: "Confédération des MJC" },
  { code: "regie_quartier", libelle: "Régie de quartier" },
  { code: "chambres_agriculture", libelle: "Chambres d’agriculture" },
] as const;
