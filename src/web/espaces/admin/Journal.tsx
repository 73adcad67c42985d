import { fr } from "@codegouvfr/react-dsfr";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { pageJournalSchema } from "../../../domain/historique.ts";
import { appeler } from "../../api.ts";
import { ChoixOrdre } from "../../socle/ChoixOrdre.tsx";
import { useEtatUrl } from "../../socle/etat-url.ts";
import { LiensExport } from "../../socle/LiensExport.tsx";
import { GabaritEspace } from "../GabaritEspace.tsx";

const dateHeure = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "short",
  timeStyle: "medium",
  timeZone: "Europe/Paris",
});

/** A page of the journal: it only grows, so it is read by a cursor, not counted. */
const PAR_PAGE = 30;

const CIBLES: [string, string][] = [
  ["demande_postes", "Demandes de postes"],
  ["structure", "Structures"],
  ["poste", "Postes"],
  ["contrat", "Contrats"],
  ["utilisateur", "Utilisateurs"],
  ["cra", "Comptes rendus"],
  ["lieu", "Lieux"],
  ["versement", "Versements"],
];

const ORDRES: Record<string, string> = {
  recentes: "Les plus récentes d'abord",
  anciennes: "Les plus anciennes d'abord",
};

export function JournalAdmin() {
  const [etat, naviguer, adresse] = useEtatUrl({
    cibleType: "",
    tri: "recentes",
    avant: "",
    apres: "",
  });
  const anciennes = etat.tri === "anciennes";
  const curseur = anciennes ? etat.apres : etat.avant;
  const suivante = (id: string) => adresse(anciennes ? { apres: id } : { avant: id });
  const requete = new URLSearchParams(
    Object.entries({ ...etat, limite: String(PAR_PAGE) }).filter(([, v]) => v !== ""),
  );
  const { data } = useQuery({
    queryKey: ["journal", requete.toString()],
    queryFn: () => appeler(pageJournalSchema, `/api/journal?${requete}`),
    placeholderData: keepPreviousData,
  });
  const dernier = data?.entrees.at(-1);
  return (
    <GabaritEspace roleAttendu="admin" titre="Journal des modifications">
      {() => (
        <>
          <Select
            label="Cible"
            nativeSelectProps={{
              value: etat.cibleType,
              onChange: (e) => naviguer({ cibleType: e.target.value, avant: "", apres: "" }),
            }}
          >
            <option value="">Toutes</option>
            {CIBLES.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
          <ChoixOrdre
            ordres={ORDRES}
            valeur={etat.tri}
            changer={(tri) => naviguer({ tri, avant: "", apres: "" })}
          />
          <LiensExport
            chemin="/api/journal/export"
            libelle="Télécharger le journal filtré"
            requete={new URLSearchParams(
              Object.entries({ cibleType: etat.cibleType, tri: etat.tri }).filter(
                ([k, v]) => v !== "" && !(k === "tri" && v === "recentes"),
              ),
            ).toString()}
          />
          <div className={fr.cx("fr-table")}>
            <table>
              <caption>
                {curseur
                  ? "Modifications suivantes"
                  : anciennes
                    ? "Premières modifications"
                    : "Dernières modifications"}
                , {(ORDRES[etat.tri] ?? "").toLowerCase()}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Auteur</th>
                  <th scope="col">Action</th>
                  <th scope="col">Cible</th>
                  <th scope="col">Avant</th>
                  <th scope="col">Après</th>
                </tr>
              </thead>
              <tbody>
                {data?.entrees.map((e) => (
                  <tr key={e.id}>
                    <td>{dateHeure.format(new Date(e.le))}</td>
                    <td>{e.role ?? e.auteur}</td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>
                      {e.cibleType} {e.cibleId.slice(0, 8)}
                    </td>
                    <td>{e.avant ? <code>{JSON.stringify(e.avant)}</code> : null}</td>
                    <td>{e.apres ? <code>{JSON.stringify(e.apres)}</code> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pages du journal">
            <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
              {curseur && (
                <li>
                  <Link
                    className={fr.cx("fr-btn", "fr-btn--secondary")}
                    href={adresse({ avant: "", apres: "" })}
                  >
                    {anciennes ? "Les plus anciennes" : "Les plus récentes"}
                  </Link>
                </li>
              )}
              {dernier && data?.entrees.length === PAR_PAGE && (
                <li>
                  <Link
                    className={fr.cx("fr-btn", "fr-btn--secondary")}
                    href={suivante(String(dernier.id))}
                  >
                    {anciennes ? "Modifications plus récentes" : "Modifications plus anciennes"}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        </>
      )}
    </GabaritEspace>
  );
}
