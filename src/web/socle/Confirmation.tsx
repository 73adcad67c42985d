import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { type ReactNode, useEffect, useRef } from "react";

/**
 * What a save did, where the eyes are: a DSFR success alert brought into view and given the
 * focus each time `cle` changes (on a phone a message above the form would go unseen, and
 * people would save twice). `children` holds the next useful actions.
 */
export function Confirmation(props: {
  cle: unknown;
  titre: string;
  children?: NonNullable<ReactNode>;
}) {
  const boite = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new save moves the focus again
  useEffect(() => {
    boite.current?.scrollIntoView({ block: "center" });
    boite.current?.focus();
  }, [props.cle]);
  return (
    <div ref={boite} tabIndex={-1} className={fr.cx("fr-mb-3w")}>
      <Alert severity="success" title={props.titre} description={props.children} />
    </div>
  );
}
