import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useState } from "react";
import { nombreFr, quantite } from "../../domain/format.ts";
import {
  type Candidat,
  candidatSchema,
  DISTANCES_MAX_KM,
  MOTIVATION_CANDIDAT_MAX,
  SITUATIONS,
  type Situation,
} from "../../domain/recrutement/candidature.ts";
import { COMPETENCES_PIX, type CompetencePix } from "../../domain/recrutement/formation.ts";
import { jourParis } from "../../domain/temps.ts";
import { ChoixCommune } from "../socle/ChoixCommune.tsx";
import { useErreurs } from "../socle/erreurs.ts";

export type SaisieCandidat = {
  prenom: string;
  nom: string;
  email: string;
  telephone: string;
  communeCode: string;
  situations: Situation[];
  diplome: string;
  dateDisponibilite: string;
  distanceMaxKm: string;
  motivation: string;
  pix: Record<CompetencePix, string> | null;
};

export const SAISIE_VIDE: SaisieCandidat = {
  prenom: "",
  nom: "",
  email: "",
  telephone: "",
  communeCode: "",
  situations: [],
  diplome: "",
  dateDisponibilite: "",
  distanceMaxKm: "",
  motivation: "",
  pix: null,
};

export const libelleDistance = (d: number) => (d === 2000 ? "Toute la France" : `${d} km`);

/**
 * The candidate's form, shared by the public application and the candidate's space; checked
 * with the same schema as the server before sending.
 */
