import { sql } from "drizzle-orm";
import type { Comptes } from "../src/domain/pilotage/indicateurs.ts";
import type { SessionChargee } from "../src/server/auth/sessions.ts";
import { type Executeur, lignes } from "../src/server/db/client.ts";
import { comptesParTerritoire, type Filtres } from "../src/server/pilotage/indicateurs-queries.ts";
import { baseNationale } from "./base.ts";
import { chronometrer, type ResultatBench } from "./mesure.ts";

/** 1 million reports by default: the dashboard reads roll-ups, the baseline reads them raw. */
const VOLUME = Number(process.env.BENCH_CRA ?? 1_000_000);
const AUJOURDHUI = "2026-10-31";
const PERIODE = { du: "2025-11-01", au: AUJOURDHUI };

const ADMIN: SessionChargee = {
  idHash: "bench",
  methode: "bench",
  idToken: null,
  utilisateur: { id: "00000000-0000-4000-8000-000000000000", email: "", prenom: "", nom: "" },
  habilitation: { id: "bench", role: "admin", perimetre: { type: "national" } },
};

/** What the original did: one row per département, each figure its own query at request time. */
async function tableauNaif(db: Executeur): Promise<Map<string, Partial<Comptes>>> {
  const departements = await lignes<{ code: string }>(
    db,
    sql`select code from departement order by code`,
  );
  const resultat = new Map<string, Partial<Comptes>>();
  const n = async (requete: ReturnType<typeof sql>) =>
    (await lignes<{ n: number }>(db, requete))[0]?.n ?? 0;
  for (const { code } of departements) {
    const dansDep = sql`s.departement_code = ${code}`;
    const contratsActifs = sql`from contrat k join structure s on s.id = k.structure_id
      where k.statut = 'actif' and ${dansDep}`;
    const [activite] = await lignes<{ a: number; p: number; d: number }>(
      db,
      sql`select count(*)::int as a, coalesce(sum(case when type = 'collectif' then nb_participants else 1 end), 0)::int as p,
            coalesce(sum(deja_accompagnes), 0)::int as d
          from cra where departement_code = ${code} and date between ${PERIODE.du} and ${PERIODE.au}`,
    );
    resultat.set(code, {
      dotation:
        await n(sql`select count(*)::int as n from poste p join structure s on s.id = p.structure_id
        where p.statut <> 'rendu' and ${dansDep}`),
      recrutes: await n(sql`select count(distinct k.poste_id)::int as n ${contratsActifs}`),
      vacants:
        await n(sql`select count(*)::int as n from poste p join structure s on s.id = p.structure_id
        where p.statut = 'vacant' and ${dansDep}`),
      actives: await n(sql`select count(*)::int as n ${contratsActifs} and exists (
        select 1 from utilisateur u where u.id = k.utilisateur_id and u.derniere_connexion_le is not null)`),
      actifs: await n(sql`select count(*)::int as n ${contratsActifs} and exists (
        select 1 from cra c where c.conseiller_id = k.utilisateur_id and c.date >= ${AUJOURDHUI}::date - 30)`),
      enFormation: await n(sql`select count(*)::int as n ${contratsActifs} and exists (
        select 1 from formation f where f.utilisateur_id = k.utilisateur_id and f.statut = 'en_cours')`),
      certifies: await n(sql`select count(*)::int as n ${contratsActifs} and exists (
        select 1 from certification c where c.utilisateur_id = k.utilisateur_id and c.type = 'ccp1' and c.statut = 'obtenue')`),
      demandesEnAttenteAvis: await n(sql`select count(*)::int as n from demande_postes dp
        join structure s on s.id = dp.structure_id
        where dp.statut in ('deposee', 'complement_demande') and dp.nature <> 'retrait'
          and not exists (select 1 from avis_prefet a where a.demande_id = dp.id) and ${dansDep}`),
      activites: activite!.a,
      accompagnements: activite!.p,
      dejaAccompagnes: activite!.d,
    });
  }
  return resultat;
}

/**
 * The national table per département (issue 7: under 200 ms p50 with national data on the
 * PostgreSQL server), side by side with the per-row computation of the original; the same
 * figures, column by column. BENCH_BASE_CHARGEE names a database already loaded by
 * `cnfs demo --echelle nationale` to skip the load.
 */
export default async function pilotage(): Promise<ResultatBench> {
  const base = await baseNationale(VOLUME);
  try {
    const filtres: Filtres = { decoupage: "departement", aujourdhui: AUJOURDHUI, periode: PERIODE };
    const rapide = () => comptesParTerritoire(base.db, ADMIN, filtres);
    const naif = () => tableauNaif(base.db);
    const a = await rapide();
    const b = await naif();
    const colonnes = [...Object.keys(b.values().next().value ?? {})] as (keyof Comptes)[];
    const ecarts = a.flatMap((l) =>
      colonnes
        .filter((c) => Number(l[c]) !== Number(b.get(l.code)?.[c] ?? 0))
        .map((c) => `${l.code}.${c}: ${l[c]} ≠ ${b.get(l.code)?.[c]}`),
    );
    if (ecarts.length) console.error(ecarts.slice(0, 10).join("\n"));
    const total = a.reduce((t, l) => t + l.dotation, 0);
    await chronometrer(5, rapide);
    const mesures = await chronometrer(50, rapide);
    const mesuresBase = await chronometrer(3, naif);
    return {
      mesures,
      mesuresBase,
      identique: ecarts.length === 0 && a.length === b.size,
      details: `departements=${a.length} postes=${total} colonnes=${colonnes.length}`,
    };
  } finally {
    await base.fermer();
  }
}
