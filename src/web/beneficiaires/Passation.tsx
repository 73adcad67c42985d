import { fr } from "@codegouvfr/react-dsfr";
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { colleguesSchema, passationFaiteSchema } from "../../domain/beneficiaires/api.ts";
import { quantite } from "../../domain/format.ts";
import { appeler } from "../api.ts";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useErreurs } from "../socle/erreurs.ts";

/**
 * Before leaving the structure, the conseiller hands the persons who agreed to be shared to a
 * colleague; the others stay with them, to be deleted (docs/domaine/beneficiaires.md §10).
 */
export function Passation() {
  const { data: collegues } = useQuery({
    queryKey: ["collegues"],
    queryFn: () => appeler(colleguesSchema, "/api/beneficiaires/collegues"),
  });
  const client = useQueryClient();
  const [collegueId, setCollegueId] = useState("");
  const [faite, setFaite] = useState<{ transmises: number; gardees: number; n: number }>();
  const { etat, depuisEchec, effacer } = useErreurs();
  const transmettre = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await appeler(passationFaiteSchema, "/api/beneficiaires/passation", {
        methode: "POST",
        corps: { collegueId },
      });
      effacer();
      await client.invalidateQueries({ queryKey: ["beneficiaires"] });
      setFaite((avant) => ({ ...r, n: (avant?.n ?? 0) + 1 }));
    } catch (err) {
      depuisEchec(err, "La transmission a échoué.");
    }
  };
  return (
    <Accordion label="Vous quittez votre structure ?" className={fr.cx("fr-mt-4w")}>
      {faite && (
        <Confirmation cle={faite.n} titre="Fiches transmises">
          <p>
            {quantite(faite.transmises, "fiche transmise", "fiches transmises")} ;{" "}
            {quantite(faite.gardees, "fiche reste", "fiches restent")} chez vous (sans accord de
            partage) : supprimez-les si vous ne suivez plus ces personnes.
          </p>
        </Confirmation>
      )}
      <p>
        Transmettez à un collègue de votre structure les personnes qui ont accepté que leur fiche
        soit partagée avec la structure. Les autres restent à vous : elles n'ont pas donné leur
        accord.
      </p>
      {collegues && collegues.length === 0 ? (
        <Alert
          small
          severity="info"
          description="Aucun autre conseiller n'est employé aujourd'hui par votre structure."
        />
      ) : (
        <form onSubmit={transmettre} noValidate>
          <Select
            label="Collègue qui reprend le suivi"
            {...etat("collegueId")}
            nativeSelectProps={{
              value: collegueId,
              onChange: (e) => setCollegueId(e.target.value),
            }}
          >
            <option value="" disabled>
              Choisir
            </option>
            {collegues?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.prenom} {c.nom}
              </option>
            ))}
          </Select>
          <Button type="submit" priority="secondary">
            Transmettre les fiches partagées
          </Button>
        </form>
      )}
    </Accordion>
  );
}