export function FormulaireCandidat(props: {
  initiale: SaisieCandidat;
  avecEmail: boolean;
  libelleEnvoi: string;
  envoyer: (candidat: Candidat) => Promise<void>;
  children?: React.ReactNode;
}) {
  const [f, setF] = useState(props.initiale);
  const { erreurs, message: erreur, etat, depuisSchema, depuisEchec, effacer } = useErreurs();
  const [enCours, setEnCours] = useState(false);

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    const verifie = candidatSchema(jourParis(new Date())).safeParse({
      ...f,
      email: props.avecEmail ? f.email : "profil@exemple.fr",
      pix: f.pix,
    });
    if (!verifie.success) {
      depuisSchema(verifie.error.issues);
      document.getElementById("erreurs-candidat")?.focus();
      return;
    }
    setEnCours(true);
    try {
      await props.envoyer(verifie.data);
      effacer();
    } catch (err) {
      depuisEchec(err);
      document.getElementById("erreurs-candidat")?.focus();
    } finally {
      setEnCours(false);
    }
  };
  const basculer = (s: Situation) =>
    setF({
      ...f,
      situations: f.situations.includes(s)
        ? f.situations.filter((x) => x !== s)
        : [...f.situations, s],
    });

  return (
    <>
      <div id="erreurs-candidat" tabIndex={-1} aria-live="polite">
        {erreurs.length > 0 && (
          <Alert
            severity="error"
            title="La candidature n'a pas pu être enregistrée"
            description={`${quantite(erreurs.length, "point", "points")} à corriger : ${erreurs.map((x) => x.message).join(" ")}`}
            className={fr.cx("fr-mb-4w")}
          />
        )}
      </div>
      <form onSubmit={soumettre} noValidate>
        <fieldset className={fr.cx("fr-fieldset")}>
          <legend className={fr.cx("fr-fieldset__legend")}>Vous</legend>
          {(
            [
              ["prenom", "Prénom", "given-name", "text"],
              ["nom", "Nom", "family-name", "text"],
              ...(props.avecEmail ? [["email", "Adresse électronique", "email", "email"]] : []),
              ["telephone", "Téléphone", "tel", "tel"],
            ] as [keyof SaisieCandidat, string, string, string][]
          ).map(([c, label, auto, type]) => (
            <div key={c} className={fr.cx("fr-fieldset__element")}>
              <Input
                label={label}
                {...etat(c)}
                nativeInputProps={{
                  name: c,
                  autoComplete: auto,
                  type,
                  value: f[c] as string,
                  onChange: (e) => setF({ ...f, [c]: e.target.value }),
                }}
              />
            </div>
          ))}
          <div className={fr.cx("fr-fieldset__element")}>
            <ChoixCommune
              valeur={f.communeCode}
              onChange={(communeCode) => setF({ ...f, communeCode })}
              erreur={erreur("communeCode")}
              libelle="Commune de résidence"
            />
          </div>
        </fieldset>
        <Checkbox
          legend="Votre situation (au moins une)"
          {...etat("situations")}
          options={(Object.keys(SITUATIONS) as Situation[]).map((s) => ({
            label: SITUATIONS[s],
            nativeInputProps: {
              name: "situations",
              value: s,
              checked: f.situations.includes(s),
              onChange: () => basculer(s),
            },
          }))}
        />
        {f.situations.includes("diplome_mediation") && (
          <Input
            label="Nom du diplôme en médiation numérique"
            {...etat("diplome")}
            nativeInputProps={{
              name: "diplome",
              value: f.diplome,
              onChange: (e) => setF({ ...f, diplome: e.target.value }),
            }}
          />
        )}
        <fieldset className={fr.cx("fr-fieldset")}>
          <legend className={fr.cx("fr-fieldset__legend")}>Votre disponibilité</legend>
          <div className={fr.cx("fr-fieldset__element")}>
            <Input
              label="Disponible à partir du"
              hintText="Aujourd'hui ou plus tard"
              {...etat("dateDisponibilite")}
              nativeInputProps={{
                name: "dateDisponibilite",
                type: "date",
                min: jourParis(new Date()),
                value: f.dateDisponibilite,
                onChange: (e) => setF({ ...f, dateDisponibilite: e.target.value }),
              }}
            />
          </div>
          <div className={fr.cx("fr-fieldset__element")}>
            <Select
              label="Distance maximale depuis votre commune"
              {...etat("distanceMaxKm")}
              nativeSelectProps={{
                name: "distanceMaxKm",
                value: f.distanceMaxKm,
                onChange: (e) => setF({ ...f, distanceMaxKm: e.target.value }),
              }}
            >
              <option value="" disabled>
                Choisir
              </option>
              {DISTANCES_MAX_KM.map((d) => (
                <option key={d} value={d}>
                  {libelleDistance(d)}
                </option>
              ))}
            </Select>
          </div>
        </fieldset>
        <Input
          label="Votre motivation"
          hintText={`${nombreFr(MOTIVATION_CANDIDAT_MAX)} caractères au plus (${nombreFr(f.motivation.length)} saisis)`}
          textArea
          {...etat("motivation")}
          nativeTextAreaProps={{
            name: "motivation",
            rows: 6,
            value: f.motivation,
            onChange: (e) => setF({ ...f, motivation: e.target.value }),
          }}
        />
        <fieldset className={fr.cx("fr-fieldset")}>
          <legend className={fr.cx("fr-fieldset__legend")}>
            Votre résultat Pix (facultatif)
            <span className={fr.cx("fr-hint-text")}>Niveau de 0 à 8 sur chaque compétence</span>
          </legend>
          <div className={fr.cx("fr-fieldset__element")}>
            <Checkbox
              options={[
                {
                  label: "Je partage mon résultat Pix",
                  nativeInputProps: {
                    name: "partagePix",
                    checked: f.pix !== null,
                    onChange: () =>
                      setF({ ...f, pix: f.pix ? null : { "1.1": "", "4.1": "", "4.2": "" } }),
                  },
                },
              ]}
            />
          </div>
          {f.pix &&
            (Object.keys(COMPETENCES_PIX) as CompetencePix[]).map((c) => (
              <div key={c} className={fr.cx("fr-fieldset__element")}>
                <Input
                  label={`${c} – ${COMPETENCES_PIX[c]}`}
                  {...etat(`pix.${c}`)}
                  nativeInputProps={{
                    name: `pix-${c}`,
                    type: "number",
                    min: 0,
                    max: 8,
                    value: f.pix?.[c] ?? "",
                    onChange: (e) =>
                      setF({
                        ...f,
                        pix: {
                          ...(f.pix ?? { "1.1": "", "4.1": "", "4.2": "" }),
                          [c]: e.target.value,
                        },
                      }),
                  }}
                />
              </div>
            ))}
        </fieldset>
        {props.children}
        <Button type="submit" disabled={enCours}>
          {props.libelleEnvoi}
        </Button>
      </form>
    </>
  );
}
