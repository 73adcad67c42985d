/** Attempts after which a failed mail is left for the ANCT to look at (wrong address…). */
export const TENTATIVES_COURRIEL_MAX = 5;
