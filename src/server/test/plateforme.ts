import type { LightMyRequestResponse } from "fastify";
import { ouvrirSession } from "../access/sessions.ts";
import { lireConfig } from "../config.ts";
import type { TypeBase } from "../db/client.ts";
import { habilitation, utilisateur } from "../db/schema.ts";
import { demarrerPlateforme, type Plateforme } from "../demarrage.ts";
import { ouvrirBaseDeTest } from "./bases.ts";
import { horlogeReglable } from "./horloge.ts";
import { demarrerPuitsSmtp } from "./puits-smtp.ts";

export const URL_TEST = "http://localhost:3000";
export const EMAIL_ADMIN = "admin@demo.conseiller-numerique.fr";

// Kept here for the tests that take everything from this file; they live in `horloge.ts`, which
// scripts outside vitest can import.
export { DEPART_HORLOGE_TEST, horlogeReglable } from "./horloge.ts";

export type PlateformeDeTest = Plateforme & { horloge: ReturnType<typeof horlogeReglable> };

/** The real platform on a fresh test database, with the given environment on top of the defaults. */
export async function plateformeDeTest(
  type: TypeBase,
  env: Record<string, string> = {},
): Promise<PlateformeDeTest> {
  const horloge = horlogeReglable();
  const config = lireConfig({
    NODE_ENV: "test",
    CNFS_DEMO: "1",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    PUBLIC_URL: URL_TEST,
    ...env,
  });
  const base = await ouvrirBaseDeTest(type);
  const plateforme = await demarrerPlateforme(config, { base, horloge: horloge.maintenant });
  // A test that compares the base before and after must not see the start's files land.
  await plateforme.ouvertesAuDemarrage;
  return {
    ...plateforme,
    horloge,
    arreter: async () => {
      await plateforme.arreter();
      await base.fermer();
    },
  };
}

export type PlateformeAvecPuits = PlateformeDeTest & {
  smtp: Awaited<ReturnType<typeof demarrerPuitsSmtp>>;
};

/** The same platform, its mail delivered to a real SMTP sink that `arreter` stops too. */
export async function plateformeAvecPuits(
  type: TypeBase,
  env: Record<string, string> = {},
): Promise<PlateformeAvecPuits> {
  const smtp = await demarrerPuitsSmtp();
  const p = await plateformeDeTest(type, { SMTP_URL: smtp.url, ...env });
  return {
    ...p,
    smtp,
    arreter: async () => {
      await p.arreter();
      await smtp.arreter();
    },
  };
}

/** The session cookie a response set, as a `cookie` request header value. */
export function cookieDe(reponse: LightMyRequestResponse): string {
  const c = reponse.cookies.find((x) => x.name === "cnfs_session");
  if (!c) throw new Error(`Pas de cookie de session (statut ${reponse.statusCode})`);
  return `cnfs_session=${c.value}`;
}

export async function connecterPersona(p: Plateforme, email: string): Promise<string> {
  const r = await p.app.inject({ method: "POST", url: "/api/dev/connexion", payload: { email } });
  return cookieDe(r);
}

/**
 * A conseiller account made for a test, beside the demo's, signed in: employed by `structureId`
 * through its habilitation (no contract), or by nobody. The session cookie is returned.
 */
export async function connecterNouveauConseiller(
  p: PlateformeDeTest,
  email: string,
  structureId: string | null = null,
): Promise<string> {
  const [u] = await p.base.db
    .insert(utilisateur)
    .values({ email, prenom: "Camille", nom: email.split("@")[0]!, actif: true })
    .returning({ id: utilisateur.id });
  await p.base.db.insert(habilitation).values({
    utilisateurId: u!.id,
    role: "conseiller",
    perimetre: { type: "soi" },
    structureId,
  });
  return `cnfs_session=${await ouvrirSession(p.base.db, {
    utilisateurId: u!.id,
    methode: "lien_magique",
    maintenant: p.horloge.maintenant(),
  })}`;
}
