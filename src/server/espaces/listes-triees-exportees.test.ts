import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StatutCourriel } from "../../domain/notifications/courriels.ts";
import { ajouterJours, jourParis } from "../../domain/temps.ts";
import { courriel, journal } from "../db/schema.ts";
import { genererEchelleNationale } from "../demo/echelle-nationale.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

const D = "demo.conseiller-numerique.fr";

type Ligne = Record<string, unknown>;
type Valeur = string | number | null;

/** Where a list's rows are in its answer. */
const LIGNES: Record<string, string> = {
  "/api/financement/postes": "postes",
  "/api/postes": "postes",
  "/api/recrutement/contrats": "contrats",
  "/api/structures": "structures",
  "/api/utilisateurs": "utilisateurs",
  "/api/admin/courriels": "lignes",
  "/api/cra": "cras",
  "/api/journal": "entrees",
  "/api/pilotage/conseillers": "conseillers",
};

/**
 * One order of one list: who reads it, the list's address with `tri`, the value the rows must be
 * ordered by, its direction, and where empty values go (PostgreSQL puts nulls last in ascending
 * order unless the order says otherwise).
 */
type Ordre = {
  qui: string;
  liste: string;
  requete: string;
  cle: (l: Ligne) => Valeur;
  sens: "croissant" | "decroissant";
  videsDabord?: boolean;
};

const ORDRES: Ordre[] = [
  {
    qui: "financeur",
    liste: "/api/financement/postes",
    requete: "page=1&tri=du",
    cle: (l) => l.duCents as number,
    sens: "decroissant",
  },
  {
    qui: "financeur",
    liste: "/api/financement/postes",
    requete: "page=1&tri=attribution",
    cle: (l) => l.dateAttribution as string,
    sens: "croissant",
  },
  {
    qui: "admin",
    liste: "/api/postes",
    requete: "tri=attribution",
    cle: (l) => l.dateAttribution as string,
    sens: "decroissant",
  },
  {
    qui: "admin",
    liste: "/api/recrutement/contrats",
    requete: "vue=tous&page=1&tri=fin",
    cle: (l) => l.dateFin as string | null,
    sens: "croissant",
  },
  {
    qui: "admin",
    liste: "/api/structures",
    requete: "tri=departement",
    cle: (l) => l.departementCode as string,
    sens: "croissant",
  },
  {
    qui: "admin",
    liste: "/api/utilisateurs",
    requete: "tri=connexion",
    cle: (l) => l.derniereConnexionLe as string | null,
    sens: "decroissant",
  },
  {
    qui: "admin",
    liste: "/api/admin/courriels",
    requete: "tri=anciens",
    cle: (l) => l.creeLe as string,
    sens: "croissant",
  },
  {
    qui: "conseiller",
    liste: "/api/cra",
    requete: "tri=duree",
    cle: (l) => l.dureeMinutes as number,
    sens: "decroissant",
  },
  {
    qui: "conseiller",
    liste: "/api/cra",
    requete: "tri=anciens",
    cle: (l) => l.date as string,
    sens: "croissant",
  },
  {
    qui: "admin",
    liste: "/api/journal",
    requete: "tri=anciennes&limite=100",
    cle: (l) => l.id as number,
    sens: "croissant",
  },
  {
    qui: "admin",
    liste: "/api/pilotage/conseillers",
    requete: "page=1&tri=silence",
    cle: (l) => l.dernierCra as string | null,
    sens: "croissant",
    videsDabord: true,
  },
  {
    qui: "admin",
    liste: "/api/pilotage/conseillers",
    requete: "page=1&tri=activite",
    cle: (l) => l.activites30Jours as number,
    sens: "croissant",
  },
];

/** Whether values follow the order, empty values at their end (or start). */
function ordonnees(valeurs: Valeur[], o: Ordre): boolean {
  const vides = valeurs.filter((v) => v === null);
  const pleines = valeurs.filter((v) => v !== null) as (string | number)[];
  const attendu = o.videsDabord ? [...vides, ...pleines] : [...pleines, ...vides];
  if (attendu.some((v, i) => v !== valeurs[i])) return false;
  return pleines.every(
    (v, i) => i === 0 || (o.sens === "croissant" ? pleines[i - 1]! <= v : pleines[i - 1]! >= v),
  );
}

/**
 * One filtered export: the export's address, and the list's address whose exact total the file
 * must hold, row for row (undefined: counted in the journal's table).
 */
const EXPORTS: { qui: string; fichier: string; liste?: string; total?: (l: Ligne) => number }[] = [
  {
    qui: "financeur",
    fichier: "/api/financement/export?format=csv&file=a_verser&tri=du",
    liste: "/api/financement/postes?file=a_verser&page=1",
  },
  {
    qui: "admin",
    fichier: "/api/postes/export?format=csv&file=a_pourvoir",
    liste: "/api/postes?file=a_pourvoir",
  },
  {
    qui: "admin",
    fichier: "/api/recrutement/contrats/export?format=csv&vue=tous&tri=nom",
    liste: "/api/recrutement/contrats?vue=tous&page=1",
  },
  {
    qui: "prefet.62",
    fichier: "/api/structures/export?format=csv&tri=commune",
    liste: "/api/structures",
  },
  {
    qui: "admin",
    fichier: "/api/utilisateurs/export?format=csv&role=conseiller",
    liste: "/api/utilisateurs?role=conseiller",
  },
  {
    qui: "admin",
    fichier: "/api/admin/courriels/export?format=csv&tri=destinataire",
    liste: "/api/admin/courriels",
  },
  {
    qui: "conseiller",
    fichier: "/api/exports-cra?format=csv&type=individuel",
    liste: "/api/cra?type=individuel",
  },
  {
    qui: "coordinateur",
    fichier: "/api/pilotage/conseillers/export?format=csv&tri=silence",
    liste: "/api/pilotage/conseillers?page=1",
  },
  {
    qui: "structure.pimms",
    fichier: "/api/structure/vivier/export?format=csv&situation=demandeur_emploi",
    liste: "/api/structure/vivier?situation=demandeur_emploi",
  },
  { qui: "admin", fichier: "/api/journal/export?format=csv&cibleType=cra" },
];

