import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  colleguesSchema,
  ficheBeneficiaireSchema,
  pageBeneficiairesSchema,
  passationFaiteSchema,
  rapportImportBeneficiairesSchema,
  semblablesSchema,
} from "../../domain/beneficiaires/api.ts";
import {
  beneficiaireSchema,
  cleDeNom,
  fusionSchema,
  passationSchema,
} from "../../domain/beneficiaires/beneficiaire.ts";
import { chiffresDuTelephone, identifiantSchema, okSchema } from "../../domain/champs.ts";
import { introuvable } from "../../domain/erreurs.ts";
import { connexionRequise } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { TAILLE_MAX_TABLEUR, tableurDeRequete } from "../http/fichier-tableur.ts";
import { envoyerPdf, reponsePdfSchema } from "../http/pdf.ts";
import { repondre } from "../http/reponse.ts";
import { corpsErreurSchema, pageSchema, rechercheSchema } from "../http/schemas.ts";
import { acteurDeRequete, journaliser } from "../infra/journal.ts";
import {
  accompagnementsDe,
  lecteurDuJour,
  lireBeneficiaire,
  listerBeneficiaires,
  personnesSemblables,
  TAILLE_PAGE_BENEFICIAIRES,
} from "./beneficiaires-queries.ts";
import {
  BENEFICIAIRE_INTROUVABLE,
  creerBeneficiaire,
  modifierBeneficiaire,
  supprimerBeneficiaire,
} from "./beneficiaires-service.ts";
import { donneesPdf } from "./donnees-pdf.ts";
import { fusionnerBeneficiaires } from "./fusion.ts";
import { importerBeneficiaires } from "./import.ts";
import { collegues, transmettrePersonnes } from "./passation.ts";

const tag = ["Personnes suivies"];
const idParams = z.object({ id: z.uuid("Identifiant de personne invalide.") });
const erreurs = { 400: corpsErreurSchema, 403: corpsErreurSchema, 404: corpsErreurSchema };

