import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Moi } from "../../domain/session.ts";
import { sessionSchema } from "../../domain/session.ts";
import { appeler } from "../api.ts";
import { oublierDonneesHorsLigne } from "./hors-ligne.ts";

/** The signed-in user, or null for a visitor. */
export function useMoi() {
  return useQuery({
    queryKey: ["moi"],
    // A visitor is not an error: the public pages ask without logging a 401 in the console.
    queryFn: async () => {
      const { moi } = await appeler(sessionSchema, "/api/session");
      // No session any more: nothing of the person stays kept on the device for offline work.
      if (!moi) await oublierDonneesHorsLigne();
      return moi;
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
