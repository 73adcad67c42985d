import type { z } from "zod";
import { THEMATIQUES } from "../../domain/cra/vocabulaire.ts";
import type { pageOrientationsEnvoyeesSchema } from "../../domain/orientations/api.ts";
import { STATUTS_ORIENTATION } from "../../domain/orientations/orientation.ts";

type Vue = z.input<typeof pageOrientationsEnvoyeesSchema>["orientations"][number];

export const libelleThematiques = (ts: readonly string[]) =>
  ts.map((t) => THEMATIQUES[t as keyof typeof THEMATIQUES] ?? t).join(", ");

/** Where an orientation stands, in one sentence: the status, the time given, a redirection. */
export function issueOrientation(o: Vue, format: Intl.DateTimeFormat): string {
  const etat = STATUTS_ORIENTATION[o.statut];
  const quand = o.atelier
    ? ` : atelier « ${o.atelier.titre} » le ${format.format(new Date(o.atelier.debut))}`
    : o.rendezVous
      ? ` : rendez-vous le ${format.format(new Date(o.rendezVous))}`
      : "";
  const redirigee =
    o.redirections > 0
      ? ` · Redirigée vers ${o.lieu.nom}${o.motifRedirection ? ` : ${o.motifRedirection}` : ""}`
      : "";
  return `${etat}${o.statut === "acceptee" ? quand : ""}${redirigee}`;
}
