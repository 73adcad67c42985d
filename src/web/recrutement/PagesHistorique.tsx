import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "wouter";
import type { z } from "zod";
import type { LigneHistorique } from "../../domain/historique.ts";
import { historiquePersonneSchema, historiquePosteSchema } from "../../domain/recrutement/api.ts";
import { appeler } from "../api.ts";
import { dateLongue } from "../socle/format.ts";
import { Historique } from "../socle/Historique.tsx";
import { useTitre } from "../socle/titre.ts";

function PageHistorique<S extends z.ZodType<unknown, { historique: LigneHistorique[] }>>(props: {
  schema: S;
  api: string;
  titre: (donnees: z.input<S>) => string;
  entete?: (donnees: z.input<S>) => string;
}) {
  const { data, error } = useQuery({
    queryKey: ["historique", props.api],
    queryFn: () => appeler(props.schema, props.api),
    retry: false,
  });
  const titre = data ? props.titre(data) : "Historique";
  useTitre(titre);
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>{titre}</h1>
      {error && (
        <Alert severity="error" title="Historique indisponible" description={error.message} />
      )}
      {data && (
        <>
          {props.entete && <p>{props.entete(data)}</p>}
          <Historique lignes={data.historique} />
        </>
      )}
    </div>
  );
}

export function HistoriquePersonne() {
  const { id } = useParams<{ id: string }>();
  return (
    <PageHistorique
      schema={historiquePersonneSchema}
      api={`/api/personnes/${id}/historique`}
      titre={(d) => `Historique de ${d.personne.prenom} ${d.personne.nom}`}
    />
  );
}

export function HistoriquePoste() {
  const { id } = useParams<{ id: string }>();
  return (
    <PageHistorique
      schema={historiquePosteSchema}
      api={`/api/postes/${id}/historique`}
      titre={(d) => `Historique d'un poste de ${d.poste.structure}`}
      entete={(d) => `Attribué le ${dateLongue.format(new Date(d.poste.dateAttribution))}.`}
    />
  );
}
