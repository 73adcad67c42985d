import type { Accompagnement } from "../../domain/beneficiaires/api.ts";
import { type FicheLue, lignesDeFiche } from "../../domain/beneficiaires/fiche.ts";
import {
  THEMATIQUES,
  type Thematique,
  TYPES_ACTIVITE,
  TYPES_LIEU,
} from "../../domain/cra/vocabulaire.ts";
import { jourFr } from "../../domain/format.ts";
import { documentPdf, textePdf } from "../http/pdf.ts";

/**
 * Everything the platform holds about a followed person, as the right of access asks it
 * (docs/domaine/beneficiaires.md §8): every field, the information given, every accompaniment.
 */
export function contenuDonnees(
  f: FicheLue & { informeLe: Date | string },
  accompagnements: readonly Accompagnement[],
): { titre: string; lignes: string[] }[] {
  const informe = new Date(f.informeLe).toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" });
  return [
    { titre: "Fiche", lignes: lignesDeFiche(f).map((l) => `${l.libelle} : ${l.valeur}`) },
    {
      titre: "Information et accord",
      lignes: [
        `Informée de l'usage de ses données le ${informe}, par le conseiller numérique qui l'a enregistrée.`,
        "Ces données servent uniquement à suivre ses accompagnements ; elles ne sont lues que par ce conseiller, et par ses collègues de la structure si elle l'a accepté.",
      ],
    },
    {
      titre: `Accompagnements (${accompagnements.length})`,
      lignes:
        accompagnements.length === 0
          ? ["Aucun."]
          : accompagnements.map(
              (a) =>
                `${jourFr(a.date)} – ${TYPES_ACTIVITE[a.type]}, ${a.dureeMinutes} min – ${a.thematiques
                  .map((t) => THEMATIQUES[t as Thematique] ?? t)
                  .join(", ")} – ${a.lieu ?? TYPES_LIEU[a.typeLieu]} – ${a.conseiller}`,
            ),
    },
  ];
}

/** The document handed to the person: their data, who exported it and when. */
export function donneesPdf(
  f: FicheLue & { informeLe: Date | string },
  accompagnements: readonly Accompagnement[],
  entete: { auteur: string; le: Date },
): Promise<Buffer> {
  const titre = `Données personnelles de ${f.prenom ? `${f.prenom} ${f.nom}` : f.nom}`;
  return documentPdf(titre, (doc) => {
    doc.font("gras").fontSize(16).text(textePdf(titre));
    doc
      .font("normal")
      .fontSize(9)
      .moveDown(0.5)
      .text(
        textePdf(
          `Conseillers numériques France Services – exporté par ${entete.auteur} le ${entete.le.toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" })}`,
        ),
      );
    for (const section of contenuDonnees(f, accompagnements)) {
      doc.moveDown().font("gras").fontSize(12).text(textePdf(section.titre));
      doc.font("normal").fontSize(10);
      for (const l of section.lignes) doc.text(textePdf(l));
    }
  });
}
