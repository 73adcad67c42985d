import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { FILES_GRAND_LIVRE } from "../../domain/financement/echeancier.ts";
import { finDuMois, jourParis } from "../../domain/temps.ts";
import { connexionRequise } from "../access/acces.ts";
import { predicatPerimetre } from "../access/perimetre-sql.ts";
import type { Contexte } from "../contexte.ts";
import { poste, structure, versement } from "../db/schema.ts";
import { corpsErreur } from "../http/erreurs.ts";
import { rechercheSchema } from "../http/schemas.ts";
import { type Colonne, enEuros, exportePar, versCsv, versXlsx } from "../infra/export.ts";
import { acteurDeRequete, journaliser } from "../journal/journal.ts";
import {
  filtrerGrandLivre,
  grandLivre,
  type LigneGrandLivre,
  TAILLE_PAGE_GRAND_LIVRE,
} from "./grand-livre.ts";

const tag = ["Financement"];
const colonnesStructure = {
  departement: structure.departementCode,
  region: structure.regionCode,
  structureId: structure.id,
};

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

const versementSchema = z
  .object({
    structureId: z.uuid("Structure invalide."),
    posteId: z.uuid("Poste invalide.").optional(),
    nature: z.enum(["avance", "solde", "regularisation"], {
      error: "La nature est avance, solde ou regularisation.",
    }),
    montantCents: z
      .number({ error: "Le montant est un nombre entier de centimes." })
      .int("Le montant est un nombre entier de centimes.")
      .refine((n) => n !== 0, "Le montant ne peut pas être nul.")
      .refine((n) => Math.abs(n) <= 100_000_000, "Le montant dépasse 1 000 000 €."),
    date: z.iso.date("La date s'écrit AAAA-MM-JJ."),
    reference: z
      .string({ error: "La référence bancaire est obligatoire." })
      .trim()
      .min(1, "La référence bancaire est obligatoire.")
      .max(100, "La référence ne doit pas dépasser 100 caractères."),
    corrigeId: z.uuid("Ligne corrigée invalide.").optional(),
    motif: z.string().trim().max(500, "Le motif ne doit pas dépasser 500 caractères.").optional(),
  })
  .strict()
  .refine((v) => v.nature === "regularisation" || v.montantCents > 0, {
    path: ["montantCents"],
    message: "Seule une régularisation peut être négative.",
  })
  .refine((v) => !v.corrigeId || (v.nature === "regularisation" && v.motif), {
    path: ["motif"],
    message: "Une correction est une régularisation et dit son motif.",
  });

