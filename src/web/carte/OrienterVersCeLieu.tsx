import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "wouter";
import { ROLES_ORIENTEURS } from "../../domain/orientations/orientation.ts";
import type { Role } from "../../domain/roles.ts";
import { useMoi } from "../socle/moi.ts";

/**
 * On a place's page, for those who send persons to places (docs/domaine/orientations.md §2): the
 * map is where the nearest place is found, its page where the orientation starts.
 */
export function OrienterVersCeLieu({ lieuId }: { lieuId: string }) {
  const { data: moi } = useMoi();
  const role = moi?.habilitation?.role;
  if (!role || !(ROLES_ORIENTEURS as readonly Role[]).includes(role)) return null;
  return (
    <p className={fr.cx("fr-no-print", "fr-mt-3w")}>
      <Link
        className={fr.cx("fr-btn", "fr-btn--secondary")}
        href={`/espace/orientations/nouvelle?lieu=${encodeURIComponent(lieuId)}`}
      >
        Orienter une personne vers ce lieu
      </Link>
    </p>
  );
}
