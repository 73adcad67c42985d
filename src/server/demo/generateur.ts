import { and, count, eq, inArray } from "drizzle-orm";
import type { Perimetre } from "../../domain/perimetre.ts";
import { completerSiret } from "../../domain/selection/siret.ts";
import type { Db, Executeur } from "../db/client.ts";
import { ami, commune, habilitation, structure, utilisateur } from "../db/schema.ts";
import { acteurSysteme, journaliser } from "../infra/journal.ts";
import { genererActiviteDemo } from "./activite-demo.ts";
import { genererCarteDemo } from "./carte-demo.ts";
import { creerHasard, type Hasard } from "./hasard.ts";
import { chargerNouvelleAquitaine } from "./nouvelle-aquitaine.ts";
import { chargerPasDeCalais } from "./pas-de-calais.ts";
import { NOMS, PERSONAS, PRENOMS, STRUCTURES_DEMO } from "./personas.ts";
import { genererRecrutementDemo, STRUCTURE_QUI_RECRUTE } from "./recrutement-demo.ts";

const GRAINE_DEFAUT = 2021;
/** Extra structures of the demo territory, by département: Pas-de-Calais, Nord and Nouvelle-Aquitaine. */
const STRUCTURES_SUPPLEMENTAIRES: Record<string, number> = {
  "62": 40,
  "59": 25,
  "87": 20,
  "19": 12,
  "23": 8,
  "33": 15,
};

export function structureAleatoire(
  h: Hasard,
  c: { code: string; nom: string; departementCode: string; regionCode: string },
  i: number,
) {
  const publique = h.entier(0, 99) < 64; // 64 % of Nouvelle-Aquitaine's conseillers are in public structures
  const typeJuridique = publique
    ? h.choisir(["commune", "commune", "epci", "ccas"] as const)
    : h.choisir(["association", "association", "entreprise_ess"] as const);
  const noms: Record<string, string> = {
    commune: `Commune de ${c.nom}`,
    epci: `Communauté de communes de ${c.nom}`,
    ccas: `CCAS de ${c.nom}`,
    association: `Association ${h.choisir(["Numérique pour tous", "Les Connectés", "Clic Solidaire", "Inclusion & Co"])} – ${c.nom}`,
    entreprise_ess: `Coopérative ${h.choisir(["Tiers-Lieu", "Fabrique Numérique", "Espace Partagé"])} de ${c.nom}`,
  };
  return {
    nom: noms[typeJuridique]!,
    siret: completerSiret(String(1_000_000_000_000 + i * 7919).slice(0, 13)),
    typeJuridique: typeJuridique === "ccas" ? "autre_collectivite" : typeJuridique,
    secteur: publique ? "public" : "prive",
    communeCode: c.code,
    departementCode: c.departementCode,
    regionCode: c.regionCode,
  };
}

async function communesDe(tx: Executeur, departements: string[]) {
  return tx
    .select({
      code: commune.code,
      nom: commune.nom,
      departementCode: commune.departementCode,
      regionCode: commune.regionCode,
    })
    .from(commune)
    .where(
      and(inArray(commune.departementCode, departements), eq(commune.type, "commune-actuelle")),
    )
    .orderBy(commune.code);
}

/**
 * Loads the demo territory (Pas-de-Calais with the arrondissement of Béthune, Nord and
 * Nouvelle-Aquitaine) and one persona per role, once: a database with users is left alone.
 */
