import { fr } from "@codegouvfr/react-dsfr";

type Format = "csv" | "xlsx" | "pdf";

/**
 * Download links for one list, in the formats users open in a spreadsheet. `chemin` is the
 * export's address (default: the general exports of a `liste`), `requete` the active filters.
 */
export function LiensExport(props: {
  liste?: string;
  chemin?: string;
  requete?: string;
  libelle: string;
  formats?: readonly Format[];
  libelleFormat?: (format: Format) => string;
}) {
  const chemin = props.chemin ?? `/api/exports/${props.liste}`;
  return (
    <p className={fr.cx("fr-mb-2w")}>
      {(props.formats ?? (["csv", "xlsx"] as const)).map((format, i) => (
        <span key={format}>
          {i > 0 && " · "}
          <a
            className={fr.cx("fr-link", "fr-icon-download-line", "fr-link--icon-left")}
            href={`${chemin}?format=${format}${props.requete ? `&${props.requete}` : ""}`}
            download
          >
            {props.libelleFormat?.(format) ?? `${props.libelle} (${format.toUpperCase()})`}
          </a>
        </span>
      ))}
    </p>
  );
}
