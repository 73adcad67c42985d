import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "wouter";

/**
 * The queues (or views) of a list as links: each one an address, the current one marked for
 * screen readers (`aria-current`) and drawn as the primary button.
 */
export function NavigationFiles<V extends string>(props: {
  label: string;
  files: readonly (readonly [V, string])[];
  active: V;
  adresse: (file: V) => string;
}) {
  return (
    <nav aria-label={props.label}>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
        {props.files.map(([f, libelle]) => (
          <li key={f}>
            <Link
              href={props.adresse(f)}
              className={fr.cx("fr-btn", f !== props.active && "fr-btn--secondary")}
              aria-current={f === props.active ? "page" : undefined}
            >
              {libelle}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
