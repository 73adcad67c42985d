import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { identifiantSchema } from "../../domain/champs.ts";
import { interdit } from "../../domain/erreurs.ts";
import {
  maFormationSchema,
  organismesFormationSchema,
  rapportImportFormationSchema,
  statutFormationSchema,
} from "../../domain/recrutement/api.ts";
import {
  corpsEtapeFormationSchema,
  corpsResultatCertificationSchema,
} from "../../domain/recrutement/formation.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { TAILLE_MAX_TABLEUR, tableurDeRequete } from "../http/fichier-tableur.ts";
import { refuser, repondre } from "../http/reponse.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import { formationDe, organismesFormation } from "./formation-queries.ts";
import { enregistrerEtapeFormation, saisirCertification } from "./formation-service.ts";
import { importerResultatsFormation } from "./import-formation-service.ts";

const tag = ["Formation et certification"];
const idSchema = z.object({ id: z.uuid("Identifiant invalide.") });

export function routesFormation(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/formations/organismes",
    {
      config: { acces: ["admin", "structure"] },
      schema: {
        tags: tag,
        summary: "Organismes de formation",
        response: { 200: organismesFormationSchema },
      },
    },
    async () => organismesFormation(ctx.db),
  );

  r.post(
    "/api/formations/:id/etapes",
    {
      config: { acces: ["admin", "structure"] },
      schema: {
        tags: tag,
        summary: "Enregistrer une étape de la formation (inscription, positionnement, début, fin…)",
        params: idSchema,
        body: corpsEtapeFormationSchema,
        response: { 200: statutFormationSchema },
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const maintenant = ctx.horloge();
      const etape = requete.body;
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
        body: corpsResultatCertificationSchema,
        response: { 201: identifiantSchema },
      },
    },
    async (requete, reponse) => {
      const resultat = requete.body;
      return repondre(
        reponse,
        await saisirCertification(ctx.db, {
          utilisateurId: requete.params.id,
          resultat,
          acteur: acteurDeRequete(requete),
          aujourdhui: jourParis(ctx.horloge()),
        }),
        201,
      );
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
        response: { 200: rapportImportFormationSchema },
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
      schema: {
        tags: tag,
        summary: "Ma formation et mes certifications",
        response: { 200: maFormationSchema },
      },
    },
    async (requete) => formationDe(ctx.db, connexionRequise(requete).utilisateur.id),
  );
}
