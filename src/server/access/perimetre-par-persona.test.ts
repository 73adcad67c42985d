import { and, desc, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEBUT_DISPOSITIF } from "../../domain/cra/vocabulaire.ts";
import { jourParis } from "../../domain/temps.ts";
import {
  cra,
  departement,
  habilitation,
  lieu,
  lieuConseiller,
  session,
  structure,
  utilisateur,
} from "../db/schema.ts";
import { ecrireActivite } from "../demo/activite-demo.ts";
import { creerHasard } from "../demo/hasard.ts";
import { PERSONAS } from "../demo/personas.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

/** What a row offers to the scoping rule, as the tables hold it. */
type Rattachement = {
  departement: string | null;
  region: string | null;
  structureId: string | null;
  reseau: string | null;
  conseillerId?: string;
};

type Portee = {
  role: string;
  perimetre: {
    type: string;
    code?: string;
    codes?: string[];
    structureId?: string;
    conseillerIds?: string[];
    structureIds?: string[];
  };
  utilisateurId: string;
};

/**
 * The scoping rule written a second time, plainly, from docs/securite.md: the reads must agree
 * with it for every persona, lists and statistics alike.
 */
function voit(q: Portee, r: Rattachement): boolean {
  const p = q.perimetre;
  const parmi = (liste: string[] | undefined, v: string | null) =>
    v !== null && (liste ?? []).includes(v);
  switch (p.type) {
    case "national":
      return q.role === "admin" || q.role === "financeur";
    case "departement":
    case "region":
      if (q.role === "coordinateur")
        return r.conseillerId
          ? (p.conseillerIds ?? []).includes(r.conseillerId)
          : parmi(p.structureIds, r.structureId);
      return p.type === "departement" ? r.departement === p.code : r.region === p.code;
    case "departements":
      return parmi(p.codes, r.departement);
    case "regions":
      return parmi(p.codes, r.region);
    case "structure":
      return r.structureId === p.structureId;
    case "reseau":
      return r.reseau === p.code;
    case "soi":
      return r.conseillerId
        ? r.conseillerId === q.utilisateurId
        : parmi(p.structureIds, r.structureId);
    default:
      return false;
  }
}

describe.each(BASES_DE_TEST)(
  "une seule règle de périmètre, pour chaque persona, sur %s",
  (type) => {
    let p: PlateformeDeTest;
    let structures: Rattachement[];
    let cras: Rattachement[];

    beforeAll(async () => {
      p = await plateformeDeTest(type);
      const db = p.base.db;
      // Reports for every conseiller at every place, their employer often in another département:
      // every scope then has reports to see and reports not to see.
      const postes = await db
        .select({
          conseillerId: lieuConseiller.conseillerId,
          structureId: habilitation.structureId,
          lieu: {
            id: lieu.id,
            communeCode: lieu.communeCode,
            departementCode: lieu.departementCode,
          },
        })
        .from(lieuConseiller)
        .innerJoin(lieu, eq(lieu.id, lieuConseiller.lieuId))
        .innerJoin(
          habilitation,
          and(
            eq(habilitation.utilisateurId, lieuConseiller.conseillerId),
            eq(habilitation.role, "conseiller"),
          ),
        );
      const h = creerHasard(18);
      const aujourdhui = jourParis(p.horloge.maintenant());
      for (const poste of postes)
        await ecrireActivite(db, h, {
          ...poste,
          structureId: poste.structureId!,
          depuis: DEBUT_DISPOSITIF,
          aujourdhui,
          nombre: 2,
        });
      structures = (
        await db
          .select({
            structureId: structure.id,
            departement: structure.departementCode,
            region: structure.regionCode,
            reseau: structure.reseau,
          })
          .from(structure)
      ).map((s) => ({ ...s }));
      cras = await db
        .select({
          conseillerId: cra.conseillerId,
          structureId: cra.structureId,
          departement: cra.departementCode,
          region: departement.regionCode,
          reseau: structure.reseau,
        })
        .from(cra)
        .innerJoin(departement, eq(departement.code, cra.departementCode))
        .innerJoin(structure, eq(structure.id, cra.structureId));
    });
    afterAll(() => p.arreter());

    /** The persona's active scope, as its session holds it after sign-in. */
    const porteeDe = async (email: string): Promise<Portee> => {
      const [s] = await p.base.db
        .select({ role: habilitation.role, perimetre: session.perimetre, id: utilisateur.id })
        .from(session)
        .innerJoin(utilisateur, eq(utilisateur.id, session.utilisateurId))
        .innerJoin(habilitation, eq(habilitation.id, session.habilitationId))
        .where(and(eq(utilisateur.email, email), isNotNull(session.perimetre)))
        .orderBy(desc(session.creeLe));
      return {
        role: s!.role,
        perimetre: s!.perimetre as Portee["perimetre"],
        utilisateurId: s!.id,
      };
    };

    it("a des comptes rendus dans plusieurs départements et structures", () => {
      expect(new Set(cras.map((c) => c.departement)).size).toBeGreaterThan(2);
      expect(new Set(cras.map((c) => c.structureId)).size).toBeGreaterThan(2);
    });

    it.each(PERSONAS.map((x) => x.email))(
      "%s : la liste des structures et les statistiques suivent la règle",
      async (email) => {
        const cookie = await connecterPersona(p, email);
        const portee = await porteeDe(email);

        const liste = await p.app.inject({ url: "/api/structures?page=1", headers: { cookie } });
        if (liste.statusCode === 200) {
          const vues: string[] = [];
          for (let page = 1; ; page++) {
            const r = await p.app.inject({
              url: `/api/structures?page=${page}`,
              headers: { cookie },
            });
            const { structures: l, total } = r.json() as {
              structures: { id: string }[];
              total: number;
            };
            vues.push(...l.map((s) => s.id));
            if (vues.length >= total || l.length === 0) break;
          }
          const attendues = structures.filter((s) => voit(portee, s)).map((s) => s.structureId);
          expect(vues.sort()).toEqual(attendues.sort());
        } else expect(liste.statusCode).toBe(403);

        const au = jourParis(p.horloge.maintenant());
        const stats = await p.app.inject({
          url: `/api/statistiques?du=2020-11-17&au=${au}`,
          headers: { cookie },
        });
        // The route's own access rule says who reads statistics.
        const lecteurs = p.app.reglesAcces.get("GET /api/statistiques");
        if (!Array.isArray(lecteurs) || !lecteurs.includes(portee.role)) {
          expect(stats.statusCode).toBe(403);
          return;
        }
        expect(stats.statusCode).toBe(200);
        const attendus = cras.filter((c) => voit(portee, c)).length;
        expect(stats.json().totaux.activites).toBe(attendus);
      },
    );
  },
);
