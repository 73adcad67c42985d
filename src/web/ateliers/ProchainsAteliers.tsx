import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { pageAteliersPublicsSchema } from "../../domain/ateliers/api.ts";
import { quantite } from "../../domain/format.ts";
import { appeler } from "../api.ts";
import { dateHeure } from "../socle/format.ts";

const MONTRES = 5;

/**
 * The next workshops of a place or around the map's point, soonest first: a few on the page, the
 * whole list one link away (docs/domaine/ateliers.md §2). The count is the server's, all of them.
 */
export function ProchainsAteliers(props: {
  filtres: Record<string, string>;
  titre: string;
  vide: string;
  /** Inside a page whose own headings are h2. */
  niveau?: "h2" | "h3";
}) {
  const requete = new URLSearchParams(props.filtres).toString();
  const { data, error } = useQuery({
    queryKey: ["ateliers-publics", requete],
    queryFn: () => appeler(pageAteliersPublicsSchema, `/api/v1/ateliers?${requete}`),
  });
  const Titre = props.niveau ?? "h2";
  const montres = data?.ateliers.slice(0, MONTRES) ?? [];
  return (
    <section aria-labelledby="titre-prochains-ateliers" className={fr.cx("fr-mt-4w")}>
      <Titre id="titre-prochains-ateliers" className={fr.cx("fr-h5")}>
        {props.titre}
      </Titre>
      {error && <p className={fr.cx("fr-error-text")}>{error.message}</p>}
      {data && (
        <p>
          {data.total === 0
            ? props.vide
            : `${quantite(data.total, "atelier à venir", "ateliers à venir")}${
                data.total > montres.length ? `, les ${montres.length} premiers ci-dessous` : ""
              }.`}
        </p>
      )}
      {montres.length > 0 && (
        <ul>
          {montres.map((a) => (
            <li key={a.id}>
              <Link href={`/ateliers/${a.id}`}>{a.titre}</Link> — le{" "}
              {dateHeure.format(new Date(a.debut))}, {a.lieu.nom} ({a.lieu.commune}) ·{" "}
              {a.placesRestantes > 0
                ? quantite(a.placesRestantes, "place restante", "places restantes")
                : "complet, liste d'attente ouverte"}
            </li>
          ))}
        </ul>
      )}
      {data && data.total > montres.length && (
        <p>
          <Link href={`/ateliers?${requete}`}>
            Voir les {quantite(data.total, "atelier", "ateliers")}
          </Link>
        </p>
      )}
    </section>
  );
}
