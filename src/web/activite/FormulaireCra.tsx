import { fr } from "@codegouvfr/react-dsfr";
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useState } from "react";
import "./formulaire-cra.css";
import { craSchema, DUREES_PREDEFINIES, type SaisieCra } from "../../domain/cra/cra.ts";
import {
  AUTONOMIES,
  GENRES,
  MATERIELS,
  NIVEAUX_ATELIER,
  PUBLICS,
  STATUTS_SOCIAUX,
  STRUCTURES_REDIRECTION,
  THEMATIQUES,
  THEMATIQUES_DEMARCHES,
  type Thematique,
  TRANCHES_AGE,
  TYPES_ACTIVITE,
  TYPES_LIEU,
} from "../../domain/cra/vocabulaire.ts";
import { jourParis } from "../../domain/temps.ts";
import { ChoixPersonnes } from "../beneficiaires/ChoixPersonnes.tsx";
import { ChoixCommune } from "../socle/ChoixCommune.tsx";
import { useErreurs } from "../socle/erreurs.ts";
import { useMesLieux } from "./mes-lieux.ts";
import { type EtatCra, etatInitial, versSaisie } from "./saisie-cra.ts";

/** The form remembers the last place used on this device (docs/domaine/cra.md §4). */
const CLE_DERNIER_LIEU = "cnfs-dernier-lieu";

/** An empty form for today, on the place the conseiller used last. */
export function etatVide(): EtatCra {
  return etatInitial(jourParis(new Date()), localStorage.getItem(CLE_DERNIER_LIEU) ?? "");
}

const options = (libelles: Record<string, string>) =>
  Object.entries(libelles).map(([valeur, libelle]) => ({ valeur, libelle }));

