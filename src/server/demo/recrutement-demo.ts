import { and, asc, eq, isNull } from "drizzle-orm";
import type { StatutCandidature } from "../../domain/recrutement/candidature.ts";
import { DISTANCES_MAX_KM, type Situation } from "../../domain/recrutement/candidature.ts";
import { dateLimiteSignature } from "../../domain/recrutement/contrat.ts";
import { dateLimiteRecrutement } from "../../domain/selection/subvention.ts";
import { ajouterJours, jourParis } from "../../domain/temps.ts";
import type { Executeur } from "../db/client.ts";
import {
  ami,
  candidature,
  contrat,
  decisionComite,
  demandePostes,
  formation,
  lieu,
  lieuConseiller,
  organismeFormation,
  poste,
  regleSubvention,
  structure,
} from "../db/schema.ts";
import type { Hasard } from "./hasard.ts";
import { COORDONNEES_DEMO, STRUCTURES_DEMO } from "./personas.ts";

type CommuneDemo = { code: string; nom: string; departementCode: string; regionCode: string };

const SITUATIONS_DEMO: Situation[][] = [
  ["demandeur_emploi"],
  ["demandeur_emploi", "experience_mediation"],
  ["en_emploi"],
  ["en_formation"],
  ["diplome_mediation"],
  ["en_emploi", "experience_mediation"],
];

/** The demo structure with posts: its gestionnaire persona sees a pool, its conseiller a contract. */
export const STRUCTURE_QUI_RECRUTE = "pimms";

/**
 * The recruitment side of the demo, relative to the day it is generated: PIMMS holds three
 * posts granted ten days ago (one filled by the conseiller persona, two to recruit), and
 * candidates live around the demo towns so that its pool is not empty.
 */
