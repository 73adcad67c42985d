import { Select } from "@codegouvfr/react-dsfr/Select";

/**
 * The order of a server-sorted list, kept in its address like its filters: one native select, so
 * the keyboard and screen readers use it as any form field.
 */
export function ChoixOrdre(props: {
  ordres: Readonly<Record<string, string>>;
  valeur: string;
  changer: (tri: string) => void;
}) {
  return (
    <Select
      label="Ordre"
      nativeSelectProps={{ value: props.valeur, onChange: (e) => props.changer(e.target.value) }}
    >
      {Object.entries(props.ordres).map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </Select>
  );
}
