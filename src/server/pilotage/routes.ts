import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  enveloppeSchema as enveloppeReponseSchema,
  tableauDeBordSchema,
  tendanceSchema,
} from "../../domain/pilotage/api.ts";
import { ajouter, ENVELOPPE_POSTES_CENTS, SOMMES_VIDES } from "../../domain/pilotage/enveloppe.ts";
import {
  additionner,
  type Indicateurs,
  indicateurs,
  NIVEAUX,
  TRIS,
  trier,
} from "../../domain/pilotage/indicateurs.ts";
import type { ConseillerSuivi } from "../../domain/pilotage/suivi.ts";
import { suiviConseillersSchema } from "../../domain/pilotage/suivi.ts";
import { STATUTS_CERTIFICATION, STATUTS_FORMATION } from "../../domain/recrutement/formation.ts";
import { LIBELLES_ROLES } from "../../domain/roles.ts";
import { jourParis } from "../../domain/temps.ts";
import { connexionRequise, type SessionChargee } from "../access/index.ts";
import { periode, periodeSchema } from "../activite/index.ts";
import type { Contexte } from "../contexte.ts";
import { pageOptionnelleSchema } from "../http/schemas.ts";
import {
  envoyerTableur,
  formatTableurSchema,
  reponseTableurSchema,
  triSchema,
} from "../http/tableur.ts";
import { type Colonne, enEuros, exportePar } from "../infra/export.ts";
import { compterConseillersSuivis, conseillersSuivis, TRIS_SUIVI } from "./conseillers-queries.ts";
import { enveloppeParTerritoire, type LigneEnveloppe } from "./enveloppe-queries.ts";
import { comptesParTerritoire, type Decoupage } from "./indicateurs-queries.ts";
import { tendanceDuPerimetre } from "./tendance-queries.ts";

const tag = ["Pilotage"];
const TAILLE_PAGE_CONSEILLERS = 25;
const ROLES_TABLEAU = [
  "admin",
  "prefet",
  "structure",
  "coordinateur",
  "hub",
  "grand_reseau",
  "financeur",
] as const;

const codeTerritoire = z
  .string()
  .regex(/^(\d{2,3}|2[AB])$/, "Le code de territoire est invalide.")
  .optional();

const tableauSchema = periodeSchema.and(
  z
    .object({
      decoupage: z
        .enum([...NIVEAUX, "total"], {
          error: "Le découpage est region, departement, arrondissement ou total.",
        })
        .default("total"),
      region: codeTerritoire,
      departement: codeTerritoire,
      tri: z.enum(TRIS, { error: "Colonne de tri inconnue." }).default("nom"),
      ordre: z.enum(["asc", "desc"], { error: "L'ordre est asc ou desc." }).default("asc"),
    })
    .strict(),
);
type RequeteTableau = z.infer<typeof tableauSchema>;

export type LigneTableau = Indicateurs & { code: string; nom: string };

async function tableau(ctx: Contexte, connexion: SessionChargee, q: RequeteTableau) {
  const aujourdhui = jourParis(ctx.horloge());
  const p = periode(q, aujourdhui);
  const decoupage = q.decoupage as Decoupage;
  const comptes = await comptesParTerritoire(ctx.dbLecture, connexion, {
    decoupage,
    region: q.region,
    departement: q.departement,
    aujourdhui,
    periode: p,
  });
  const lignes: LigneTableau[] = trier(
    comptes.map((c) => ({ ...indicateurs(c), code: c.code, nom: c.nom })),
    q.tri,
    q.ordre,
  );
  return { aujourdhui, periode: p, decoupage, total: indicateurs(additionner(comptes)), lignes };
}

const nombre = (v: number | null) => v ?? "";
const COLONNES: Colonne<LigneTableau>[] = [
  { titre: "Code", valeur: (l) => l.code },
  { titre: "Territoire", valeur: (l) => l.nom },
  { titre: "Dotation (postes attribués)", valeur: (l) => l.dotation },
  { titre: "dont sur proposition du préfet", valeur: (l) => l.dotationProposition },
  { titre: "Postes pourvus", valeur: (l) => l.pourvus },
  { titre: "Conseillers recrutés", valeur: (l) => l.recrutes },
  { titre: "dont en structure publique", valeur: (l) => l.recrutesPublic },
  { titre: "Part publique (%)", valeur: (l) => nombre(l.partPublic) },
  { titre: "Conseillers activés", valeur: (l) => l.actives },
  { titre: "Inactifs", valeur: (l) => l.inactifs },
  { titre: "Taux d'activation (%)", valeur: (l) => nombre(l.tauxActivation) },
  { titre: "Conseillers actifs (30 jours)", valeur: (l) => l.actifs },
  { titre: "Postes vacants", valeur: (l) => l.vacants },
  { titre: "Vacance moyenne (jours)", valeur: (l) => nombre(l.vacanceJoursMoyenne) },
  { titre: "Recrutements en retard", valeur: (l) => l.recrutementsEnRetard },
  { titre: "Contrats non signés en retard", valeur: (l) => l.contratsNonSignesEnRetard },
  { titre: "En formation", valeur: (l) => l.enFormation },
  { titre: "Formés", valeur: (l) => l.formes },
  { titre: "Certifiés (CCP1)", valeur: (l) => l.certifies },
  { titre: "Demandes en attente d'avis", valeur: (l) => l.demandesEnAttenteAvis },
  { titre: "CRA enregistrés", valeur: (l) => l.activites },
  { titre: "Accompagnements", valeur: (l) => l.accompagnements },
  { titre: "Personnes accompagnées", valeur: (l) => l.personnes },
];

