import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { introuvable } from "../../domain/erreurs.ts";
import { LECTEURS_FICHE_STRUCTURE } from "../../domain/roles.ts";
import { connexionRequise } from "../access/acces.ts";
import { predicatPerimetre } from "../access/perimetre-sql.ts";
import type { Contexte } from "../contexte.ts";
import { commune, demandePostes, journal, poste, structure, utilisateur } from "../db/schema.ts";
import { refuser } from "../http/reponse.ts";
import { colonnesPerimetreStructure } from "../structures/queries.ts";

export function routesFicheStructure(app: FastifyInstance, ctx: Contexte): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/structures/:id",
    {
      config: { acces: LECTEURS_FICHE_STRUCTURE },
      schema: {
        tags: ["Structures"],
        summary:
          "Fiche d'une structure : identité, demandes, postes et historique daté et attribué",
        params: z.object({ id: z.uuid("Identifiant de structure invalide.") }),
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const [s] = await ctx.db
        .select({ structure, commune: commune.nom })
        .from(structure)
        .innerJoin(commune, eq(commune.code, structure.communeCode))
        .where(
          and(
            eq(structure.id, requete.params.id),
            predicatPerimetre(connexion, colonnesPerimetreStructure),
          ),
        );
      if (!s) {
        return refuser(
          reponse,
          introuvable("Cette structure n'existe pas ou n'est pas de votre périmètre."),
        );
      }
      const demandes = await ctx.db
        .select({
          id: demandePostes.id,
          nature: demandePostes.nature,
          statut: demandePostes.statut,
          postesDemandes: demandePostes.postesDemandes,
          creeLe: demandePostes.creeLe,
        })
        .from(demandePostes)
        .where(eq(demandePostes.structureId, s.structure.id))
        .orderBy(desc(demandePostes.creeLe));
      const postes = await ctx.db
        .select()
        .from(poste)
        .where(eq(poste.structureId, s.structure.id))
        .orderBy(poste.dateAttribution);
      const cibles = [s.structure.id, ...demandes.map((d) => d.id)];
      const historique = await ctx.db
        .select({
          id: journal.id,
          le: journal.le,
          action: journal.action,
          cibleType: journal.cibleType,
          role: journal.role,
          auteur: journal.auteur,
          prenom: utilisateur.prenom,
          nom: utilisateur.nom,
          avant: journal.avant,
          apres: journal.apres,
        })
        .from(journal)
        .leftJoin(utilisateur, eq(utilisateur.id, journal.utilisateurId))
        .where(
          or(
            and(eq(journal.cibleType, "structure"), eq(journal.cibleId, s.structure.id)),
            and(eq(journal.cibleType, "demande_postes"), inArray(journal.cibleId, cibles)),
          ),
        )
        .orderBy(desc(journal.id))
        .limit(200);
      return { structure: { ...s.structure, commune: s.commune }, demandes, postes, historique };
    },
  );
}
