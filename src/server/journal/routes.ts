import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Contexte } from "../contexte.ts";
import { journal } from "../db/schema.ts";

export function routesJournal(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/journal",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: ["Journal"],
        summary:
          "Journal des modifications, le plus récent d'abord ; `avant` : les entrées plus anciennes que cet identifiant (pagination par curseur)",
        querystring: z
          .object({
            cibleType: z
              .string()
              .regex(/^[a-z_]{1,40}$/, "Type de cible invalide.")
              .optional(),
            cibleId: z.string().max(80).optional(),
            avant: z.coerce
              .number({ error: "Le curseur doit être un nombre." })
              .int()
              .positive()
              .optional(),
            limite: z.coerce
              .number({ error: "La limite doit être un nombre." })
              .int()
              .min(1, "La limite est d'au moins une entrée.")
              .max(100, "La limite est d'au plus 100 entrées.")
              .default(100),
          })
          .strict(),
        response: {
          200: z.object({
            entrees: z.array(
              z.object({
                id: z.number(),
                le: z.date(),
                utilisateurId: z.string().nullable(),
                role: z.string().nullable(),
                auteur: z.string(),
                action: z.string(),
                cibleType: z.string(),
                cibleId: z.string(),
                avant: z.unknown(),
                apres: z.unknown(),
                origine: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (requete) => {
      const q = requete.query;
      const conditions: SQL[] = [];
      if (q.cibleType) conditions.push(eq(journal.cibleType, q.cibleType));
      if (q.cibleId) conditions.push(eq(journal.cibleId, q.cibleId));
      if (q.avant) conditions.push(lt(journal.id, q.avant));
      const entrees = await ctx.db
        .select()
        .from(journal)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(journal.id))
        .limit(q.limite);
      return { entrees };
    },
  );
}