export function routesFinancement(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/financement/postes",
    {
      // A structure reads its own posts' subsidy: received and due.
      config: { acces: ["financeur", "admin", "structure"] },
      schema: {
        tags: tag,
        summary: "Droits, appelé, versé, dû et trop-perçu de chaque poste du périmètre",
        querystring: z
          .object({
            structureId: z.uuid("Structure invalide.").optional(),
            au: z.iso.date("La date s'écrit AAAA-MM-JJ.").optional(),
            echeance: z
              .enum(["aujourdhui", "fin_du_mois"], {
                error: "L'échéance est aujourdhui ou fin_du_mois.",
              })
              .optional(),
            // The screen asks for one page; without `page` the whole scope (API readers).
            page: z.coerce
              .number({ error: "La page doit être un nombre." })
              .int("La page doit être un nombre entier.")
              .min(1, "La page commence à 1.")
              .max(10_000, "La page ne dépasse pas 10 000.")
              .optional(),
            taillePage: z.coerce
              .number({ error: "La taille de page doit être un nombre." })
              .int("La taille de page doit être un nombre entier.")
              .min(1, "Une page tient au moins un poste.")
              .max(100, "Une page tient au plus 100 postes.")
              .optional(),
            recherche: rechercheSchema,
            file: z
              .enum(FILES_GRAND_LIVRE, {
                error: "La file est a_verser ou trop_percu.",
              })
              .optional(),
          })
          .strict(),
      },
    },
    async (requete) => {
      const q = requete.query;
      const aujourdhui = jourParis(ctx.horloge());
      // "Due this month": the schedule as it will stand on the month's last day.
      const au = q.au ?? (q.echeance === "fin_du_mois" ? finDuMois(aujourdhui) : aujourdhui);
      const postes = await grandLivre(
        ctx.db,
        and(
          predicatPerimetre(connexionRequise(requete), colonnesStructure),
          q.structureId ? eq(structure.id, q.structureId) : undefined,
        )!,
        au,
      );
      const somme = (
        cle: "droitCents" | "appeleCents" | "verseCents" | "duCents" | "tropPercuCents",
      ) => postes.reduce((t, p) => t + p[cle], 0);
      const filtres = filtrerGrandLivre(postes, q);
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
          "Grand livre des postes pour la comptabilité (CSV ; avec BOM, ou XLSX), journalisé",
        querystring: z
          .object({
            format: z.enum(["csv", "xlsx"], { error: "Le format est csv ou xlsx." }).default("csv"),
            au: z.iso.date("La date s'écrit AAAA-MM-JJ.").optional(),
          })
          .strict(),
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const q = requete.query;
      const au = q.au ?? jourParis(ctx.horloge());
      const postes = await grandLivre(ctx.db, predicatPerimetre(connexion, colonnesStructure), au);
      await journaliser(ctx.db, acteurDeRequete(requete), {
        action: "export.telecharge",
        cibleType: "export",
        cibleId: "grand-livre",
        apres: { format: q.format, au, lignes: postes.length },
      });
      reponse.header("content-disposition", `attachment; filename="Grand_livre_${au}.${q.format}"`);
      if (q.format === "csv")
        return reponse.type("text/csv; charset=utf-8").send(versCsv(COLONNES_GRAND_LIVRE, postes));
      return reponse
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .send(
          await versXlsx("Grand livre", COLONNES_GRAND_LIVRE, postes, [
            exportePar(connexion.utilisateur, ctx.horloge()),
            `Situation au ${au} ; montants en euros`,
          ]),
        );
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
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const v = requete.body;
      if (v.date > jourParis(ctx.horloge()))
        return reponse
          .status(400)
          .send(corpsErreur("Un versement ne peut pas être daté du futur.", "date"));
      const res = await ctx.db.transaction(async (tx) => {
        const [s] = await tx
          .select({ id: structure.id })
          .from(structure)
          .where(
            and(eq(structure.id, v.structureId), predicatPerimetre(connexion, colonnesStructure)),
          );
        if (!s)
          return {
            statut: 404 as const,
            champ: "structureId",
            message: "Structure introuvable dans votre périmètre.",
          };
        if (v.posteId) {
          const [p] = await tx
            .select({ id: poste.id })
            .from(poste)
            .where(and(eq(poste.id, v.posteId), eq(poste.structureId, v.structureId)));
          if (!p)
            return {
              statut: 400 as const,
              champ: "posteId",
              message: "Ce poste n'est pas un poste de cette structure.",
            };
        }
        if (v.corrigeId) {
          const [c] = await tx
            .select({ id: versement.id })
            .from(versement)
            .where(and(eq(versement.id, v.corrigeId), eq(versement.structureId, v.structureId)));
          if (!c)
            return {
              statut: 400 as const,
              champ: "corrigeId",
              message: "La ligne corrigée n'est pas un versement de cette structure.",
            };
        }
        const [ligne] = await tx
          .insert(versement)
          .values({
            ...v,
            posteId: v.posteId ?? null,
            creePar: connexion.utilisateur.id,
            creeLe: ctx.horloge(),
          })
          .returning({ id: versement.id });
        await journaliser(tx, acteurDeRequete(requete), {
          action: v.corrigeId ? "versement.corrige" : "versement.enregistre",
          cibleType: "versement",
          cibleId: ligne!.id,
          apres: {
            structureId: v.structureId,
            posteId: v.posteId ?? null,
            nature: v.nature,
            montantCents: v.montantCents,
            date: v.date,
            reference: v.reference,
          },
        });
        return { statut: 201 as const, id: ligne!.id };
      });
      if (res.statut !== 201)
        return reponse.status(res.statut).send(corpsErreur(res.message, res.champ));
      return reponse.status(201).send({ id: res.id });
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
      },
    },
    async (requete) => {
      const lignes = await ctx.db
        .select({ v: versement })
        .from(versement)
        .innerJoin(structure, eq(structure.id, versement.structureId))
        .where(
          and(
            eq(versement.structureId, requete.query.structureId),
            predicatPerimetre(connexionRequise(requete), colonnesStructure),
          ),
        )
        .orderBy(versement.date, versement.creeLe);
      return lignes.map((l) => l.v);
    },
  );
}
