import { z } from "zod";

/** `GET /api/sante`: the service answers and reaches its database. */
export const santeSchema = z.object({
  statut: z.literal("ok"),
  base: z.enum(["pglite", "postgresql"]),
  version: z.string(),
});
