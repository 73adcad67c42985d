import { z } from "zod";

export const corpsErreurSchema = z.object({
  erreurs: z.array(z.object({ champ: z.string(), message: z.string() })),
});
