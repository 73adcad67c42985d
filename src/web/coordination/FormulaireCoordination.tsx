import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type CoordinationEnregistree, equipeSchema } from "../../domain/coordination/api.ts";
import {
  craCoordinationSchema,
  type SaisieCraCoordination,
  TYPES_COORDINATION,
  TYPES_PARTENAIRE,
} from "../../domain/coordination/coordination.ts";
import { THEMATIQUES } from "../../domain/cra/vocabulaire.ts";
import { jourParis } from "../../domain/temps.ts";
import { appeler } from "../api.ts";
import { ChoixCommune } from "../socle/ChoixCommune.tsx";
import { useErreurs } from "../socle/erreurs.ts";

/** What the form holds while it is typed: every kind's fields, as the inputs give them. */
export type EtatCoordination = {
  type: string;
  date: string;
  dureeMinutes: string;
  notes: string;
  participantIds: string[];
  thematiques: string[];
  titre: string;
  communeCode: string;
  nbParticipants: string;
  partenaires: string;
  structurePartenaire: string;
  typePartenaire: string;
  sujet: string;
};

export const coordinationVide = (date: string): EtatCoordination => ({
  type: "",
  date,
  dureeMinutes: "",
  notes: "",
  participantIds: [],
  thematiques: [],
  titre: "",
  communeCode: "",
  nbParticipants: "",
  partenaires: "",
  structurePartenaire: "",
  typePartenaire: "",
  sujet: "",
});

export const etatDepuisCoordination = (c: CoordinationEnregistree): EtatCoordination => ({
  type: c.type,
  date: c.date,
  dureeMinutes: String(c.dureeMinutes),
  notes: c.notes ?? "",
  participantIds: c.participantIds,
  thematiques: c.thematiques,
  titre: c.titre ?? "",
  communeCode: c.communeCode ?? "",
  nbParticipants: c.nbParticipants === null ? "" : String(c.nbParticipants),
  partenaires: c.partenaires ?? "",
  structurePartenaire: c.structurePartenaire ?? "",
  typePartenaire: c.typePartenaire ?? "",
  sujet: c.sujet ?? "",
});

/** The body the shared schema reads: the chosen kind's fields only. */
export function versSaisieCoordination(e: EtatCoordination): SaisieCraCoordination {
  const commun = {
    date: e.date,
    dureeMinutes: e.dureeMinutes,
    notes: e.notes.trim() || null,
  };
  if (e.type === "animation")
    return {
      type: "animation",
      ...commun,
      participantIds: e.participantIds,
      thematiques: e.thematiques,
    } as SaisieCraCoordination;
  if (e.type === "evenement")
    return {
      type: "evenement",
      ...commun,
      titre: e.titre,
      communeCode: e.communeCode,
      nbParticipants: e.nbParticipants,
      partenaires: e.partenaires.trim() || null,
    } as SaisieCraCoordination;
  return {
    type: e.type,
    ...commun,
    structurePartenaire: e.structurePartenaire,
    typePartenaire: e.typePartenaire,
    sujet: e.sujet,
  } as SaisieCraCoordination;
}

const basculer = (liste: string[], v: string) =>
  liste.includes(v) ? liste.filter((x) => x !== v) : [...liste, v];

