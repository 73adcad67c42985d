import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { messageSchema, okSchema } from "../../domain/champs.ts";
import { echec, introuvable, reussite } from "../../domain/erreurs.ts";
import { profilCandidatSchema, statutCandidatureSchema } from "../../domain/recrutement/api.ts";
import {
  corpsCandidatSchema,
  corpsProfilCandidatSchema,
} from "../../domain/recrutement/candidature.ts";
import { TAILLE_MAX_CV, verifierCv } from "../../domain/recrutement/cv.ts";
import { jetonSchema } from "../../domain/utilisateur.ts";
import { connexionRequise } from "../access/index.ts";
import { type Contexte, nomCookieSession } from "../contexte.ts";
import { ErreurMetier } from "../http/erreurs.ts";
import { envoyerPdf, reponsePdfSchema } from "../http/pdf.ts";
import { refuser, repondre } from "../http/reponse.ts";
import { corpsErreurSchema, reponseFichier } from "../http/schemas.ts";
import { acteurDeRequete } from "../infra/journal.ts";
import { localiserLaCommune } from "../referentiel/index.ts";
import { donneesPersonnelles, profilCandidat } from "./candidat-queries.ts";
import {
  candidatureDe,
  changerDisponibilite,
  confirmerCandidatureConseiller,
  deposerCandidatureConseiller,
  deposerMonCv,
  modifierProfil,
  PAS_DE_CANDIDATURE,
  REPONSE_CANDIDATURE_CONSEILLER,
  retirerMonCv,
  supprimerCandidature,
} from "./candidat-service.ts";
import { lireCv } from "./cv-service.ts";

const tag = ["Candidats"];

/** A CV travels in the JSON body, base64-encoded; its content is checked once decoded. */
export const cvJointSchema = z.object({
  nom: z.string().trim().min(1).max(200),
  contenuBase64: z.base64("Le CV n'est pas lisible.").max(Math.ceil((TAILLE_MAX_CV * 4) / 3) + 4, {
    error: "Le CV ne doit pas dépasser 5 Mo.",
  }),
});
const LIMITE_CORPS_AVEC_CV = 8 * 1024 * 1024;

function decoderCv(cv: z.infer<typeof cvJointSchema>): { nom: string; contenu: Buffer } {
  const contenu = Buffer.from(cv.contenuBase64, "base64");
  const probleme = verifierCv(contenu);
  if (probleme) throw ErreurMetier.du(echec("cv", probleme));
  return { nom: cv.nom.replace(/[^\p{L}\p{N} ._-]/gu, "_"), contenu };
}

const sansCandidature = () => ErreurMetier.du(introuvable(PAS_DE_CANDIDATURE, ""));

