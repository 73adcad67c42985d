import { fr } from "@codegouvfr/react-dsfr";

/** Download links for one list, in both formats users open in a spreadsheet. */
export function LiensExport({ liste, libelle }: { liste: string; libelle: string }) {
  return (
    <p className={fr.cx("fr-mb-2w")}>
      {(["csv", "xlsx"] as const).map((format, i) => (
        <span key={format}>
          {i > 0 && " · "}
          <a
            className={fr.cx("fr-link", "fr-icon-download-line", "fr-link--icon-left")}
            href={`/api/exports/${liste}?format=${format}`}
            download
          >
            {libelle} ({format.toUpperCase()})
          </a>
        </span>
      ))}
    </p>
  );
}