export function routesBeneficiaires(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const conseiller = (requete: Parameters<typeof connexionRequise>[0]) => ({
    conseillerId: connexionRequise(requete).utilisateur.id,
    acteur: acteurDeRequete(requete),
    maintenant: ctx.horloge(),
  });

  r.get(
    "/api/beneficiaires",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary:
          "Mes personnes suivies et celles que mes collègues de la structure partagent avec leur accord, par page",
        querystring: z.object({ recherche: rechercheSchema, page: pageSchema }).strict(),
        response: { 200: pageBeneficiairesSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) => {
      const { conseillerId, maintenant } = conseiller(requete);
      const lecteur = await lecteurDuJour(ctx.db, conseillerId, maintenant);
      const { total, lignes } = await listerBeneficiaires(ctx.db, lecteur, requete.query);
      return {
        total,
        page: requete.query.page,
        taillePage: TAILLE_PAGE_BENEFICIAIRES,
        beneficiaires: lignes,
      };
    },
  );

  r.get(
    "/api/beneficiaires/semblables",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary:
          "Les personnes suivies qui ressemblent à celle qu'on saisit : nom proche, même téléphone ou même adresse électronique",
        querystring: z
          .object({
            nom: z
              .string({ error: "Indiquez le nom." })
              .trim()
              .min(1, "Indiquez le nom.")
              .max(100, "Le nom ne doit pas dépasser 100 caractères."),
            prenom: z
              .string()
              .trim()
              .max(100, "Le prénom ne doit pas dépasser 100 caractères.")
              .optional(),
            telephone: z
              .string()
              .max(20, "Le téléphone ne doit pas dépasser 20 caractères.")
              .transform(chiffresDuTelephone)
              .optional(),
            email: z.string().trim().toLowerCase().max(254).optional(),
          })
          .strict(),
        response: { 200: semblablesSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) => {
      const { conseillerId, maintenant } = conseiller(requete);
      const q = requete.query;
      return personnesSemblables(ctx.db, await lecteurDuJour(ctx.db, conseillerId, maintenant), {
        cle: cleDeNom(q.prenom, q.nom),
        telephone: q.telephone || undefined,
        email: q.email || undefined,
      });
    },
  );

  r.post(
    "/api/beneficiaires",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Enregistrer une personne suivie, avec son information sur l'usage de ses données",
        body: beneficiaireSchema,
        response: { 201: identifiantSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await creerBeneficiaire(ctx.db, { ...conseiller(requete), saisie: requete.body }),
        201,
      ),
  );

  r.get(
    "/api/beneficiaires/:id",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "La fiche d'une personne suivie",
        params: idParams,
        response: { 200: ficheBeneficiaireSchema, ...erreurs },
      },
    },
    async (requete, reponse) => {
      const { conseillerId, maintenant } = conseiller(requete);
      const lecteur = await lecteurDuJour(ctx.db, conseillerId, maintenant);
      const b = await lireBeneficiaire(ctx.db, lecteur, requete.params.id);
      if (!b) return repondre(reponse, introuvable(BENEFICIAIRE_INTROUVABLE));
      return { ...b, ...(await accompagnementsDe(ctx.db, lecteur, b.id)) };
    },
  );

  r.put(
    "/api/beneficiaires/:id",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Modifier la fiche d'une personne que j'ai enregistrée",
        params: idParams,
        body: beneficiaireSchema,
        response: { 200: okSchema, ...erreurs },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await modifierBeneficiaire(ctx.db, {
          ...conseiller(requete),
          id: requete.params.id,
          saisie: requete.body,
        }),
      ),
  );

  r.delete(
    "/api/beneficiaires/:id",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary: "Supprimer la fiche d'une personne que j'ai enregistrée",
        params: idParams,
        response: { 200: okSchema, ...erreurs },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await supprimerBeneficiaire(ctx.db, { ...conseiller(requete), id: requete.params.id }),
      ),
  );

  r.post(
    "/api/beneficiaires/:id/fusion",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary:
          "Fusionner un doublon dans cette fiche : champ par champ, ses accompagnements déplacés, le doublon supprimé",
        params: idParams,
        body: fusionSchema,
        response: { 200: okSchema, ...erreurs },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await fusionnerBeneficiaires(ctx.db, {
          ...conseiller(requete),
          id: requete.params.id,
          fusion: requete.body,
        }),
      ),
  );

  r.get(
    "/api/beneficiaires/:id/donnees",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary:
          "Les données d'une personne suivie, en PDF, pour les lui remettre (droit d'accès) ; journalisé",
        params: idParams,
        response: { 200: reponsePdfSchema, ...erreurs },
      },
    },
    async (requete, reponse) => {
      const { conseillerId, maintenant, acteur } = conseiller(requete);
      const lecteur = await lecteurDuJour(ctx.db, conseillerId, maintenant);
      const b = await lireBeneficiaire(ctx.db, lecteur, requete.params.id);
      if (!b) return repondre(reponse, introuvable(BENEFICIAIRE_INTROUVABLE));
      const { accompagnements } = await accompagnementsDe(
        ctx.db,
        lecteur,
        b.id,
        Number.MAX_SAFE_INTEGER,
      );
      const { utilisateur } = connexionRequise(requete);
      const contenu = await donneesPdf(b, accompagnements, {
        auteur: `${utilisateur.prenom} ${utilisateur.nom}`,
        le: maintenant,
      });
      await journaliser(ctx.db, acteur, {
        action: "beneficiaire.exporte",
        cibleType: "beneficiaire",
        cibleId: b.id,
      });
      return envoyerPdf(reponse, { nom: "donnees-personnelles", contenu });
    },
  );

  r.get(
    "/api/beneficiaires/collegues",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary:
          "Les conseillers employés aujourd'hui par ma structure, à qui transmettre mes personnes suivies",
        response: { 200: colleguesSchema },
      },
    },
    async (requete) => {
      const { conseillerId, maintenant } = conseiller(requete);
      return collegues(ctx.db, conseillerId, maintenant);
    },
  );

  r.post(
    "/api/beneficiaires/passation",
    {
      config: { acces: ["conseiller"] },
      schema: {
        tags: tag,
        summary:
          "Transmettre à un collègue de la structure les personnes suivies qui ont accepté le partage (départ du conseiller)",
        body: passationSchema,
        response: { 200: passationFaiteSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await transmettrePersonnes(ctx.db, {
          ...conseiller(requete),
          collegueId: requete.body.collegueId,
        }),
      ),
  );

  r.post(
    "/api/beneficiaires/import",
    {
      config: { acces: ["conseiller"], rateLimit: { max: 30, timeWindow: "15 minutes" } },
      bodyLimit: TAILLE_MAX_TABLEUR,
      schema: {
        tags: tag,
        summary:
          "Importer des personnes suivies (CSV ou XLSX) : rapport ligne par ligne, puis application si demandée",
        description:
          "Colonnes : prenom, nom, annee_naissance (ou date_naissance, dont seule l'année est gardée), code_commune (ou commune et code_postal), telephone, email, genre, statut, notes, partage (oui/non).",
        querystring: z
          .object({
            appliquer: z.enum(["oui", "non"]).default("non"),
            informees: z.literal("oui", {
              error:
                "Confirmez que chaque personne du fichier a été informée de l'usage de ses données et l'accepte.",
            }),
          })
          .strict(),
        response: { 200: rapportImportBeneficiairesSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) =>
      importerBeneficiaires(ctx.db, {
        ...conseiller(requete),
        acteur: { ...acteurDeRequete(requete), origine: "import" },
        brutes: await tableurDeRequete(requete),
        appliquer: requete.query.appliquer === "oui",
      }),
  );
}
