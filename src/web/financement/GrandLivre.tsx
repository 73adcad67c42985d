import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { grandLivreSchema, type LigneGrandLivre } from "../../domain/financement/api.ts";
import type { FileGrandLivre } from "../../domain/financement/echeancier.ts";
import { eurosFr, nombreFr } from "../../domain/format.ts";
import { appeler, appelerApi, ErreurApi } from "../api.ts";
import { ChoixOrdre } from "../socle/ChoixOrdre.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useEtatUrl, useRequeteExport } from "../socle/etat-url.ts";
import { FormulaireRecherche } from "../socle/FormulaireRecherche.tsx";
import { centimes, jourCourt } from "../socle/format.ts";
import { LiensExport } from "../socle/LiensExport.tsx";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";
import { HistoriqueVersements } from "./HistoriqueVersements.tsx";

/** No queue chosen: every post. */
type File = "" | FileGrandLivre;

const eur = eurosFr;

function FormulaireVersement({
  poste,
  aujourdhui,
}: {
  poste: LigneGrandLivre;
  aujourdhui: string;
}) {
  const client = useQueryClient();
  // A post owing money back opens on its recovery: a negative régularisation of the excess.
  const recuperation = poste.tropPercuCents > 0;
  const [montant, setMontant] = useState(
    recuperation
      ? (-poste.tropPercuCents / 100).toFixed(2)
      : poste.duCents > 0
        ? (poste.duCents / 100).toFixed(2)
        : "",
  );
  const [date, setDate] = useState(aujourdhui);
  const [reference, setReference] = useState("");
  const [nature, setNature] = useState(recuperation ? "regularisation" : "solde");
  const [aLaStructure, setALaStructure] = useState(false);
  const [erreur, setErreur] = useState<string>();
  const [ok, setOk] = useState(false);
  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    const cents = centimes(montant);
    if (Number.isNaN(cents)) {
      setErreur("Indiquez un montant en euros, par exemple 10 000,00.");
      return;
    }
    try {
      await appelerApi("/api/financement/versements", {
        methode: "POST",
        corps: {
          structureId: poste.structureId,
          posteId: aLaStructure ? undefined : poste.posteId,
          nature,
          montantCents: cents,
          date,
          reference,
        },
      });
      setOk(true);
      setErreur(undefined);
      await client.invalidateQueries({ queryKey: ["grand-livre"] });
    } catch (err) {
      setErreur(err instanceof ErreurApi ? err.message : "L'enregistrement a échoué.");
    }
  };
  if (ok)
    return (
      <Confirmation cle={poste.posteId} titre="Versement enregistré.">
        <p>Le solde du poste est à jour dans le grand livre.</p>
      </Confirmation>
    );
  return (
    <form
      onSubmit={envoyer}
      className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}
      aria-label={`Versement pour un poste de ${poste.structure}`}
    >
      <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
        <Select
          label="Nature"
          nativeSelectProps={{ value: nature, onChange: (e) => setNature(e.target.value) }}
        >
          <option value="avance">Avance</option>
          <option value="solde">Solde</option>
          <option value="regularisation">Régularisation</option>
        </Select>
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
        <Input
          label="Montant (€)"
          state={erreur ? "error" : "default"}
          stateRelatedMessage={erreur}
          nativeInputProps={{
            inputMode: "decimal",
            value: montant,
            onChange: (e) => setMontant(e.target.value),
          }}
        />
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
        <Input
          label="Date"
          nativeInputProps={{
            type: "date",
            value: date,
            max: aujourdhui,
            onChange: (e) => setDate(e.target.value),
          }}
        />
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
        <Input
          label="Référence bancaire"
          nativeInputProps={{ value: reference, onChange: (e) => setReference(e.target.value) }}
        />
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
        <Button type="submit" className={fr.cx("fr-mt-4w")}>
          Enregistrer
        </Button>
      </div>
      <div className={fr.cx("fr-col-12")}>
        <Checkbox
          small
          options={[
            {
              label: "Versement à la structure, sans poste précis",
              nativeInputProps: {
                checked: aLaStructure,
                onChange: (e) => setALaStructure(e.target.checked),
              },
            },
          ]}
        />
      </div>
    </form>
  );
}

/** The ledger's orders, as the server names them. */
const ORDRES: Record<string, string> = {
  structure: "Par structure, du poste le plus ancien au plus récent",
  du: "Les plus gros montants dus d'abord",
  trop_percu: "Les plus gros trop-perçus d'abord",
  attribution: "Les postes attribués les premiers d'abord",
};

/**
 * Each post's entitlement, what is called, paid, due or owed back: the financeur records
 * payments here; a structure reads its own posts.
 */
