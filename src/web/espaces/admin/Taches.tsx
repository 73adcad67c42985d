import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type EtatTache, etatDesTachesSchema, relanceTacheSchema } from "../../../domain/taches.ts";
import { appeler, ErreurApi } from "../../api.ts";
import { Confirmation } from "../../socle/Confirmation.tsx";
import { dateHeure } from "../../socle/format.ts";
import { GabaritEspace } from "../GabaritEspace.tsx";

/** The schedules the catalogue uses, as people read them. */
const PLANIFICATIONS: Record<string, string> = {
  "*/15 * * * *": "Tous les quarts d'heure",
  "0 * * * *": "Toutes les heures",
};

const quand = (iso: string | null) => (iso ? dateHeure.format(new Date(iso)) : "Jamais");

/** The periodic tasks: when each last ran, what failed and why, and a retry (journaled). */
export function TachesAdmin() {
  const client = useQueryClient();
  const { data, error } = useQuery({
    queryKey: ["taches"],
    queryFn: () => appeler(etatDesTachesSchema, "/api/admin/taches"),
  });
  const [fait, setFait] = useState({ n: 0, titre: "" });
  const [erreur, setErreur] = useState<string>();
  const relancer = async (t: EtatTache) => {
    try {
      const r = await appeler(relanceTacheSchema, `/api/admin/taches/${t.nom}/relance`, {
        methode: "POST",
      });
      setErreur(undefined);
      setFait((f) => ({ n: f.n + 1, titre: r.message }));
      await client.invalidateQueries({ queryKey: ["taches"] });
    } catch (e) {
      setErreur(e instanceof ErreurApi ? e.message : "La relance a échoué.");
    }
  };
  return (
    <GabaritEspace roleAttendu="admin" titre="Tâches périodiques">
      {() => (
        <>
          {data && (
            <p>
              {data.mode === "locales"
                ? "Mode embarqué : ce processus exécute lui-même chaque tâche à son rythme ; ce qui suit vaut depuis son démarrage."
                : "Les tâches passent par la file PostgreSQL : un worker prend chaque échéance une seule fois, retente trois fois un échec, puis le met de côté. Historique des 14 derniers jours."}
            </p>
          )}
          {fait.n > 0 && <Confirmation cle={fait.n} titre={fait.titre} />}
          <div aria-live="polite">
            {(erreur ?? error?.message) && (
              <Alert severity="error" small description={erreur ?? error?.message ?? ""} />
            )}
          </div>
          <div className={fr.cx("fr-table")}>
            <table>
              <caption>Tâches périodiques et leur dernière exécution</caption>
              <thead>
                <tr>
                  <th scope="col">Tâche</th>
                  <th scope="col">Rythme</th>
                  <th scope="col">Dernière réussite</th>
                  <th scope="col">Dernier échec</th>
                  <th scope="col">En attente</th>
                  <th scope="col">Mises de côté</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {data?.taches.map((t) => (
                  <tr key={t.nom}>
                    <th scope="row">{t.libelle}</th>
                    <td>{PLANIFICATIONS[t.cron] ?? t.cron}</td>
                    <td>{quand(t.derniereReussite)}</td>
                    <td>
                      {t.dernierEchec
                        ? `${quand(t.dernierEchec.le)} : ${t.dernierEchec.erreur}`
                        : "Aucun"}
                    </td>
                    <td>{t.enAttente}</td>
                    <td>{t.misDeCote}</td>
                    <td>
                      <Button
                        size="small"
                        priority="secondary"
                        onClick={() => void relancer(t)}
                        nativeButtonProps={{ "aria-label": `Relancer : ${t.libelle}` }}
                      >
                        Relancer
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </GabaritEspace>
  );
}
