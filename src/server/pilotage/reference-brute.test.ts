import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ajouterJours } from "../../domain/temps.ts";
import { lignes } from "../db/client.ts";
import { creerHasard } from "../demo/hasard.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";
import { ecartsAvecLaReference, tableauDepartementsBrut } from "./reference-brute.ts";

const D = "demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("tableau de pilotage face au calcul brut sur %s", (type) => {
  let p: PlateformeDeTest;
  let admin: string;
  let conseiller: string;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    admin = await connecterPersona(p, `admin@${D}`);
    conseiller = await connecterPersona(p, `conseiller@${D}`);
  });
  afterAll(() => p.arreter());

  const ecarts = async () => {
    const r = await p.app.inject({
      url: "/api/pilotage/tableau?decoupage=departement",
      headers: { cookie: admin },
    });
    expect(r.statusCode, r.body).toBe(200);
    const { lignes: rangees, aujourdhui, periode } = r.json();
    return ecartsAvecLaReference(
      rangees,
      await tableauDepartementsBrut(p.base.db, { aujourdhui, periode }),
    );
  };

  it("garde chaque colonne égale au calcul brut après un mélange aléatoire d'écritures", async () => {
    expect(await ecarts()).toEqual([]);
    const tirer = creerHasard(7).entier;
    const lieux = (
      await p.app.inject({ url: "/api/conseiller/lieux", headers: { cookie: conseiller } })
    ).json();
    const { aujourdhui } = (
      await p.app.inject({ url: "/api/pilotage/tableau", headers: { cookie: admin } })
    ).json();
    const cras: string[] = [];
    const auHasard = async (requete: ReturnType<typeof sql>) => {
      const ids = await lignes<{ id: string }>(p.base.db, requete);
      return ids.length ? ids[tirer(0, ids.length - 1)]!.id : null;
    };
    for (let etape = 0; etape < 24; etape++) {
      const action = tirer(0, 5);
      if (action === 0 || (action === 1 && cras.length === 0)) {
        // A report dated up to 60 days back: it may make its author active again, or not.
        const r = await p.app.inject({
          method: "POST",
          url: "/api/cra",
          headers: { cookie: conseiller },
          payload: {
            type: "individuel",
            date: ajouterJours(aujourdhui, -tirer(0, 60)),
            dureeMinutes: 30,
            typeLieu: "lieu_activite",
            lieuId: lieux[0].id,
            thematiques: ["email"],
          },
        });
        expect(r.statusCode, r.body).toBe(201);
        cras.push(r.json().id);
      } else if (action === 1) {
        const id = cras.splice(tirer(0, cras.length - 1), 1)[0]!;
        const r = await p.app.inject({
          method: "DELETE",
          url: `/api/cra/${id}`,
          headers: { cookie: conseiller },
        });
        expect(r.statusCode, r.body).toBe(200);
      } else if (action === 2) {
        const id = await auHasard(
          sql`select utilisateur_id as id from contrat where statut = 'actif'`,
        );
        if (id)
          await p.base.db.execute(sql`insert into certification (utilisateur_id, type, statut)
            values (${id}, 'ccp1', ${tirer(0, 1) ? "obtenue" : "echouee"})`);
      } else if (action === 3) {
        const id = await auHasard(sql`select id from formation`);
        const statut = ["en_cours", "terminee", "positionnee", "dispensee"][tirer(0, 3)]!;
        if (id)
          await p.base.db.execute(sql`update formation set statut = ${statut} where id = ${id}`);
      } else if (action === 4) {
        const id = await auHasard(sql`select utilisateur_id as id from contrat`);
        const quand = tirer(0, 1) ? sql`null` : sql`now()`;
        if (id)
          await p.base.db.execute(
            sql`update utilisateur set derniere_connexion_le = ${quand} where id = ${id}`,
          );
      } else {
        // Another post for a structure that already holds one, granted up to 90 days ago.
        const id = await auHasard(sql`select id from poste`);
        if (id)
          await p.base.db.execute(sql`
            insert into poste (structure_id, decision_id, secteur, plafond_cents, duree_mois,
                               date_attribution, date_limite_recrutement, statut)
            select structure_id, decision_id, secteur, plafond_cents, duree_mois,
                   ${ajouterJours(aujourdhui, -tirer(0, 90))}, ${ajouterJours(aujourdhui, -tirer(0, 30))},
                   'vacant'
            from poste where id = ${id}`);
      }
      expect(await ecarts(), `après l'étape ${etape} (action ${action})`).toEqual([]);
    }
  });
});
