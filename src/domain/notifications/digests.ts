import { eurosFr, jourFr } from "../format.ts";
import type { Role } from "../roles.ts";

/** The daily digests (docs/architecture.md, « Tâches de fond »): who gets each, and what it says. */
export const DIGESTS = {
  prefet: {
    libelle: "Récapitulatif quotidien de la préfecture",
    description:
      "Les nouvelles demandes de postes de votre territoire et les échéances dépassées (recrutements, signatures).",
    roles: ["prefet"] as readonly Role[],
  },
  structure: {
    libelle: "Récapitulatif quotidien de la structure",
    description:
      "Les échéances de recrutement et de signature de vos postes, et les versements de la subvention.",
    roles: ["structure"] as readonly Role[],
  },
} as const;
export type CodeDigest = keyof typeof DIGESTS;
export const CODES_DIGESTS = Object.keys(DIGESTS) as CodeDigest[];

/** The digests a person may receive, given the roles of their active habilitations. */
export function digestsPour(roles: readonly Role[]): CodeDigest[] {
  return CODES_DIGESTS.filter((c) => DIGESTS[c].roles.some((r) => roles.includes(r)));
}

export type FaitsPrefet = {
  nouvellesDemandes: { structure: string; departementCode: string; postes: number }[];
  demandesEnAttenteAvis: number;
  recrutementsEnRetard: number;
  contratsNonSignesEnRetard: number;
};

const pluriel = (n: number, un: string, plusieurs: string) => `${n} ${n > 1 ? plusieurs : un}`;

/** The préfet's digest, or null when there is nothing new nor overdue (no empty mail). */
export function texteDigestPrefet(f: FaitsPrefet, url: string): string | null {
  const rien =
    f.nouvellesDemandes.length === 0 &&
    f.recrutementsEnRetard === 0 &&
    f.contratsNonSignesEnRetard === 0;
  if (rien) return null;
  const lignes = ["Bonjour,", ""];
  if (f.nouvellesDemandes.length > 0) {
    lignes.push(
      `${pluriel(f.nouvellesDemandes.length, "nouvelle demande de postes a été déposée", "nouvelles demandes de postes ont été déposées")} depuis hier :`,
      ...f.nouvellesDemandes
        .slice(0, 20)
        .map(
          (d) =>
            `- ${d.structure} (${d.departementCode}) : ${pluriel(d.postes, "poste", "postes")}`,
        ),
    );
    if (f.nouvellesDemandes.length > 20)
      lignes.push(`- et ${f.nouvellesDemandes.length - 20} autres.`);
    lignes.push("");
  }
  lignes.push(
    `Demandes en attente de votre avis : ${f.demandesEnAttenteAvis}.`,
    `Postes vacants au-delà du délai d'un mois : ${f.recrutementsEnRetard}.`,
    `Contrats non signés au-delà de 15 jours : ${f.contratsNonSignesEnRetard}.`,
    "",
    `Votre tableau de bord : ${url}/espace/prefet`,
    `Choisir les récapitulatifs que vous recevez : ${url}/espace/notifications`,
  );
  return lignes.join("\n");
}

export type FaitsStructure = {
  structure: string;
  postesAPourvoir: { echeance: string }[];
  signaturesAttendues: { personne: string; echeance: string }[];
  versements: { montantCents: number; date: string; nature: string }[];
};

/** The structure's digest, or null when no deadline is near and nothing was paid. */
export function texteDigestStructure(
  f: FaitsStructure,
  aujourdhui: string,
  url: string,
): string | null {
  if (
    f.postesAPourvoir.length === 0 &&
    f.signaturesAttendues.length === 0 &&
    f.versements.length === 0
  )
    return null;
  const lignes = ["Bonjour,", ""];
  for (const p of f.postesAPourvoir)
    lignes.push(
      p.echeance < aujourdhui
        ? `- Un poste devait être pourvu au plus tard le ${jourFr(p.echeance)} : le délai est dépassé.`
        : `- Un poste est à pourvoir au plus tard le ${jourFr(p.echeance)}.`,
    );
  for (const s of f.signaturesAttendues)
    lignes.push(
      s.echeance < aujourdhui
        ? `- Le contrat de ${s.personne} devait être signé au plus tard le ${jourFr(s.echeance)}.`
        : `- Le contrat de ${s.personne} est à signer au plus tard le ${jourFr(s.echeance)}.`,
    );
  for (const v of f.versements)
    lignes.push(
      `- La Banque des Territoires a enregistré un versement de ${eurosFr(v.montantCents)} le ${jourFr(v.date)} (${v.nature}).`,
    );
  lignes.push(
    "",
    `Votre espace : ${url}/espace/structure`,
    `Choisir les récapitulatifs que vous recevez : ${url}/espace/notifications`,
  );
  return lignes.join("\n");
}
