import { fr } from "@codegouvfr/react-dsfr";
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { useQuery } from "@tanstack/react-query";
import { nombreFr } from "../../domain/format.ts";
import { catalogueSchema } from "../../domain/opendata/api.ts";
import { appeler } from "../api.ts";
import { dateHeure } from "../socle/format.ts";
import { useTitre } from "../socle/titre.ts";

/** The open-data catalogue: each file, its date, its size and its data dictionary. */
export function DonneesOuvertes() {
  useTitre("Données ouvertes");
  const { data, error } = useQuery({
    queryKey: ["donnees-ouvertes"],
    queryFn: () => appeler(catalogueSchema, "/api/v1/donnees"),
  });
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Données ouvertes</h1>
      <p>
        Les lieux où trouver un conseiller numérique, l'activité des conseillers et les postes du
        dispositif, sous Licence Ouverte 2.0. Les fichiers sont régénérés chaque heure ; leur date
        de génération figure ci-dessous, dans le nom du fichier téléchargé et dans les fichiers
        JSON. Les CSV sont en UTF-8, séparés par des virgules, dates au format AAAA-MM-JJ.
      </p>
      <p>
        Les mêmes informations sont disponibles par l'API publique, en lecture seule et sans clé :{" "}
        <a href="/api/docs">documentation de l'API (OpenAPI)</a>.
      </p>
      {error && <p className={fr.cx("fr-error-text")}>{error.message}</p>}
      {data?.map((jeu) => (
        <section key={jeu.nom} aria-labelledby={`jeu-${jeu.nom}`} className={fr.cx("fr-mt-6w")}>
          <h2 id={`jeu-${jeu.nom}`}>{jeu.titre}</h2>
          <p>{jeu.description}</p>
          {jeu.fichiers.length === 0 ? (
            <p>Ce fichier est en cours de génération.</p>
          ) : (
            <ul>
              {jeu.fichiers.map((f) => (
                <li key={f.format}>
                  <a href={f.url} download>
                    {jeu.titre} – {f.format.toUpperCase()}
                  </a>{" "}
                  ({nombreFr(f.lignes)} lignes, généré le {dateHeure.format(new Date(f.genereLe))})
                </li>
              ))}
            </ul>
          )}
          <Accordion label={`Dictionnaire des données : ${jeu.titre}`}>
            <div className={fr.cx("fr-table")}>
              <table>
                <caption>Colonnes de « {jeu.titre} »</caption>
                <thead>
                  <tr>
                    <th scope="col">Colonne</th>
                    <th scope="col">Type</th>
                    <th scope="col">Description</th>
                  </tr>
                </thead>
                <tbody>
                  {jeu.dictionnaire.map((c) => (
                    <tr key={c.nom}>
                      <th scope="row">
                        <code>{c.nom}</code>
                      </th>
                      <td>{c.type}</td>
                      <td>{c.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Accordion>
        </section>
      ))}
    </div>
  );
}
