import { z } from "zod";
import type { Erreur } from "../erreurs.ts";
import { sansAccents } from "../texte.ts";
import { ridetValide, siretValide } from "./siret.ts";

/** Most rows an import may hold: larger files are split by the operator. */
export const LIGNES_IMPORT_MAX = 10_000;

/** The committee's decision as written in files, the original's vocabulary included (docs/domaine/recrutement.md §11). */
export function issueImportee(valeur: string): "acceptee" | "refusee" | "complement" | undefined {
  const v = sansAccents(valeur).replace(/[\s_-]+/g, " ");
  if (
    [
      "acceptee",
      "accepte",
      "acceptation",
      "positif",
      "favorable",
      "validation coselec",
      "validee",
    ].includes(v)
  )
    return "acceptee";
  if (["refusee", "refuse", "refus", "negatif", "defavorable", "refus coselec"].includes(v))
    return "refusee";
  if (
    [
      "complement",
      "examen complementaire",
      "complement demande",
      "examen complementaire coselec",
    ].includes(v)
  )
    return "complement";
  return undefined;
}

/** "12" or "COSELEC 12". */
export function numeroSession(valeur: string): number | undefined {
  const m = valeur.trim().match(/^(?:coselec\s*)?(\d{1,5})$/i);
  return m ? Number(m[1]) : undefined;
}

export type LigneDecision = {
  ligne: number;
  identifiant: { siret: string } | { structureId: string };
  issue: "acceptee" | "refusee" | "complement";
  postesAccordes: number;
  numeroSession: number;
};

const uuid = z.uuid();

/**
 * Reads one row of a decision file (columns `siret` or `structure_id`, `decision`, `postes`,
 * `coselec`); every problem is reported with the row number, in French.
 */
export function lireLigneDecision(
  brute: Record<string, string | undefined>,
  ligne: number,
): { ok: true; valeur: LigneDecision } | { ok: false; erreurs: Erreur[] } {
  const erreurs: Erreur[] = [];
  const siret = (brute.siret ?? "").replace(/\s/g, "");
  const structureId = (brute.structure_id ?? "").trim();
  let identifiant: LigneDecision["identifiant"] | undefined;
  if (structureId) {
    if (uuid.safeParse(structureId).success) identifiant = { structureId };
    else
      erreurs.push({
        champ: "structure_id",
        message: "L'identifiant de structure n'est pas valide.",
      });
  } else if (siret) {
    if (siretValide(siret) || ridetValide(siret)) identifiant = { siret };
    else erreurs.push({ champ: "siret", message: `Le SIRET « ${siret} » n'est pas valide.` });
  } else {
    erreurs.push({
      champ: "siret",
      message: "Indiquez le SIRET ou l'identifiant de la structure.",
    });
  }
  const issue = issueImportee(brute.decision ?? "");
  if (!issue)
    erreurs.push({
      champ: "decision",
      message: `Décision inconnue : « ${brute.decision ?? ""} » (acceptée, refusée ou complément).`,
    });
  const numero = numeroSession(brute.coselec ?? "");
  if (numero === undefined)
    erreurs.push({
      champ: "coselec",
      message: `Numéro de session illisible : « ${brute.coselec ?? ""} ».`,
    });
  const postesTexte = (brute.postes ?? "").trim();
  const postes = postesTexte === "" ? 0 : Number(postesTexte);
  if (issue === "acceptee" && (!Number.isInteger(postes) || postes < 1 || postes > 50)) {
    erreurs.push({
      champ: "postes",
      message: "Une décision acceptée accorde entre 1 et 50 postes.",
    });
  }
  if (issue && issue !== "acceptee" && postes !== 0) {
    erreurs.push({ champ: "postes", message: "Seule une décision acceptée accorde des postes." });
  }
  if (erreurs.length || !identifiant || !issue || numero === undefined)
    return { ok: false, erreurs };
  return {
    ok: true,
    valeur: {
      ligne,
      identifiant,
      issue,
      postesAccordes: issue === "acceptee" ? postes : 0,
      numeroSession: numero,
    },
  };
}
