import { count, sql } from "drizzle-orm";
import { COLONNES_COMPTEURS } from "../src/domain/cra/compteurs.ts";
import { agregatsDepuisCra } from "../src/server/activite/compteurs-sql.ts";
import { rapportPdf } from "../src/server/activite/statistiques-export.ts";
import {
  SOURCE_NATIONALE,
  type Source,
  sourceDepartementale,
  statistiquesDe,
} from "../src/server/activite/statistiques-queries.ts";
import { lignes } from "../src/server/db/client.ts";
import { cra } from "../src/server/db/schema.ts";
import { baseNationale, horlogeBench } from "./base.ts";
import { chronometrer, type ResultatBench } from "./mesure.ts";

/** CRA volume of the bench: 10 million on PostgreSQL, 1 million on PGlite (issue 5). */
const VOLUME = Number(
  process.env.BENCH_CRA ?? (process.env.BENCH_PGLITE === "1" ? 1_000_000 : 10_000_000),
);
// Ragged on both ends, as a period ending today is: edge days read from the daily roll-up.
const PERIODE = { du: "2025-11-17", au: "2026-10-28" };

/**
 * Statistics of a national, a département and a conseiller scope over 12 months, read from the
 * roll-ups; baseline: the same counters aggregated from the raw reports at request time (what
 * the original platform did). Both must give the same figures. BENCH_BASE_CHARGEE names a
 * database already loaded by `cnfs demo --echelle nationale --cra N` to skip the load.
 */
export default async function statistiques(): Promise<Record<string, ResultatBench>> {
  const base = await baseNationale(VOLUME);
  try {
    const [n] = await base.db.select({ n: count() }).from(cra);
    console.error(`${n?.n} comptes rendus`);
    const [conseiller] = await lignes<{ id: string }>(
      base.db,
      sql`select conseiller_id as id from cra group by 1 order by count(*) desc limit 1`,
    );
    const portees: Record<string, { source: Source; brut: ReturnType<typeof sql> }> = {
      national: {
        source: SOURCE_NATIONALE,
        brut: sql`true`,
      },
      departement: {
        source: sourceDepartementale(sql`departement_code = '62'`),
        brut: sql`c.departement_code = '62'`,
      },
      conseiller: {
        source: {
          table: "stat_conseiller_jour",
          condition: sql`conseiller_id = ${conseiller!.id}`,
        },
        brut: sql`c.conseiller_id = ${conseiller!.id}`,
      },
    };
    const resultats: Record<string, ResultatBench> = {};
    for (const [nom, { source, brut }] of Object.entries(portees)) {
      const rapide = () => statistiquesDe(base.db, source, PERIODE);
      const naif = () =>
        lignes<Record<string, number>>(
          base.db,
          sql`select ${agregatsDepuisCra()} from cra c
              where ${brut} and c.date between ${PERIODE.du} and ${PERIODE.au}`,
        );
      // Every counter of the page, compared with the raw aggregation, column by column.
      const a = await rapide();
      const [b] = await naif();
      const depuisPage: Record<string, number> = {
        activites: a.totaux.activites,
        accompagnements: a.totaux.accompagnements,
        deja_accompagnes: a.totaux.dejaAccompagnes,
        orientations: a.totaux.orientations,
      };
      for (const [d, lignesD] of Object.entries(a.repartitions))
        for (const l of lignesD) {
          depuisPage[`a_${d}_${l.valeur}`] = l.activites;
          depuisPage[`p_${d}_${l.valeur}`] = l.accompagnements;
        }
      for (const [d, lignesD] of Object.entries(a.personnes))
        for (const l of lignesD) depuisPage[`n_${d}_${l.valeur}`] = l.personnes;
      // And both series, every month and every day, against the raw reports.
      const serie = async (format: string, du: string) =>
        Object.fromEntries(
          (
            await lignes<{ cle: string; activites: number; accompagnements: number }>(
              base.db,
              sql`select to_char(c.date, ${format}) as cle, count(*)::int as activites,
                    sum(case when c.type = 'collectif' then c.nb_participants else 1 end)::int
                      as accompagnements
                  from cra c where ${brut} and c.date between ${du} and ${PERIODE.au}
                  group by 1`,
            )
          ).map((l) => [l.cle, `${l.activites}/${l.accompagnements}`]),
        );
      const [mois, jours] = [
        await serie("YYYY-MM", `${a.parMois[0]!.mois}-01`),
        await serie("YYYY-MM-DD", a.parJour[0]!.jour),
      ];
      const seriesIdentiques =
        a.parMois.length === 12 &&
        a.parJour.length === 30 &&
        a.parMois.every((m) => (mois[m.mois] ?? "0/0") === `${m.activites}/${m.accompagnements}`) &&
        a.parJour.every((j) => (jours[j.jour] ?? "0/0") === `${j.activites}/${j.accompagnements}`);
      const identique =
        seriesIdentiques &&
        COLONNES_COMPTEURS.filter((c) => c !== "duree_minutes").every(
          (c) => Number(depuisPage[c]) === Number(b![c]),
        );
      await chronometrer(5, rapide);
      const mesures = await chronometrer(200, rapide);
      await chronometrer(1, naif);
      const mesuresBase = await chronometrer(nom === "national" ? 5 : 20, naif);
      resultats[nom] = {
        mesures,
        mesuresBase,
        identique,
        details: `echantillons=${mesures.length}/${mesuresBase.length} series=${seriesIdentiques ? "identiques" : "differentes"}`,
      };
      if (nom !== "national") continue;
      // The 12-month national PDF report as the export route makes it (issue 19: under 2 s):
      // figures, then the document; the baseline reads the figures from the raw reports.
      const entete = {
        titre: "Statistiques nationales",
        perimetre: "National",
        auteur: "Banc d'essai",
        le: horlogeBench(),
      };
      const rapport = async () => rapportPdf(await rapide(), entete);
      const pdf = await rapport();
      const rapportNaif = async () => {
        await naif();
        return rapportPdf(a, entete);
      };
      await chronometrer(2, rapport);
      const mesuresPdf = await chronometrer(30, rapport);
      const mesuresPdfBase = await chronometrer(3, rapportNaif);
      resultats["rapport-pdf-national"] = {
        mesures: mesuresPdf,
        mesuresBase: mesuresPdfBase,
        identique: identique && pdf.subarray(0, 5).toString() === "%PDF-",
        details: `octets=${pdf.length} echantillons=${mesuresPdf.length}/${mesuresPdfBase.length}`,
      };
    }
    return resultats;
  } finally {
    await base.fermer();
  }
}
