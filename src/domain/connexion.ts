/**
 * Why a ProConnect sign-in came back refused: the server redirects with the code, the sign-in
 * page shows the message.
 */
export const ECHECS_PROCONNECT = {
  session_expiree: "La connexion avec ProConnect a expiré. Recommencez.",
  verification: "La réponse de ProConnect n'a pas pu être vérifiée. Recommencez.",
  compte_inconnu:
    "Aucun compte actif de la plateforme ne correspond à cette identité ProConnect. Demandez une invitation à votre administrateur.",
} as const;

export type EchecProConnect = keyof typeof ECHECS_PROCONNECT;

export function messageEchecProConnect(code: string | null): string | undefined {
  return code && Object.hasOwn(ECHECS_PROCONNECT, code)
    ? ECHECS_PROCONNECT[code as EchecProConnect]
    : undefined;
}

/** What a single-use token of a link opens: a sign-in, or an invitation to accept. */
export const NATURES_JETON = ["connexion", "invitation"] as const;
export type NatureJeton = (typeof NATURES_JETON)[number];
