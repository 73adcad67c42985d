import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { amiSchema, STATUTS_AMI } from "../../domain/selection/ami.ts";
import { amisSchema, amiVueSchema } from "../../domain/selection/api.ts";
import { TYPES_JURIDIQUES, type TypeJuridique } from "../../domain/selection/structure.ts";
import { appeler } from "../api.ts";
import { useErreurs } from "../socle/erreurs.ts";
import { dateLongue } from "../socle/format.ts";

/** Calls for applications: list, prepare, open, close. */
export function Appels() {
  const client = useQueryClient();
  const { data: amis } = useQuery({
    queryKey: ["amis"],
    queryFn: () => appeler(amisSchema, "/api/amis"),
  });
  const [f, setF] = useState({
    titre: "",
    ouverture: "",
    cloture: "",
    typesEligibles: [] as TypeJuridique[],
  });
  const { etat, generale: horsChamps, depuisSchema, depuisEchec, effacer } = useErreurs();
  const recharger = () => client.invalidateQueries({ queryKey: ["amis"] });

  const creer = async (e: FormEvent) => {
    e.preventDefault();
    const verifie = amiSchema.safeParse({ ...f, cloture: f.cloture || null });
    if (!verifie.success) {
      depuisSchema(verifie.error.issues);
      return;
    }
    try {
      await appeler(amiVueSchema, "/api/amis", { methode: "POST", corps: verifie.data });
      effacer();
      setF({ titre: "", ouverture: "", cloture: "", typesEligibles: [] });
      await recharger();
    } catch (err) {
      depuisEchec(err);
    }
  };
  const changer = async (id: string, action: "ouverture" | "cloture") => {
    try {
      await appeler(amiVueSchema, `/api/amis/${id}/${action}`, { methode: "POST" });
      effacer();
      await recharger();
    } catch (err) {
      depuisEchec(err, "L'action a échoué.");
    }
  };
  const generale = horsChamps(["titre", "ouverture", "cloture", "typesEligibles"]);

  return (
    <section aria-labelledby="titre-appels" className={fr.cx("fr-mt-4w")}>
      <h2 id="titre-appels">Appels à manifestation d'intérêt</h2>
      {generale && (
        <Alert
          severity="error"
          small
          description={generale.message}
          className={fr.cx("fr-mb-2w")}
        />
      )}
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>Appels à manifestation d'intérêt</caption>
          <thead>
            <tr>
              <th scope="col">Titre</th>
              <th scope="col">Ouverture</th>
              <th scope="col">Clôture</th>
              <th scope="col">Statut</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {amis?.map((a) => (
              <tr key={a.id}>
                <td>{a.titre}</td>
                <td>{dateLongue.format(new Date(a.ouverture))}</td>
                <td>{a.cloture ? dateLongue.format(new Date(a.cloture)) : "Au fil de l'eau"}</td>
                <td>{STATUTS_AMI[a.statut]}</td>
                <td>
                  {a.statut === "brouillon" && (
                    <Button size="small" onClick={() => void changer(a.id, "ouverture")}>
                      Ouvrir<span className={fr.cx("fr-sr-only")}> {a.titre}</span>
                    </Button>
                  )}
                  {a.statut === "ouvert" && (
                    <Button
                      size="small"
                      priority="secondary"
                      onClick={() => void changer(a.id, "cloture")}
                    >
                      Clore<span className={fr.cx("fr-sr-only")}> {a.titre}</span>
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={creer} noValidate aria-labelledby="titre-nouvel-appel">
        <h3 id="titre-nouvel-appel">Préparer un appel</h3>
        <Input
          label="Titre de l'appel"
          {...etat("titre")}
          nativeInputProps={{
            name: "titre",
            value: f.titre,
            onChange: (e) => setF({ ...f, titre: e.target.value }),
          }}
        />
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <Input
              label="Ouverture"
              {...etat("ouverture")}
              nativeInputProps={{
                name: "ouverture",
                type: "date",
                value: f.ouverture,
                onChange: (e) => setF({ ...f, ouverture: e.target.value }),
              }}
            />
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <Input
              label="Clôture"
              hintText="Laisser vide pour un appel au fil de l'eau"
              {...etat("cloture")}
              nativeInputProps={{
                name: "cloture",
                type: "date",
                value: f.cloture,
                onChange: (e) => setF({ ...f, cloture: e.target.value }),
              }}
            />
          </div>
        </div>
        <Checkbox
          legend="Structures éligibles"
          {...etat("typesEligibles")}
          options={(Object.entries(TYPES_JURIDIQUES) as [TypeJuridique, string][]).map(
            ([code, libelle]) => ({
              label: libelle,
              nativeInputProps: {
                name: "typesEligibles",
                value: code,
                checked: f.typesEligibles.includes(code),
                onChange: (e) =>
                  setF({
                    ...f,
                    typesEligibles: e.target.checked
                      ? [...f.typesEligibles, code]
                      : f.typesEligibles.filter((t) => t !== code),
                  }),
              },
            }),
          )}
        />
        <Button type="submit" priority="secondary">
          Préparer l'appel (brouillon)
        </Button>
      </form>
    </section>
  );
}
