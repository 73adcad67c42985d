import type { LignePersonnes, LigneRepartition } from "../../domain/cra/statistiques.ts";
import { documentPdf, textePdf } from "../http/pdf.ts";
import type { Colonne } from "../infra/export.ts";
import type { StatistiquesPeriode } from "./statistiques-queries.ts";

type LigneExport = {
  rubrique: string;
  valeur: string;
  activites: number | null;
  accompagnements: number | null;
  part: number | null;
};

const TITRES: Record<string, string> = {
  type: "Types d'activité",
  public: "Publics",
  lieu: "Lieux",
  duree: "Durées",
  thematique: "Thématiques",
  materiel: "Matériel",
  autonomie: "Autonomie",
  niveau: "Niveau des ateliers",
  orientation: "Orientations",
  age: "Tranches d'âge",
  statut: "Statuts",
  genre: "Genres",
};

/** The figures of a statistics page as one flat table, both units named (docs/domaine/cra.md §6). */
export function lignesStatistiques(s: StatistiquesPeriode): LigneExport[] {
  const t = s.totaux;
  const total = (valeur: string, n: number): LigneExport => ({
    rubrique: "Totaux",
    valeur,
    activites: null,
    accompagnements: n,
    part: null,
  });
  return [
    {
      rubrique: "Totaux",
      valeur: "Activités",
      activites: t.activites,
      accompagnements: null,
      part: null,
    },
    total("Accompagnements", t.accompagnements),
    total("Déjà accompagnés", t.dejaAccompagnes),
    total("Nouvelles personnes", t.nouvellesPersonnes),
    total("Heures d'accompagnement", t.dureeHeures),
    total("Orientations", t.orientations),
    ...Object.entries(s.repartitions).flatMap(([d, lignes]) =>
      (lignes as LigneRepartition[]).map((l) => ({
        rubrique: TITRES[d] ?? d,
        valeur: l.libelle,
        activites: l.activites,
        accompagnements: l.accompagnements,
        part: l.partAccompagnements,
      })),
    ),
    ...Object.entries(s.personnes).flatMap(([d, lignes]) =>
      (lignes as LignePersonnes[]).map((l) => ({
        rubrique: TITRES[d] ?? d,
        valeur: l.libelle,
        activites: null,
        accompagnements: l.personnes,
        part: l.part,
      })),
    ),
    ...s.parMois.map((m) => ({
      rubrique: "Par mois",
      valeur: m.mois,
      activites: m.activites,
      accompagnements: m.accompagnements,
      part: null,
    })),
  ];
}

export const COLONNES_EXPORT: Colonne<LigneExport>[] = [
  { titre: "Rubrique", valeur: (l) => l.rubrique },
  { titre: "Valeur", valeur: (l) => l.valeur },
  { titre: "Activités", valeur: (l) => l.activites },
  {
    titre: "Accompagnements (personnes pour les répartitions de personnes)",
    valeur: (l) => l.accompagnements,
  },
  { titre: "Part (%)", valeur: (l) => l.part },
];

/** The report's layout on an A4 page (points): text on the left, bars on the right. */
const GAUCHE = 50;
const BARRES = 360;
const LARGEUR_BARRES = 185;
const BLEU_FRANCE = "#000091";

const nombre = (n: number) => textePdf(n.toLocaleString("fr-FR"));

/**
 * A report rendered on the server from the figures, no browser involved (the original printed
 * a web page in a remote headless browser and timed out).
 */
export function rapportPdf(
  s: StatistiquesPeriode,
  entete: { titre: string; perimetre: string; auteur: string; le: Date },
): Promise<Buffer> {
  return documentPdf(entete.titre, (doc) => {
    doc.fontSize(16).text(entete.titre);
    doc
      .fontSize(10)
      .moveDown(0.5)
      .text(`Périmètre : ${entete.perimetre}`)
      .text(
        `Période : du ${s.periode.du.split("-").reverse().join("/")} au ${s.periode.au.split("-").reverse().join("/")}`,
      )
      .text(
        `Exporté par ${entete.auteur} le ${entete.le.toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" })}`,
      )
      .moveDown();
    doc
      .fontSize(9)
      .text(
        "Une activité est un compte rendu ; un accompagnement est une personne dans une activité (un atelier de 10 compte 10 accompagnements).",
      )
      .moveDown();
    // Each line carries its bar, as long as its figure against the largest of its section:
    // the report's charts, with their figures written next to them.
    const lignes = lignesStatistiques(s);
    const valeur = (l: LigneExport) => l.accompagnements ?? l.activites ?? 0;
    const maxima = new Map<string, number>();
    for (const l of lignes)
      maxima.set(l.rubrique, Math.max(maxima.get(l.rubrique) ?? 0, valeur(l)));
    let rubrique = "";
    for (const l of lignes) {
      if (l.rubrique !== rubrique) {
        rubrique = l.rubrique;
        doc.moveDown(0.5).fontSize(12).text(rubrique, GAUCHE).fontSize(9);
      }
      const parts = [
        l.activites !== null
          ? `${nombre(l.activites)} ${l.activites > 1 ? "activités" : "activité"}`
          : null,
        l.accompagnements !== null ? nombre(l.accompagnements) : null,
        l.part !== null ? `${nombre(l.part)} %` : null,
      ].filter(Boolean);
      const y = doc.y;
      const max = maxima.get(l.rubrique) ?? 0;
      if (max > 0 && valeur(l) > 0)
        doc
          .rect(BARRES, y + 1, Math.max(1, (LARGEUR_BARRES * valeur(l)) / max), 7)
          .fill(BLEU_FRANCE)
          .fillColor("black");
      doc.text(`${l.valeur} : ${parts.join(" · ")}`, GAUCHE, y, { width: BARRES - GAUCHE - 10 });
    }
  });
}
