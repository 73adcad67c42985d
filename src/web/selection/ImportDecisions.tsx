import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Erreur } from "../../domain/erreurs.ts";
import { ErreurApi } from "../api.ts";

type Rapport = {
  lignes: number;
  valides: number;
  postes?: number;
  applique: boolean;
  rejetees: { ligne: number; erreurs: Erreur[] }[];
};

const TYPES: Record<string, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

async function envoyer(api: string, fichier: File, appliquer: boolean): Promise<Rapport> {
  const extension = fichier.name.split(".").pop()?.toLowerCase() ?? "";
  const type = TYPES[extension];
  if (!type)
    throw new ErreurApi(415, [
      { champ: "fichier", message: "Choisissez un fichier .csv ou .xlsx." },
    ]);
  const reponse = await fetch(`${api}?appliquer=${appliquer ? "oui" : "non"}`, {
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
};

/** Checks a spreadsheet, shows the line-by-line report, then applies it all or nothing. */
export function ImportTableur(t: Textes) {
  const client = useQueryClient();
  const [fichier, setFichier] = useState<File>();
  const [rapport, setRapport] = useState<Rapport>();
  const [erreur, setErreur] = useState<string>();
  const [enCours, setEnCours] = useState(false);
  const lancer = async (appliquer: boolean) => {
    if (!fichier) {
      setErreur("Choisissez d'abord un fichier.");
      return;
    }
    setEnCours(true);
    try {
      setRapport(await envoyer(t.api, fichier, appliquer));
      setErreur(undefined);
      if (appliquer) await client.invalidateQueries();
    } catch (e) {
      setErreur(e instanceof ErreurApi ? e.message : "L'envoi a échoué.");
    } finally {
      setEnCours(false);
    }
  };
  return (
    <section aria-labelledby="titre-import" className={fr.cx("fr-mt-4w")}>
      <h2 id="titre-import">{t.titre}</h2>
      <p>
        {t.description} Le fichier est d'abord vérifié ; il ne s'applique que s'il ne contient
        aucune erreur, et alors en entier.
      </p>
      <Upload
        label={t.libelleFichier}
        hint="CSV (séparateur ; ou ,) ou XLSX, 5 Mo et 10 000 lignes au plus"
        state={erreur ? "error" : "default"}
        stateRelatedMessage={erreur}
        nativeInputProps={{
          accept: ".csv,.xlsx",
          onChange: (e) => {
            setFichier(e.target.files?.[0]);
            setRapport(undefined);
          },
        }}
      />
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
              rapport.rejetees.length > 0 ||
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
        <div aria-live="polite">
          <Alert
            severity={rapport.applique ? "success" : rapport.rejetees.length ? "error" : "info"}
            title={
              rapport.applique
                ? t.titreApplique
                : rapport.rejetees.length
                  ? "Le fichier contient des erreurs"
                  : "Fichier vérifié"
            }
            description={`${rapport.lignes} ligne(s), ${rapport.valides} valide(s)${rapport.postes === undefined ? "" : `, ${rapport.postes} poste(s) accordé(s)`}, ${rapport.rejetees.length} ligne(s) rejetée(s).`}
            className={fr.cx("fr-mb-2w")}
          />
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

export function ImportDecisions() {
  return (
    <ImportTableur
      api="/api/comites/import"
      titre="Importer les décisions d'un comité"
      description="Colonnes attendues : siret (ou structure_id), decision (acceptée, refusée, complément), postes, coselec."
      libelleFichier="Fichier de décisions"
      libelleAppliquer="Appliquer les décisions"
      titreApplique="Décisions appliquées"
    />
  );
}

export function ImportFormation() {
  return (
    <ImportTableur
      api="/api/formations/import"
      titre="Importer les résultats d'un organisme de formation"
      description="Colonnes : identifiant (ou email ; jamais le nom), organisme, parcours_heures, date_positionnement, date_debut, date_fin, heures_realisees, ccp1 (obtenue, echouee, a_passer, absence_justifiee, absence_non_justifiee), date_ccp1, pix_1_1, pix_4_1, pix_4_2, date_pix. Dates au format JJ/MM/AAAA."
      libelleFichier="Fichier de l'organisme"
      libelleAppliquer="Appliquer les résultats"
      titreApplique="Résultats appliqués"
    />
  );
}
