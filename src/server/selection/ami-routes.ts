import { and, desc, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { amiSchema, type StatutAmi, transitionAmi } from "../../domain/selection/ami.ts";
import { jourParis } from "../../domain/temps.ts";
import type { Contexte } from "../contexte.ts";
import { ami } from "../db/schema.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { acteurDeRequete, journaliser } from "../journal/journal.ts";

const tag = ["Appels à manifestation d'intérêt"];
const amiVue = z.object({
  id: z.string(),
  titre: z.string(),
  ouverture: z.string(),
  cloture: z.string().nullable(),
  typesEligibles: z.array(z.string()),
  statut: z.string(),
});
const idParams = z.object({ id: z.uuid("Identifiant d'appel invalide.") });
const LECTEURS = ["admin", "prefet", "structure", "hub", "grand_reseau", "financeur"] as const;

export function routesAmi(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/amis/ouverts",
    {
      config: { acces: "public" },
      schema: {
        tags: tag,
        summary: "Appels ouverts aux candidatures aujourd'hui",
        response: { 200: z.array(amiVue) },
      },
    },
    async () => {
      const aujourdhui = jourParis(ctx.horloge());
      return ctx.db
        .select()
        .from(ami)
        .where(
          and(
            eq(ami.statut, "ouvert"),
            lte(ami.ouverture, aujourdhui),
            or(isNull(ami.cloture), gte(ami.cloture, aujourdhui)),
          ),
        )
        .orderBy(ami.ouverture);
    },
  );

  r.get(
    "/api/amis",
    {
      config: { acces: LECTEURS },
      schema: { tags: tag, summary: "Tous les appels", response: { 200: z.array(amiVue) } },
    },
    async () => ctx.db.select().from(ami).orderBy(desc(ami.ouverture)),
  );

  r.post(
    "/api/amis",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Préparer un appel (brouillon)",
        body: amiSchema,
        response: { 201: amiVue, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const cree = await ctx.db.transaction(async (tx) => {
        const [ligne] = await tx.insert(ami).values(requete.body).returning();
        await journaliser(tx, acteurDeRequete(requete), {
          action: "ami.cree",
          cibleType: "ami",
          cibleId: ligne!.id,
          apres: requete.body,
        });
        return ligne!;
      });
      return reponse.status(201).send(cree);
    },
  );

  for (const [suffixe, vers, resume] of [
    ["ouverture", "ouvert", "Ouvrir un appel aux candidatures"],
    ["cloture", "clos", "Clore un appel"],
  ] as const) {
    r.post(
      `/api/amis/:id/${suffixe}`,
      {
        config: { acces: ["admin"] },
        schema: {
          tags: tag,
          summary: resume,
          params: idParams,
          response: { 200: amiVue, 404: corpsErreurSchema, 409: corpsErreurSchema },
        },
      },
      async (requete, reponse) => {
        const resultat = await ctx.db.transaction(async (tx) => {
          const [actuel] = await tx
            .select()
            .from(ami)
            .where(eq(ami.id, requete.params.id))
            .for("update");
          if (!actuel)
            return {
              statut: 404 as const,
              erreurs: [{ champ: "id", message: "Cet appel n'existe pas." }],
            };
          const t = transitionAmi(actuel.statut as StatutAmi, vers);
          if (!t.ok) return { statut: 409 as const, erreurs: t.erreurs };
          const [apres] = await tx
            .update(ami)
            .set({ statut: t.valeur })
            .where(eq(ami.id, actuel.id))
            .returning();
          await journaliser(tx, acteurDeRequete(requete), {
            action: `ami.${vers}`,
            cibleType: "ami",
            cibleId: actuel.id,
            avant: { statut: actuel.statut },
            apres: { statut: t.valeur },
          });
          return { statut: 200 as const, ami: apres! };
        });
        if (resultat.statut !== 200)
          return reponse.status(resultat.statut).send({ erreurs: resultat.erreurs });
        return resultat.ami;
      },
    );
  }
}
