import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { identifiantSchema } from "../../domain/champs.ts";
import { introuvable } from "../../domain/erreurs.ts";
import {
  contratIdSchema,
  ficheCandidatSchema,
  mesRecrutementsSchema,
  ruptureIdSchema,
  signatureSchema,
  statutContratSchema,
  statutMiseEnRelationSchema,
  statutRuptureSchema,
  vivierSchema,
} from "../../domain/recrutement/api.ts";
import { recrutementSchema } from "../../domain/recrutement/contrat.ts";
import { prolongationSchema, ruptureSchema } from "../../domain/recrutement/rupture.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise, structureDeSession } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { envoyerPdf, reponsePdfSchema } from "../http/pdf.ts";
import { refuser, repondre } from "../http/reponse.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { envoyerTableur, formatTableurSchema, reponseTableurSchema } from "../http/tableur.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import {
  CANDIDAT_INVISIBLE,
  candidatsPreselectionnes,
  candidatVisible,
} from "./candidats-visibles-queries.ts";
import {
  annulerRecrutement,
  declarerRecrutement,
  declarerRenouvellement,
  enregistrerSignature,
} from "./contrat-service.ts";
import { lireCv } from "./cv-service.ts";
import { exportCandidats } from "./exports.ts";
import { declarerRupture, demanderProlongation, suivreRupture } from "./fin-contrat-service.ts";
import { marquerCandidat } from "./mise-en-relation-service.ts";
import { listerContrats, listerPostes } from "./suivi-queries.ts";
import {
  compterVivier,
  filtresVivierSchema,
  origineVivier,
  rechercherVivier,
  TAILLE_PAGE_VIVIER,
} from "./vivier-queries.ts";

const tag = ["Recrutement (structure)"];
const idSchema = z.object({ id: z.uuid("Identifiant invalide.") });