const enveloppeSchema = z
  .object({
    decoupage: z
      .enum(["region", "departement"], { error: "Le découpage est region ou departement." })
      .default("region"),
    region: codeTerritoire,
  })
  .strict();

const COLONNES_ENVELOPPE: Colonne<LigneEnveloppe>[] = [
  { titre: "Code", valeur: (l) => l.code },
  { titre: "Territoire", valeur: (l) => l.nom },
  { titre: "Postes", valeur: (l) => l.postes },
  { titre: "Accordé (€)", valeur: (l) => enEuros(l.accordeCents) },
  { titre: "Engagé (€)", valeur: (l) => enEuros(l.engageCents) },
  { titre: "Droits acquis (€)", valeur: (l) => enEuros(l.droitCents) },
  { titre: "Versé (€)", valeur: (l) => enEuros(l.verseCents) },
  { titre: "Prévision (€)", valeur: (l) => enEuros(l.prevuCents) },
];

/** Who follows conseillers: their employer, coordinator, préfet, hub, network and the ANCT. */
const LECTEURS_SUIVI = [
  "coordinateur",
  "structure",
  "prefet",
  "hub",
  "grand_reseau",
  "admin",
] as const;

/** The follow-up's queue and order, the same on the screen and in its export. */
const filtresSuiviSchema = z.object({
  file: z.enum(["sans_cra"], { error: "La file vaut « sans_cra »." }).optional(),
  tri: triSchema(TRIS_SUIVI),
});

const COLONNES_SUIVI: Colonne<ConseillerSuivi>[] = [
  { titre: "Prénom", valeur: (c) => c.prenom },
  { titre: "Nom", valeur: (c) => c.nom },
  { titre: "Adresse électronique", valeur: (c) => c.email },
  { titre: "Structure", valeur: (c) => c.structure },
  { titre: "Département", valeur: (c) => c.departementCode },
  { titre: "Début du contrat", valeur: (c) => c.dateDebut },
  { titre: "Dernier compte rendu", valeur: (c) => c.dernierCra },
  { titre: "Activités sur 30 jours", valeur: (c) => c.activites30Jours },
  {
    titre: "Formation",
    valeur: (c) =>
      c.formation
        ? (STATUTS_FORMATION[c.formation as keyof typeof STATUTS_FORMATION] ?? c.formation)
        : "Non inscrit",
  },
  {
    titre: "CCP1",
    valeur: (c) =>
      c.ccp1
        ? (STATUTS_CERTIFICATION[c.ccp1 as keyof typeof STATUTS_CERTIFICATION] ?? c.ccp1)
        : "Pas encore passé",
  },
];

