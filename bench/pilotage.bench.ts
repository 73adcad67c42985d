import { sql } from "drizzle-orm";
import { COMPTES_VIDES, type Comptes } from "../src/domain/pilotage/indicateurs.ts";
import type { SessionChargee } from "../src/server/access/sessions.ts";
import { type Executeur, lignes } from "../src/server/db/client.ts";
import { comptesParTerritoire, type Filtres } from "../src/server/pilotage/indicateurs-queries.ts";
import {
  ecartsAvecLaReference,
  tableauDepartementsBrut,
} from "../src/server/pilotage/reference-brute.ts";
import { baseNationale } from "./base.ts";
import { centile, chronometrer, type ResultatBench } from "./mesure.ts";

/** Reports generated when no loaded base is named: the dashboard reads roll-ups, the reference raw reports. */
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
 * The national table per département on national volumes (BENCH_BASE_CHARGEE names a database
 * already loaded by `cnfs demo --echelle nationale`), side by side with the same figures in
 * one set-based statement over the raw tables (`tableauDepartementsBrut`), every column of
 * every row compared. Extra figures: the first read after a write (the cached post counts
 * recomputed) and the original's per-row method.
 */
export default async function pilotage(): Promise<ResultatBench> {
  const base = await baseNationale(VOLUME);
  try {
    const filtres: Filtres = { decoupage: "departement", aujourdhui: AUJOURDHUI, periode: PERIODE };
    const rapide = () => comptesParTerritoire(base.db, ADMIN, filtres);
    const brut = () => tableauDepartementsBrut(base.db, filtres);
    const reference = await brut();
    await chronometrer(20, rapide);
    const mesures = await chronometrer(200, rapide);
    const ecarts = ecartsAvecLaReference(await rapide(), reference);
    if (ecarts.length) console.error(ecarts.slice(0, 10).join("\n"));
    // What a write to the posts costs the next reader: the version moves, the cache misses.
    const apresEcriture: number[] = [];
    for (let i = 0; i < 20; i++) {
      await base.db.execute(
        sql`update version_donnees set version = version + 1 where nom = 'pilotage'`,
      );
      apresEcriture.push(...(await chronometrer(1, rapide)));
    }
    const mesuresBase = await chronometrer(5, brut);
    const parLigne = await chronometrer(1, () => tableauNaif(base.db));
    return {
      mesures,
      mesuresBase,
      identique: ecarts.length === 0 && reference.size > 0,
      details: `echantillons=200/5 departements=${reference.size} colonnes=${Object.keys(COMPTES_VIDES).length} p50_apres_ecriture=${centile(apresEcriture, 50).toFixed(1)}ms methode_par_ligne=${parLigne[0]!.toFixed(0)}ms`,
    };
  } finally {
    await base.fermer();
  }
}