export function routesRecrutementStructure(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const contexteStructure = (requete: Parameters<typeof connexionRequise>[0]) => ({
    structureId: structureDeSession(connexionRequise(requete)),
    acteur: acteurDeRequete(requete),
    maintenant: ctx.horloge(),
  });

  r.get(
    "/api/structure/vivier",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Vivier de candidats de ma structure, du plus proche au plus lointain",
        querystring: filtresVivierSchema,
        response: { 200: vivierSchema },
      },
    },
    async (requete) => {
      const structureId = structureDeSession(connexionRequise(requete));
      const origine = await origineVivier(ctx.db, structureId, jourParis(ctx.horloge()));
      if (typeof origine === "string")
        return {
          etat: origine,
          candidats: [],
          total: 0,
          totalAuMoins: false,
          page: 1,
          taillePage: TAILLE_PAGE_VIVIER,
        };
      const compte = await compterVivier(ctx.db, origine, requete.query);
      const candidats = await rechercherVivier(ctx.db, origine, requete.query, { compte });
      return {
        etat: "ok" as const,
        candidats,
        total: compte.total,
        totalAuMoins: compte.auMoins,
        page: requete.query.page,
        taillePage: TAILLE_PAGE_VIVIER,
        echeanceDisponibilite: origine.echeanceDisponibilite,
      };
    },
  );

  r.get(
    "/api/structure/vivier/export",
    {
      config: { acces: ["structure"], rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: tag,
        summary:
          "Exporter le vivier filtré de ma structure, du plus proche au plus lointain (CSV ou XLSX), journalisé",
        querystring: filtresVivierSchema
          .omit({ page: true })
          .extend({ format: formatTableurSchema })
          .strict(),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const { format, ...filtres } = requete.query;
      const aujourdhui = jourParis(ctx.horloge());
      const table = await exportCandidats(ctx.db, connexionRequise(requete), aujourdhui, filtres);
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: "candidats",
        fichier: `Vivier_${aujourdhui}`,
        ...table,
        details: filtres,
      });
    },
  );

  r.get(
    "/api/structure/candidats/:id",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Fiche d'un candidat de mon vivier",
        params: idSchema,
        response: { 200: ficheCandidatSchema },
      },
    },
    async (requete, reponse) => {
      const { structureId, maintenant } = contexteStructure(requete);
      const c = await candidatVisible(
        ctx.db,
        structureId,
        requete.params.id,
        jourParis(maintenant),
      );
      if (!c) return refuser(reponse, introuvable(CANDIDAT_INVISIBLE));
      return c;
    },
  );

  r.get(
    "/api/structure/candidats/:id/cv",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "CV d'un candidat de mon vivier",
        params: idSchema,
        response: { 200: reponsePdfSchema },
      },
    },
    async (requete, reponse) => {
      const { structureId, maintenant } = contexteStructure(requete);
      const c = await candidatVisible(
        ctx.db,
        structureId,
        requete.params.id,
        jourParis(maintenant),
      );
      const fichier = c ? await lireCv(ctx.db, c.id, ctx.config.cleFichiers) : null;
      if (!fichier) return refuser(reponse, introuvable("Aucun CV pour ce candidat."));
      return envoyerPdf(reponse, fichier);
    },
  );

  r.post(
    "/api/structure/candidats/:id/avis",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Marquer un candidat : intéressé, pas intéressé, ou le reconsidérer",
        params: idSchema,
        body: z
          .object({
            avis: z.enum(["interesse", "pas_interesse", "reconsiderer"], {
              error: "Choisissez intéressé ou pas intéressé.",
            }),
          })
          .strict(),
        response: { 200: statutMiseEnRelationSchema, 409: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await marquerCandidat(ctx.db, {
          ...contexteStructure(requete),
          candidatureId: requete.params.id,
          avis: requete.body.avis,
        }),
      ),
  );

  r.post(
    "/api/structure/preselection",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Présélectionner un candidat par son identifiant",
        body: z
          .object({
            identifiant: z.uuid("L'identifiant du candidat est un code de 36 caractères."),
          })
          .strict(),
        response: { 200: statutMiseEnRelationSchema, 409: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await marquerCandidat(ctx.db, {
          ...contexteStructure(requete),
          candidatureId: requete.body.identifiant,
          avis: "interesse",
          manuelle: true,
        }),
      ),
  );

  r.get(
    "/api/structure/recrutements",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Mes recrutements, contrats, postes et échéances",
        response: { 200: mesRecrutementsSchema },
      },
    },
    async (requete) => {
      const connexion = connexionRequise(requete);
      const aujourdhui = jourParis(ctx.horloge());
      const [contrats, postes, preselectionnes] = await Promise.all([
        listerContrats(ctx.db, connexion, { vue: "tous", aujourdhui }),
        listerPostes(ctx.db, connexion, { aujourdhui, enRetardSeulement: false }),
        candidatsPreselectionnes(ctx.db, structureDeSession(connexion)),
      ]);
      return { contrats, postes, preselectionnes, aujourdhui };
    },
  );

  r.post(
    "/api/structure/recrutements",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Déclarer le recrutement d'un candidat présélectionné",
        body: z
          .object({
            candidatureId: z.uuid("Choisissez le candidat."),
            recrutement: recrutementSchema,
          })
          .strict(),
        response: {
          201: contratIdSchema,
          404: corpsErreurSchema,
          409: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) => {
      const res = await declarerRecrutement(ctx.db, {
        ...contexteStructure(requete),
        ...requete.body,
      });
      return repondre(reponse, res, 201);
    },
  );

  r.post(
    "/api/structure/contrats/:id/annulation",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Annuler un recrutement déclaré",
        params: idSchema,
        response: { 200: statutContratSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await annulerRecrutement(ctx.db, {
          ...contexteStructure(requete),
          contratId: requete.params.id,
        }),
      ),
  );

  r.post(
    "/api/structure/contrats/:id/signature",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Enregistrer la date de signature du contrat",
        params: idSchema,
        body: z
          .object({
            dateSignature: z.iso.date("La date de signature doit être une date (AAAA-MM-JJ)."),
          })
          .strict(),
        response: { 200: signatureSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await enregistrerSignature(ctx.db, {
          ...contexteStructure(requete),
          contratId: requete.params.id,
          dateSignature: requete.body.dateSignature,
        }),
      ),
  );

  r.post(
    "/api/structure/contrats/:id/renouvellement",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Déclarer le renouvellement d'un contrat actif",
        params: idSchema,
        body: recrutementSchema,
        response: { 200: contratIdSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await declarerRenouvellement(ctx.db, {
          ...contexteStructure(requete),
          contratId: requete.params.id,
          recrutement: requete.body,
        }),
      ),
  );

  r.post(
    "/api/structure/contrats/:id/rupture",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Déclarer la rupture d'un contrat",
        params: idSchema,
        body: ruptureSchema(null),
        response: { 200: ruptureIdSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await declarerRupture(ctx.db, {
          ...contexteStructure(requete),
          contratId: requete.params.id,
          rupture: requete.body,
        }),
      ),
  );

  r.post(
    "/api/structure/ruptures/:id/:action",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Retirer une rupture, ou compléter son dossier",
        params: idSchema.extend({
          action: z.enum(["retrait", "complement"], { error: "Action inconnue." }),
        }),
        body: z
          .object({ documents: z.array(z.string().trim().min(1).max(200)).max(20).optional() })
          .strict()
          .default({}),
        response: { 200: statutRuptureSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await suivreRupture(ctx.db, {
          ...contexteStructure(requete),
          ruptureId: requete.params.id,
          evenement: requete.params.action === "retrait" ? "retirer" : "completer",
          documents: requete.body.documents,
        }),
      ),
  );

  r.post(
    "/api/structure/contrats/:id/prolongation",
    {
      config: { acces: ["structure"] },
      schema: {
        tags: tag,
        summary: "Demander la prolongation d'un contrat",
        params: idSchema,
        body: prolongationSchema("0000-01-01"),
        response: { 200: identifiantSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await demanderProlongation(ctx.db, {
          ...contexteStructure(requete),
          contratId: requete.params.id,
          nouvelleDateFin: requete.body.nouvelleDateFin,
          salaireBrutMensuelCents: requete.body.salaireBrutMensuelCents,
        }),
      ),
  );
}
