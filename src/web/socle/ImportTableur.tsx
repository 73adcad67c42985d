import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { Erreur } from "../../domain/erreurs.ts";
import { quantite } from "../../domain/format.ts";
import { ErreurApi } from "../api.ts";

type Rapport = {
  lignes: number;
  valides: number;
  postes?: number;
  creees?: number;
  fusionnees?: unknown[];
  doublonsDuFichier?: number;
  dejaSuivies?: unknown[];
  applique: boolean;
  rejetees: { ligne: number; erreurs: Erreur[] }[];
  contradictions?: { ligne: number; nom: string; champ: string; garde: string; ecarte: string }[];
};

type Mode = "tout-ou-rien" | "lignes-valides";

const TYPES: Record<string, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json",
};

function typeDuFichier(fichier: File, formats: readonly string[]): string {
  const extension = fichier.name.split(".").pop()?.toLowerCase() ?? "";
  const type = formats.includes(extension) ? TYPES[extension] : undefined;
  if (!type)
    throw new ErreurApi(415, [
      {
        champ: "fichier",
        message: `Choisissez un fichier ${formats.map((f) => `.${f}`).join(" ou ")}.`,
      },
    ]);
  return type;
}

async function envoyer(
  api: string,
  fichier: File,
  appliquer: boolean,
  formats: readonly string[],
  mode: Mode,
  autres: Record<string, string> = {},
): Promise<Rapport> {
  const type = typeDuFichier(fichier, formats);
  const requete = new URLSearchParams({ ...autres, appliquer: appliquer ? "oui" : "non" });
  if (mode === "lignes-valides") requete.set("mode", mode);
  const reponse = await fetch(`${api}?${requete}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": type },
    body: fichier,
  });
  const corps = await reponse.json();
  if (!reponse.ok) throw new ErreurApi(reponse.status, corps.erreurs ?? []);
  return corps as Rapport;
}

type Textes = {
  api: string;
  titre: string;
  description: string;
  libelleFichier: string;
  libelleAppliquer: string;
  titreApplique: string;
  /** Extensions accepted; CSV and XLSX unless said. */
  formats?: readonly string[];
  /** The valid rows may be applied alone; this endpoint gives the others as a CSV report. */
  rejets?: string;
  /** What else the import is sent with (a certification the page asks for). */
  requete?: Record<string, string>;
};

/** The rejected rows' report, downloaded as a file the operator opens next to hers. */
async function telechargerRejets(api: string, fichier: File, formats: readonly string[]) {
  const reponse = await fetch(api, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": typeDuFichier(fichier, formats) },
    body: fichier,
  });
  if (!reponse.ok) throw new ErreurApi(reponse.status, (await reponse.json()).erreurs ?? []);
  const lien = document.createElement("a");
  lien.href = URL.createObjectURL(await reponse.blob());
  lien.download = `lignes-rejetees-${fichier.name.replace(/\.[^.]+$/, "")}.csv`;
  lien.click();
  URL.revokeObjectURL(lien.href);
}

/** The report in one sentence: lines, then what the import did or would do. */
function resume(r: Rapport): string {
  const morceaux = [
    `${quantite(r.lignes, "ligne", "lignes")}, ${quantite(r.valides, "valide", "valides")}`,
  ];
  if (r.postes !== undefined) morceaux.push(quantite(r.postes, "poste accordé", "postes accordés"));
  if (r.creees !== undefined) morceaux.push(quantite(r.creees, "lieu nouveau", "lieux nouveaux"));
  if (r.fusionnees !== undefined)
    morceaux.push(`${quantite(r.fusionnees.length, "fusionné", "fusionnés")} avec un lieu connu`);
  if (r.dejaSuivies?.length)
    morceaux.push(
      quantite(
        r.dejaSuivies.length,
        "personne déjà suivie, écartée",
        "personnes déjà suivies, écartées",
      ),
    );
  if (r.doublonsDuFichier)
    morceaux.push(
      quantite(r.doublonsDuFichier, "doublon du fichier regroupé", "doublons du fichier regroupés"),
    );
  morceaux.push(`${quantite(r.rejetees.length, "ligne rejetée", "lignes rejetées")}.`);
  return morceaux.join(", ");
}

/**
 * Checks a spreadsheet, shows the line-by-line report, then applies it all or nothing — or, where
 * the import allows it, its valid rows only, with the others' report to download.
 */
export function ImportTableur(t: Textes) {
  const formats = t.formats ?? ["csv", "xlsx"];
  // Several imports may share a page: ids from the endpoint stay unique.
  const idTitre = `titre-import${t.api.replace(/\W+/g, "-")}`;
  const client = useQueryClient();
  const [fichier, setFichier] = useState<File>();
  const [rapport, setRapport] = useState<Rapport>();
  const [erreur, setErreur] = useState<string>();
  const [enCours, setEnCours] = useState(false);
  const [mode, setMode] = useState<Mode>("tout-ou-rien");
  const resultat = useRef<HTMLDivElement>(null);
  // The answer to each check or import is where the keyboard and the screen reader go next.
  useEffect(() => {
    if (rapport) resultat.current?.focus();
  }, [rapport]);
  const lancer = async (appliquer: boolean) => {
    if (!fichier) {
      setErreur("Choisissez d'abord un fichier.");
      return;
    }
    setEnCours(true);
    try {
      setRapport(await envoyer(t.api, fichier, appliquer, formats, mode, t.requete));
      setErreur(undefined);
      if (appliquer) await client.invalidateQueries();
    } catch (e) {
      setErreur(e instanceof ErreurApi ? e.message : "L'envoi a échoué.");
    } finally {
      setEnCours(false);
    }
  };
  return (
    <section aria-labelledby={idTitre} className={fr.cx("fr-mt-4w")}>
      <h2 id={idTitre}>{t.titre}</h2>
      <p>
        {t.description} Le fichier est d'abord vérifié ;{" "}
        {t.rejets
          ? "vous choisissez ensuite de l'appliquer en entier s'il ne contient aucune erreur, ou d'en appliquer les seules lignes valides."
          : "il ne s'applique que s'il ne contient aucune erreur, et alors en entier."}
      </p>
      <Upload
        label={t.libelleFichier}
        hint={`${formats.map((f) => f.toUpperCase()).join(" ou ")} (CSV : séparateur ; ou ,), 5 Mo au plus`}
        state={erreur ? "error" : "default"}
        stateRelatedMessage={erreur}
        nativeInputProps={{
          accept: formats.map((f) => `.${f}`).join(","),
          onChange: (e) => {
            setFichier(e.target.files?.[0]);
            setRapport(undefined);
          },
        }}
      />
      {t.rejets && (
        <RadioButtons
          legend="Lignes en erreur"
          orientation="horizontal"
          options={[
            {
              label: "Tout ou rien : une seule erreur bloque tout le fichier",
              nativeInputProps: {
                checked: mode === "tout-ou-rien",
                onChange: () => setMode("tout-ou-rien"),
              },
            },
            {
              label: "Appliquer les lignes valides et écarter les autres",
              nativeInputProps: {
                checked: mode === "lignes-valides",
                onChange: () => setMode("lignes-valides"),
              },
            },
          ]}
        />
      )}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-mt-2w")}>
        <li>
          <Button priority="secondary" disabled={enCours} onClick={() => void lancer(false)}>
            Vérifier le fichier
          </Button>
        </li>
        <li>
          <Button
            disabled={
              enCours ||
              !rapport ||
              (rapport.rejetees.length > 0 && mode === "tout-ou-rien") ||
              rapport.applique ||
              rapport.valides === 0
            }
            onClick={() => void lancer(true)}
          >
            {t.libelleAppliquer}
          </Button>
        </li>
      </ul>
      {rapport && (
        <div aria-live="polite" ref={resultat} tabIndex={-1}>
          <Alert
            severity={rapport.applique ? "success" : rapport.rejetees.length ? "error" : "info"}
            title={
              rapport.applique
                ? t.titreApplique
                : rapport.rejetees.length
                  ? mode === "lignes-valides"
                    ? `Fichier vérifié : ${quantite(rapport.valides, "ligne valide", "lignes valides")} à appliquer, ${quantite(rapport.rejetees.length, "écartée", "écartées")}`
                    : "Le fichier contient des erreurs"
                  : "Fichier vérifié"
            }
            description={resume(rapport)}
            className={fr.cx("fr-mb-2w")}
          />
          {t.rejets && fichier && rapport.rejetees.length > 0 && (
            <Button
              priority="secondary"
              iconId="fr-icon-download-line"
              className={fr.cx("fr-mb-2w")}
              onClick={() =>
                void telechargerRejets(t.rejets!, fichier, formats).catch((e) =>
                  setErreur(e instanceof ErreurApi ? e.message : "Le téléchargement a échoué."),
                )
              }
            >
              Télécharger le rapport des lignes rejetées (CSV)
            </Button>
          )}
          {rapport.contradictions && rapport.contradictions.length > 0 && (
            <div className={fr.cx("fr-table")}>
              <table>
                <caption>Valeurs contradictoires : la plus récente est gardée</caption>
                <thead>
                  <tr>
                    <th scope="col">Ligne</th>
                    <th scope="col">Lieu</th>
                    <th scope="col">Champ</th>
                    <th scope="col">Gardée</th>
                    <th scope="col">Écartée</th>
                  </tr>
                </thead>
                <tbody>
                  {rapport.contradictions.map((c) => (
                    <tr key={`${c.ligne}-${c.champ}`}>
                      <td>{c.ligne}</td>
                      <td>{c.nom}</td>
                      <td>{c.champ}</td>
                      <td>{c.garde}</td>
                      <td>{c.ecarte}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {rapport.rejetees.length > 0 && (
            <div className={fr.cx("fr-table")}>
              <table>
                <caption>Lignes rejetées</caption>
                <thead>
                  <tr>
                    <th scope="col">Ligne</th>
                    <th scope="col">Motifs</th>
                  </tr>
                </thead>
                <tbody>
                  {rapport.rejetees.map((r) => (
                    <tr key={r.ligne}>
                      <td>{r.ligne}</td>
                      <td>{r.erreurs.map((e) => e.message).join(" ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