export async function genererRecrutementDemo(
  tx: Executeur,
  h: Hasard,
  params: {
    maintenant: Date;
    idsStructures: Map<string, string>;
    communes: CommuneDemo[];
    candidats: { id: string }[];
    personaCandidat: string;
    personaConseiller: string;
    /** The structure persona: reminders of the deadlines reach it. */
    emailContact: string;
  },
): Promise<void> {
  const aujourdhui = jourParis(params.maintenant);
  const villes = STRUCTURES_DEMO.map((s) => ({
    commune: params.communes.find(
      (c) => c.nom === s.commune && c.departementCode === s.departement,
    )!,
    point: COORDONNEES_DEMO[s.commune]!,
  }));
  for (const s of STRUCTURES_DEMO) {
    const [latitude, longitude] = COORDONNEES_DEMO[s.commune]!;
    const contact =
      s.cle === STRUCTURE_QUI_RECRUTE
        ? {
            contactPrenom: "Yasmine",
            contactNom: "Carpentier",
            contactFonction: "Directrice",
            contactEmail: params.emailContact,
          }
        : {};
    await tx
      .update(structure)
      .set({ latitude, longitude, ...contact })
      .where(eq(structure.id, params.idsStructures.get(s.cle)!));
  }

  const candidature_ = (
    utilisateurId: string,
    i: number,
    statut: StatutCandidature,
  ): typeof candidature.$inferInsert => {
    // Two candidates in three near the Béthune area, the others anywhere in the demo towns.
    const ville = i % 3 === 2 ? h.choisir(villes) : h.choisir(villes.slice(0, 9));
    const situations = h.choisir(SITUATIONS_DEMO);
    return {
      utilisateurId,
      statut,
      creeLe: params.maintenant,
      modifieLe: params.maintenant,
      telephone: `06${String(10_000_000 + i * 7_919).slice(0, 8)}`,
      communeCode: ville.commune.code,
      departementCode: ville.commune.departementCode,
      regionCode: ville.commune.regionCode,
      latitude: ville.point[0] + h.entier(-300, 300) / 10_000,
      longitude: ville.point[1] + h.entier(-300, 300) / 10_000,
      situations,
      diplome: situations.includes("diplome_mediation") ? "Titre professionnel REMN" : null,
      dateDisponibilite: ajouterJours(aujourdhui, -h.entier(0, 60)),
      distanceMaxKm: h.choisir(DISTANCES_MAX_KM.filter((d) => d >= 10)),
      motivation:
        "Je souhaite accompagner les habitants de mon territoire vers l'autonomie numérique.",
      pix:
        h.entier(0, 2) === 0
          ? { "1.1": h.entier(2, 6), "4.1": h.entier(2, 6), "4.2": h.entier(2, 6) }
          : null,
    };
  };
  await tx.insert(candidature).values([
    {
      ...candidature_(params.personaCandidat, 1, "disponible"),
      communeCode: villes[2]!.commune.code,
      latitude: 50.52,
      longitude: 2.65,
      distanceMaxKm: 20,
      situations: ["demandeur_emploi", "experience_mediation"],
      pix: { "1.1": 4, "4.1": 3, "4.2": 5 },
    },
    ...params.candidats.map((c, i) =>
      candidature_(c.id, i + 2, h.entier(0, 9) === 0 ? "indisponible" : "disponible"),
    ),
  ]);

  // An accepted application, three posts granted ten days ago.
  const recruteur = params.idsStructures.get(STRUCTURE_QUI_RECRUTE)!;
  const attribution = ajouterJours(aujourdhui, -10);
  const [appel] = await tx.select().from(ami).orderBy(asc(ami.ouverture)).limit(1);
  const [demande] = await tx
    .insert(demandePostes)
    .values({
      structureId: recruteur,
      amiId: appel!.id,
      nature: "initiale",
      statut: "acceptee",
      postesDemandes: 3,
      dateDebutSouhaitee: attribution,
      motivation: "Trois conseillers pour nos points d'accueil de Lens, Liévin et Hénin-Beaumont.",
    })
    .returning({ id: demandePostes.id });
  const [decision] = await tx
    .insert(decisionComite)
    .values({ demandeId: demande!.id, issue: "acceptee", postesAccordes: 3 })
    .returning({ id: decisionComite.id });
  const [regle] = await tx
    .select()
    .from(regleSubvention)
    .where(and(eq(regleSubvention.secteur, "public"), isNull(regleSubvention.applicableAu)))
    .limit(1);
  const postes = await tx
    .insert(poste)
    .values(
      [0, 1, 2].map(() => ({
        structureId: recruteur,
        decisionId: decision!.id,
        secteur: "public",
        regleSubventionId: regle?.id ?? null,
        plafondCents: regle?.montantCents ?? 5_000_000,
        dureeMois: regle?.dureeMois ?? 24,
        dateAttribution: attribution,
        dateLimiteRecrutement: dateLimiteRecrutement(attribution),
      })),
    )
    .returning({ id: poste.id });

  // The conseiller persona holds the first post under an active contract, in training.
  const debut = ajouterJours(aujourdhui, -120);
  const [candidatureConseiller] = await tx
    .insert(candidature)
    .values({
      ...candidature_(params.personaConseiller, 0, "en_poste"),
      communeCode: villes[2]!.commune.code,
    })
    .returning({ id: candidature.id });
  const [actif] = await tx
    .insert(contrat)
    .values({
      utilisateurId: params.personaConseiller,
      candidatureId: candidatureConseiller!.id,
      structureId: recruteur,
      posteId: postes[0]!.id,
      type: "cdd",
      dateDebut: debut,
      dateFin: ajouterJours(debut, 730),
      salaireBrutMensuelCents: 170_000,
      heuresHebdo: 35,
      dateDeclaration: ajouterJours(debut, -20),
      dateLimiteSignature: dateLimiteSignature(ajouterJours(debut, -20)),
      dateSignature: ajouterJours(debut, -10),
      statut: "actif",
    })
    .returning({ id: contrat.id });
  await tx.update(poste).set({ statut: "pourvu" }).where(eq(poste.id, postes[0]!.id));
  // Her main place of activity is the PIMMS's own address.
  const pimms = villes[0]!;
  const [accueil] = await tx
    .insert(lieu)
    .values({
      pivot: STRUCTURES_DEMO[0]!.siret,
      nom: "PIMMS Médiation Artois-Gohelle",
      adresse: "12 place Jean Jaurès",
      codePostal: "62300",
      communeCode: pimms.commune.code,
      departementCode: pimms.commune.departementCode,
      regionCode: pimms.commune.regionCode,
      latitude: pimms.point[0],
      longitude: pimms.point[1],
      services: [
        "Aide aux démarches administratives",
        "Maîtrise des outils numériques du quotidien",
      ],
      horaires: "Mo-Fr 09:00-12:00,14:00-17:00",
      dispositifProgrammesNationaux: ["Conseillers numériques"],
      dateMaj: aujourdhui,
    })
    .returning({ id: lieu.id });
  await tx.insert(lieuConseiller).values({
    lieuId: accueil!.id,
    conseillerId: params.personaConseiller,
    nature: "principal",
    debut,
  });
  const [organisme] = await tx.select().from(organismeFormation).limit(1);
  await tx.insert(formation).values({
    contratId: actif!.id,
    utilisateurId: params.personaConseiller,
    organismeFormationId: organisme?.id ?? null,
    modalite: "presentiel",
    statut: "en_cours",
    dateInscription: ajouterJours(debut, -8),
    datePositionnement: ajouterJours(debut, -5),
    parcoursHeures: 280,
    dateDebutPrevue: ajouterJours(debut, 2),
    dateFinPrevue: ajouterJours(debut, 200),
    dateDebutReelle: ajouterJours(debut, 2),
    heuresRealisees: 140,
  });
}
