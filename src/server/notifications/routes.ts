import { and, count, desc, eq, ilike, type SQL, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CODES_DIGESTS,
  type CodeDigest,
  DIGESTS,
  digestsPour,
} from "../../domain/notifications/digests.ts";
import type { Role } from "../../domain/roles.ts";
import { connexionRequise } from "../access/acces.ts";
import type { Contexte } from "../contexte.ts";
import type { Executeur } from "../db/client.ts";
import { courriel, habilitation, utilisateur } from "../db/schema.ts";
import { corpsErreur } from "../http/erreurs.ts";
import { acteurDeRequete, journaliser } from "../journal/journal.ts";
import { motifRecherche } from "../utilisateurs/queries.ts";

const tag = ["Notifications"];

/** The digests this person may receive (any of their active habilitations), with their choice. */
async function preferences(tx: Executeur, utilisateurId: string) {
  const roles = await tx
    .selectDistinct({ role: habilitation.role })
    .from(habilitation)
    .where(and(eq(habilitation.utilisateurId, utilisateurId), eq(habilitation.actif, true)));
  const [u] = await tx
    .select({ refuses: utilisateur.digestsRefuses })
    .from(utilisateur)
    .where(eq(utilisateur.id, utilisateurId));
  return digestsPour(roles.map((r) => r.role as Role)).map((code) => ({
    code,
    libelle: DIGESTS[code].libelle,
    description: DIGESTS[code].description,
    actif: !(u?.refuses ?? []).includes(code),
  }));
}

const STATUTS_COURRIEL = ["en_attente", "envoye", "journalise", "echec"] as const;

export function routesNotifications(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/moi/notifications",
    {
      config: { acces: "connecte" },
      schema: {
        tags: tag,
        summary: "Les récapitulatifs quotidiens que je peux recevoir, et mes choix",
      },
    },
    async (requete) => preferences(ctx.db, connexionRequise(requete).utilisateur.id),
  );

  r.put(
    "/api/moi/notifications",
    {
      config: { acces: "connecte" },
      schema: {
        tags: tag,
        summary: "Choisir les récapitulatifs quotidiens reçus (journalisé)",
        body: z
          .object({
            actifs: z.record(
              z.string(),
              z.boolean({ error: "Indiquez oui ou non pour chaque récapitulatif." }),
            ),
          })
          .strict(),
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      return ctx.db.transaction(async (tx) => {
        const avant = await preferences(tx, connexion.utilisateur.id);
        const possibles = new Set(avant.map((p) => p.code));
        const choix = requete.body.actifs as Partial<Record<CodeDigest, boolean>>;
        const inconnus = Object.keys(choix).filter((c) => !(CODES_DIGESTS as string[]).includes(c));
        if (inconnus.length > 0) {
          return reponse
            .status(400)
            .send(corpsErreur(`Récapitulatif inconnu : ${inconnus.join(", ")}.`, "actifs"));
        }
        const etrangers = Object.keys(choix).filter((c) => !possibles.has(c as CodeDigest));
        if (etrangers.length > 0) {
          return reponse
            .status(400)
            .send(corpsErreur("Ce récapitulatif ne concerne pas vos habilitations.", "actifs"));
        }
        const refuses = avant
          .filter((p) => (choix[p.code] ?? p.actif) === false)
          .map((p) => p.code);
        await tx
          .update(utilisateur)
          .set({ digestsRefuses: refuses })
          .where(eq(utilisateur.id, connexion.utilisateur.id));
        await journaliser(tx, acteurDeRequete(requete), {
          action: "utilisateur.notifications_modifiees",
          cibleType: "utilisateur",
          cibleId: connexion.utilisateur.id,
          avant: { refuses: avant.filter((p) => !p.actif).map((p) => p.code) },
          apres: { refuses },
        });
        return preferences(tx, connexion.utilisateur.id);
      });
    },
  );

  r.get(
    "/api/admin/courriels",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary:
          "Tous les courriels envoyés par la plateforme et leur état de remise (sans leur texte)",
        querystring: z
          .object({
            statut: z.enum(STATUTS_COURRIEL, { error: "Statut de courriel inconnu." }).optional(),
            modele: z.string().trim().max(60).optional(),
            recherche: z.string().trim().max(200).optional(),
            page: z.coerce.number().int().min(1, "La page commence à 1.").default(1),
          })
          .strict(),
      },
    },
    async (requete) => {
      const q = requete.query;
      const conditions: SQL[] = [sql`true`];
      if (q.statut) conditions.push(eq(courriel.statut, q.statut));
      if (q.modele) conditions.push(eq(courriel.modele, q.modele));
      if (q.recherche) conditions.push(ilike(courriel.destinataire, motifRecherche(q.recherche)));
      const ou = and(...conditions);
      const parPage = 50;
      const [total] = await ctx.db.select({ n: count() }).from(courriel).where(ou);
      const lignes = await ctx.db
        .select({
          id: courriel.id,
          destinataire: courriel.destinataire,
          objet: courriel.objet,
          modele: courriel.modele,
          statut: courriel.statut,
          tentatives: courriel.tentatives,
          erreur: courriel.erreur,
          creeLe: courriel.creeLe,
          envoyeLe: courriel.envoyeLe,
          prochaineTentativeLe: courriel.prochaineTentativeLe,
        })
        .from(courriel)
        .where(ou)
        .orderBy(desc(courriel.creeLe), desc(courriel.id))
        .limit(parPage)
        .offset((q.page - 1) * parPage);
      const modeles = await ctx.db
        .selectDistinct({ modele: courriel.modele })
        .from(courriel)
        .orderBy(courriel.modele);
      return { total: total?.n ?? 0, parPage, lignes, modeles: modeles.map((m) => m.modele) };
    },
  );
}
