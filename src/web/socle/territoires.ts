import { useQuery } from "@tanstack/react-query";
import { libellePerimetre, type Perimetre } from "../../domain/perimetre.ts";
import { appelerApi } from "../api.ts";

export type Territoires = {
  regions: { code: string; nom: string }[];
  departements: { code: string; nom: string; regionCode: string }[];
};

export function useTerritoires() {
  return useQuery({
    queryKey: ["territoires"],
    queryFn: () => appelerApi<Territoires>("/api/territoires"),
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
