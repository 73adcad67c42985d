import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "wouter";
import { jourFr } from "../../domain/format.ts";
import { statistiquesPartageesSchema } from "../../domain/partages/api.ts";
import { ChiffresStatistiques } from "../activite/Statistiques.tsx";
import { appeler } from "../api.ts";
import { dateLongue } from "../socle/format.ts";
import { useTitre } from "../socle/titre.ts";

/** What a share link opens, for anyone who has it: the figures, whose, over which period. */
export function PageStatistiquesPartagees() {
  const { jeton } = useParams<{ jeton: string }>();
  const { data, error } = useQuery({
    queryKey: ["partage", jeton],
    queryFn: () =>
      appeler(
        statistiquesPartageesSchema,
        `/api/public/partages/${encodeURIComponent(jeton ?? "")}`,
      ),
    retry: false,
  });
  useTitre(data?.titre ?? "Statistiques partagées");
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      {error ? (
        <>
          <h1>Statistiques partagées</h1>
          <Alert severity="error" title="Ce lien ne s'ouvre pas" description={error.message} />
        </>
      ) : !data ? (
        <p>Chargement…</p>
      ) : (
        <>
          <h1>{data.titre}</h1>
          <p className={fr.cx("fr-text--lead")}>{data.perimetre}</p>
          <p>
            Activité du {jourFr(data.statistiques.periode.du)} au{" "}
            {jourFr(data.statistiques.periode.au)}, partagée le{" "}
            {dateLongue.format(new Date(data.creeLe))}
            {data.expireLe ? `, lien valable jusqu'au ${jourFr(data.expireLe)}` : ""}. Chiffres
            agrégés des comptes rendus d'activité, sans aucun nom de personne.
          </p>
          <ChiffresStatistiques data={data.statistiques} />
        </>
      )}
    </div>
  );
}
