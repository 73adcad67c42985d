import { and, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { completerSiret } from "../../domain/selection/siret.ts";
import { reconstruireRollups } from "../activite/index.ts";
import type { Db } from "../db/client.ts";
import {
  candidature,
  commune,
  habilitation,
  journal,
  lieu,
  lieuConseiller,
  structure,
  utilisateur,
} from "../db/schema.ts";
import { acteurSysteme, journaliser } from "../infra/journal.ts";
import { JOUR_MS } from "./calendrier-activite.ts";
import { ecrireCrasNationaux } from "./cra-nationaux.ts";
import { personneAleatoire, structureAleatoire } from "./generateur.ts";
import { creerHasard, type Hasard } from "./hasard.ts";
import { genererPostesNationaux } from "./postes-nationaux.ts";

export type VolumesNationaux = {
  structures: number;
  conseillers: number;
  candidats: number;
  lieux: number;
  cras: number;
};

export const VOLUMES_NATIONAUX: VolumesNationaux = {
  structures: 15_000,
  conseillers: 5_000,
  candidats: 100_000,
  lieux: 20_000,
  cras: 100_000,
};

export const CRAS_MAX = 10_000_000;
const DOMAINE = "national.demo.conseiller-numerique.fr";
/** Rows per multi-row INSERT: below PostgreSQL's 65,535 bound parameters for the widest table. */
const TAILLE_LOT = 1_500;

const SERVICES = [
  "Aide aux démarches administratives",
  "Maîtrise des outils numériques du quotidien",
  "Insertion professionnelle via le numérique",
  "Utilisation sécurisée du numérique",
  "Parentalité et éducation avec le numérique",
  "Loisirs et créations numériques",
  "Compréhension du monde numérique",
  "Accès internet et matériel informatique",
] as const;
const TYPES_LIEUX = [
  "Espace numérique",
  "Médiathèque",
  "France Services",
  "Centre social",
  "Mairie",
] as const;
const PREMIER_JOUR = Date.UTC(2021, 0, 4);
const DERNIER_JOUR = Date.UTC(2026, 9, 31);
/**
 * The "now" of the national data: noon (Paris) on the last day it covers. Benchmarks run their
 * platform on this clock, so nothing they measure depends on the day they run.
 */
export const MAINTENANT_NATIONAL = new Date(DERNIER_JOUR + 11 * 3_600_000);

async function parLots<T>(lignes: T[], inserer: (lot: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < lignes.length; i += TAILLE_LOT)
    await inserer(lignes.slice(i, i + TAILLE_LOT));
}

function quelquesUns<T>(h: Hasard, liste: readonly T[], min: number, max: number): T[] {
  const n = h.entier(min, max);
  const choisis = new Set<T>();
  while (choisis.size < n) choisis.add(h.choisir(liste));
  return [...choisis];
}

/**
 * The current communes of the reference that have a point, in code order: where generated rows
 * are placed (a commune without a known point would give rows without one).
 */
export function communesSources(db: Db): Promise<CommuneSource[]> {
  return db
    .select({
      code: commune.code,
      nom: commune.nom,
      departementCode: commune.departementCode,
      regionCode: commune.regionCode,
      codesPostaux: commune.codesPostaux,
      population: commune.population,
      latitude: commune.latitude,
      longitude: commune.longitude,
    })
    .from(commune)
    .where(and(eq(commune.type, "commune-actuelle"), isNotNull(commune.latitude)))
    .orderBy(commune.code) as Promise<CommuneSource[]>;
}

export type CommuneSource = {
  code: string;
  nom: string;
  departementCode: string;
  regionCode: string;
  codesPostaux: string[];
  population: number | null;
  latitude: number;
  longitude: number;
};

/**
 * A commune drawn in proportion to its population, as people, structures and activity are
 * spread over France (a village of 100 inhabitants is drawn 5,000 times less than Lyon).
 */
export function tirageParPopulation(h: Hasard, communes: CommuneSource[]): () => CommuneSource {
  const cumul: number[] = [];
  let total = 0;
  for (const c of communes) {
    total += Math.max(1, c.population ?? 1);
    cumul.push(total);
  }
  return () => {
    const x = h.entier(0, total - 1);
    let bas = 0;
    let haut = cumul.length - 1;
    while (bas < haut) {
      const milieu = (bas + haut) >> 1;
      if (cumul[milieu]! > x) haut = milieu;
      else bas = milieu + 1;
    }
    return communes[bas]!;
  };
}

/** A point around the commune's own point, within about a kilometre: inside the town. */
function pointAleatoire(h: Hasard, c: CommuneSource) {
  return {
    latitude: Math.round((c.latitude + h.entier(-900, 900) / 100_000) * 1e5) / 1e5,
    longitude: Math.round((c.longitude + h.entier(-1200, 1200) / 100_000) * 1e5) / 1e5,
  };
}

const DISTANCES_TIREES = [5, 10, 10, 15, 15, 20, 20, 20, 20, 40, 40, 40, 40, 100, 100, 100, 2000];

/** A candidate's application: most available, reach mostly local, a few anywhere in France. */
function candidatureAleatoire(
  h: Hasard,
  utilisateurId: string,
  c: CommuneSource,
): typeof candidature.$inferInsert {
  return {
    utilisateurId,
    statut: h.entier(0, 99) < 85 ? "disponible" : "indisponible",
    communeCode: c.code,
    departementCode: c.departementCode,
    regionCode: c.regionCode,
    ...pointAleatoire(h, c),
    situations: [
      h.choisir(["demandeur_emploi", "en_emploi", "en_formation", "experience_mediation"]),
    ],
    dateDisponibilite: jourAleatoire(h),
    distanceMaxKm: h.choisir(DISTANCES_TIREES),
  };
}

function jourAleatoire(h: Hasard): string {
  return new Date(
    PREMIER_JOUR + h.entier(0, Math.floor((DERNIER_JOUR - PREMIER_JOUR) / JOUR_MS)) * JOUR_MS,
  )
    .toISOString()
    .slice(0, 10);
}

export function lieuAleatoire(h: Hasard, c: CommuneSource, i: number) {
  return {
    pivot: completerSiret(String(3_000_000_000_000 + i * 104_729).slice(0, 13)),
    nom: `${h.choisir(TYPES_LIEUX)} de ${c.nom}`,
    adresse: `${h.entier(1, 120)} ${h.choisir(["rue", "avenue", "place", "boulevard"])} ${h.choisir(["de la République", "Jean Jaurès", "Victor Hugo", "de la Mairie", "des Écoles"])}`,
    codePostal: c.codesPostaux[0] ?? "00000",
    communeCode: c.code,
    departementCode: c.departementCode,
    regionCode: c.regionCode,
    ...pointAleatoire(h, c),
    services: quelquesUns(h, SERVICES, 1, 4),
    horaires: "Mo-Fr 09:00-12:00,14:00-17:30",
    fraisACharge: [h.choisir(["Gratuit", "Gratuit sous condition", "Payant"])],
    dispositifProgrammesNationaux: ["Conseillers numériques"],
    dateMaj: "2026-10-01",
  };
}

type Poste = { conseillerId: string; structureId: string; lieuId: string };

const ACTION_COMMENCEE = "demo.nationale_commencee";
const ACTION_GENEREE = "demo.nationale_generee";

/** Where a load stands in this database: not started, stopped after its first step, or done. */
async function etatDuChargement(
  db: Db,
): Promise<
  { etat: "vierge" | "fini" } | { etat: "commence"; volumes: VolumesNationaux; graine: number }
> {
  const [deja] = await db
    .select({ n: count() })
    .from(utilisateur)
    .where(sql`${utilisateur.email} like ${`%@${DOMAINE}`}`);
  if ((deja?.n ?? 0) === 0) return { etat: "vierge" };
  const entrees = await db
    .select({ action: journal.action, apres: journal.apres })
    .from(journal)
    .where(inArray(journal.action, [ACTION_COMMENCEE, ACTION_GENEREE]));
  if (entrees.some((e) => e.action === ACTION_GENEREE)) return { etat: "fini" };
  const commencee = entrees.find((e) => e.action === ACTION_COMMENCEE)?.apres as
    | { volumes: VolumesNationaux; graine: number }
    | undefined;
  if (!commencee) return { etat: "fini" };
  return { etat: "commence", ...commencee };
}

/**
 * National volumes for benchmarks, through the real schema, in three steps:
 * 1. structures, places, people, posts and contracts, in one transaction (multi-row inserts);
 * 2. activity reports inside each conseiller's contracts, by COPY in batches that each commit
 *    (`ecrireCrasNationaux`): a load stopped here resumes where it stopped when run again;
 * 3. the statistics' roll-ups, built once from all the reports.
 */
export async function genererEchelleNationale(
  db: Db,
  options: {
    graine?: number;
    volumes?: Partial<VolumesNationaux>;
    craParLot?: number;
    surLot?: (ecrits: number, total: number, debitParSeconde: number) => void;
  } = {},
): Promise<VolumesNationaux> {
  const demandes = { ...VOLUMES_NATIONAUX, ...options.volumes };
  if (demandes.cras < 0 || demandes.cras > CRAS_MAX)
    throw new Error(`Le nombre de CRA doit être compris entre 0 et ${CRAS_MAX}.`);
  const etat = await etatDuChargement(db);
  if (etat.etat === "fini")
    throw new Error("Les volumes nationaux sont déjà chargés dans cette base.");
  // A resumed load keeps the volumes and seed it started with, whatever is asked now.
  const volumes = etat.etat === "commence" ? etat.volumes : demandes;
  const graine = etat.etat === "commence" ? etat.graine : (options.graine ?? 2022);
  if (etat.etat === "vierge") await genererStructuresEtPersonnes(db, volumes, graine);

  await ecrireCrasNationaux(db, {
    total: volumes.cras,
    graine,
    domaine: DOMAINE,
    premierJour: new Date(PREMIER_JOUR).toISOString().slice(0, 10),
    maintenant: MAINTENANT_NATIONAL,
    ...(options.craParLot ? { craParLot: options.craParLot } : {}),
    ...(options.surLot ? { surLot: options.surLot } : {}),
  });
  await db.transaction(async (tx) => {
    await reconstruireRollups(tx);
    await journaliser(tx, acteurSysteme("job:demo-nationale", "cli"), {
      action: ACTION_GENEREE,
      cibleType: "plateforme",
      cibleId: "demo",
      apres: volumes,
    });
  });
  // Planner statistics, as a production database has them (autovacuum would, later).
  await db.execute(sql`analyze`);
  return volumes;
}

async function genererStructuresEtPersonnes(
  db: Db,
  volumes: VolumesNationaux,
  graine: number,
): Promise<void> {
  const h = creerHasard(graine);
  const commune = tirageParPopulation(h, await communesSources(db));
  await db.transaction(async (tx) => {
    const structures: { id: string; departementCode: string }[] = [];
    await parLots(
      Array.from({ length: volumes.structures }, (_, i) => {
        const c = commune();
        return { ...structureAleatoire(h, c, 100_000 + i), ...pointAleatoire(h, c) };
      }),
      async (lot) =>
        structures.push(
          ...(await tx.insert(structure).values(lot).returning({
            id: structure.id,
            departementCode: structure.departementCode,
          })),
        ),
    );
    const lieux: { id: string; departementCode: string }[] = [];
    await parLots(
      Array.from({ length: volumes.lieux }, (_, i) => lieuAleatoire(h, commune(), i)),
      async (lot) =>
        lieux.push(
          ...(await tx
            .insert(lieu)
            .values(lot)
            .returning({ id: lieu.id, departementCode: lieu.departementCode })),
        ),
    );
    // A conseiller works in places of their employer's département, where there are some.
    const lieuxDuDepartement = new Map<string, { id: string }[]>();
    for (const l of lieux)
      lieuxDuDepartement.set(l.departementCode, [
        ...(lieuxDuDepartement.get(l.departementCode) ?? []),
        l,
      ]);
    const lieuProche = (departementCode: string) =>
      h.choisir(lieuxDuDepartement.get(departementCode) ?? lieux);

    const postes: Poste[] = [];
    for (const [role, nombre] of [
      ["conseiller", volumes.conseillers],
      ["candidat", volumes.candidats],
    ] as const) {
      await parLots(
        Array.from({ length: nombre }, (_, i) =>
          personneAleatoire(h, role, i, MAINTENANT_NATIONAL, DOMAINE),
        ),
        async (lot) => {
          const ids = await tx.insert(utilisateur).values(lot).returning({ id: utilisateur.id });
          const lignes = ids.map((u) => {
            const employeur = role === "conseiller" ? h.choisir(structures) : null;
            if (employeur) {
              postes.push({
                conseillerId: u.id,
                structureId: employeur.id,
                lieuId: lieuProche(employeur.departementCode).id,
              });
            }
            return {
              utilisateurId: u.id,
              role,
              perimetre: { type: "soi" } as const,
              structureId: employeur?.id ?? null,
            };
          });
          await tx.insert(habilitation).values(lignes);
          if (role === "candidat") {
            await tx
              .insert(candidature)
              .values(ids.map((u) => candidatureAleatoire(h, u.id, commune())));
          }
        },
      );
    }
    const departementDe = new Map(structures.map((s) => [s.id, s.departementCode]));
    // Dates of the links are set from the contracts, once they exist (genererPostesNationaux).
    await parLots(
      postes.flatMap((p) => {
        const lien = { conseillerId: p.conseillerId, debut: "2021-01-04" };
        const second =
          h.entier(0, 2) === 0 ? lieuProche(departementDe.get(p.structureId) ?? "") : null;
        return [
          { ...lien, lieuId: p.lieuId, nature: "principal" as const },
          ...(second && second.id !== p.lieuId
            ? [{ ...lien, lieuId: second.id, nature: "secondaire" as const }]
            : []),
        ];
      }),
      (lot) => tx.insert(lieuConseiller).values(lot),
    );
    await genererPostesNationaux(tx, MAINTENANT_NATIONAL);
    await journaliser(tx, acteurSysteme("job:demo-nationale", "cli"), {
      action: ACTION_COMMENCEE,
      cibleType: "plateforme",
      cibleId: "demo",
      apres: { volumes, graine },
    });
  });
}
