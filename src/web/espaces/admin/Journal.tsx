import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { appelerApi } from "../../api.ts";
import { GabaritEspace } from "../GabaritEspace.tsx";

type Entree = {
  id: number;
  le: string;
  role: string | null;
  auteur: string;
  action: string;
  cibleType: string;
  cibleId: string;
  avant: unknown;
  apres: unknown;
};

const dateHeure = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "short",
  timeStyle: "medium",
  timeZone: "Europe/Paris",
});

export function JournalAdmin() {
  const { data } = useQuery({
    queryKey: ["journal"],
    queryFn: () => appelerApi<{ entrees: Entree[] }>("/api/journal"),
  });
  return (
    <GabaritEspace roleAttendu="admin" titre="Journal des modifications">
      {() => (
        <div className={fr.cx("fr-table")}>
          <table>
            <caption>Les 100 dernières modifications</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Auteur</th>
                <th scope="col">Action</th>
                <th scope="col">Cible</th>
                <th scope="col">Avant</th>
                <th scope="col">Après</th>
              </tr>
            </thead>
            <tbody>
              {data?.entrees.map((e) => (
                <tr key={e.id}>
                  <td>{dateHeure.format(new Date(e.le))}</td>
                  <td>{e.role ?? e.auteur}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.cibleType} {e.cibleId.slice(0, 8)}
                  </td>
                  <td>
                    <code>{e.avant ? JSON.stringify(e.avant) : "—"}</code>
                  </td>
                  <td>
                    <code>{e.apres ? JSON.stringify(e.apres) : "—"}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </GabaritEspace>
  );
}
