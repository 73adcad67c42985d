import { fr } from "@codegouvfr/react-dsfr";
import { lazy, Suspense } from "react";
import { nombreFr } from "../../domain/format.ts";
import type { Serie } from "./GraphiqueBarres.tsx";

/** The chart components come in their own chunk: the figures and tables show without them. */
const GraphiqueBarres = lazy(() =>
  import("./GraphiqueBarres.tsx").then((m) => ({ default: m.GraphiqueBarres })),
);

const libelleMois = new Intl.DateTimeFormat("fr-FR", {
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "2026-03" as people read it: "mars 2026". */
export const moisEnClair = (mois: string) => libelleMois.format(new Date(`${mois}-01T00:00:00Z`));

/**
 * Monthly series as bars, with their data table one click below (RGAA: the figures of the
 * picture, readable without it).
 */
export function GraphiqueMensuel(props: { titre: string; mois: string[]; series: Serie[] }) {
  return (
    <>
      <Suspense fallback={null}>
        <GraphiqueBarres etiquettes={props.mois.map(moisEnClair)} series={props.series} />
      </Suspense>
      <details className={fr.cx("fr-mb-2w")}>
        <summary>Tableau des données : {props.titre.toLowerCase()}</summary>
        <div className={fr.cx("fr-table", "fr-table--sm")}>
          <table>
            <caption>{props.titre}</caption>
            <thead>
              <tr>
                <th scope="col">Mois</th>
                {props.series.map((s) => (
                  <th key={s.nom} scope="col">
                    {s.nom}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.mois.map((m, i) => (
                <tr key={m}>
                  <th scope="row">{moisEnClair(m)}</th>
                  {props.series.map((s) => (
                    <td key={s.nom}>{nombreFr(s.valeurs[i] ?? 0)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
