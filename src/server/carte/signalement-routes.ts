import { and, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { introuvable } from "../../domain/erreurs.ts";
import type { Contexte } from "../contexte.ts";
import { lieu, lieuConseiller, signalementLieu, utilisateur } from "../db/schema.ts";
import { refuser } from "../http/reponse.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { acteurDeRequete, journaliser } from "../journal/journal.ts";

const signalementSchema = z
  .object({
    message: z
      .string({ error: "Décrivez l'erreur constatée." })
      .trim()
      .min(10, "Décrivez l'erreur en quelques mots (10 caractères au moins).")
      .max(2000, "Le message ne doit pas dépasser 2 000 caractères."),
    courriel: z
      .union([z.literal(""), z.email("L'adresse électronique n'est pas valide.")])
      .default(""),
  })
  .strict();

export function routesSignalement(app: FastifyInstance, ctx: Contexte): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/lieux/:id/signalements",
    {
      config: { acces: "public", rateLimit: { max: 5, timeWindow: "1 hour" } },
      schema: {
        tags: ["API publique : lieux et carte"],
        summary: "Signaler une erreur sur la fiche d'un lieu",
        params: z.object({ id: z.uuid("Identifiant de lieu invalide.") }),
        body: signalementSchema,
        response: {
          201: z.object({ id: z.string() }),
          400: corpsErreurSchema,
          404: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const { id } = requete.params;
      const corps = requete.body;
      const resultat = await ctx.db.transaction(async (tx) => {
        const [l] = await tx
          .select({ id: lieu.id, nom: lieu.nom })
          .from(lieu)
          .where(and(eq(lieu.id, id), eq(lieu.visibleCarte, true)));
        if (!l) return null;
        const [s] = await tx
          .insert(signalementLieu)
          .values({ lieuId: id, message: corps.message, courriel: corps.courriel || null })
          .returning({ id: signalementLieu.id });
        await journaliser(tx, acteurDeRequete(requete), {
          action: "lieu.erreur_signalee",
          cibleType: "lieu",
          cibleId: id,
          apres: { signalement: s!.id },
        });
        // The conseillers who work there keep their place's page true.
        const presents = await tx
          .select({ email: utilisateur.email })
          .from(lieuConseiller)
          .innerJoin(utilisateur, eq(utilisateur.id, lieuConseiller.conseillerId))
          .where(
            and(
              eq(lieuConseiller.lieuId, id),
              isNull(lieuConseiller.fin),
              eq(utilisateur.actif, true),
            ),
          );
        const mails = await ctx.messagerie.mettreEnFileEnLot(
          tx,
          presents.map((p) => ({
            destinataire: p.email,
            objet: `Erreur signalée sur la fiche « ${l.nom} »`,
            modele: "lieu.erreur_signalee",
            texte: `Bonjour,\n\nUne personne a signalé une erreur sur la fiche publique de « ${l.nom} » :\n\n${corps.message}\n\n${corps.courriel ? `Elle peut être recontactée à ${corps.courriel}.\n\n` : ""}Corrigez la fiche depuis « Mes lieux d'activité » : ${ctx.config.urlPublique}/espace/conseiller/lieux\n\nL'équipe Conseillers numériques France Services`,
          })),
        );
        return { id: s!.id, mails };
      });
      if (!resultat)
        return refuser(reponse, introuvable("Ce lieu n'existe pas ou n'est plus public.", ""));
      ctx.messagerie.distribuerEnArrierePlan(resultat.mails);
      return reponse.status(201).send({ id: resultat.id });
    },
  );
}
