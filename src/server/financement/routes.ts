import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { identifiantSchema } from "../../domain/champs.ts";
import { grandLivreSchema, versementsSchema } from "../../domain/financement/api.ts";
import { FILES_GRAND_LIVRE } from "../../domain/financement/echeancier.ts";
import { versementSchema } from "../../domain/financement/versement.ts";
import { finDuMois, jourParis } from "../../domain/temps.ts";
import { connexionRequise, type SessionChargee } from "../access/index.ts";
import type { Contexte } from "../contexte.ts";
import { repondre } from "../http/reponse.ts";
import { pageOptionnelleSchema, rechercheSchema } from "../http/schemas.ts";
import {
  envoyerTableur,
  formatTableurSchema,
  reponseTableurSchema,
  triSchema,
} from "../http/tableur.ts";
import { type Colonne, enEuros, exportePar } from "../infra/export.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import {
  filtrerGrandLivre,
  type LigneGrandLivre,
  TAILLE_PAGE_GRAND_LIVRE,
  TRIS_GRAND_LIVRE,
  trierGrandLivre,
} from "./grand-livre.ts";
import {
  enregistrerVersement,
  grandLivreDuPerimetreAu,
  versementsDeLaStructure,
} from "./versements-service.ts";

const tag = ["Financement"];

/** One line per post, amounts in euros with two decimals (accounting software reads them). */
const COLONNES_GRAND_LIVRE: Colonne<LigneGrandLivre>[] = [
  { titre: "Structure", valeur: (l) => l.structure },
  { titre: "SIRET", valeur: (l) => l.siret },
  { titre: "Département", valeur: (l) => l.departementCode },
  { titre: "Secteur", valeur: (l) => l.secteur },
  { titre: "Poste", valeur: (l) => l.posteId },
  { titre: "Attribution", valeur: (l) => l.dateAttribution },
  { titre: "Statut du poste", valeur: (l) => l.statut },
  { titre: "Plafond (€)", valeur: (l) => enEuros(l.plafondCents) },
  { titre: "Droits acquis (€)", valeur: (l) => enEuros(l.droitCents) },
  { titre: "Appelé (€)", valeur: (l) => enEuros(l.appeleCents) },
  { titre: "Versé (€)", valeur: (l) => enEuros(l.verseCents) },
  { titre: "Dû (€)", valeur: (l) => enEuros(l.duCents) },
  { titre: "Trop-perçu (€)", valeur: (l) => enEuros(l.tropPercuCents) },
];

/** The ledger's filters and order, the same on its screen and in its export. */
const filtresGrandLivreSchema = z.object({
  structureId: z.uuid("Structure invalide.").optional(),
  au: z.iso.date("La date s'écrit AAAA-MM-JJ.").optional(),
  echeance: z
    .enum(["aujourdhui", "fin_du_mois"], { error: "L'échéance est aujourdhui ou fin_du_mois." })
    .optional(),
  recherche: rechercheSchema,
  file: z.enum(FILES_GRAND_LIVRE, { error: "La file est a_verser ou trop_percu." }).optional(),
  tri: triSchema(TRIS_GRAND_LIVRE),
});

