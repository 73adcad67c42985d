import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../domain/roles.ts";
import { utilisateur } from "../db/schema.ts";
import { PERSONAS } from "../demo/personas.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";
import type { Acces } from "./acces.ts";
import { ouvrirSession } from "./sessions.ts";

const TOUS_SAUF_CANDIDAT: Role[] = [
  "admin",
  "prefet",
  "structure",
  "conseiller",
  "coordinateur",
  "hub",
  "grand_reseau",
  "financeur",
];

/** Every role with a dashboard: all but the conseiller and the candidate. */
const LECTEURS_TABLEAU_DE_BORD: Role[] = TOUS_SAUF_CANDIDAT.filter((r) => r !== "conseiller");

/**
 * The access matrix, written by hand from docs/architecture.md (« Qui voit quoi »): a route added without its line
 * here fails, and so does a route whose behaviour differs from its line.
 */
const MATRICE: Record<string, Acces> = {
  "GET /api/sante": "public",
  "GET /api/sante/detail": ["admin"],
  "GET /api/docs": "public",
  "GET /api/docs/json": "public",
  "GET /api/auth/config": "public",
  "POST /api/auth/lien": "public",
  "GET /api/public/partages/:jeton": "public",
  "POST /api/auth/lien/connexion": "public",
  "POST /api/auth/invitation": "public",
  "POST /api/auth/deconnexion": "public",
  "GET /api/territoires": "public",
  "GET /api/adresses": "public",
  "GET /api/communes": "public",
  "GET /api/communes/:code": "public",
  "GET /api/dev/personas": "public",
  "POST /api/dev/connexion": "public",
  "GET /api/moi": "connecte",
  "GET /api/session": "public",
  "POST /api/moi/habilitation": "connecte",
  "GET /api/utilisateurs": ["admin"],
  "GET /api/utilisateurs/export": ["admin"],
  "POST /api/utilisateurs/invitations": ["admin"],
  "POST /api/utilisateurs/:id/desactivation": ["admin"],
  "POST /api/utilisateurs/:id/reactivation": ["admin"],
  "GET /api/structures": TOUS_SAUF_CANDIDAT,
  "GET /api/structures/export": TOUS_SAUF_CANDIDAT,
  "GET /api/structures/:id": ["admin", "prefet", "structure", "hub", "grand_reseau"],
  "GET /api/journal": ["admin"],
  "GET /api/journal/export": ["admin"],
  "GET /api/admin/taches": ["admin"],
  "POST /api/admin/taches/:nom/relance": ["admin"],
  "GET /api/amis/ouverts": "public",
  "GET /api/amis": ["admin", "prefet", "structure", "hub", "grand_reseau", "financeur"],
  "POST /api/amis": ["admin"],
  "POST /api/amis/:id/ouverture": ["admin"],
  "POST /api/amis/:id/cloture": ["admin"],
  "POST /api/candidatures-structures": "public",
  "POST /api/candidatures-structures/confirmation": "public",
  "GET /api/demandes": ["admin", "prefet", "structure", "hub", "grand_reseau", "financeur"],
  "GET /api/demandes/:id": ["admin", "prefet", "structure", "hub", "grand_reseau", "financeur"],
  "POST /api/demandes/:id/avis": ["prefet"],
  "POST /api/structure/demandes": ["structure"],
  "POST /api/demandes/:id/retrait": ["structure"],
  "POST /api/demandes/:id/annulation": ["admin"],
  "GET /api/comites": ["admin", "prefet", "structure", "hub", "grand_reseau", "financeur"],
  "POST /api/comites": ["admin"],
  "POST /api/comites/import": ["admin"],
  "POST /api/demandes/:id/ordre-du-jour": ["admin"],
  "POST /api/demandes/:id/decision": ["admin"],
  "GET /api/postes": ["admin", "prefet", "structure", "hub", "grand_reseau", "financeur"],
  "GET /api/postes/export": ["admin", "prefet", "structure", "hub", "grand_reseau", "financeur"],
  "GET /api/exports/:liste": ["admin", "prefet", "structure", "hub", "grand_reseau", "financeur"],
  "POST /api/candidatures-conseillers": "public",
  "POST /api/candidatures-conseillers/confirmation": "public",
  "GET /api/candidat/candidature": ["candidat"],
  "PUT /api/candidat/candidature": ["candidat"],
  "DELETE /api/candidat/candidature": ["candidat"],
  "POST /api/candidat/disponibilite": ["candidat"],
  "GET /api/candidat/donnees": ["candidat"],
  "PUT /api/candidat/cv": ["candidat"],
  "GET /api/candidat/cv": ["candidat"],
  "DELETE /api/candidat/cv": ["candidat"],
  "GET /api/structure/vivier": ["structure"],
  "GET /api/structure/vivier/export": ["structure"],
  "GET /api/structure/candidats/:id": ["structure"],
  "GET /api/structure/candidats/:id/cv": ["structure"],
  "POST /api/structure/candidats/:id/avis": ["structure"],
  "POST /api/structure/preselection": ["structure"],
  "GET /api/structure/recrutements": ["structure"],
  "POST /api/structure/recrutements": ["structure"],
  "POST /api/structure/contrats/:id/annulation": ["structure"],
  "POST /api/structure/contrats/:id/signature": ["structure"],
  "POST /api/structure/contrats/:id/renouvellement": ["structure"],
  "POST /api/structure/contrats/:id/rupture": ["structure"],
  "POST /api/structure/contrats/:id/prolongation": ["structure"],
  "POST /api/structure/ruptures/:id/:action": ["structure"],
  "GET /api/recrutement/contrats": ["admin", "prefet", "coordinateur", "structure"],
  "GET /api/recrutement/contrats/export": ["admin", "prefet", "coordinateur", "structure"],
  "GET /api/recrutement/postes": ["admin", "prefet"],
  "POST /api/admin/contrats/:id/validation": ["admin"],
  "POST /api/admin/contrats/:id/refus": ["admin"],
  "POST /api/admin/ruptures/:id/validation": ["admin"],
  "POST /api/admin/ruptures/:id/incomplete": ["admin"],
  "POST /api/admin/prolongations/:id/decision": ["admin"],
  "POST /api/admin/personnes/:id/certifications": ["admin"],
  "GET /api/formations/organismes": ["admin", "structure"],
  "POST /api/formations/:id/etapes": ["admin", "structure"],
  "POST /api/formations/import": ["admin"],
  "GET /api/conseiller/formation": ["conseiller"],
  "GET /api/personnes/:id/historique": ["admin", "prefet", "structure"],
  "GET /api/postes/:id/historique": ["admin", "prefet", "structure"],
  "GET /api/conseiller/lieux": ["conseiller"],
  "POST /api/ateliers": ["conseiller"],
  "GET /api/ateliers": ["conseiller"],
  "GET /api/ateliers/:id": ["conseiller"],
  "POST /api/ateliers/:id/presences": ["conseiller"],
  "GET /api/structure/ateliers": ["structure"],
  "GET /api/structure/ateliers/lieux": ["structure"],
  "POST /api/structure/ateliers": ["structure"],
  "GET /api/v1/ateliers": "public",
  "GET /api/v1/ateliers/:id": "public",
  "POST /api/v1/ateliers/:id/inscriptions": "public",
  "POST /api/v1/ateliers/annulation": "public",
  "POST /api/orientations": ["conseiller", "coordinateur", "prescripteur"],
  "GET /api/orientations/envoyees": ["conseiller", "coordinateur", "prescripteur"],
  "GET /api/orientations/lieux/:id/conseillers": ["conseiller", "coordinateur", "prescripteur"],
  "GET /api/orientations/recues": ["conseiller"],
  "POST /api/orientations/:id/acceptation": ["conseiller"],
  "POST /api/orientations/:id/redirection": ["conseiller"],
  "POST /api/orientations/:id/absence": ["conseiller"],
  "GET /api/orientations/statistiques": ["admin", "prefet", "hub"],
  "POST /api/orientations/prescripteurs": ["admin", "hub"],
  "GET /api/beneficiaires": ["conseiller"],
  "GET /api/beneficiaires/semblables": ["conseiller"],
  "POST /api/beneficiaires": ["conseiller"],
  "GET /api/beneficiaires/:id": ["conseiller"],
  "PUT /api/beneficiaires/:id": ["conseiller"],
  "DELETE /api/beneficiaires/:id": ["conseiller"],
  "POST /api/beneficiaires/:id/fusion": ["conseiller"],
  "GET /api/beneficiaires/:id/donnees": ["conseiller"],
  "GET /api/beneficiaires/collegues": ["conseiller"],
  "POST /api/beneficiaires/passation": ["conseiller"],
  "POST /api/beneficiaires/import": ["conseiller"],
  "POST /api/partages": ["conseiller", "structure", "coordinateur"],
  "GET /api/partages": ["conseiller", "structure", "coordinateur"],
  "DELETE /api/partages/:id": ["conseiller", "structure", "coordinateur"],
  "GET /api/coordinations": ["coordinateur"],
  "GET /api/coordinations/export": ["coordinateur"],
  "GET /api/coordinations/equipe": ["coordinateur"],
  "GET /api/coordinations/statistiques": ["admin", "coordinateur"],
  "POST /api/coordinations": ["coordinateur"],
  "GET /api/coordinations/:id": ["coordinateur"],
  "PUT /api/coordinations/:id": ["coordinateur"],
  "DELETE /api/coordinations/:id": ["coordinateur"],
  "GET /api/equipe": ["coordinateur"],
  "GET /api/equipe/export": ["coordinateur"],
  "POST /api/equipe/invitations": ["coordinateur"],
  "POST /api/equipe/invitations/:id/relance": ["coordinateur"],
  "DELETE /api/equipe/invitations/:id": ["coordinateur"],
  "POST /api/equipe/membres/:id/archive": ["coordinateur"],
  "GET /api/conseiller/invitations-equipe": ["conseiller"],
  "POST /api/conseiller/invitations-equipe/:id/acceptation": ["conseiller"],
  "GET /api/cra": ["conseiller"],
  "GET /api/cra/:id": ["conseiller"],
  "POST /api/cra": ["conseiller"],
  "PUT /api/cra/:id": ["conseiller"],
  "DELETE /api/cra/:id": ["conseiller"],
  "GET /api/statistiques": TOUS_SAUF_CANDIDAT,
  "GET /api/statistiques/export": TOUS_SAUF_CANDIDAT,
  "GET /api/lieux/proches": ["conseiller"],
  "GET /api/exports-cra": ["conseiller", "structure", "coordinateur", "admin"],
  "POST /api/conseiller/lieux": ["conseiller"],
  "POST /api/conseiller/lieux/:id/fin": ["conseiller"],
  "GET /api/conseiller/carte": ["conseiller"],
  "PUT /api/conseiller/carte": ["conseiller"],
  "GET /api/public/statistiques": "public",
  "GET /api/v1/lieux": "public",
  "GET /api/v1/lieux/:id": "public",
  "GET /api/v1/territoires/lieux": "public",
  "GET /api/v1/carte/territoires": "public",
  "GET /api/v1/carte/points": "public",
  "GET /api/v1/carte/style": "public",
  "GET /api/v1/recherche": "public",
  "GET /api/v1/donnees": "public",
  "GET /api/v1/postes": "public",
  "GET /api/v1/statistiques": "public",
  "POST /api/lieux/import": ["admin", "hub"],
  "POST /api/lieux/import/rejets": ["admin", "hub"],
  "GET /api/financement/postes": ["financeur", "admin", "structure"],
  "POST /api/financement/versements": ["financeur"],
  "GET /api/financement/versements": ["financeur", "admin"],
  "GET /api/financement/export": ["financeur", "admin"],
  "GET /api/pilotage/tableau": LECTEURS_TABLEAU_DE_BORD,
  "GET /api/pilotage/tendance": LECTEURS_TABLEAU_DE_BORD,
  "GET /api/pilotage/tableau/export": LECTEURS_TABLEAU_DE_BORD,
  "GET /api/pilotage/enveloppe": ["admin", "financeur"],
  "GET /api/pilotage/enveloppe/export": ["admin", "financeur"],
  "GET /api/moi/notifications": "connecte",
  "GET /api/espace/files": "connecte",
  "PUT /api/moi/notifications": "connecte",
  "GET /api/admin/courriels": ["admin"],
  "GET /api/admin/courriels/export": ["admin"],
  "GET /api/pilotage/conseillers": [
    "coordinateur",
    "structure",
    "prefet",
    "hub",
    "grand_reseau",
    "admin",
  ],
  "GET /api/pilotage/conseillers/export": [
    "coordinateur",
    "structure",
    "prefet",
    "hub",
    "grand_reseau",
    "admin",
  ],
  "POST /api/v1/lieux/:id/signalements": "public",
};

