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

  it("place chaque structure, lieu et candidat dans sa commune, plus souvent là où l'on vit", async () => {
    // Within 2 km of their commune's own point, never in a box drawn over France (the rows the
    // demo personas hold at their real addresses are counted before).
    const loin = async () =>
      (
        await lignes<{ n: number; total: number }>(
          base.db,
          sql`select count(*) filter (where distance_m(x.latitude, x.longitude, c.latitude, c.longitude) > 2000)::int as n,
                count(*)::int as total
              from (select latitude, longitude, commune_code from structure
                    union all select latitude, longitude, commune_code from candidature
                    union all select latitude, longitude, commune_code from lieu) x
              join commune c on c.code = x.commune_code
              where x.latitude is not null`,
        )
      )[0]!;
    const avant = await loin();
    await genererEchelleNationale(base.db, {
      volumes: { structures: 400, conseillers: 0, candidats: 200, lieux: 400, cras: 0 },
    });
    const apres = await loin();
    expect(apres.total - avant.total).toBe(1000);
    expect(apres.n).toBe(avant.n);
    // Drawn by population: most structures are in communes of more than 10,000 inhabitants
    // (half of France lives there, in 3 % of its communes).
    const [grandes] = await lignes<{ part: number }>(
      base.db,
      sql`select avg(case when c.population > 10000 then 1.0 else 0 end)::float8 as part
          from lieu l join commune c on c.code = l.commune_code
          where l.nom not like 'Mairie%' and l.date_maj = '2026-10-01'`,
    );
    expect(grandes!.part).toBeGreaterThan(0.35);
  });

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

  it("n'écrit un CRA que dans un contrat de son conseiller, à un lieu qui est le sien ce jour-là, un jour ouvré", async () => {
    await genererEchelleNationale(base.db, { volumes: PETIT });
    const [hors] = await lignes<{ contrat: number; lieu: number; ferie: number; total: number }>(
      base.db,
      sql`select
            count(*) filter (where not exists (
              select 1 from contrat k where k.utilisateur_id = c.conseiller_id
                and k.structure_id = c.structure_id and k.statut in ('actif', 'termine')
                and c.date between k.date_debut
                  and coalesce(k.date_fin_effective, k.date_fin, date '2099-12-31')))::int as contrat,
            count(*) filter (where c.lieu_id is not null and not exists (
              select 1 from lieu_conseiller l where l.conseiller_id = c.conseiller_id
                and l.lieu_id = c.lieu_id and l.debut <= c.date))::int as lieu,
            count(*) filter (where extract(dow from c.date) = 0
              or to_char(c.date, 'MM-DD') in ('01-01', '05-01', '07-14', '08-15', '11-11', '12-25')
            )::int as ferie,
            count(*)::int as total
          from cra c join utilisateur u on u.id = c.conseiller_id
          where u.email like '%@national.demo.conseiller-numerique.fr'`,
    );
    expect(hors).toEqual({ contrat: 0, lieu: 0, ferie: 0, total: PETIT.cras });
    // Several reports on a day of activity: the per-day roll-up is smaller than the reports.
    const [jours] = await lignes<{ n: number }>(
      base.db,
      sql`select count(*)::int as n from (select distinct conseiller_id, date from cra c
            join utilisateur u on u.id = c.conseiller_id
            where u.email like '%@national.demo.conseiller-numerique.fr') j`,
    );
    expect(jours!.n).toBeLessThan(PETIT.cras / 2);
  });

  it("reprend un chargement interrompu là où il s'est arrêté, avec les mêmes CRA", async () => {
    // What a report says, by whom and when: the same in any database the same load ran on.
    const empreinte = (db: Base["db"]) =>
      lignes<{ e: string }>(
        db,
        sql`select u.email || ' ' || c.date || ' ' || c.type || ' ' || c.nb_participants
                || ' ' || c.duree_minutes as e
            from cra c join utilisateur u on u.id = c.conseiller_id
            where u.email like '%@national.demo.conseiller-numerique.fr'
            order by 1`,
      );
    let lots = 0;
    await expect(
      genererEchelleNationale(base.db, {
        volumes: PETIT,
        craParLot: 100,
        surLot: () => {
          if (++lots === 2) throw new Error("coupure");
        },
      }),
    ).rejects.toThrow("coupure");
    expect(await compter(cra)).toBeLessThan(PETIT.cras);
    // Run again with other volumes asked: the load resumes with the ones it started with.
    await genererEchelleNationale(base.db, { volumes: { ...PETIT, cras: 5 }, craParLot: 100 });
    const repris = await empreinte(base.db);
    expect(repris).toHaveLength(PETIT.cras);
    expect(await verifierRollups(base.db)).toEqual([]);

    const autre = await ouvrirBaseDeTest(type);
    try {
      await genererEchelleNationale(autre.db, { volumes: PETIT });
      expect(repris).toEqual(await empreinte(autre.db));
    } finally {
      await autre.fermer();
    }
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