/** An animation, an event or a partnership, checked with the server's schema before sending. */
export function FormulaireCoordination(props: {
  initial: EtatCoordination;
  libelleEnvoi: string;
  envoyer: (saisie: SaisieCraCoordination) => Promise<void>;
}) {
  const [e, setE] = useState(props.initial);
  const { erreurs, message, etat, depuisSchema, depuisEchec, effacer } = useErreurs();
  const [enCours, setEnCours] = useState(false);
  const { data: equipe } = useQuery({
    queryKey: ["equipe-coordination"],
    queryFn: () => appeler(equipeSchema, "/api/coordinations/equipe"),
    enabled: e.type === "animation",
  });
  const texte = (cle: keyof EtatCoordination) => (x: { target: { value: string } }) =>
    setE({ ...e, [cle]: x.target.value });
  const soumettre = async (ev: FormEvent) => {
    ev.preventDefault();
    const saisie = versSaisieCoordination(e);
    const verifie = craCoordinationSchema.safeParse(saisie);
    if (!verifie.success) {
      depuisSchema(verifie.error.issues);
      document.getElementById("erreurs-coordination")?.focus();
      return;
    }
    setEnCours(true);
    try {
      await props.envoyer(saisie);
      effacer();
    } catch (err) {
      depuisEchec(err);
      document.getElementById("erreurs-coordination")?.focus();
    } finally {
      setEnCours(false);
    }
  };
  return (
    <form onSubmit={soumettre} noValidate>
      <div id="erreurs-coordination" tabIndex={-1} aria-live="polite">
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
        legend="Sorte de coordination"
        orientation="horizontal"
        {...etat("type")}
        options={Object.entries(TYPES_COORDINATION).map(([v, l]) => ({
          label: l,
          nativeInputProps: {
            value: v,
            checked: e.type === v,
            onChange: () => setE({ ...e, type: v }),
          },
        }))}
      />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Input
            label="Date"
            {...etat("date")}
            nativeInputProps={{
              type: "date",
              max: jourParis(new Date()),
              value: e.date,
              onChange: texte("date"),
            }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Input
            label="Durée (minutes)"
            {...etat("dureeMinutes")}
            nativeInputProps={{
              type: "number",
              min: 1,
              max: 1439,
              inputMode: "numeric",
              value: e.dureeMinutes,
              onChange: texte("dureeMinutes"),
            }}
          />
        </div>
      </div>
      {e.type === "animation" && (
        <>
          <Checkbox
            legend="Conseillers présents"
            hintText={
              equipe && equipe.length === 0 ? "Aucun conseiller dans votre périmètre." : undefined
            }
            {...etat("participantIds")}
            options={(equipe ?? []).map((c) => ({
              label: `${c.prenom} ${c.nom}${c.structure ? ` (${c.structure})` : ""}`,
              nativeInputProps: {
                checked: e.participantIds.includes(c.id),
                onChange: () => setE({ ...e, participantIds: basculer(e.participantIds, c.id) }),
              },
            }))}
          />
          <Checkbox
            legend="Thématiques abordées"
            {...etat("thematiques")}
            options={Object.entries(THEMATIQUES).map(([v, l]) => ({
              label: l,
              nativeInputProps: {
                checked: e.thematiques.includes(v),
                onChange: () => setE({ ...e, thematiques: basculer(e.thematiques, v) }),
              },
            }))}
          />
        </>
      )}
      {e.type === "evenement" && (
        <>
          <Input
            label="Titre de l'événement"
            {...etat("titre")}
            nativeInputProps={{ value: e.titre, onChange: texte("titre") }}
          />
          <ChoixCommune
            libelle="Commune de l'événement"
            valeur={e.communeCode}
            onChange={(communeCode) => setE({ ...e, communeCode })}
            erreur={message("communeCode")}
          />
          <Input
            label="Nombre de participants"
            {...etat("nbParticipants")}
            nativeInputProps={{
              type: "number",
              min: 1,
              inputMode: "numeric",
              value: e.nbParticipants,
              onChange: texte("nbParticipants"),
            }}
          />
          <Input
            label="Partenaires (facultatif)"
            {...etat("partenaires")}
            nativeInputProps={{ value: e.partenaires, onChange: texte("partenaires") }}
          />
        </>
      )}
      {e.type === "partenariat" && (
        <>
          <Input
            label="Structure partenaire"
            {...etat("structurePartenaire")}
            nativeInputProps={{
              value: e.structurePartenaire,
              onChange: texte("structurePartenaire"),
            }}
          />
          <Select
            label="Type de partenaire"
            {...etat("typePartenaire")}
            nativeSelectProps={{ value: e.typePartenaire, onChange: texte("typePartenaire") }}
          >
            <option value="" disabled>
              Choisir
            </option>
            {Object.entries(TYPES_PARTENAIRE).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
          <Input
            label="Sujet"
            textArea
            {...etat("sujet")}
            nativeTextAreaProps={{ value: e.sujet, onChange: texte("sujet") }}
          />
        </>
      )}
      <Input
        label="Notes (facultatif)"
        textArea
        {...etat("notes")}
        nativeTextAreaProps={{ value: e.notes, onChange: texte("notes") }}
      />
      <Button type="submit" disabled={enCours}>
        {props.libelleEnvoi}
      </Button>
    </form>
  );
}
