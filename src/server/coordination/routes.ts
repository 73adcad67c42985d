import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { identifiantSchema } from "../../domain/champs.ts";
import {
  chiffresCoordinationSchema,
  coordinationEnregistreeSchema,
  equipeSchema,
  type LigneCoordination,
  pageCoordinationsSchema,
} from "../../domain/coordination/api.ts";
import {
  craCoordinationSchema,
  TYPES_COORDINATION,
  TYPES_PARTENAIRE,
  type TypeCoordination,
} from "../../domain/coordination/coordination.ts";
import { THEMATIQUES, type Thematique } from "../../domain/cra/vocabulaire.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise } from "../access/index.ts";
import { periode, periodeSchema } from "../activite/index.ts";
import type { Contexte } from "../contexte.ts";
import { repondre } from "../http/reponse.ts";
import { corpsErreurSchema, pageSchema } from "../http/schemas.ts";
import { envoyerTableur, formatTableurSchema, reponseTableurSchema } from "../http/tableur.ts";
import type { Colonne } from "../infra/export.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import {
  chiffresCoordination,
  conseillersDeLEquipe,
  mesCoordinations,
  TAILLE_PAGE_COORDINATIONS,
  toutesMesCoordinations,
} from "./coordination-queries.ts";
import {
  coordinationAModifier,
  creerCoordination,
  equipeDe,
  modifierCoordination,
  supprimerCoordination,
} from "./coordination-service.ts";

const tag = ["Coordination"];
const idParams = z.object({ id: z.uuid("Identifiant de compte rendu invalide.") });
const filtresSchema = periodeSchema.and(
  z.object({
    type: z
      .enum(Object.keys(TYPES_COORDINATION) as [TypeCoordination, ...TypeCoordination[]], {
        error: "Le type est animation, evenement ou partenariat.",
      })
      .optional(),
  }),
);

const COLONNES: Colonne<LigneCoordination>[] = [
  { titre: "Type", valeur: (l) => TYPES_COORDINATION[l.type] },
  { titre: "Date", valeur: (l) => l.date },
  { titre: "Durée (minutes)", valeur: (l) => l.dureeMinutes },
  {
    titre: "Conseillers présents",
    valeur: (l) => (l.type === "animation" ? l.participants : null),
  },
  {
    titre: "Thématiques",
    valeur: (l) => l.thematiques.map((t) => THEMATIQUES[t as Thematique] ?? t).join(", "),
  },
  { titre: "Titre de l'événement", valeur: (l) => l.titre },
  { titre: "Commune", valeur: (l) => l.commune },
  { titre: "Participants à l'événement", valeur: (l) => l.nbParticipants },
  { titre: "Partenaires de l'événement", valeur: (l) => l.partenaires },
  { titre: "Structure partenaire", valeur: (l) => l.structurePartenaire },
  {
    titre: "Type de partenaire",
    valeur: (l) =>
      l.typePartenaire ? TYPES_PARTENAIRE[l.typePartenaire as keyof typeof TYPES_PARTENAIRE] : null,
  },
  { titre: "Sujet", valeur: (l) => l.sujet },
  { titre: "Notes", valeur: (l) => l.notes },
];

