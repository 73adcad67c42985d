import { count, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifierRollups } from "../activite/rollups.ts";
import { type Base, lignes } from "../db/client.ts";
import {
  candidature,
  cra,
  habilitation,
  lieu,
  type lieuConseiller,
  structure,
  utilisateur,
} from "../db/schema.ts";
import { BASES_DE_TEST, ouvrirBaseDeTest } from "../test/bases.ts";
import { CRAS_MAX, genererEchelleNationale } from "./echelle-nationale.ts";

const PETIT = { structures: 60, conseillers: 25, candidats: 40, lieux: 50, cras: 800 };

describe.each(BASES_DE_TEST)("volumes nationaux sur %s", (type) => {
  let base: Base;
  beforeEach(async () => {
    base = await ouvrirBaseDeTest(type);
  });
  afterEach(() => base.fermer());

  const compter = async (
    table: typeof structure | typeof lieu | typeof cra | typeof lieuConseiller,
  ) => {
    const [r] = await base.db.select({ n: count() }).from(table);
    return r!.n;
  };

  it("écrit les volumes demandés par le vrai schéma, en respectant ses règles", async () => {
    const avant = {
      structures: await compter(structure),
      lieux: await compter(lieu),
      cras: await compter(cra),
    };
    await genererEchelleNationale(base.db, { volumes: PETIT });
    expect(await compter(structure)).toBe(avant.structures + PETIT.structures);
    expect(await compter(lieu)).toBe(avant.lieux + PETIT.lieux);
    expect(await compter(cra)).toBe(avant.cras + PETIT.cras);
    // The statistics' roll-ups come with the reports, and every candidate has an application.
    expect(await verifierRollups(base.db)).toEqual([]);
    const [candidatures] = await base.db.select({ n: count() }).from(candidature);
    expect(candidatures!.n).toBeGreaterThanOrEqual(PETIT.candidats);

    const [personnes] = await base.db
      .select({ n: count() })
      .from(utilisateur)
      .where(sql`${utilisateur.email} like '%@national.demo.conseiller-numerique.fr'`);
    expect(personnes!.n).toBe(PETIT.conseillers + PETIT.candidats);

    // Every conseiller has its employer and exactly one current main place.
    const [sansEmployeur] = await base.db
      .select({ n: count() })
      .from(habilitation)
      .where(sql`${habilitation.role} = 'conseiller' and ${habilitation.structureId} is null`);
    expect(sansEmployeur!.n).toBe(0);
    const principaux = await lignes<{ n: number }>(
      base.db,
      sql`select conseiller_id, count(*)::int as n from lieu_conseiller l
          join utilisateur u on u.id = l.conseiller_id
          where nature = 'principal' and u.email like '%@national.demo.conseiller-numerique.fr'
          group by conseiller_id`,
    );
    expect(principaux.map((p) => p.n)).toEqual(Array(PETIT.conseillers).fill(1));

    // Breakdowns always sum to the participants, as the CRA rules require.
    const incoherents = await lignes<{ id: string }>(
      base.db,
      sql`
      select id from cra where
        (select coalesce(sum(value::int), 0) from jsonb_each_text(ages)) <> nb_participants
        or (select coalesce(sum(value::int), 0) from jsonb_each_text(statuts)) <> nb_participants
        or (select coalesce(sum(value::int), 0) from jsonb_each_text(genres)) <> nb_participants
        or (type <> 'collectif' and nb_participants <> 1)
        or (type_lieu = 'lieu_activite' and lieu_id is null)`,
    );
    expect(incoherents).toEqual([]);
  });

  it("refuse un second chargement et un nombre de CRA hors limites", async () => {
    await genererEchelleNationale(base.db, { volumes: PETIT });
    await expect(genererEchelleNationale(base.db, { volumes: PETIT })).rejects.toThrow(
      /déjà chargés/,
    );
    await expect(
      genererEchelleNationale(base.db, { volumes: { ...PETIT, cras: CRAS_MAX + 1 } }),
    ).rejects.toThrow(/entre 0 et/);
  });
});
