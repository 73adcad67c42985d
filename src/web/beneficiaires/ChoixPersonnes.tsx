import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type PersonneNommee, pageBeneficiairesSchema } from "../../domain/beneficiaires/api.ts";
import { appeler } from "../api.ts";
import { Combobox, useDiffere } from "../socle/Combobox.tsx";
import { nomComplet } from "./PersonnesSemblables.tsx";

/** How many suggestions the search offers: the first ones by last change. */
const SUGGESTIONS = 8;

/**
 * The followed persons a report names, picked by name among those the conseiller may read: at
 * most `max` (one for an individual activity, the participants of a workshop).
 */
export function ChoixPersonnes(props: {
  personnes: PersonneNommee[];
  /** Others the report names that the conseiller may no longer read: kept, never listed. */
  illisibles: number;
  max: number;
  onChange: (personnes: PersonneNommee[]) => void;
  erreur: string | undefined;
}) {
  const [texte, setTexte] = useState("");
  const recherche = useDiffere(texte.trim());
  const { data, isFetching } = useQuery({
    queryKey: ["beneficiaires", { recherche, page: "1" }],
    queryFn: () =>
      appeler(
        pageBeneficiairesSchema,
        `/api/beneficiaires?${new URLSearchParams({ recherche, page: "1" })}`,
      ),
    enabled: recherche.length >= 2,
  });
  const choisies = new Set(props.personnes.map((p) => p.id));
  const suggestions =
    texte.trim().length >= 2
      ? (data?.beneficiaires ?? []).filter((b) => !choisies.has(b.id)).slice(0, SUGGESTIONS)
      : [];
  const complet = props.personnes.length + props.illisibles >= props.max;
  return (
    <fieldset className={fr.cx("fr-fieldset")} aria-describedby="personnes-aide">
      <legend className={fr.cx("fr-fieldset__legend")}>Personnes suivies (facultatif)</legend>
      <p id="personnes-aide" className={fr.cx("fr-hint-text", "fr-fieldset__element")}>
        Nommez les personnes que vous suivez avec leur accord : leur âge, leur statut, leur genre et
        « déjà accompagné » viennent alors de leur fiche. Sinon, le compte rendu reste anonyme.
      </p>
      {props.illisibles > 0 && (
        <p className={fr.cx("fr-text--sm", "fr-fieldset__element")}>
          {props.illisibles === 1
            ? "Ce compte rendu nomme aussi une personne qu'un collègue ne partage plus avec vous : elle reste nommée, et sa fiche en donne toujours les comptes."
            : `Ce compte rendu nomme aussi ${props.illisibles} personnes qu'un collègue ne partage plus avec vous : elles restent nommées, et leurs fiches en donnent toujours les comptes.`}
        </p>
      )}
      {props.personnes.length > 0 && (
        <ul className={fr.cx("fr-fieldset__element")}>
          {props.personnes.map((p) => (
            <li key={p.id}>
              {nomComplet(p)}{" "}
              <button
                type="button"
                className={fr.cx("fr-link", "fr-link--sm")}
                aria-label={`Retirer ${nomComplet(p)} du compte rendu`}
                onClick={() => props.onChange(props.personnes.filter((x) => x.id !== p.id))}
              >
                Retirer
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={fr.cx("fr-fieldset__element")}>
        {complet ? (
          <>
            <p className={fr.cx("fr-text--sm")}>
              {props.max === 1
                ? "Un accompagnement individuel nomme une seule personne."
                : "Toutes les places de l'atelier sont nommées."}
            </p>
            {props.erreur && <p className={fr.cx("fr-error-text")}>{props.erreur}</p>}
          </>
        ) : (
          <Combobox
            label="Nommer une personne suivie"
            hint="Son nom ou son prénom, au moins deux caractères"
            name="personne"
            texte={texte}
            onTexte={setTexte}
            suggestions={suggestions}
            cle={(b) => b.id}
            libelle={(b) => `${nomComplet(b)}${b.commune ? ` (${b.commune})` : ""}`}
            onChoisir={(b) => {
              props.onChange([...props.personnes, { id: b.id, prenom: b.prenom, nom: b.nom }]);
              setTexte("");
            }}
            {...(props.erreur ? { erreur: props.erreur } : {})}
            enChargement={isFetching}
          />
        )}
      </div>
    </fieldset>
  );
}