export function routesCoordination(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const moi = (requete: Parameters<typeof connexionRequise>[0]) =>
    connexionRequise(requete).utilisateur.id;

  r.get(
    "/api/coordinations",
    {
      config: { acces: ["coordinateur"] },
      schema: {
        tags: tag,
        summary: "Mes comptes rendus de coordination, les plus récents d'abord, par page",
        querystring: filtresSchema.and(z.object({ page: pageSchema })),
        response: { 200: pageCoordinationsSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) => {
      const { total, lignes } = await mesCoordinations(ctx.db, moi(requete), requete.query);
      return {
        total,
        page: requete.query.page,
        taillePage: TAILLE_PAGE_COORDINATIONS,
        coordinations: lignes,
      };
    },
  );

  r.get(
    "/api/coordinations/export",
    {
      config: { acces: ["coordinateur"] },
      schema: {
        tags: tag,
        summary:
          "Exporter mes comptes rendus de coordination (CSV ou XLSX), du plus ancien au plus récent",
        querystring: filtresSchema.and(z.object({ format: formatTableurSchema })),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const { format, ...filtres } = requete.query;
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: "coordinations",
        fichier: `Coordinations_${jourParis(ctx.horloge())}`,
        feuille: "Coordinations",
        colonnes: COLONNES,
        lignes: await toutesMesCoordinations(ctx.db, moi(requete), filtres),
        details: filtres,
      });
    },
  );

  r.get(
    "/api/coordinations/equipe",
    {
      config: { acces: ["coordinateur"] },
      schema: {
        tags: tag,
        summary: "Les conseillers de mon équipe, à nommer dans une animation",
        response: { 200: equipeSchema },
      },
    },
    async (requete) => conseillersDeLEquipe(ctx.db, equipeDe(connexionRequise(requete))),
  );

  r.get(
    "/api/coordinations/statistiques",
    {
      config: { acces: ["admin", "coordinateur"] },
      schema: {
        tags: tag,
        summary:
          "Chiffres de la coordination sur une période : les miens, ou ceux de tout le pays pour l'ANCT",
        querystring: periodeSchema,
        response: { 200: chiffresCoordinationSchema, 400: corpsErreurSchema },
      },
    },
    async (requete) => {
      const connexion = connexionRequise(requete);
      const p = periode(requete.query, jourParis(ctx.horloge()));
      const portee =
        connexion.habilitation?.role === "admin"
          ? undefined
          : { coordinateurId: connexion.utilisateur.id };
      return { periode: p, ...(await chiffresCoordination(ctx.dbLecture, portee, p)) };
    },
  );

  r.post(
    "/api/coordinations",
    {
      config: { acces: ["coordinateur"] },
      schema: {
        tags: tag,
        summary: "Enregistrer une animation, un événement ou un partenariat",
        body: craCoordinationSchema,
        response: { 201: identifiantSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await creerCoordination(ctx.db, {
          connexion: connexionRequise(requete),
          saisie: requete.body,
          acteur: acteurDeRequete(requete),
          maintenant: ctx.horloge(),
        }),
        201,
      ),
  );

  r.get(
    "/api/coordinations/:id",
    {
      config: { acces: ["coordinateur"] },
      schema: {
        tags: tag,
        summary: "Un de mes comptes rendus de coordination",
        params: idParams,
        response: {
          200: coordinationEnregistreeSchema,
          403: corpsErreurSchema,
          404: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) =>
      repondre(reponse, await coordinationAModifier(ctx.db, requete.params.id, moi(requete))),
  );

  r.put(
    "/api/coordinations/:id",
    {
      config: { acces: ["coordinateur"] },
      schema: {
        tags: tag,
        summary: "Modifier un de mes comptes rendus de coordination",
        params: idParams,
        body: craCoordinationSchema,
        response: {
          200: identifiantSchema,
          400: corpsErreurSchema,
          403: corpsErreurSchema,
          404: corpsErreurSchema,
        },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await modifierCoordination(ctx.db, {
          id: requete.params.id,
          connexion: connexionRequise(requete),
          saisie: requete.body,
          acteur: acteurDeRequete(requete),
          maintenant: ctx.horloge(),
        }),
      ),
  );

  r.delete(
    "/api/coordinations/:id",
    {
      config: { acces: ["coordinateur"] },
      schema: {
        tags: tag,
        summary: "Supprimer un de mes comptes rendus de coordination",
        params: idParams,
        response: { 200: identifiantSchema, 403: corpsErreurSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await supprimerCoordination(ctx.db, {
          id: requete.params.id,
          coordinateurId: moi(requete),
          acteur: acteurDeRequete(requete),
        }),
      ),
  );
}
