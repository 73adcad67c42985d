import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "wouter";
import type { AtelierPublic } from "../../domain/ateliers/api.ts";
import { dateHeure } from "../socle/format.ts";
import { resumePage } from "../socle/PaginationUrl.tsx";

type Ligne = AtelierPublic & { annuleLe: string | null; animePar?: string };

/** A page of workshops as their organisers read it: when, what, where, how full. */
export function TableAteliers(props: {
  donnees: { total: number; page: number; taillePage: number; ateliers: Ligne[] };
  lien: (id: string) => string;
  /** A structure's list says which of its conseillers runs each one. */
  avecAnimateur?: boolean;
}) {
  return (
    <div className={fr.cx("fr-table")}>
      <table>
        <caption>{resumePage(props.donnees, "atelier", "ateliers")}</caption>
        <thead>
          <tr>
            <th scope="col">Début</th>
            <th scope="col">Atelier</th>
            {props.avecAnimateur && <th scope="col">Animé par</th>}
            <th scope="col">Lieu</th>
            <th scope="col">Places prises</th>
            <th scope="col">En attente</th>
          </tr>
        </thead>
        <tbody>
          {props.donnees.ateliers.map((a) => (
            <tr key={a.id}>
              <td>{dateHeure.format(new Date(a.debut))}</td>
              <td>
                <Link href={props.lien(a.id)}>{a.titre}</Link>
                {a.annuleLe && " (annulé)"}
              </td>
              {props.avecAnimateur && <td>{a.animePar}</td>}
              <td>{a.lieu.nom}</td>
              <td>
                {a.capacite - a.placesRestantes} sur {a.capacite}
              </td>
              <td>{a.enAttente}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
