import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "wouter";
import type { FicheBeneficiaire } from "../../domain/beneficiaires/api.ts";
import { lignesDeFiche } from "../../domain/beneficiaires/fiche.ts";
import {
  THEMATIQUES,
  type Thematique,
  TYPES_ACTIVITE,
  TYPES_LIEU,
} from "../../domain/cra/vocabulaire.ts";
import { jourFr, quantite } from "../../domain/format.ts";
import { dateHeure } from "../socle/format.ts";
import { nomComplet, useSemblables } from "./PersonnesSemblables.tsx";

function Doublons({ fiche }: { fiche: FicheBeneficiaire }) {
  const semblables = useSemblables({
    prenom: fiche.prenom ?? "",
    nom: fiche.nom,
    telephone: fiche.telephone ?? "",
    email: fiche.email ?? "",
    sauf: fiche.id,
  });
  if (semblables.length === 0) return null;
  return (
    <section className={fr.cx("fr-mt-4w")} aria-labelledby="doublons-titre">
      <h2 id="doublons-titre" className={fr.cx("fr-h4")}>
        Doublons possibles
      </h2>
      <p>Ces fiches ressemblent à celle-ci. S'il s'agit de la même personne, fusionnez-les.</p>
      <ul>
        {semblables.map((s) => (
          <li key={s.id}>
            <Link href={`/espace/conseiller/personnes/${s.id}`}>{nomComplet(s)}</Link>
            {s.commune ? ` (${s.commune})` : ""} –{" "}
            <Link href={`/espace/conseiller/personnes/${fiche.id}/fusion/${s.id}`}>
              Comparer et fusionner avec {nomComplet(s)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A person's details, who informed them and when, and their accompaniments, latest first. */
export function FichePersonne({ fiche }: { fiche: FicheBeneficiaire }) {
  return (
    <>
      <h2 className={fr.cx("fr-h3")}>{nomComplet(fiche)}</h2>
      <dl className="fiche-personne">
        {lignesDeFiche(fiche)
          .filter((l) => l.champ !== "prenom" && l.champ !== "nom")
          .map((l) => (
            <div key={l.champ}>
              <dt className={fr.cx("fr-text--bold", "fr-mb-0")}>{l.libelle}</dt>
              <dd className={fr.cx("fr-ml-0", "fr-mb-2w")}>{l.valeur}</dd>
            </div>
          ))}
      </dl>
      <p className={fr.cx("fr-text--sm")}>
        Personne informée de l'usage de ses données le {dateHeure.format(new Date(fiche.informeLe))}
        {fiche.mien ? ", par vous." : ", par le conseiller qui l'a enregistrée."}
      </p>
      {fiche.mien && <Doublons fiche={fiche} />}
      <section className={fr.cx("fr-mt-4w")} aria-labelledby="accompagnements-titre">
        <h2 id="accompagnements-titre" className={fr.cx("fr-h4")}>
          Accompagnements ({fiche.nbAccompagnements})
        </h2>
        {fiche.nbAccompagnements === 0 ? (
          <p>
            Aucun compte rendu ne nomme encore cette personne. Nommez-la dans un{" "}
            <Link href="/espace/conseiller/cra/nouveau">nouveau compte rendu</Link>.
          </p>
        ) : (
          <div className={fr.cx("fr-table")}>
            <table>
              <caption>
                {fiche.nbAccompagnements > fiche.accompagnements.length
                  ? `Les ${fiche.accompagnements.length} plus récents sur ${quantite(fiche.nbAccompagnements, "accompagnement", "accompagnements")}`
                  : "Du plus récent au plus ancien"}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Activité</th>
                  <th scope="col">Thématiques</th>
                  <th scope="col">Lieu</th>
                  <th scope="col">Conseiller</th>
                </tr>
              </thead>
              <tbody>
                {fiche.accompagnements.map((a) => (
                  <tr key={a.craId}>
                    <td>
                      {a.mien ? (
                        <Link href={`/espace/conseiller/cra/${a.craId}`}>{jourFr(a.date)}</Link>
                      ) : (
                        jourFr(a.date)
                      )}
                    </td>
                    <td>
                      {TYPES_ACTIVITE[a.type]}, {a.dureeMinutes} min
                    </td>
                    <td>
                      {a.thematiques.map((t) => THEMATIQUES[t as Thematique] ?? t).join(", ")}
                    </td>
                    <td>{a.lieu ?? TYPES_LIEU[a.typeLieu]}</td>
                    <td>{a.mien ? "Vous" : a.conseiller}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
