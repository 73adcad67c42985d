import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { sessionComiteVueSchema, sessionsComiteSchema } from "../../domain/selection/api.ts";
import { appeler } from "../api.ts";
import { useErreurs } from "../socle/erreurs.ts";
import { dateLongue } from "../socle/format.ts";

/** Numbered committee sessions, and a form to prepare the next one. */
export function Comites() {
  const client = useQueryClient();
  const { data: sessions } = useQuery({
    queryKey: ["comites"],
    queryFn: () => appeler(sessionsComiteSchema, "/api/comites"),
  });
  const [numero, setNumero] = useState("");
  const [jour, setJour] = useState("");
  const { message: erreur, depuisEchec, effacer } = useErreurs();
  const creer = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await appeler(sessionComiteVueSchema, "/api/comites", {
        methode: "POST",
        corps: { numero, date: jour },
      });
      effacer();
      setNumero("");
      await client.invalidateQueries({ queryKey: ["comites"] });
    } catch (err) {
      depuisEchec(err);
    }
  };
  return (
    <section aria-labelledby="titre-comites" className={fr.cx("fr-mt-4w")}>
      <h2 id="titre-comites">Comités de sélection</h2>
      <ul>
        {sessions?.map((s) => (
          <li key={s.id}>
            COSELEC {s.numero} du {dateLongue.format(new Date(s.date))}
          </li>
        ))}
      </ul>
      <form
        onSubmit={creer}
        noValidate
        className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")}
      >
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <Input
            label="Numéro de session"
            state={erreur("numero") ? "error" : "default"}
            stateRelatedMessage={erreur("numero")}
            nativeInputProps={{
              name: "numero",
              type: "number",
              min: 1,
              value: numero,
              onChange: (e) => setNumero(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <Input
            label="Date du comité"
            state={erreur("date") ? "error" : "default"}
            stateRelatedMessage={erreur("date")}
            nativeInputProps={{
              name: "date",
              type: "date",
              value: jour,
              onChange: (e) => setJour(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <Button type="submit" priority="secondary">
            Préparer la session
          </Button>
        </div>
      </form>
    </section>
  );
}
