import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "wouter";
import { quantite } from "../../domain/format.ts";
import { ficheStructureSchema } from "../../domain/selection/api.ts";
import { NATURES_DEMANDE, STATUTS_DEMANDE } from "../../domain/selection/demande-postes.ts";
import { TYPES_JURIDIQUES } from "../../domain/selection/structure.ts";
import { appeler } from "../api.ts";
import { Historique } from "../socle/Historique.tsx";
import { useTitre } from "../socle/titre.ts";

export function FicheStructure() {
  const { id } = useParams<{ id: string }>();
  const { data, error } = useQuery({
    queryKey: ["structure", id],
    queryFn: () => appeler(ficheStructureSchema, `/api/structures/${id}`),
    retry: false,
  });
  useTitre(data ? data.structure.nom : "Structure");
  if (error)
    return (
      <div className={fr.cx("fr-container", "fr-py-6w")}>
        <h1>Structure</h1>
        <Alert severity="error" title="Structure introuvable" description={error.message} />
      </div>
    );
  if (!data)
    return (
      <div className={fr.cx("fr-container", "fr-py-6w")}>
        <p>Chargement…</p>
      </div>
    );
  const s = data.structure;
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>{s.nom}</h1>
      <p>
        {TYPES_JURIDIQUES[s.typeJuridique] ?? s.typeJuridique} –{" "}
        {s.secteur === "public" ? "secteur public" : "secteur privé"} – SIRET {s.siret ?? "—"}
        <br />
        {s.adresse ? `${s.adresse}, ` : ""}
        {s.commune} ({s.departementCode})
      </p>
      <h2>Demandes</h2>
      {data.demandes.length === 0 ? (
        <p>Aucune demande.</p>
      ) : (
        <ul>
          {data.demandes.map((d) => (
            <li key={d.id}>
              <Link href={`/espace/demandes/${d.id}`}>{NATURES_DEMANDE[d.nature]}</Link> –{" "}
              {quantite(d.postesDemandes, "poste", "postes")} – {STATUTS_DEMANDE[d.statut]}
            </li>
          ))}
        </ul>
      )}
      <h2>Postes</h2>
      <p>{quantite(data.postes.length, "poste attribué", "postes attribués")}.</p>
      <h2>Historique</h2>
      <Historique lignes={data.historique} />
    </div>
  );
}
