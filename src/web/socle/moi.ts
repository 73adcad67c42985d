import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Moi } from "../../domain/session.ts";
import { appelerApi, ErreurApi } from "../api.ts";

/** The signed-in user, or null for a visitor. */
export function useMoi() {
  return useQuery({
    queryKey: ["moi"],
    queryFn: async () => {
      try {
        return await appelerApi<Moi>("/api/moi");
      } catch (e) {
        if (e instanceof ErreurApi && e.statut === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function useRafraichirMoi() {
  const client = useQueryClient();
  return (moi: Moi | null) => {
    client.setQueryData(["moi"], moi);
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "moi" });
  };
}