export function GrandLivre(props: { titre?: string; lectureSeule?: boolean } = {}) {
  // "Due this month": the schedule as it will stand on the month's last day.
  const [etat, naviguer, adresse] = useEtatUrl({
    page: "1",
    echeance: "",
    file: "",
    recherche: "",
    tri: "structure",
  });
  const requeteExport = useRequeteExport();
  const finDeMois = etat.echeance === "fin_du_mois";
  const file = (etat.file === "a_verser" || etat.file === "trop_percu" ? etat.file : "") as File;
  const requete = new URLSearchParams(Object.entries(etat).filter(([, v]) => v !== "")).toString();
  const { data, error } = useQuery({
    queryKey: ["grand-livre", requete],
    queryFn: () => appeler(grandLivreSchema, `/api/financement/postes?${requete}`),
    placeholderData: keepPreviousData,
  });
  const choisirFile = (f: File) => naviguer({ file: f });
  // The post being paid is kept as it was when opened: once paid, it may leave the filtered
  // page (nothing due any more) while its confirmation must stay on screen.
  const [ouvert, setOuvert] = useState<LigneGrandLivre | null>(null);
  const [historique, setHistorique] = useState<LigneGrandLivre | null>(null);
  // Payments are recorded on today's situation, never on the month-end forecast.
  const actions = !props.lectureSeule && !finDeMois;
  const lignes = data?.postes ?? [];
  return (
    <section aria-labelledby="titre-grand-livre" className={fr.cx("fr-mt-4w")}>
      <h2 id="titre-grand-livre">{props.titre ?? "Subvention par poste"}</h2>
      {error && <Alert severity="error" small description={error.message} />}
      {data && (
        <>
          <p>
            Au {jourCourt(data.au)} : droits acquis {eur(data.totaux.droitCents!)}, appelé{" "}
            {eur(data.totaux.appeleCents!)}, versé {eur(data.totaux.verseCents!)}, dû{" "}
            {eur(data.totaux.duCents!)}, trop-perçu {eur(data.totaux.tropPercuCents!)}.
          </p>
          {!props.lectureSeule && (
            <LiensExport
              chemin="/api/financement/export"
              libelle="Grand livre filtré pour la comptabilité"
              requete={requeteExport}
            />
          )}
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
            {(
              [
                ["", `Tous les postes`],
                ["a_verser", `Versements dus (${nombreFr(data.files.aVerser)})`],
                ["trop_percu", `Trop-perçus (${nombreFr(data.files.tropPercu)})`],
              ] as const
            ).map(([valeur, libelle]) => (
              <li key={valeur}>
                <Button
                  size="small"
                  priority={file === valeur ? "primary" : "secondary"}
                  nativeButtonProps={{ "aria-pressed": file === valeur }}
                  onClick={() => choisirFile(valeur)}
                >
                  {libelle}
                </Button>
              </li>
            ))}
          </ul>
          <FormulaireRecherche
            label="Structure, SIRET ou département"
            valeur={etat.recherche}
            rechercher={(recherche) => naviguer({ recherche })}
          />
          {!props.lectureSeule && (
            <Checkbox
              small
              options={[
                {
                  label: "Échéancier du mois : ce qui sera dû au dernier jour du mois",
                  nativeInputProps: {
                    checked: finDeMois,
                    onChange: (e: ChangeEvent<HTMLInputElement>) =>
                      naviguer({ echeance: e.target.checked ? "fin_du_mois" : "" }),
                  },
                },
              ]}
            />
          )}
          <ChoixOrdre ordres={ORDRES} valeur={etat.tri} changer={(tri) => naviguer({ tri })} />
          <p aria-live="polite">{resumePage(data, "poste", "postes")}</p>
          <div className={fr.cx("fr-table")}>
            <table>
              <caption>Postes : {(ORDRES[etat.tri] ?? "").toLowerCase()}</caption>
              <thead>
                <tr>
                  <th scope="col">Structure</th>
                  <th scope="col">Plafond</th>
                  <th scope="col">Droits acquis</th>
                  <th scope="col">Appelé</th>
                  <th scope="col">Versé</th>
                  <th scope="col">Dû</th>
                  <th scope="col">Trop-perçu</th>
                  {actions && <th scope="col">Action</th>}
                </tr>
              </thead>
              <tbody>
                {lignes.map((p) => (
                  <tr key={p.posteId}>
                    <th scope="row">
                      {p.structure} ({p.departementCode})
                    </th>
                    <td>{eur(p.plafondCents)}</td>
                    <td>{eur(p.droitCents)}</td>
                    <td>{eur(p.appeleCents)}</td>
                    <td>{eur(p.verseCents)}</td>
                    <td>{eur(p.duCents)}</td>
                    <td>{eur(p.tropPercuCents)}</td>
                    {actions && (
                      <td>
                        <Button
                          priority="tertiary"
                          size="small"
                          onClick={() => setOuvert(ouvert?.posteId === p.posteId ? null : p)}
                        >
                          Enregistrer un versement
                        </Button>{" "}
                        <Button
                          priority="tertiary"
                          size="small"
                          onClick={() =>
                            setHistorique(historique?.structureId === p.structureId ? null : p)
                          }
                        >
                          Versements de la structure
                        </Button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PaginationUrl donnees={data} adresse={adresse} />
          {historique && actions && (
            <HistoriqueVersements
              key={historique.structureId}
              structureId={historique.structureId}
              structure={historique.structure}
              aujourdhui={data.au}
            />
          )}
          {ouvert && actions && (
            <FormulaireVersement key={ouvert.posteId} poste={ouvert} aujourdhui={data.au} />
          )}
        </>
      )}
    </section>
  );
}
