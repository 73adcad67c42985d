import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { ReactNode } from "react";
import { Link } from "wouter";
import type { LigneContrat } from "../../domain/recrutement/api.ts";
import { STATUTS_CONTRAT, TYPES_CONTRAT } from "../../domain/recrutement/contrat.ts";
import { STATUTS_FORMATION } from "../../domain/recrutement/formation.ts";
import {
  MOTIFS_RUPTURE,
  type MotifRupture,
  STATUTS_RUPTURE,
} from "../../domain/recrutement/rupture.ts";
import { dateLongue } from "../socle/format.ts";

const jour = (d: string | null) => (d ? dateLongue.format(new Date(d)) : "—");
const ALERTES = { non_inscrite: "Non inscrite", depart_tardif: "Départ tardif" } as const;

/** Contracts with their deadlines, requests and training, for every role that follows them. */
export function TableContrats(props: {
  titre: string;
  contrats: LigneContrat[];
  avecStructure?: boolean;
  /** Readers allowed to open a person's timeline (admin, préfet, structure). */
  lienHistorique?: boolean;
  actions?: (c: LigneContrat) => ReactNode;
}) {
  return (
    <div className={fr.cx("fr-table")}>
      <table>
        <caption>{props.titre}</caption>
        <thead>
          <tr>
            <th scope="col">Personne</th>
            {props.avecStructure && <th scope="col">Structure</th>}
            <th scope="col">Contrat</th>
            <th scope="col">État</th>
            <th scope="col">Signature</th>
            <th scope="col">Formation</th>
            <th scope="col">Demandes</th>
            {props.actions && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {props.contrats.map((c) => (
            <tr key={c.id}>
              <td>
                {props.lienHistorique ? (
                  <Link href={`/espace/personnes/${c.utilisateurId}`}>
                    {c.prenom} {c.nom}
                  </Link>
                ) : (
                  `${c.prenom} ${c.nom}`
                )}
              </td>
              {props.avecStructure && (
                <td>
                  {c.structure} ({c.departementCode})
                </td>
              )}
              <td>
                {TYPES_CONTRAT[c.type]}
                {c.coordinateur ? " (coordinateur)" : ""}, du {jour(c.dateDebut)}
                {c.dateFin ? ` au ${jour(c.dateFin)}` : ""}
                {c.renouvelleContratId ? " — renouvellement" : ""}
              </td>
              <td>
                <Badge
                  small
                  severity={
                    c.statut === "actif" ? "success" : c.statut === "declare" ? "info" : undefined
                  }
                >
                  {STATUTS_CONTRAT[c.statut]}
                </Badge>
              </td>
              <td>
                {c.dateSignature ? (
                  `Signé le ${jour(c.dateSignature)}`
                ) : c.statut === "declare" ? (
                  <>
                    À signer avant le {jour(c.dateLimiteSignature)}{" "}
                    {c.signatureEnRetard && (
                      <Badge small severity="error">
                        En retard
                      </Badge>
                    )}
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td>
                {c.formation ? (
                  <>
                    {STATUTS_FORMATION[c.formation.statut]}
                    {c.formation.parcoursHeures
                      ? ` — parcours de ${c.formation.parcoursHeures} h`
                      : ""}
                    {c.formation.organisme ? ` (${c.formation.organisme})` : ""}
                    {c.formation.alertes.map((a) => (
                      <Badge key={a} small severity="warning" className={fr.cx("fr-ml-1w")}>
                        {ALERTES[a]}
                      </Badge>
                    ))}
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td>
                {c.rupture &&
                  `Rupture ${STATUTS_RUPTURE[c.rupture.statut].toLowerCase()} au ${jour(c.rupture.dateRupture)} (${MOTIFS_RUPTURE[c.rupture.motif as MotifRupture]}). `}
                {c.prolongation &&
                  `Prolongation demandée jusqu'au ${jour(c.prolongation.nouvelleDateFin)}.`}
              </td>
              {props.actions && <td>{props.actions(c)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