const lignesCsv = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);

describe.each(BASES_DE_TEST)("listes triées et exportées sur le serveur, sur %s", (type) => {
  let p: PlateformeDeTest;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    // More than one row in every list: the national generator at a small scale, and mails sent
    // an hour apart on the test clock.
    await genererEchelleNationale(p.base.db, {
      volumes: { structures: 60, conseillers: 25, candidats: 40, lieux: 50, cras: 800 },
    });
    const t0 = p.horloge.maintenant().getTime();
    await p.base.db.insert(courriel).values(
      ["b@exemple.fr", "c@exemple.fr", "a@exemple.fr"].map((destinataire, i) => ({
        destinataire,
        objet: "Invitation",
        texte: "Bonjour",
        modele: "invitation",
        statut: (i === 0 ? "echec" : "envoye") as StatutCourriel,
        creeLe: new Date(t0 - i * 3_600_000),
      })),
    );
    for (const q of [
      "admin",
      "prefet.62",
      "structure.pimms",
      "conseiller",
      "coordinateur",
      "financeur",
    ])
      cookies[q] = await connecterPersona(p, `${q}@${D}`);
    // Three individual reports of the demo conseiller, on three days before the test clock's.
    const cookie = cookies.conseiller!;
    const [lieu] = (
      await p.app.inject({ url: "/api/conseiller/lieux", headers: { cookie } })
    ).json();
    const aujourdhui = jourParis(p.horloge.maintenant());
    for (const [i, dureeMinutes] of [45, 90, 30].entries()) {
      const r = await p.app.inject({
        method: "POST",
        url: "/api/cra",
        headers: { cookie },
        payload: {
          type: "individuel",
          date: ajouterJours(aujourdhui, -1 - 2 * i),
          dureeMinutes,
          typeLieu: "lieu_activite",
          lieuId: lieu.id,
          nbParticipants: 1,
          thematiques: ["email"],
        },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
  });
  afterAll(() => p.arreter());

  const lire = async (qui: string, url: string) => {
    const r = await p.app.inject({ url, headers: { cookie: cookies[qui]! } });
    expect(r.statusCode, `${qui} ${url} ${r.body}`).toBe(200);
    return r;
  };

  it("chaque ordre demandé range les lignes de la page sur le serveur", async () => {
    for (const o of ORDRES) {
      const corps = (await lire(o.qui, `${o.liste}?${o.requete}`)).json();
      const valeurs = (corps[LIGNES[o.liste]!] as Ligne[]).map(o.cle);
      expect(valeurs.length, `${o.liste}?${o.requete}`).toBeGreaterThan(1);
      expect(ordonnees(valeurs, o), `${o.liste}?${o.requete} : ${valeurs.join(", ")}`).toBe(true);
    }
  });

  it("un ordre inconnu est refusé en français sans rien lire", async () => {
    for (const o of ORDRES) {
      const r = await p.app.inject({
        url: `${o.liste}?tri=hasard`,
        headers: { cookie: cookies[o.qui]! },
      });
      expect(r.statusCode, o.liste).toBe(400);
      expect(r.body, o.liste).toMatch(/L'ordre vaut « /);
    }
  });

  it("chaque export tient tout l'ensemble filtré de sa liste, et se journalise", async () => {
    for (const e of EXPORTS) {
      const csv = (await lire(e.qui, e.fichier)).body;
      const lignes = lignesCsv(csv).length - 1;
      let attendu: number;
      if (e.liste) {
        attendu = ((await lire(e.qui, e.liste)).json() as { total: number }).total;
      } else {
        const [n] = await p.base.db
          .select({ n: count() })
          .from(journal)
          .where(eq(journal.cibleType, "cra"));
        attendu = n!.n;
      }
      expect(attendu, e.fichier).toBeGreaterThan(0);
      expect(lignes, e.fichier).toBe(attendu);
    }
    const [traces] = await p.base.db
      .select({ n: count() })
      .from(journal)
      .where(and(eq(journal.action, "export.telecharge"), eq(journal.cibleType, "export")));
    expect(traces!.n).toBeGreaterThanOrEqual(EXPORTS.length);
  });

  it("l'export du grand livre suit l'ordre de l'écran, toutes pages confondues", async () => {
    const ecran = (await lire("financeur", "/api/financement/postes?tri=du")).json() as {
      postes: { duCents: number }[];
    };
    const csv = (await lire("financeur", "/api/financement/export?format=csv&tri=du")).body;
    // "Dû" is the last column but one: a structure's name may hold a quoted separator.
    expect(lignesCsv(csv)[0]!.split(";").at(-2)).toBe("Dû (€)");
    const montants = lignesCsv(csv)
      .slice(1)
      .map((l) => Math.round(Number(l.split(";").at(-2)!.replace(",", ".")) * 100));
    expect(montants).toEqual(ecran.postes.map((p) => p.duCents));
  });
});
