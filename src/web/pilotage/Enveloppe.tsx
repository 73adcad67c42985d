import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { enveloppeSchema } from "../../domain/pilotage/api.ts";
import type { SommesEnveloppe } from "../../domain/pilotage/enveloppe.ts";
import { pourcentage } from "../../domain/pilotage/indicateurs.ts";
import { appeler } from "../api.ts";
import { euros, pourcent } from "../socle/format.ts";
import { LiensExport } from "../socle/LiensExport.tsx";

const eur = (cents: number) => euros.format(cents / 100);
const part = (cents: number, sur: number) => pourcent(pourcentage(cents, sur));

const COLONNES: { titre: string; valeur: (l: SommesEnveloppe) => string }[] = [
  { titre: "Postes", valeur: (l) => String(l.postes) },
  { titre: "Accordé", valeur: (l) => eur(l.accordeCents) },
  { titre: "Engagé (postes pourvus)", valeur: (l) => eur(l.engageCents) },
  { titre: "Droits acquis", valeur: (l) => eur(l.droitCents) },
  { titre: "Versé", valeur: (l) => eur(l.verseCents) },
  { titre: "Prévision à la fin des contrats", valeur: (l) => eur(l.prevuCents) },
];

/** The national envelope against what is granted, committed, paid and forecast (admin). */
export function Enveloppe() {
  const [region, setRegion] = useState<{ code: string; nom: string } | null>(null);
  const requete = region ? `?decoupage=departement&region=${region.code}` : "?decoupage=region";
  const { data, error } = useQuery({
    queryKey: ["enveloppe", requete],
    queryFn: () => appeler(enveloppeSchema, `/api/pilotage/enveloppe${requete}`),
  });
  return (
    <section aria-labelledby="titre-enveloppe" className={fr.cx("fr-mb-6w")}>
      <h2 id="titre-enveloppe">Enveloppe nationale des postes</h2>
      {error && <Alert severity="error" small description={error.message} />}
      {data && (
        <>
          <p>
            Enveloppe de {eur(data.enveloppeCents)} : accordé {eur(data.total.accordeCents)} (
            {part(data.total.accordeCents, data.enveloppeCents)}), engagé{" "}
            {eur(data.total.engageCents)}, versé {eur(data.total.verseCents)} (
            {part(data.total.verseCents, data.enveloppeCents)}), prévision{" "}
            {eur(data.total.prevuCents)}
            {region ? ` pour ${region.nom}` : ""}.
          </p>
          <LiensExport
            chemin="/api/pilotage/enveloppe/export"
            requete={requete.slice(1)}
            libelle="Enveloppe par territoire"
          />
          {region && (
            <p>
              <Button
                priority="tertiary"
                size="small"
                iconId="fr-icon-arrow-left-line"
                onClick={() => setRegion(null)}
              >
                Revenir aux régions
              </Button>
            </p>
          )}
          <div className={fr.cx("fr-table")}>
            <table>
              <caption>
                {region ? `Enveloppe par département — ${region.nom}` : "Enveloppe par région"}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Territoire</th>
                  {COLONNES.map((c) => (
                    <th key={c.titre} scope="col">
                      {c.titre}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.lignes.map((l) => (
                  <tr key={l.code}>
                    <th scope="row">
                      {region ? (
                        `${l.nom} (${l.code})`
                      ) : (
                        <button
                          type="button"
                          className={fr.cx("fr-link")}
                          onClick={() => setRegion({ code: l.code, nom: l.nom })}
                        >
                          {l.nom} ({l.code})
                        </button>
                      )}
                    </th>
                    {COLONNES.map((c) => (
                      <td key={c.titre}>{c.valeur(l)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  {COLONNES.map((c) => (
                    <td key={c.titre}>{c.valeur(data.total)}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
