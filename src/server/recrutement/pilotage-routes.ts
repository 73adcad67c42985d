import { and, desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { interdit, introuvable } from "../../domain/erreurs.ts";
import {
  etapeFormationSchema,
  resultatCertificationSchema,
} from "../../domain/recrutement/formation.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise } from "../access/acces.ts";
import { predicatPerimetre } from "../access/perimetre-sql.ts";
import type { Contexte } from "../contexte.ts";
import {
  candidature,
  certification,
  contrat,
  formation,
  organismeFormation,
  poste,
  structure,
  utilisateur,
} from "../db/schema.ts";
import { valider } from "../http/erreurs.ts";
import { refuser, repondre } from "../http/reponse.ts";
import { pageOptionnelleSchema, rechercheSchema } from "../http/schemas.ts";
import { envoyerTableur, formatTableurSchema, triSchema } from "../http/tableur.ts";
import { acteurDeRequete } from "../journal/journal.ts";
import { TAILLE_MAX_TABLEUR, tableurDeRequete } from "../selection/fichier-tableur.ts";
import { colonnesPerimetreStructure } from "../structures/queries.ts";
import { exportRecrutements } from "./exports.ts";
import { deciderProlongation, suivreRupture, validerRupture } from "./fin-contrat-service.ts";
import { enregistrerCertification, enregistrerEtapeFormation } from "./formation-service.ts";
import { importerResultatsFormation } from "./import-formation-service.ts";
import {
  compterContrats,
  historiquePersonne,
  historiquePoste,
  listerContrats,
  listerPostes,
  TRIS_CONTRATS,
  VUES_CONTRATS,
} from "./suivi-queries.ts";
import { refuserRecrutement, validerRecrutement } from "./validation-service.ts";

const tag = ["Recrutement (pilotage)"];
const TAILLE_PAGE_CONTRATS = 20;
const idSchema = z.object({ id: z.uuid("Identifiant invalide.") });
const motifSchema = z
  .object({
    motif: z
      .string({ error: "Indiquez le motif." })
      .trim()
      .min(5, "Le motif doit compter au moins 5 caractères.")
      .max(1000),
  })
  .strict();

/** The contracts' view, search and order, the same on the screen and in its export. */
const filtresContratsSchema = z.object({
  vue: z.enum(VUES_CONTRATS, { error: "Vue des contrats inconnue." }).default("en_cours"),
  recherche: rechercheSchema,
  tri: triSchema(TRIS_CONTRATS),
});

export function routesPilotageRecrutement(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const acteur = (requete: Parameters<typeof acteurDeRequete>[0]) => ({
    acteur: acteurDeRequete(requete),
    maintenant: ctx.horloge(),
  });

  r.get(
    "/api/recrutement/contrats",
    {
      config: { acces: ["admin", "prefet", "coordinateur", "structure"] },
      schema: {
        tags: tag,
        summary:
          "Recrutements et contrats du périmètre, avec leur formation ; par page quand `page` est donnée",
        querystring: filtresContratsSchema.extend({ page: pageOptionnelleSchema }).strict(),
      },
    },
    async (requete) => {
      const connexion = connexionRequise(requete);
      const { page, ...filtres } = requete.query;
      const q = { ...filtres, aujourdhui: jourParis(ctx.horloge()) };
      if (page === undefined) return listerContrats(ctx.db, connexion, q);
      const [total, contrats] = await Promise.all([
        compterContrats(ctx.db, connexion, q),
        listerContrats(ctx.db, connexion, { ...q, page, limite: TAILLE_PAGE_CONTRATS }),
      ]);
      return { total, page, taillePage: TAILLE_PAGE_CONTRATS, contrats };
    },
  );

  r.get(
    "/api/recrutement/contrats/export",
    {
      config: {
        acces: ["admin", "prefet", "coordinateur", "structure"],
        rateLimit: { max: 20, timeWindow: "1 minute" },
      },
      schema: {
        tags: tag,
        summary:
          "Exporter les contrats filtrés du périmètre, dans l'ordre de l'écran (CSV ou XLSX), journalisé",
        querystring: filtresContratsSchema.extend({ format: formatTableurSchema }).strict(),
      },
    },
    async (requete, reponse) => {
      const { format, ...filtres } = requete.query;
      const aujourdhui = jourParis(ctx.horloge());
      const table = await exportRecrutements(ctx.db, connexionRequise(requete), {
        ...filtres,
        aujourdhui,
      });
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: "contrats",
        fichier: `Contrats_${filtres.vue}_${aujourdhui}`,
        ...table,
        details: filtres,
      });
    },
  );

  r.get(
    "/api/recrutement/postes",
    {
      config: { acces: ["admin", "prefet"] },
      schema: {
        tags: tag,
        summary: "Postes du périmètre ; en retard : vacants après leur date limite de recrutement",
        querystring: z.object({ enRetard: z.enum(["oui", "non"]).default("oui") }).strict(),
      },
    },
    async (requete) =>
      listerPostes(ctx.db, connexionRequise(requete), {
        aujourdhui: jourParis(ctx.horloge()),
        enRetardSeulement: requete.query.enRetard === "oui",
      }),
  );

  r.post(
    "/api/admin/contrats/:id/validation",
    {
      config: { acces: ["admin"] },
      schema: { tags: tag, summary: "Valider un recrutement", params: idSchema },
    },
    async (requete, reponse) => {
      const res = await validerRecrutement(ctx.db, ctx.messagerie, {
        contratId: requete.params.id,
        ...acteur(requete),
        urlPublique: ctx.config.urlPublique,
      });
      if (res.ok) {
        await ctx.messagerie.distribuer(res.valeur.courriels);
        // A previous contract ended leaves its places: open data follows.
        ctx.lieuxModifies?.();
      }
      return repondre(reponse, res);
    },
  );

  r.post(
    "/api/admin/contrats/:id/refus",
    {
      config: { acces: ["admin"] },
      schema: { tags: tag, summary: "Refuser un recrutement", params: idSchema, body: motifSchema },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await refuserRecrutement(ctx.db, {
          contratId: requete.params.id,
          motif: requete.body.motif,
          ...acteur(requete),
        }),
      ),
  );

  r.post(
    "/api/admin/ruptures/:id/validation",
    {
      config: { acces: ["admin"] },
      schema: { tags: tag, summary: "Valider une rupture", params: idSchema },
    },
    async (requete, reponse) => {
      const res = await validerRupture(ctx.db, ctx.messagerie, {
        ruptureId: requete.params.id,
        ...acteur(requete),
      });
      if (res.ok) {
        await ctx.messagerie.distribuer(res.valeur.courriels);
        // The conseiller leaves their places: open data follows.
        ctx.lieuxModifies?.();
      }
      return repondre(reponse, res);
    },
  );

  r.post(
    "/api/admin/ruptures/:id/incomplete",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Demander un document pour une rupture",
        params: idSchema,
        body: z
          .object({
            commentaire: z
              .string({ error: "Indiquez le document attendu." })
              .trim()
              .min(5, "Indiquez le document attendu.")
              .max(1000),
          })
          .strict(),
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await suivreRupture(ctx.db, {
          ruptureId: requete.params.id,
          structureId: null,
          evenement: "marquer_incomplete",
          commentaire: requete.body.commentaire,
          ...acteur(requete),
        }),
      ),
  );

  r.post(
    "/api/admin/prolongations/:id/decision",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Accepter ou refuser une prolongation",
        params: idSchema,
        body: z.object({ accepter: z.boolean() }).strict(),
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await deciderProlongation(ctx.db, {
          id: requete.params.id,
          accepter: requete.body.accepter,
          ...acteur(requete),
        }),
      ),
  );

  r.get(
    "/api/formations/organismes",
    {
      config: { acces: ["admin", "structure"] },
      schema: { tags: tag, summary: "Organismes de formation" },
    },
    async () => ctx.db.select().from(organismeFormation).orderBy(organismeFormation.nom),
  );

  r.post(
    "/api/formations/:id/etapes",
    {
      config: { acces: ["admin", "structure"] },
      schema: {
        tags: tag,
        summary: "Enregistrer une étape de la formation (inscription, positionnement, début, fin…)",
        params: idSchema,
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const maintenant = ctx.horloge();
      const etape = valider(etapeFormationSchema(jourParis(maintenant)), requete.body);
      const p = connexion.habilitation?.perimetre;
      const structureId = p?.type === "structure" ? p.structureId : null;
      if (structureId && etape.evenement === "dispenser")
        return refuser(
          reponse,
          interdit("Seule l'ANCT peut dispenser un conseiller de formation.", ""),
        );
      return repondre(
        reponse,
        await enregistrerEtapeFormation(ctx.db, {
          formationId: requete.params.id,
          structureId,
          etape,
          acteur: acteurDeRequete(requete),
          maintenant,
        }),
      );
    },
  );

  r.post(
    "/api/admin/personnes/:id/certifications",
    {
      config: { acces: ["admin"] },
      schema: {
        tags: tag,
        summary: "Saisir un résultat de certification (CCP1 ou Pix)",
        params: idSchema,
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (requete, reponse) => {
      const resultat = valider(resultatCertificationSchema(jourParis(ctx.horloge())), requete.body);
      const [f] = await ctx.db
        .select({ id: formation.id })
        .from(formation)
        .where(eq(formation.utilisateurId, requete.params.id));
      if (!f) return refuser(reponse, introuvable("Cette personne n'a pas de formation ouverte."));
      const id = await ctx.db.transaction((tx) =>
        enregistrerCertification(tx, {
          utilisateurId: requete.params.id,
          resultat,
          acteur: acteurDeRequete(requete),
        }),
      );
      return reponse.status(201).send({ id });
    },
  );

  r.post(
    "/api/formations/import",
    {
      config: { acces: ["admin"], rateLimit: { max: 30, timeWindow: "15 minutes" } },
      bodyLimit: TAILLE_MAX_TABLEUR,
      schema: {
        tags: tag,
        summary: "Importer les résultats d'un organisme de formation (CSV ou XLSX)",
        description:
          "Colonnes : identifiant (ou email), organisme, parcours_heures, date_positionnement, date_debut, date_fin, heures_realisees, ccp1, date_ccp1, pix_1_1, pix_4_1, pix_4_2, date_pix.",
        querystring: z.object({ appliquer: z.enum(["oui", "non"]).default("non") }).strict(),
      },
    },
    async (requete) =>
      importerResultatsFormation(ctx.db, {
        brutes: await tableurDeRequete(requete),
        appliquer: requete.query.appliquer === "oui",
        acteur: { ...acteurDeRequete(requete), origine: "import" },
        maintenant: ctx.horloge(),
      }),
  );

  r.get(
    "/api/conseiller/formation",
    {
      config: { acces: ["conseiller"] },
      schema: { tags: tag, summary: "Ma formation et mes certifications" },
    },
    async (requete) => {
      const id = connexionRequise(requete).utilisateur.id;
      const [f] = await ctx.db
        .select({ formation, organisme: organismeFormation.nom })
        .from(formation)
        .leftJoin(organismeFormation, eq(organismeFormation.id, formation.organismeFormationId))
        .where(eq(formation.utilisateurId, id));
      const certifications = await ctx.db
        .select()
        .from(certification)
        .where(eq(certification.utilisateurId, id))
        .orderBy(desc(certification.creeLe));
      return {
        formation: f ? { ...f.formation, organisme: f.organisme } : null,
        certifications,
      };
    },
  );

  r.get(
    "/api/personnes/:id/historique",
    {
      config: { acces: ["admin", "prefet", "structure"] },
      schema: {
        tags: tag,
        summary: "Historique d'une personne (candidature, mises en relation, contrats, formation)",
        params: idSchema,
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const [u] = await ctx.db
        .select({ id: utilisateur.id, prenom: utilisateur.prenom, nom: utilisateur.nom })
        .from(utilisateur)
        .innerJoin(contrat, eq(contrat.utilisateurId, utilisateur.id))
        .innerJoin(structure, eq(structure.id, contrat.structureId))
        .where(
          and(
            eq(utilisateur.id, requete.params.id),
            predicatPerimetre(connexion, colonnesPerimetreStructure),
          ),
        )
        .limit(1);
      if (!u)
        return refuser(
          reponse,
          introuvable("Cette personne n'existe pas ou n'est pas de votre périmètre."),
        );
      const [c] = await ctx.db
        .select({ id: candidature.id })
        .from(candidature)
        .where(eq(candidature.utilisateurId, u.id));
      return { personne: u, historique: await historiquePersonne(ctx.db, u.id, c?.id ?? null) };
    },
  );

  r.get(
    "/api/postes/:id/historique",
    {
      config: { acces: ["admin", "prefet", "structure"] },
      schema: { tags: tag, summary: "Historique d'un poste", params: idSchema },
    },
    async (requete, reponse) => {
      const [p] = await ctx.db
        .select({ poste, structure: structure.nom })
        .from(poste)
        .innerJoin(structure, eq(structure.id, poste.structureId))
        .where(
          and(
            eq(poste.id, requete.params.id),
            predicatPerimetre(connexionRequise(requete), colonnesPerimetreStructure),
          ),
        );
      if (!p)
        return refuser(
          reponse,
          introuvable("Ce poste n'existe pas ou n'est pas de votre périmètre."),
        );
      return {
        poste: { ...p.poste, structure: p.structure },
        historique: await historiquePoste(ctx.db, p.poste.id),
      };
    },
  );
}
