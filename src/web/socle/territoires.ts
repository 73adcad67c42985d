import { useQuery } from "@tanstack/react-query";
import { libellePerimetre, type Perimetre } from "../../domain/perimetre.ts";
import { territoiresSchema } from "../../domain/territoire.ts";
import { appeler } from "../api.ts";

export function useTerritoires() {
  return useQuery({
    queryKey: ["territoires"],
    queryFn: () => appeler(territoiresSchema, "/api/territoires"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A perimeter in words, with territory names instead of codes when they are known. */
export function useLibellePerimetre() {
  const { data } = useTerritoires();
  return (p: Perimetre) =>
    libellePerimetre(p, (code) => {
      const nom = (
        p.type === "region" || p.type === "regions"
          ? data?.regions.find((r) => r.code === code)
          : data?.departements.find((d) => d.code === code)
      )?.nom;
      return nom ? `${nom} (${code})` : code;
    });
}