function Repartition(props: {
  legende: string;
  libelles: Record<string, string>;
  valeurs: Record<string, string>;
  onChange: (v: Record<string, string>) => void;
  erreur: string | undefined;
}) {
  return (
    <fieldset className={fr.cx("fr-fieldset")} aria-describedby={`${props.legende}-erreur`}>
      <legend className={fr.cx("fr-fieldset__legend")}>{props.legende}</legend>
      {options(props.libelles)
        .filter((o) => o.valeur !== "non_communique")
        .map((o) => (
          <div
            key={o.valeur}
            className={fr.cx("fr-fieldset__element", "fr-fieldset__element--inline")}
          >
            <Input
              label={o.libelle}
              nativeInputProps={{
                type: "number",
                min: 0,
                inputMode: "numeric",
                value: props.valeurs[o.valeur] ?? "",
                onChange: (e) => props.onChange({ ...props.valeurs, [o.valeur]: e.target.value }),
              }}
            />
          </div>
        ))}
      {props.erreur && (
        <p id={`${props.legende}-erreur`} className={fr.cx("fr-error-text")}>
          {props.erreur}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The activity report, built to be filled in well under a minute on a phone: big choices,
 * remembered place, frequent durations first; checked with the server's schema.
 */
export function FormulaireCra(props: {
  initial: EtatCra;
  libelleEnvoi: string;
  /** The body to send, and the form as it stood (kept with a report that waits for the network). */
  envoyer: (saisie: SaisieCra, etat: EtatCra) => Promise<void>;
  dureesFrequentes: number[];
  /** The conseiller's most used themes, most used first: shown at the top of the list. */
  thematiquesFrequentes: Thematique[];
}) {
  const [e, setE] = useState(props.initial);
  const { erreurs, message, etat, depuisSchema, depuisEchec, effacer } = useErreurs();
  const [enCours, setEnCours] = useState(false);
  const { data: lieux } = useMesLieux();
  const collectif = e.type === "collectif";
  // Named persons give the counts: the form does not ask for them (beneficiaires.md §4).
  const nommees = e.personnes.length > 0 || e.personnesIllisibles > 0;
  const demarches = e.thematiques.includes("aide_aux_demarches_administratives");
  const basculer = <T extends string>(liste: T[], v: T) =>
    liste.includes(v) ? liste.filter((x) => x !== v) : [...liste, v];

  const soumettre = async (ev: FormEvent) => {
    ev.preventDefault();
    const saisie = versSaisie(e);
    const verifie = craSchema(jourParis(new Date())).safeParse(saisie);
    if (!verifie.success) {
      depuisSchema(verifie.error.issues);
      document.getElementById("erreurs-cra")?.focus();
      return;
    }
    setEnCours(true);
    try {
      await props.envoyer(saisie, e);
      if (saisie.lieuId) localStorage.setItem(CLE_DERNIER_LIEU, saisie.lieuId);
      effacer();
    } catch (err) {
      depuisEchec(err);
      document.getElementById("erreurs-cra")?.focus();
    } finally {
      setEnCours(false);
    }
  };
  const durees = [...new Set([...props.dureesFrequentes, ...DUREES_PREDEFINIES])].slice(0, 8);
  // Frequent themes first, in their order; the others keep the vocabulary's (a stable sort).
  const rang = (valeur: string) => {
    const i = props.thematiquesFrequentes.indexOf(valeur as Thematique);
    return i < 0 ? props.thematiquesFrequentes.length : i;
  };

  return (
    <form onSubmit={soumettre} noValidate>
      <div id="erreurs-cra" tabIndex={-1} aria-live="polite">
        {erreurs.length > 0 && (
          <Alert
            severity="error"
            title="Le compte rendu n'a pas pu être enregistré"
            description={erreurs.map((x) => x.message).join(" ")}
            className={fr.cx("fr-mb-3w")}
          />
        )}
      </div>
      <RadioButtons
        legend="Type d'activité"
        orientation="horizontal"
        {...etat("type")}
        options={options(TYPES_ACTIVITE).map((o) => ({
          label: o.libelle,
          nativeInputProps: {
            value: o.valeur,
            checked: e.type === o.valeur,
            onChange: () =>
              setE({ ...e, type: o.valeur, nbParticipants: o.valeur === "collectif" ? "5" : "1" }),
          },
        }))}
      />
      <Input
        label="Date"
        {...etat("date")}
        nativeInputProps={{
          type: "date",
          max: jourParis(new Date()),
          value: e.date,
          onChange: (x) => setE({ ...e, date: x.target.value }),
        }}
      />
      <RadioButtons
        legend="Durée"
        hintText={
          props.dureesFrequentes.length > 0
            ? "Vos durées les plus fréquentes d'abord, puis les durées courantes."
            : "Les durées courantes ; une autre se saisit en minutes."
        }
        orientation="horizontal"
        {...etat("dureeMinutes")}
        options={durees.map((d) => ({
          label: d < 60 ? `${d} min` : `${Math.floor(d / 60)} h${d % 60 ? ` ${d % 60}` : ""}`,
          nativeInputProps: {
            value: String(d),
            checked: e.dureeMinutes === String(d),
            onChange: () => setE({ ...e, dureeMinutes: String(d) }),
          },
        }))}
      />
      <Input
        label="Autre durée (minutes)"
        nativeInputProps={{
          type: "number",
          min: 1,
          max: 1439,
          inputMode: "numeric",
          value: durees.map(String).includes(e.dureeMinutes) ? "" : e.dureeMinutes,
          onChange: (x) => setE({ ...e, dureeMinutes: x.target.value }),
        }}
      />
      <RadioButtons
        legend="Lieu"
        orientation="horizontal"
        {...etat("typeLieu")}
        options={options(TYPES_LIEU).map((o) => ({
          label: o.libelle,
          nativeInputProps: {
            value: o.valeur,
            checked: e.typeLieu === o.valeur,
            onChange: () => setE({ ...e, typeLieu: o.valeur }),
          },
        }))}
      />
      {e.typeLieu === "lieu_activite" && (
        <Select
          label="Votre lieu d'activité"
          {...etat("lieuId")}
          nativeSelectProps={{
            name: "lieuId",
            value: e.lieuId,
            onChange: (x) => setE({ ...e, lieuId: x.target.value }),
          }}
        >
          <option value="" disabled>
            Choisir
          </option>
          {lieux?.map((l) => (
            <option key={l.id} value={l.id}>
              {l.nom} – {l.commune}
            </option>
          ))}
        </Select>
      )}
      {(e.typeLieu === "domicile" || e.typeLieu === "autre") && (
        <ChoixCommune
          valeur={e.communeCode}
          onChange={(communeCode) => setE({ ...e, communeCode })}
          erreur={message("communeCode")}
        />
      )}
      {collectif && (
        <>
          <Input
            label="Nombre de participants"
            {...etat("nbParticipants")}
            nativeInputProps={{
              type: "number",
              min: 1,
              max: 100,
              inputMode: "numeric",
              value: e.nbParticipants,
              onChange: (x) => setE({ ...e, nbParticipants: x.target.value }),
            }}
          />
          <Input
            label="Titre de l'atelier (facultatif)"
            nativeInputProps={{
              value: e.titreAtelier,
              onChange: (x) => setE({ ...e, titreAtelier: x.target.value }),
            }}
          />
          <Select
            label="Niveau (facultatif)"
            nativeSelectProps={{
              value: e.niveau,
              onChange: (x) => setE({ ...e, niveau: x.target.value }),
            }}
          >
            <option value="">Non précisé</option>
            {options(NIVEAUX_ATELIER).map((o) => (
              <option key={o.valeur} value={o.valeur}>
                {o.libelle}
              </option>
            ))}
          </Select>
        </>
      )}
      <ChoixPersonnes
        personnes={e.personnes}
        illisibles={e.personnesIllisibles}
        max={collectif ? Math.max(1, Number(e.nbParticipants) || 1) : 1}
        onChange={(personnes) => setE({ ...e, personnes })}
        erreur={message("beneficiaireIds")}
      />
      {nommees ? (
        <p className={fr.cx("fr-text--sm")}>
          « Déjà accompagné », tranches d'âge, statuts et genres : tirés des fiches des personnes
          nommées{collectif ? " ; les autres participants comptent « non communiqué »" : ""}.
        </p>
      ) : !collectif ? (
        // One person: a yes or a no, not a number to type.
        <RadioButtons
          legend="Personne déjà accompagnée"
          orientation="horizontal"
          {...etat("dejaAccompagnes")}
          options={[
            ["0", "Non, première fois"],
            ["1", "Oui"],
          ].map(([valeur, libelle]) => ({
            label: libelle,
            nativeInputProps: {
              name: "dejaAccompagnes",
              value: valeur,
              checked: (e.dejaAccompagnes || "0") === valeur,
              onChange: () => setE({ ...e, dejaAccompagnes: valeur! }),
            },
          }))}
        />
      ) : (
        <Input
          label="Dont déjà accompagnés"
          {...etat("dejaAccompagnes")}
          nativeInputProps={{
            type: "number",
            min: 0,
            inputMode: "numeric",
            value: e.dejaAccompagnes,
            onChange: (x) => setE({ ...e, dejaAccompagnes: x.target.value }),
          }}
        />
      )}
      <Checkbox
        legend="Thématiques (au moins une)"
        {...(props.thematiquesFrequentes.length > 0
          ? { hintText: "Vos thématiques les plus fréquentes en tête." }
          : {})}
        {...etat("thematiques")}
        options={options(THEMATIQUES)
          .filter((o) => demarches || !THEMATIQUES_DEMARCHES.includes(o.valeur as Thematique))
          .sort((a, b) => rang(a.valeur) - rang(b.valeur))
          .map((o) => ({
            label: o.libelle,
            nativeInputProps: {
              name: "thematiques",
              value: o.valeur,
              checked: e.thematiques.includes(o.valeur as Thematique),
              onChange: () =>
                setE({ ...e, thematiques: basculer(e.thematiques, o.valeur as Thematique) }),
            },
          }))}
      />
      {demarches && (
        <Input
          label="Précisions sur la démarche (facultatif)"
          nativeInputProps={{
            value: e.precisionsDemarche,
            onChange: (x) => setE({ ...e, precisionsDemarche: x.target.value }),
          }}
        />
      )}
      <Accordion label="Public, matériel, autonomie, orientation et participants (facultatif)">
        <Select
          label="Public"
          nativeSelectProps={{
            value: e.public,
            onChange: (x) => setE({ ...e, public: x.target.value }),
          }}
        >
          {options(PUBLICS).map((o) => (
            <option key={o.valeur} value={o.valeur}>
              {o.libelle}
            </option>
          ))}
        </Select>
        <Checkbox
          legend="Matériel utilisé"
          orientation="horizontal"
          {...etat("materiel")}
          options={options(MATERIELS).map((o) => ({
            label: o.libelle,
            nativeInputProps: {
              checked: e.materiel.includes(o.valeur),
              onChange: () => setE({ ...e, materiel: basculer(e.materiel, o.valeur) }),
            },
          }))}
        />
        {!collectif && (
          <>
            <Select
              label="Autonomie de la personne"
              nativeSelectProps={{
                value: e.autonomie,
                onChange: (x) => setE({ ...e, autonomie: x.target.value }),
              }}
            >
              <option value="">Non précisée</option>
              {options(AUTONOMIES).map((o) => (
                <option key={o.valeur} value={o.valeur}>
                  {o.libelle}
                </option>
              ))}
            </Select>
            <Checkbox
              options={[
                {
                  label: "La personne a été orientée vers une autre structure",
                  nativeInputProps: {
                    checked: e.oriente,
                    onChange: () => setE({ ...e, oriente: !e.oriente }),
                  },
                },
              ]}
            />
            {e.oriente && (
              <Select
                label="Vers quel type de structure ?"
                {...etat("structureRedirection")}
                nativeSelectProps={{
                  value: e.structureRedirection,
                  onChange: (x) => setE({ ...e, structureRedirection: x.target.value }),
                }}
              >
                <option value="" disabled>
                  Choisir
                </option>
                {options(STRUCTURES_REDIRECTION).map((o) => (
                  <option key={o.valeur} value={o.valeur}>
                    {o.libelle}
                  </option>
                ))}
              </Select>
            )}
          </>
        )}
        {!nommees && (
          <>
            <Repartition
              legende="Tranches d'âge"
              libelles={TRANCHES_AGE}
              valeurs={e.ages}
              onChange={(ages) => setE({ ...e, ages })}
              erreur={message("ages")}
            />
            <Repartition
              legende="Statuts"
              libelles={STATUTS_SOCIAUX}
              valeurs={e.statuts}
              onChange={(statuts) => setE({ ...e, statuts })}
              erreur={message("statuts")}
            />
            <Repartition
              legende="Genres"
              libelles={GENRES}
              valeurs={e.genres}
              onChange={(genres) => setE({ ...e, genres })}
              erreur={message("genres")}
            />
          </>
        )}
        <Input
          label="Notes (facultatif)"
          textArea
          {...etat("notes")}
          nativeTextAreaProps={{
            value: e.notes,
            onChange: (x) => setE({ ...e, notes: x.target.value }),
          }}
        />
      </Accordion>
      {/* Always within reach of a thumb, however far the form scrolls. */}
      <div className="cra-envoi">
        <Button type="submit" disabled={enCours}>
          {props.libelleEnvoi}
        </Button>
      </div>
    </form>
  );
}
