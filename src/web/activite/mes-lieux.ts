import { useQuery } from "@tanstack/react-query";
import { mesLieuxSchema } from "../../domain/lieux/api.ts";
import { appeler } from "../api.ts";

/** The conseiller's current places, one query shared by the places page, the CRA form and the statistics. */
export function useMesLieux(actif = true) {
  return useQuery({
    queryKey: ["mes-lieux"],
    queryFn: () => appeler(mesLieuxSchema, "/api/conseiller/lieux"),
    enabled: actif,
  });
}