/** A session for a demo candidate who is not a persona (their application may be erased). */
async function sessionDeCandidatDemo(p: PlateformeDeTest): Promise<string> {
  const [u] = await p.base.db
    .select({ id: utilisateur.id })
    .from(utilisateur)
    .where(eq(utilisateur.email, "candidat.000001@demo.conseiller-numerique.fr"));
  const valeur = await ouvrirSession(p.base.db, {
    utilisateurId: u!.id,
    methode: "lien_magique",
    maintenant: p.horloge.maintenant(),
  });
  return `cnfs_session=${valeur}`;
}

/** One persona per role, signed in with that role active. */
const PERSONA_PAR_ROLE = Object.fromEntries(
  ROLES.map((role) => [role, PERSONAS.find((p) => p.habilitations[0]!.role === role)!.email]),
) as Record<Role, string>;

describe.each(BASES_DE_TEST)("matrice d'accès sur %s", (type) => {
  let p: PlateformeDeTest;
  const cookies = new Map<Role, string>();

  beforeAll(async () => {
    p = await plateformeDeTest(type);
    for (const role of ROLES) cookies.set(role, await connecterPersona(p, PERSONA_PAR_ROLE[role]));
  });
  afterAll(() => p.arreter());

  it("chaque route de l'API a sa ligne dans la matrice, et la même règle", () => {
    const declarees = Object.fromEntries(p.app.reglesAcces);
    expect(Object.keys(declarees).sort()).toEqual(Object.keys(MATRICE).sort());
    for (const [route, acces] of Object.entries(MATRICE)) {
      expect(declarees[route], route).toEqual(acces);
    }
  });

  const appelants: (Role | "anonyme")[] = ["anonyme", ...ROLES];
  const cas = Object.entries(MATRICE).flatMap(([route, acces]) =>
    appelants.map((qui) => [route, qui, acces] as const),
  );

  it.each(cas)("%s appelée par %s", async (route, qui, acces) => {
    const [methode, chemin] = route.split(" ") as [string, string];
    const url = chemin.replace(":id", "00000000-0000-4000-8000-000000000000");
    // Sign-out ends the session: give it a throwaway one so the next calls keep theirs.
    // Deleting an application erases the person: another demo candidate plays that part.
    const cookie =
      qui === "anonyme"
        ? undefined
        : route === "POST /api/auth/deconnexion"
          ? await connecterPersona(p, PERSONA_PAR_ROLE[qui])
          : route === "DELETE /api/candidat/candidature" && qui === "candidat"
            ? await sessionDeCandidatDemo(p)
            : cookies.get(qui);
    const r = await p.app.inject({
      method: methode as "GET" | "POST",
      url,
      ...(cookie ? { headers: { cookie } } : {}),
      ...(methode === "POST" ? { payload: {} } : {}),
    });
    const autorise =
      acces === "public" ||
      (acces === "connecte" ? qui !== "anonyme" : qui !== "anonyme" && acces.includes(qui));
    // A 5xx is a defect, never a sign that the route let the caller in.
    expect(r.statusCode, `${route} par ${qui} : ${r.body}`).toBeLessThan(500);
    if (autorise) {
      expect([401, 403], `${route} devrait être permise à ${qui}`).not.toContain(r.statusCode);
    } else {
      expect(r.statusCode, `${route} devrait être refusée à ${qui}`).toBe(
        qui === "anonyme" ? 401 : 403,
      );
      expect(r.json().erreurs[0].message).toMatch(/connecter|habilitation/);
    }
  });

  it("refuse au démarrage une route de l'API sans règle d'accès", async () => {
    const { default: Fastify } = await import("fastify");
    const { installerAcces } = await import("./acces.ts");
    const app = Fastify();
    installerAcces(app, {
      db: p.base.db,
      regles: { inactiviteMs: 1, absolueMs: 1 },
      nomCookie: "c",
      horloge: () => new Date(),
    });
    expect(() => app.get("/api/oubliee", async () => "ouvert")).toThrow(/sans règle d'accès/);
  });
});
