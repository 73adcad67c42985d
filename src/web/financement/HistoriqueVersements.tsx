import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type VersementVue, versementsSchema } from "../../domain/financement/api.ts";
import { eurosFr } from "../../domain/format.ts";
import { appeler, appelerApi, ErreurApi } from "../api.ts";
import { centimes, jourCourt } from "../socle/format.ts";

const NATURES: Record<string, string> = {
  avance: "Avance",
  solde: "Solde",
  regularisation: "Régularisation",
};

/** A correction is a new régularisation line that names the line it corrects and why. */
function Correction(props: {
  structureId: string;
  corrige: VersementVue;
  aujourdhui: string;
  fermer: () => void;
}) {
  const client = useQueryClient();
  const [montant, setMontant] = useState((-props.corrige.montantCents / 100).toFixed(2));
  const [reference, setReference] = useState("");
  const [motif, setMotif] = useState("");
  const [erreur, setErreur] = useState<string>();
  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    const cents = centimes(montant);
    if (Number.isNaN(cents)) {
      setErreur("Indiquez un montant en euros, par exemple -1 000,00.");
      return;
    }
    try {
      await appelerApi("/api/financement/versements", {
        methode: "POST",
        corps: {
          structureId: props.structureId,
          posteId: props.corrige.posteId ?? undefined,
          nature: "regularisation",
          montantCents: cents,
          date: props.aujourdhui,
          reference,
          corrigeId: props.corrige.id,
          motif,
        },
      });
      await client.invalidateQueries({ queryKey: ["grand-livre"] });
      await client.invalidateQueries({ queryKey: ["versements", props.structureId] });
      props.fermer();
    } catch (err) {
      setErreur(err instanceof ErreurApi ? err.message : "L'enregistrement a échoué.");
    }
  };
  return (
    <form onSubmit={envoyer} aria-label={`Correction du versement ${props.corrige.reference}`}>
      {erreur && (
        <Alert severity="error" small description={erreur} className={fr.cx("fr-mb-2w")} />
      )}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <Input
            label="Montant de la correction (€)"
            nativeInputProps={{
              inputMode: "decimal",
              value: montant,
              onChange: (e) => setMontant(e.target.value),
            }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <Input
            label="Référence bancaire"
            nativeInputProps={{ value: reference, onChange: (e) => setReference(e.target.value) }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Input
            label="Motif de la correction"
            nativeInputProps={{ value: motif, onChange: (e) => setMotif(e.target.value) }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
          <Button type="submit" className={fr.cx("fr-mt-4w")}>
            Corriger
          </Button>
        </div>
      </div>
    </form>
  );
}

/** The payments of one structure, oldest first, never deleted: each can be corrected. */
export function HistoriqueVersements(props: {
  structureId: string;
  structure: string;
  aujourdhui: string;
}) {
  const { data, error } = useQuery({
    queryKey: ["versements", props.structureId],
    queryFn: () =>
      appeler(versementsSchema, `/api/financement/versements?structureId=${props.structureId}`),
  });
  const [corrige, setCorrige] = useState<VersementVue | null>(null);
  return (
    <section aria-labelledby="titre-versements" className={fr.cx("fr-mt-3w")}>
      <h3 id="titre-versements">Versements à {props.structure}</h3>
      {error && <Alert severity="error" small description={error.message} />}
      {data && data.length === 0 && <p>Aucun versement enregistré.</p>}
      {data && data.length > 0 && (
        <div className={fr.cx("fr-table")}>
          <table>
            <caption>Versements, du plus ancien au plus récent</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Nature</th>
                <th scope="col">Montant</th>
                <th scope="col">Référence</th>
                <th scope="col">Motif</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {data.map((v) => (
                <tr key={v.id}>
                  <td>{jourCourt(v.date)}</td>
                  <td>
                    {NATURES[v.nature] ?? v.nature}
                    {v.corrigeId ? " (correction)" : ""}
                  </td>
                  <td>{eurosFr(v.montantCents)}</td>
                  <td>{v.reference}</td>
                  <td>{v.motif ?? "—"}</td>
                  <td>
                    <Button priority="tertiary" size="small" onClick={() => setCorrige(v)}>
                      Corriger
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {corrige && (
        <Correction
          key={corrige.id}
          structureId={props.structureId}
          corrige={corrige}
          aujourdhui={props.aujourdhui}
          fermer={() => setCorrige(null)}
        />
      )}
    </section>
  );
}
