import { Select } from "@codegouvfr/react-dsfr/Select";

/** A list's filter on one vocabulary, with the option that keeps every value (`tous`). */
export function FiltreParmi(props: {
  label: string;
  tous: string;
  libelles: Readonly<Record<string, string>>;
  valeur: string;
  changer: (valeur: string) => void;
}) {
  return (
    <Select
      label={props.label}
      nativeSelectProps={{ value: props.valeur, onChange: (e) => props.changer(e.target.value) }}
    >
      <option value="">{props.tous}</option>
      {Object.entries(props.libelles).map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </Select>
  );
}
