import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useState } from "react";
import {
  type Recrutement,
  recrutementSchema,
  TYPES_CONTRAT,
  type TypeContrat,
} from "../../domain/recrutement/contrat.ts";
import { useErreurs } from "../socle/erreurs.ts";
import { centimes } from "../socle/format.ts";

/** The contract of a recruitment or of a renewal, checked with the server's schema. */
export function FormulaireContrat(props: {
  libelleEnvoi: string;
  envoyer: (r: Recrutement) => Promise<void>;
}) {
  const [f, setF] = useState({
    type: "" as TypeContrat | "",
    dateDebut: "",
    dateFin: "",
    salaire: "",
    heuresHebdo: "35",
    coordinateur: false,
  });
  const { erreurs, etat, depuisSchema, depuisEchec } = useErreurs();
  const [enCours, setEnCours] = useState(false);
  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    const verifie = recrutementSchema.safeParse({
      type: f.type,
      dateDebut: f.dateDebut,
      dateFin: f.type === "cdi" || !f.dateFin ? null : f.dateFin,
      salaireBrutMensuelCents: centimes(f.salaire),
      heuresHebdo: f.heuresHebdo,
      coordinateur: f.coordinateur,
    });
    if (!verifie.success) {
      depuisSchema(verifie.error.issues);
      return;
    }
    setEnCours(true);
    try {
      await props.envoyer(verifie.data);
    } catch (err) {
      depuisEchec(err);
    } finally {
      setEnCours(false);
    }
  };
  return (
    <form onSubmit={soumettre} noValidate>
      <div aria-live="polite">
        {erreurs.length > 0 && (
          <Alert
            small
            severity="error"
            description={erreurs.map((x) => x.message).join(" ")}
            className={fr.cx("fr-mb-2w")}
          />
        )}
      </div>
      <Select
        label="Type de contrat"
        {...etat("type")}
        nativeSelectProps={{
          name: "type",
          value: f.type,
          onChange: (e) => setF({ ...f, type: e.target.value as TypeContrat }),
        }}
      >
        <option value="" disabled>
          Choisir
        </option>
        {(Object.keys(TYPES_CONTRAT) as TypeContrat[]).map((t) => (
          <option key={t} value={t}>
            {TYPES_CONTRAT[t]}
          </option>
        ))}
      </Select>
      <Input
        label="Date de début"
        {...etat("dateDebut")}
        nativeInputProps={{
          name: "dateDebut",
          type: "date",
          value: f.dateDebut,
          onChange: (e) => setF({ ...f, dateDebut: e.target.value }),
        }}
      />
      {f.type !== "cdi" && (
        <Input
          label="Date de fin"
          {...etat("dateFin")}
          nativeInputProps={{
            name: "dateFin",
            type: "date",
            value: f.dateFin,
            onChange: (e) => setF({ ...f, dateFin: e.target.value }),
          }}
        />
      )}
      <Input
        label="Salaire brut mensuel (€)"
        hintText="Au moins le SMIC : 1 554,58 € pour 35 h"
        {...etat("salaireBrutMensuelCents")}
        nativeInputProps={{
          name: "salaire",
          inputMode: "decimal",
          value: f.salaire,
          onChange: (e) => setF({ ...f, salaire: e.target.value }),
        }}
      />
      <Input
        label="Durée hebdomadaire (heures)"
        {...etat("heuresHebdo")}
        nativeInputProps={{
          name: "heuresHebdo",
          type: "number",
          min: 1,
          max: 35,
          value: f.heuresHebdo,
          onChange: (e) => setF({ ...f, heuresHebdo: e.target.value }),
        }}
      />
      <Checkbox
        options={[
          {
            label: "Poste de coordinateur",
            nativeInputProps: {
              name: "coordinateur",
              checked: f.coordinateur,
              onChange: () => setF({ ...f, coordinateur: !f.coordinateur }),
            },
          },
        ]}
      />
      <Button type="submit" disabled={enCours}>
        {props.libelleEnvoi}
      </Button>
    </form>
  );
}
