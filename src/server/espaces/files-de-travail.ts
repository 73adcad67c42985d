import type { FileDeTravail } from "../../domain/espaces.ts";
import type { Role } from "../../domain/roles.ts";
import { finDuMois, lundiDeLaSemaine } from "../../domain/temps.ts";
import { predicatPerimetre, type SessionChargee } from "../access/index.ts";
import { compterMesCra } from "../activite/index.ts";
import type { Executeur } from "../db/client.ts";
import { filtrerGrandLivre, grandLivreAuxDates } from "../financement/index.ts";
import { compterCourriels } from "../notifications/index.ts";
import { compterConseillersSuivis } from "../pilotage/index.ts";
import { compterContrats, type VueContrats } from "../recrutement/index.ts";
import { compterDemandes, compterPostes } from "../selection/index.ts";
import { colonnesPerimetreStructure } from "../structures/index.ts";

type Contexte = { db: Executeur; connexion: SessionChargee; aujourdhui: string };
/** A queue: its address may depend on the day (this week's reports). */
type File = Omit<FileDeTravail, "nombre" | "lien"> & {
  lien: string | ((c: Contexte) => string);
  compter: (c: Contexte) => Promise<number>;
};

const postes = (c: Contexte, file: "a_pourvoir" | "en_retard") =>
  compterPostes(c.db, c.connexion, { file, aujourdhui: c.aujourdhui });

const contrats = (vue: VueContrats) => (c: Contexte) =>
  compterContrats(c.db, c.connexion, { vue, aujourdhui: c.aujourdhui });

type FilesDuLivre = { aVerser: number; tropPercu: number };

/** The ledger's queues on each day asked: posts with something due, posts owing money back. */
async function filesDuGrandLivre(c: Contexte, dates: string[]): Promise<FilesDuLivre[]> {
  const livres = await grandLivreAuxDates(
    c.db,
    predicatPerimetre(c.connexion, colonnesPerimetreStructure),
    dates,
  );
  return livres.map((lignes) => ({
    aVerser: filtrerGrandLivre(lignes, { file: "a_verser" }).length,
    tropPercu: filtrerGrandLivre(lignes, { file: "trop_percu" }).length,
  }));
}

const demandesAExaminer: File = {
  cle: "demandes_a_examiner",
  libelle: "Demandes à examiner",
  lien: "/espace/demandes?statut=deposee&avis=sans&tri=anciennes",
  compter: (c) => compterDemandes(c.db, c.connexion, { statut: "deposee", avis: "sans" }),
};
const postesAPourvoir: File = {
  cle: "postes_a_pourvoir",
  libelle: "Postes à pourvoir",
  lien: "/espace/postes?file=a_pourvoir",
  compter: (c) => postes(c, "a_pourvoir"),
};
const recrutementsEnRetard: File = {
  cle: "recrutements_en_retard",
  libelle: "Recrutements en retard",
  lien: "/espace/postes?file=en_retard",
  compter: (c) => postes(c, "en_retard"),
};

/**
 * Each role's work queues: what waits for it, counted exactly in its scope, each linked to the
 * filtered list that holds it.
 */
const FILES: Partial<Record<Role, File[]>> = {
  admin: [
    {
      cle: "recrutements_a_valider",
      libelle: "Recrutements à valider",
      lien: "/espace/admin/recrutements?vue=a_valider",
      compter: contrats("a_valider"),
    },
    {
      cle: "ruptures_a_traiter",
      libelle: "Ruptures à traiter",
      lien: "/espace/admin/recrutements?vue=ruptures",
      compter: contrats("ruptures"),
    },
    {
      cle: "demandes_a_decider",
      libelle: "Demandes avisées à présenter au comité",
      lien: "/espace/demandes?statut=deposee&avis=avec&tri=anciennes",
      compter: (c) => compterDemandes(c.db, c.connexion, { statut: "deposee", avis: "avec" }),
    },
    {
      cle: "courriels_en_echec",
      libelle: "Courriels en échec",
      lien: "/espace/admin/courriels?statut=echec",
      compter: (c) => compterCourriels(c.db, { statut: "echec" }),
    },
  ],
  prefet: [
    demandesAExaminer,
    recrutementsEnRetard,
    {
      cle: "contrats_non_signes",
      libelle: "Contrats non signés dans les 15 jours",
      lien: "/espace/contrats?vue=non_signes",
      compter: contrats("non_signes"),
    },
  ],
  structure: [
    postesAPourvoir,
    {
      cle: "contrats_a_signer",
      libelle: "Contrats à signer",
      lien: "/espace/structure/recrutements?vue=a_signer",
      compter: contrats("a_signer"),
    },
    {
      cle: "echeances",
      libelle: "Contrats qui finissent dans les 3 mois",
      lien: "/espace/structure/recrutements?vue=fin_proche",
      compter: contrats("fin_proche"),
    },
  ],
  hub: [postesAPourvoir, recrutementsEnRetard],
  grand_reseau: [postesAPourvoir, recrutementsEnRetard],
  coordinateur: [
    {
      cle: "conseillers_sans_cra",
      libelle: "Conseillers sans compte rendu depuis 30 jours",
      lien: "/espace/conseillers?file=sans_cra",
      compter: (c) => compterConseillersSuivis(c.db, c.connexion, c.aujourdhui, true),
    },
  ],
  conseiller: [
    {
      cle: "cra_de_la_semaine",
      libelle: "Mes comptes rendus de la semaine",
      lien: (c) => `/espace/conseiller/cra?du=${lundiDeLaSemaine(c.aujourdhui)}`,
      compter: (c) =>
        compterMesCra(c.db, c.connexion.utilisateur.id, {
          du: lundiDeLaSemaine(c.aujourdhui),
          au: c.aujourdhui,
        }),
    },
  ],
};

/** The work queues of the active habilitation, each with its exact count. */
export async function filesDeTravail(c: Contexte): Promise<FileDeTravail[]> {
  const role = c.connexion.habilitation?.role;
  if (role === "financeur") {
    // Payments are recorded on today's situation; the month's end is the forecast to prepare.
    const [aujourdhui, finDeMois] = (await filesDuGrandLivre(c, [
      c.aujourdhui,
      finDuMois(c.aujourdhui),
    ])) as [FilesDuLivre, FilesDuLivre];
    return [
      {
        cle: "versements_dus",
        libelle: "Versements dus aujourd'hui",
        nombre: aujourdhui.aVerser,
        lien: "/espace/financeur/grand-livre?file=a_verser",
      },
      {
        cle: "versements_du_mois",
        libelle: "Versements dus d'ici la fin du mois",
        nombre: finDeMois.aVerser,
        lien: "/espace/financeur/grand-livre?file=a_verser&echeance=fin_du_mois",
      },
      {
        cle: "trop_percus",
        libelle: "Trop-perçus",
        nombre: aujourdhui.tropPercu,
        lien: "/espace/financeur/grand-livre?file=trop_percu",
      },
    ];
  }
  const files = (role && FILES[role]) ?? [];
  const resultats: FileDeTravail[] = [];
  // One after the other: a request holds one connection, whatever the pool.
  for (const { compter, lien, ...f } of files)
    resultats.push({
      ...f,
      lien: typeof lien === "string" ? lien : lien(c),
      nombre: await compter(c),
    });
  return resultats;
}