export function routesFinancement(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The whole scope's ledger at the asked date ("due this month": as it stands on its last day). */
  const grandLivreDuPerimetre = async (
    connexion: SessionChargee,
    q: { au?: string | undefined; echeance?: string | undefined; structureId?: string | undefined },
  ) => {
    const aujourdhui = jourParis(ctx.horloge());
    const au = q.au ?? (q.echeance === "fin_du_mois" ? finDuMois(aujourdhui) : aujourdhui);
    return { au, postes: await grandLivreDuPerimetreAu(ctx.db, connexion, au, q.structureId) };
  };

  r.get(
    "/api/financement/postes",
    {
      // A structure reads its own posts' subsidy: received and due.
      config: { acces: ["financeur", "admin", "structure"] },
      schema: {
        tags: tag,
        summary: "Droits, appelé, versé, dû et trop-perçu de chaque poste du périmètre",
        querystring: filtresGrandLivreSchema
          .extend({
            // The screen asks for one page; without `page` the whole scope (API readers).
            page: pageOptionnelleSchema,
            taillePage: z.coerce
              .number({ error: "La taille de page doit être un nombre." })
              .int("La taille de page doit être un nombre entier.")
              .min(1, "Une page tient au moins un poste.")
              .max(100, "Une page tient au plus 100 postes.")
              .optional(),
          })
          .strict(),
        response: { 200: grandLivreSchema },
      },
    },
    async (requete) => {
      const q = requete.query;
      const { au, postes } = await grandLivreDuPerimetre(connexionRequise(requete), q);
      const somme = (
        cle: "droitCents" | "appeleCents" | "verseCents" | "duCents" | "tropPercuCents",
      ) => postes.reduce((t, p) => t + p[cle], 0);
      const filtres = trierGrandLivre(filtrerGrandLivre(postes, q), q.tri);
      const page = q.page ?? 1;
      const taillePage = q.page
        ? (q.taillePage ?? TAILLE_PAGE_GRAND_LIVRE)
        : Math.max(filtres.length, 1);
      return {
        au,
        postes: filtres.slice((page - 1) * taillePage, page * taillePage),
        total: filtres.length,
        page,
        taillePage,
        // The work queues, over the whole scope whatever the filter.
        files: {
          aVerser: filtrerGrandLivre(postes, { file: "a_verser" }).length,
          tropPercu: filtrerGrandLivre(postes, { file: "trop_percu" }).length,
        },
        totaux: {
          droitCents: somme("droitCents"),
          appeleCents: somme("appeleCents"),
          verseCents: somme("verseCents"),
          duCents: somme("duCents"),
          tropPercuCents: somme("tropPercuCents"),
        },
      };
    },
  );

  r.get(
    "/api/financement/export",
    {
      config: { acces: ["financeur", "admin"], rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: tag,
        summary:
          "Grand livre des postes pour la comptabilité (CSV ; avec BOM, ou XLSX) : toutes les lignes filtrées de l'écran, dans son ordre ; journalisé",
        querystring: filtresGrandLivreSchema.extend({ format: formatTableurSchema }).strict(),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const { format, ...q } = requete.query;
      const { au, postes } = await grandLivreDuPerimetre(connexion, q);
      const lignes = trierGrandLivre(filtrerGrandLivre(postes, q), q.tri);
      const filtre = [
        q.file ? `file ${q.file}` : "",
        q.recherche ? `recherche « ${q.recherche} »` : "",
      ].filter(Boolean);
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: "grand-livre",
        fichier: `Grand_livre_${au}`,
        feuille: "Grand livre",
        colonnes: COLONNES_GRAND_LIVRE,
        lignes,
        entete: [
          exportePar(connexion.utilisateur, ctx.horloge()),
          `Situation au ${au} ; montants en euros${filtre.length ? ` ; ${filtre.join(", ")}` : ""}`,
        ],
        details: { au, file: q.file ?? null, recherche: q.recherche ?? null, tri: q.tri },
      });
    },
  );

  r.post(
    "/api/financement/versements",
    {
      config: { acces: ["financeur"] },
      schema: {
        tags: tag,
        summary: "Enregistrer un versement ou sa correction (jamais modifié ni supprimé)",
        body: versementSchema,
        response: { 201: identifiantSchema },
      },
    },
    async (requete, reponse) => {
      const res = await enregistrerVersement(ctx.db, {
        connexion: connexionRequise(requete),
        versement: requete.body,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
      });
      return repondre(reponse, res, 201);
    },
  );

  r.get(
    "/api/financement/versements",
    {
      config: { acces: ["financeur", "admin"] },
      schema: {
        tags: tag,
        summary: "Les lignes de versement d'une structure, corrections comprises",
        querystring: z.object({ structureId: z.uuid("Structure invalide.") }).strict(),
        response: { 200: versementsSchema },
      },
    },
    async (requete) =>
      versementsDeLaStructure(ctx.db, connexionRequise(requete), requete.query.structureId),
  );
}
