import { type LigneHistorique, libelleAction } from "../../domain/historique.ts";
import { LIBELLES_ROLES } from "../../domain/roles.ts";
import { dateHeure } from "./format.ts";

function auteur(h: LigneHistorique): string {
  if (h.prenom) return `${h.prenom} ${h.nom}${h.role ? ` (${LIBELLES_ROLES[h.role]})` : ""}`;
  if (h.auteur === "anonyme") return "formulaire public";
  if (h.auteur.startsWith("job:")) return "traitement automatique";
  return h.auteur.startsWith("import:") ? "import de fichier" : h.auteur;
}

/** Who did what when, newest first, as every timeline of the platform shows it. */
export function Historique({ lignes }: { lignes: LigneHistorique[] }) {
  if (lignes.length === 0) return <p>Aucun événement.</p>;
  return (
    <ol>
      {lignes.map((h) => (
        <li key={h.id}>
          <strong>{libelleAction(h.action)}</strong> – {dateHeure.format(new Date(h.le))}, par{" "}
          {auteur(h)}
        </li>
      ))}
    </ol>
  );
}