export function routesCandidats(app: FastifyInstance, ctx: Contexte): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Located before the transaction: a slow address service must not hold database locks. */
  const localiserCommune = async (code: unknown) => {
    if (typeof code !== "string") return null;
    return localiserLaCommune(ctx.db, ctx.geocodeur, code);
  };

  r.post(
    "/api/candidatures-conseillers",
    {
      config: {
        acces: "public",
        rateLimit: { max: 5, timeWindow: "15 minutes" },
        racineDesChamps: "candidature",
      },
      bodyLimit: LIMITE_CORPS_AVEC_CV,
      schema: {
        tags: tag,
        summary: "Candidater pour devenir conseiller numérique (sans compte)",
        body: z.object({
          candidature: corpsCandidatSchema,
          cv: cvJointSchema.nullable().default(null),
        }),
        response: { 202: messageSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const maintenant = ctx.horloge();
      const candidat = requete.body.candidature;
      const cv = requete.body.cv ? decoderCv(requete.body.cv) : null;
      const resultat = await deposerCandidatureConseiller(ctx.db, ctx.messagerie, {
        candidat,
        coordonnees: await localiserCommune(candidat.communeCode),
        cv: cv ? { ...cv, cle: ctx.config.cleFichiers } : null,
        acteur: acteurDeRequete(requete),
        maintenant,
        urlPublique: ctx.config.urlPublique,
      });
      if (resultat.ok) await ctx.messagerie.distribuer(resultat.valeur.courriels);
      return repondre(
        reponse,
        resultat.ok ? reussite({ message: REPONSE_CANDIDATURE_CONSEILLER }) : resultat,
        202,
      );
    },
  );

  r.post(
    "/api/candidatures-conseillers/confirmation",
    {
      config: { acces: "public", rateLimit: { max: 20, timeWindow: "15 minutes" } },
      schema: {
        tags: tag,
        summary: "Confirmer sa candidature par le lien reçu",
        body: jetonSchema,
        response: { 200: messageSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const resultat = await confirmerCandidatureConseiller(ctx.db, {
        jeton: requete.body.jeton,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
      });
      return repondre(
        reponse,
        resultat.ok
          ? reussite({
              message:
                "Votre candidature est enregistrée. Les structures qui recrutent près de chez vous peuvent maintenant la consulter.",
            })
          : resultat,
      );
    },
  );

  r.get(
    "/api/candidat/candidature",
    {
      config: { acces: ["candidat"] },
      schema: { tags: tag, summary: "Ma candidature", response: { 200: profilCandidatSchema } },
    },
    async (requete) => {
      const profil = await profilCandidat(ctx.db, connexionRequise(requete).utilisateur.id);
      if (!profil) throw sansCandidature();
      return profil;
    },
  );

  r.put(
    "/api/candidat/candidature",
    {
      config: { acces: ["candidat"] },
      schema: {
        tags: tag,
        summary: "Modifier ma candidature",
        body: corpsProfilCandidatSchema,
        response: { 200: okSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const connexion = connexionRequise(requete);
      const maintenant = ctx.horloge();
      const saisie = requete.body;
      const res = await modifierProfil(ctx.db, {
        utilisateurId: connexion.utilisateur.id,
        saisie: { ...saisie, coordonnees: await localiserCommune(saisie.communeCode) },
        acteur: acteurDeRequete(requete),
        maintenant,
      });
      return repondre(reponse, res.ok ? reussite({ ok: true as const }) : res);
    },
  );

  r.post(
    "/api/candidat/disponibilite",
    {
      config: { acces: ["candidat"] },
      schema: {
        tags: tag,
        summary: "Me déclarer disponible ou indisponible",
        body: z.object({ disponible: z.boolean() }).strict(),
        response: { 200: statutCandidatureSchema, 409: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const res = await changerDisponibilite(ctx.db, {
        utilisateurId: connexionRequise(requete).utilisateur.id,
        disponible: requete.body.disponible,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
      });
      return repondre(reponse, res);
    },
  );

  r.get(
    "/api/candidat/donnees",
    {
      config: { acces: ["candidat"] },
      schema: {
        tags: tag,
        summary: "Télécharger mes données (JSON)",
        response: {
          200: reponseFichier("Mes données en JSON, en pièce jointe", ["application/json"]),
        },
      },
    },
    async (requete, reponse) => {
      const donnees = await donneesPersonnelles(
        ctx.db,
        connexionRequise(requete).utilisateur.id,
        ctx.horloge(),
      );
      reponse
        .header("content-type", "application/json; charset=utf-8")
        .header("content-disposition", 'attachment; filename="mes-donnees-candidature.json"');
      return JSON.stringify(donnees, null, 2);
    },
  );

  r.delete(
    "/api/candidat/candidature",
    {
      config: { acces: ["candidat"] },
      schema: {
        tags: tag,
        summary: "Supprimer ma candidature et mes données",
        response: { 200: okSchema, 409: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      const res = await supprimerCandidature(ctx.db, {
        utilisateurId: connexionRequise(requete).utilisateur.id,
        acteur: acteurDeRequete(requete),
        maintenant: ctx.horloge(),
      });
      if (res.ok) reponse.clearCookie(nomCookieSession(ctx.config), { path: "/" });
      return repondre(reponse, res.ok ? reussite({ ok: true as const }) : res);
    },
  );

  r.put(
    "/api/candidat/cv",
    {
      config: { acces: ["candidat"] },
      bodyLimit: LIMITE_CORPS_AVEC_CV,
      schema: {
        tags: tag,
        summary: "Déposer ou remplacer mon CV (PDF, 5 Mo au plus)",
        body: cvJointSchema,
        response: { 200: okSchema, 400: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await deposerMonCv(ctx.db, {
          utilisateurId: connexionRequise(requete).utilisateur.id,
          ...decoderCv(requete.body),
          cle: ctx.config.cleFichiers,
          acteur: acteurDeRequete(requete),
          maintenant: ctx.horloge(),
        }),
      ),
  );

  r.get(
    "/api/candidat/cv",
    {
      config: { acces: ["candidat"] },
      schema: { tags: tag, summary: "Mon CV", response: { 200: reponsePdfSchema } },
    },
    async (requete, reponse) => {
      const c = await candidatureDe(ctx.db, connexionRequise(requete).utilisateur.id);
      const fichier = c ? await lireCv(ctx.db, c.id, ctx.config.cleFichiers) : null;
      if (!fichier) return refuser(reponse, introuvable("Aucun CV déposé.", ""));
      return envoyerPdf(reponse, fichier);
    },
  );

  r.delete(
    "/api/candidat/cv",
    {
      config: { acces: ["candidat"] },
      schema: {
        tags: tag,
        summary: "Retirer mon CV",
        response: { 200: okSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) =>
      repondre(
        reponse,
        await retirerMonCv(ctx.db, {
          utilisateurId: connexionRequise(requete).utilisateur.id,
          acteur: acteurDeRequete(requete),
        }),
      ),
  );
}
