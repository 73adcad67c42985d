import { fr } from "@codegouvfr/react-dsfr";
import { BarChart } from "@codegouvfr/react-dsfr/Chart/BarChart";

/** A series of a chart: its name and one value per label. */
export type Serie = { nom: string; valeurs: number[] };

/**
 * A bar chart drawn by the State's chart components (`@gouvfr/dsfr-chart`, DSFR palette). The
 * canvas is hidden from assistive technologies: the data table that follows it holds the same
 * figures (RGAA 1.3), and the chart is only a picture of it.
 */
export function GraphiqueBarres(props: {
  etiquettes: string[];
  series: Serie[];
  horizontal?: boolean;
}) {
  if (props.etiquettes.length === 0) return null;
  return (
    <div aria-hidden="true" className={fr.cx("fr-mb-2w")}>
      <BarChart
        x={props.series.map(() => props.etiquettes)}
        y={props.series.map((s) => s.valeurs)}
        name={props.series.map((s) => s.nom)}
        color={props.series.map((_, i) => (i === 0 ? "blue-france" : "green-menthe"))}
        {...(props.horizontal ? { horizontal: true } : {})}
      />
    </div>
  );
}
