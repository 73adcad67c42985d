import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import { CODES, THEMATIQUES_DEMARCHES, type TypeActivite } from "../../domain/cra/vocabulaire.ts";
import { completerSiret } from "../../domain/selection/siret.ts";
import { reconstruireRollups } from "../activite/rollups.ts";
import type { Db, Executeur } from "../db/client.ts";
import {
  candidature,
  commune,
  cra,
  habilitation,
  lieu,
  lieuConseiller,
  structure,
  utilisateur,
} from "../db/schema.ts";
import { acteurSysteme, journaliser } from "../journal/journal.ts";
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
const DUREES = [15, 30, 45, 60, 90, 120] as const;
const JOUR_MS = 86_400_000;
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

/** Spreads `total` over the keys at random; the counts always sum to `total`. */
function repartir(h: Hasard, cles: readonly string[], total: number): Record<string, number> {
  const r: Record<string, number> = {};
  for (let i = 0; i < total; i++) {
    const c = h.choisir(cles);
    r[c] = (r[c] ?? 0) + 1;
  }
  return r;
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
function candidatureAleatoire(h: Hasard, utilisateurId: string, c: CommuneSource) {
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

type Poste = {
  conseillerId: string;
  structureId: string;
  lieuId: string;
  communeCode: string;
  departementCode: string;
};

function craAleatoire(h: Hasard, p: Poste) {
  const tirage = h.entier(0, 99);
  const type: TypeActivite = tirage < 55 ? "individuel" : tirage < 70 ? "collectif" : "ponctuel";
  const nb = type === "collectif" ? h.entier(2, 15) : 1;
  const jour =
    PREMIER_JOUR + h.entier(0, Math.floor((DERNIER_JOUR - PREMIER_JOUR) / JOUR_MS)) * JOUR_MS;
  const principales = CODES.thematiques.filter((t) => !THEMATIQUES_DEMARCHES.includes(t));
  const thematiques = quelquesUns(h, principales, 1, 3);
  if (thematiques.includes("aide_aux_demarches_administratives"))
    thematiques.push(h.choisir(THEMATIQUES_DEMARCHES));
  const oriente = type !== "collectif" && h.entier(0, 9) === 0;
  const surPlace = h.entier(0, 9) < 8;
  return {
    conseillerId: p.conseillerId,
    structureId: p.structureId,
    type,
    public:
      h.entier(0, 19) === 0
        ? "association"
        : h.entier(0, 9) === 0
          ? "professionnel"
          : "particulier",
    date: new Date(jour).toISOString().slice(0, 10),
    dureeMinutes: h.choisir(DUREES),
    typeLieu: surPlace ? "lieu_activite" : h.choisir(["domicile", "a_distance", "autre"] as const),
    lieuId: surPlace ? p.lieuId : null,
    communeCode: p.communeCode,
    departementCode: p.departementCode,
    nbParticipants: nb,
    dejaAccompagnes: h.entier(0, nb),
    ages: repartir(h, CODES.ages, nb),
    statuts: repartir(h, CODES.statuts, nb),
    genres: repartir(h, CODES.genres, nb),
    thematiques,
    materiel: [h.choisir(CODES.materiels)],
    autonomie: type === "collectif" ? null : h.choisir(CODES.autonomies),
    oriente,
    structureRedirection: oriente ? h.choisir(CODES.redirections) : null,
    titreAtelier: type === "collectif" ? "Atelier découverte" : null,
    niveau: type === "collectif" ? h.choisir(CODES.niveaux) : null,
  };
}

async function insererCras(
  tx: Executeur,
  h: Hasard,
  postes: Poste[],
  nombre: number,
): Promise<void> {
  for (let fait = 0; fait < nombre; fait += TAILLE_LOT) {
    const lot = Array.from({ length: Math.min(TAILLE_LOT, nombre - fait) }, () =>
      craAleatoire(h, h.choisir(postes)),
    );
    await tx.insert(cra).values(lot);
  }
}

/**
 * National volumes for benchmarks (structures, conseillers with their places of activity,
 * candidates, places, activity reports), written through the real schema with multi-row inserts
 * in one transaction.
 */
export async function genererEchelleNationale(
  db: Db,
  options: { graine?: number; volumes?: Partial<VolumesNationaux> } = {},
): Promise<VolumesNationaux> {
  const volumes = { ...VOLUMES_NATIONAUX, ...options.volumes };
  if (volumes.cras < 0 || volumes.cras > CRAS_MAX)
    throw new Error(`Le nombre de CRA doit être compris entre 0 et ${CRAS_MAX}.`);
  const [deja] = await db
    .select({ n: count() })
    .from(utilisateur)
    .where(sql`${utilisateur.email} like ${`%@${DOMAINE}`}`);
  if ((deja?.n ?? 0) > 0)
    throw new Error("Les volumes nationaux sont déjà chargés dans cette base.");
  const h = creerHasard(options.graine ?? 2022);
  const commune = tirageParPopulation(h, await communesSources(db));

  await db.transaction(async (tx) => {
    const structures: { id: string; communeCode: string; departementCode: string }[] = [];
    await parLots(
      Array.from({ length: volumes.structures }, (_, i) => {
        const c = commune();
        return { ...structureAleatoire(h, c, 100_000 + i), ...pointAleatoire(h, c) };
      }),
      async (lot) =>
        structures.push(
          ...(await tx.insert(structure).values(lot).returning({
            id: structure.id,
            communeCode: structure.communeCode,
            departementCode: structure.departementCode,
          })),
        ),
    );
    const lieux: { id: string }[] = [];
    await parLots(
      Array.from({ length: volumes.lieux }, (_, i) => lieuAleatoire(h, commune(), i)),
      async (lot) => lieux.push(...(await tx.insert(lieu).values(lot).returning({ id: lieu.id }))),
    );

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
                lieuId: h.choisir(lieux).id,
                communeCode: employeur.communeCode,
                departementCode: employeur.departementCode,
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
    await parLots(
      postes.flatMap((p) => [
        {
          lieuId: p.lieuId,
          conseillerId: p.conseillerId,
          nature: "principal",
          debut: "2021-06-01",
        },
        ...(h.entier(0, 2) === 0
          ? [
              {
                lieuId: h.choisir(lieux).id,
                conseillerId: p.conseillerId,
                nature: "secondaire",
                debut: "2022-01-01",
              },
            ]
          : []),
      ]),
      (lot) => tx.insert(lieuConseiller).values(lot),
    );
    if (postes.length > 0) await insererCras(tx, h, postes, volumes.cras);
    await genererPostesNationaux(tx, MAINTENANT_NATIONAL);
    await reconstruireRollups(tx);
    await journaliser(tx, acteurSysteme("job:demo-nationale", "cli"), {
      action: "demo.nationale_generee",
      cibleType: "plateforme",
      cibleId: "demo",
      apres: volumes,
    });
  });
  // Planner statistics, as a production database has them (autovacuum would, later).
  await db.execute(sql`analyze`);
  return volumes;
}
