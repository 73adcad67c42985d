import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { demandeStructureSchema, MOTIFS_RETRAIT } from "../../domain/selection/avenant.ts";
import { appelerApi } from "../api.ts";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useErreurs } from "../socle/erreurs.ts";

/** A structure asks for more posts, gives some back, or asks for a coordinator post. */
export function NouvelleDemande() {
  const client = useQueryClient();
  const [nature, setNature] = useState<"ajout" | "retrait" | "coordinateur">("ajout");
  const [postes, setPostes] = useState("1");
  const [motif, setMotif] = useState("");
  const [temps, setTemps] = useState("temps_plein");
  const { etat, generale: horsChamps, depuisSchema, depuisEchec, effacer } = useErreurs();
  const [succes, setSucces] = useState<string>();

  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    setSucces(undefined);
    const saisie = nature === "coordinateur" ? { nature, temps, motif } : { nature, postes, motif };
    const verifie = demandeStructureSchema.safeParse(saisie);
    if (!verifie.success) {
      depuisSchema(verifie.error.issues);
      return;
    }
    try {
      await appelerApi("/api/structure/demandes", { methode: "POST", corps: verifie.data });
      effacer();
      setMotif("");
      setSucces("Votre demande est déposée.");
      await client.invalidateQueries({ queryKey: ["demandes"] });
    } catch (err) {
      depuisEchec(err);
    }
  };
  const generale = horsChamps(["postes", "motif", "temps"]);

  return (
    <form
      onSubmit={envoyer}
      noValidate
      aria-labelledby="titre-nouvelle-demande"
      className={fr.cx("fr-mt-4w")}
    >
      <h2 id="titre-nouvelle-demande">Faire une demande</h2>
      {succes && (
        <Confirmation cle={succes} titre={succes}>
          <p>Elle figure dans la liste ci-dessus ; la préfecture donnera son avis.</p>
        </Confirmation>
      )}
      {generale && (
        <Alert
          severity="error"
          small
          description={generale.message}
          className={fr.cx("fr-mb-2w")}
        />
      )}
      <Select
        label="Type de demande"
        nativeSelectProps={{
          name: "nature",
          value: nature,
          onChange: (e) => {
            setNature(e.target.value as typeof nature);
            setMotif("");
          },
        }}
      >
        <option value="ajout">Avenant : ajout de postes</option>
        <option value="retrait">Avenant : retrait de postes vacants</option>
        <option value="coordinateur">Poste de coordinateur</option>
      </Select>
      {nature !== "coordinateur" && (
        <Input
          label="Nombre de postes"
          {...etat("postes")}
          nativeInputProps={{
            name: "postes",
            type: "number",
            min: 1,
            value: postes,
            onChange: (e) => setPostes(e.target.value),
          }}
        />
      )}
      {nature === "coordinateur" && (
        <Select
          label="Temps de travail du coordinateur"
          {...etat("temps")}
          nativeSelectProps={{
            name: "temps",
            value: temps,
            onChange: (e) => setTemps(e.target.value),
          }}
        >
          <option value="temps_plein">Temps plein</option>
          <option value="temps_partiel">Temps partiel</option>
        </Select>
      )}
      {nature === "retrait" ? (
        <Select
          label="Motif du retrait"
          {...etat("motif")}
          nativeSelectProps={{
            name: "motif",
            value: motif,
            onChange: (e) => setMotif(e.target.value),
          }}
        >
          <option value="" disabled>
            Choisir
          </option>
          {Object.entries(MOTIFS_RETRAIT).map(([code, libelle]) => (
            <option key={code} value={code}>
              {libelle}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          label={nature === "ajout" ? "Raison de l'ajout" : "Message (facultatif)"}
          hintText={nature === "ajout" ? "Entre 10 et 1 000 caractères" : undefined}
          textArea
          {...etat("motif")}
          nativeTextAreaProps={{
            name: "motif",
            value: motif,
            onChange: (e) => setMotif(e.target.value),
          }}
        />
      )}
      <Button type="submit">Déposer la demande</Button>
    </form>
  );
}
