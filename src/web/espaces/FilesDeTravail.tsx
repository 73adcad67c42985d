import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Tile } from "@codegouvfr/react-dsfr/Tile";
import { useQuery } from "@tanstack/react-query";
import { filesDeTravailSchema } from "../../domain/espaces.ts";
import { nombreFr } from "../../domain/format.ts";

import { appeler } from "../api.ts";

/** What waits for the active habilitation, counted in its scope, each queue a filtered list. */
export function FilesDeTravail() {
  const { data, error } = useQuery({
    queryKey: ["files-de-travail"],
    queryFn: () => appeler(filesDeTravailSchema, "/api/espace/files"),
  });
  if (data?.files.length === 0) return null;
  return (
    <section aria-labelledby="titre-files" className={fr.cx("fr-mb-4w")}>
      <h2 id="titre-files">À traiter</h2>
      {error && <Alert severity="error" small description={error.message} />}
      {!data && !error && <p role="status">Chargement des files de travail…</p>}
      <ul className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-raw-list")}>
        {data?.files.map((f) => (
          <li key={f.cle} className={fr.cx("fr-col-12", "fr-col-md-6", "fr-col-lg-4")}>
            <Tile
              small
              orientation="horizontal"
              title={`${f.libelle} (${nombreFr(f.nombre)})`}
              desc={f.nombre === 0 ? "Rien en attente." : undefined}
              linkProps={{ href: f.lien }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
