import "./combobox.css";
import { fr } from "@codegouvfr/react-dsfr";
import { type KeyboardEvent, useEffect, useId, useState } from "react";

/**
 * A text field that suggests as one types, after the ARIA 1.2 combobox pattern: the focus stays
 * in the field, arrows move the active suggestion (announced through `aria-activedescendant`),
 * Enter picks it, Escape closes the list; without an active suggestion Enter submits the form.
 */
export function Combobox<T>(props: {
  label: string;
  hint?: string;
  name: string;
  texte: string;
  onTexte: (texte: string) => void;
  suggestions: T[];
  cle: (s: T) => string;
  libelle: (s: T) => string;
  onChoisir: (s: T) => void;
  erreur?: string;
  /** Said to screen readers while suggestions load. */
  enChargement?: boolean;
}) {
  const id = useId();
  const [ouvert, setOuvert] = useState(false);
  const [actif, setActif] = useState(-1);
  const liste = props.suggestions;
  const visible = ouvert && liste.length > 0;
  const choisir = (s: T) => {
    props.onChoisir(s);
    setOuvert(false);
    setActif(-1);
  };
  const touche = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (liste.length === 0) return;
      e.preventDefault();
      setOuvert(true);
      const pas = e.key === "ArrowDown" ? 1 : -1;
      setActif((a) => (a + pas + liste.length) % liste.length);
    } else if (e.key === "Enter" && visible && actif >= 0) {
      e.preventDefault();
      choisir(liste[actif]!);
    } else if (e.key === "Escape") {
      if (visible) e.preventDefault();
      setOuvert(false);
      setActif(-1);
    }
  };
  const idOption = (i: number) => `${id}-option-${i}`;
  return (
    <div className={fr.cx("fr-input-group", props.erreur ? "fr-input-group--error" : undefined)}>
      <label className={fr.cx("fr-label")} htmlFor={`${id}-champ`}>
        {props.label}
        {props.hint && <span className={fr.cx("fr-hint-text")}>{props.hint}</span>}
      </label>
      <div className="cnfs-combobox">
        <input
          id={`${id}-champ`}
          className={fr.cx("fr-input", props.erreur ? "fr-input--error" : undefined)}
          type="text"
          name={props.name}
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={visible}
          aria-controls={`${id}-liste`}
          aria-activedescendant={visible && actif >= 0 ? idOption(actif) : undefined}
          aria-describedby={props.erreur ? `${id}-erreur` : undefined}
          value={props.texte}
          onChange={(e) => {
            props.onTexte(e.target.value);
            setOuvert(true);
            setActif(-1);
          }}
          onKeyDown={touche}
          onBlur={() => setOuvert(false)}
          onFocus={() => setOuvert(true)}
        />
        <div
          id={`${id}-liste`}
          role="listbox"
          aria-label="Suggestions"
          className="cnfs-combobox__liste"
          hidden={!visible}
        >
          {liste.map((s, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keys live on the field (aria-activedescendant), as the ARIA pattern says
            <div
              key={props.cle(s)}
              tabIndex={-1}
              id={idOption(i)}
              role="option"
              aria-selected={i === actif}
              className="cnfs-combobox__option"
              // Keeps the focus in the field: a click must not close the list before it counts.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choisir(s)}
            >
              {props.libelle(s)}
            </div>
          ))}
        </div>
      </div>
      {props.erreur && (
        <p id={`${id}-erreur`} className={fr.cx("fr-error-text")}>
          {props.erreur}
        </p>
      )}
      <p className={fr.cx("fr-sr-only")} aria-live="polite">
        {props.enChargement
          ? "Recherche des suggestions…"
          : ouvert && props.texte.trim().length >= 2
            ? `${liste.length} suggestion${liste.length > 1 ? "s" : ""}`
            : ""}
      </p>
    </div>
  );
}

/** A value that follows another one after a pause: suggestions are not asked at every key. */
export function useDiffere<T>(valeur: T, delaiMs = 200): T {
  const [differee, setDifferee] = useState(valeur);
  useEffect(() => {
    const minuterie = setTimeout(() => setDifferee(valeur), delaiMs);
    return () => clearTimeout(minuterie);
  }, [valeur, delaiMs]);
  return differee;
}