export async function genererDemo(
  db: Db,
  options: {
    graine?: number;
    maintenant?: Date;
    /** Months of reports of the conseiller persona; tests start from an empty history. */
    avecActivite?: boolean;
    /** The committee decisions of docs/domaine/programme.md §7 (Pas-de-Calais, Nouvelle-Aquitaine); tests load them when they need them. */
    avecDecisions?: boolean;
  } = {},
): Promise<{ genere: boolean }> {
  const [deja] = await db.select({ n: count() }).from(utilisateur);
  if ((deja?.n ?? 0) > 0) return { genere: false };
  const h = creerHasard(options.graine ?? GRAINE_DEFAUT);
  // Every date of the demo follows one "now": tests and benchmarks pass their clock's.
  const maintenant = options.maintenant ?? new Date();
  // The demo's people existed before its "today": what is created today lists first.
  const veille = new Date(maintenant.getTime() - 86_400_000);

  await db.transaction(async (tx) => {
    const departements = [
      ...new Set([
        ...STRUCTURES_DEMO.map((s) => s.departement),
        ...Object.keys(STRUCTURES_SUPPLEMENTAIRES),
      ]),
    ];
    const communes = await communesDe(tx, departements);
    const idsStructures = new Map<string, string>();
    for (const s of STRUCTURES_DEMO) {
      const c = communes.find((x) => x.nom === s.commune && x.departementCode === s.departement);
      if (!c)
        throw new Error(`Commune de démonstration introuvable : ${s.commune} (${s.departement})`);
      const [ligne] = await tx
        .insert(structure)
        .values({
          nom: s.nom,
          siret: s.siret,
          typeJuridique: s.typeJuridique,
          secteur: s.secteur,
          communeCode: c.code,
          departementCode: c.departementCode,
          regionCode: c.regionCode,
          reseau: s.reseau ?? null,
        })
        .returning({ id: structure.id });
      idsStructures.set(s.cle, ligne!.id);
    }
    let n = 0;
    const supplementaires = Object.entries(STRUCTURES_SUPPLEMENTAIRES).flatMap(([dep, nombre]) => {
      const locales = communes.filter((c) => c.departementCode === dep);
      return Array.from({ length: nombre }, () => structureAleatoire(h, h.choisir(locales), ++n));
    });
    const creees = await tx
      .insert(structure)
      .values(supplementaires)
      .returning({ id: structure.id, departementCode: structure.departementCode });

    // The two historical calls, still open to applications "au fil de l'eau".
    await tx.insert(ami).values([
      {
        titre: "AMI Conseillers numériques France Services – collectivités et groupements",
        ouverture: "2020-11-17",
        cloture: null,
        typesEligibles: ["commune", "epci", "departement", "region", "autre_collectivite", "gip"],
        statut: "ouvert",
      },
      {
        titre: "AMI Conseillers numériques France Services – structures privées",
        ouverture: "2021-03-01",
        cloture: null,
        typesEligibles: ["association", "entreprise_ess", "autre_prive"],
        statut: "ouvert",
      },
    ]);

    const idsPersonas = new Map<string, string>();
    for (const p of PERSONAS) {
      const [u] = await tx
        .insert(utilisateur)
        .values({
          email: p.email,
          prenom: p.prenom,
          nom: p.nom,
          invitationAccepteeLe: veille,
          creeLe: veille,
        })
        .returning({ id: utilisateur.id });
      idsPersonas.set(p.email, u!.id);
      for (const [rang, hab] of p.habilitations.entries()) {
        const perimetre: Perimetre =
          "cle" in hab.perimetre
            ? { type: "structure", structureId: idsStructures.get(hab.perimetre.cle)! }
            : hab.perimetre;
        const structureId =
          perimetre.type === "structure"
            ? perimetre.structureId
            : hab.role === "conseiller"
              ? idsStructures.get(STRUCTURE_QUI_RECRUTE)!
              : null;
        await tx
          .insert(habilitation)
          // The first habilitation listed is the one the persona lands on.
          .values({
            utilisateurId: u!.id,
            role: hab.role,
            perimetre,
            structureId,
            creeLe: new Date(Date.UTC(2021, 0, 1) + rang * 1000),
          });
      }
    }

    // Conseillers and candidates around the personas, so that lists and perimeters are not empty.
    const employeurs = [...idsStructures.values(), ...creees.map((c) => c.id)];
    const conseillers = Array.from({ length: 60 }, (_, i) =>
      personneAleatoire(h, "conseiller", i, veille),
    );
    const candidats = Array.from({ length: 80 }, (_, i) =>
      personneAleatoire(h, "candidat", i, veille),
    );
    const ids = await tx
      .insert(utilisateur)
      .values([...conseillers, ...candidats])
      .returning({ id: utilisateur.id, email: utilisateur.email });
    await tx.insert(habilitation).values(
      ids.map((u) => {
        const estConseiller = u.email.startsWith("conseiller.");
        return {
          utilisateurId: u.id,
          role: estConseiller ? "conseiller" : "candidat",
          perimetre: { type: "soi" } as const,
          structureId: estConseiller ? h.choisir(employeurs) : null,
        };
      }),
    );
    await genererRecrutementDemo(tx, h, {
      maintenant,
      idsStructures,
      communes,
      candidats: ids.filter((u) => u.email.startsWith("candidat.")),
      personaCandidat: idsPersonas.get(
        PERSONAS.find((p) => p.email.startsWith("candidat@"))!.email,
      )!,
      emailContact: PERSONAS.find((p) => p.email.startsWith(`structure.${STRUCTURE_QUI_RECRUTE}@`))!
        .email,
      personaConseiller: idsPersonas.get(
        PERSONAS.find((p) => p.email.startsWith("conseiller@"))!.email,
      )!,
    });
    await genererCarteDemo(tx, h, {
      communes,
      conseillers: ids.filter((u) => u.email.startsWith("conseiller.")).map((u) => u.id),
      maintenant,
    });
    if (options.avecActivite ?? true) {
      await genererActiviteDemo(tx, h, {
        conseillerId: idsPersonas.get(
          PERSONAS.find((p) => p.email.startsWith("conseiller@"))!.email,
        )!,
        maintenant,
        nombre: 240,
      });
    }
    await journaliser(tx, acteurSysteme("job:demo", "cli"), {
      action: "demo.generee",
      cibleType: "plateforme",
      cibleId: "demo",
      apres: {
        structures: STRUCTURES_DEMO.length + supplementaires.length,
        personas: PERSONAS.length,
        conseillers: conseillers.length,
        candidats: candidats.length,
      },
    });
  });
  if (options.avecDecisions ?? true) {
    await chargerPasDeCalais(db, maintenant);
    await chargerNouvelleAquitaine(db, maintenant);
  }
  return { genere: true };
}

export function personneAleatoire(
  h: Hasard,
  role: "conseiller" | "candidat",
  i: number,
  maintenant: Date,
  domaine = "demo.conseiller-numerique.fr",
) {
  const prenom = h.choisir(PRENOMS);
  const nom = h.choisir(NOMS);
  return {
    email: `${role}.${String(i + 1).padStart(6, "0")}@${domaine}`,
    prenom,
    nom,
    creeLe: maintenant,
    invitationAccepteeLe: role === "conseiller" ? maintenant : null,
  };
}