export function routesPilotage(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/pilotage/tableau",
    {
      config: { acces: [...ROLES_TABLEAU] },
      schema: {
        tags: tag,
        summary:
          "Tableau de bord du périmètre : postes, recrutements, formation, activité, par territoire",
        querystring: tableauSchema,
        response: { 200: tableauDeBordSchema },
      },
    },
    async (requete) => tableau(ctx, connexionRequise(requete), requete.query),
  );

  r.get(
    "/api/pilotage/tableau/export",
    {
      config: { acces: [...ROLES_TABLEAU], rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: tag,
        summary: "Le tableau par territoire en CSV (; avec BOM) ou XLSX, journalisé",
        querystring: tableauSchema.and(
          z.object({
            format: formatTableurSchema,
          }),
        ),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const { format, ...q } = requete.query;
      const t = await tableau(ctx, connexion, q);
      const lignes = [...t.lignes, { ...t.total, code: "", nom: "Total" }];
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: "tableau-pilotage",
        fichier: `Territoires_${t.decoupage}_${t.periode.du}_${t.periode.au}`,
        feuille: "Territoires",
        colonnes: COLONNES,
        lignes,
        entete: [
          exportePar(connexion.utilisateur, ctx.horloge()),
          `Périmètre : ${connexion.habilitation ? LIBELLES_ROLES[connexion.habilitation.role] : ""} ; découpage : ${t.decoupage}${q.region ? ` ; région ${q.region}` : ""}${q.departement ? ` ; département ${q.departement}` : ""}`,
          `Activité du ${t.periode.du} au ${t.periode.au}`,
        ],
        // The journal counts territories, not the total line.
        details: { decoupage: t.decoupage, ...t.periode, lignes: t.lignes.length },
      });
    },
  );

  const enveloppe = async (q: z.infer<typeof enveloppeSchema>) => {
    const aujourdhui = jourParis(ctx.horloge());
    const lignes = await enveloppeParTerritoire(ctx.dbLecture, { ...q, aujourdhui });
    return {
      aujourdhui,
      enveloppeCents: ENVELOPPE_POSTES_CENTS,
      total: lignes.reduce(ajouter, SOMMES_VIDES),
      lignes,
    };
  };

  r.get(
    "/api/pilotage/enveloppe",
    {
      config: { acces: ["admin", "financeur"] },
      schema: {
        tags: tag,
        summary:
          "Enveloppe nationale des postes : accordé, engagé, droits acquis, versé et prévision, par région ou département",
        querystring: enveloppeSchema,
        response: { 200: enveloppeReponseSchema },
      },
    },
    async (requete) => enveloppe(requete.query),
  );

  r.get(
    "/api/pilotage/enveloppe/export",
    {
      config: { acces: ["admin", "financeur"], rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: tag,
        summary:
          "L'enveloppe par territoire en CSV (; avec BOM) ou XLSX, montants en euros, journalisé",
        querystring: enveloppeSchema.and(
          z.object({
            format: formatTableurSchema,
          }),
        ),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const { format, ...q } = requete.query;
      const e = await enveloppe(q);
      const lignes = [...e.lignes, { ...e.total, code: "", nom: "Total" }];
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: "enveloppe",
        fichier: `Enveloppe_${q.region ?? "national"}_${e.aujourdhui}`,
        feuille: "Enveloppe",
        colonnes: COLONNES_ENVELOPPE,
        lignes,
        entete: [
          exportePar(connexion.utilisateur, ctx.horloge()),
          `Enveloppe des postes : ${enEuros(e.enveloppeCents)} € ; situation au ${e.aujourdhui} ; montants en euros`,
        ],
        details: { ...q, lignes: e.lignes.length },
      });
    },
  );

  r.get(
    "/api/pilotage/tendance",
    {
      config: { acces: [...ROLES_TABLEAU] },
      schema: {
        tags: tag,
        summary:
          "Postes attribués (cumul) et conseillers sous contrat à la fin de chacun des 12 derniers mois, dans le périmètre",
        response: { 200: tendanceSchema },
      },
    },
    async (requete) => ({
      mois: await tendanceDuPerimetre(
        ctx.dbLecture,
        connexionRequise(requete),
        jourParis(ctx.horloge()),
      ),
    }),
  );

  r.get(
    "/api/pilotage/conseillers",
    {
      config: { acces: [...LECTEURS_SUIVI] },
      schema: {
        tags: tag,
        summary:
          "Conseillers sous contrat du périmètre : dernier compte rendu, activité sur 30 jours, formation ; par page quand `page` est donnée",
        querystring: filtresSuiviSchema.extend({ page: pageOptionnelleSchema }).strict(),
        response: { 200: suiviConseillersSchema },
      },
    },
    async (requete) => {
      const connexion = connexionRequise(requete);
      const aujourdhui = jourParis(ctx.horloge());
      const { page, file, tri } = requete.query;
      const sansCra = file === "sans_cra";
      if (page === undefined)
        return conseillersSuivis(ctx.dbLecture, connexion, aujourdhui, { sansCra, tri });
      const [total, conseillers] = await Promise.all([
        compterConseillersSuivis(ctx.dbLecture, connexion, aujourdhui, sansCra),
        conseillersSuivis(ctx.dbLecture, connexion, aujourdhui, {
          sansCra,
          tri,
          page,
          taillePage: TAILLE_PAGE_CONSEILLERS,
        }),
      ]);
      return { total, page, taillePage: TAILLE_PAGE_CONSEILLERS, conseillers };
    },
  );

  r.get(
    "/api/pilotage/conseillers/export",
    {
      config: {
        acces: [...LECTEURS_SUIVI],
        rateLimit: { max: 20, timeWindow: "1 minute" },
      },
      schema: {
        tags: tag,
        summary:
          "Exporter le suivi filtré des conseillers, dans l'ordre de l'écran (CSV ou XLSX), journalisé",
        querystring: filtresSuiviSchema.extend({ format: formatTableurSchema }).strict(),
        response: { 200: reponseTableurSchema },
      },
    },
    async (requete, reponse) => {
      const { format, ...filtres } = requete.query;
      const aujourdhui = jourParis(ctx.horloge());
      const lignes = await conseillersSuivis(ctx.dbLecture, connexionRequise(requete), aujourdhui, {
        sansCra: filtres.file === "sans_cra",
        tri: filtres.tri,
        taillePage: null,
      });
      return envoyerTableur(ctx.db, requete, reponse, format, {
        cible: "conseillers-suivis",
        fichier: `Conseillers_${aujourdhui}`,
        feuille: "Conseillers",
        colonnes: COLONNES_SUIVI,
        lignes,
        details: filtres,
      });
    },
  );
}
