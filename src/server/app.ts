import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { quantite } from "../domain/format.ts";
import { configurerZodEnFrancais } from "../domain/zod-fr.ts";
import { installerAcces } from "./access/acces.ts";
import { routesCra } from "./activite/cra-routes.ts";
import { routesExportCra } from "./activite/export-cra-routes.ts";
import { routesCarteConseiller, routesLieux } from "./activite/lieux-routes.ts";
import { routesStatistiquesApi } from "./activite/statistiques-api-routes.ts";
import { routesStatistiques } from "./activite/statistiques-routes.ts";
import { routesAuth } from "./auth/routes.ts";
import { routesCarte } from "./carte/carte-routes.ts";
import { routesImportLieux } from "./carte/import-routes.ts";
import { routesSignalement } from "./carte/signalement-routes.ts";
import { type Contexte, nomCookieSession } from "./contexte.ts";
import { routesDemo } from "./demo/routes.ts";
import { routesEspaces } from "./espaces/routes.ts";
import { routesFinancement } from "./financement/routes.ts";
import { routesDocs } from "./http/docs.ts";
import { DESCRIPTION_LIMITES, installerControleEntrees, LIMITES_REQUETE } from "./http/entrees.ts";
import { erreursDuRouteur, installerErreurs } from "./http/erreurs.ts";
import { optionsIdentifiantRequete, suivreLesRequetes } from "./http/identifiant-requete.ts";
import { magasinDesLimites } from "./http/limites.ts";
import { installerControleOrigine } from "./http/origine.ts";
import { empreintesScriptsInline, installerWeb } from "./http/web.ts";
import { routesJournal } from "./journal/routes.ts";
import { routesNotifications } from "./notifications/routes.ts";
import { routesDonneesOuvertes } from "./opendata/routes.ts";
import { routesPilotage } from "./pilotage/routes.ts";
import { routesCandidats } from "./recrutement/candidat-routes.ts";
import { routesFormation } from "./recrutement/formation-routes.ts";
import { routesRecrutementStructure } from "./recrutement/structure-routes.ts";
import { routesSuiviRecrutement } from "./recrutement/suivi-routes.ts";
import { routesReferentiel } from "./referentiel/routes.ts";
import { routesMetriques } from "./sante/metriques-routes.ts";
import { routesSante } from "./sante/routes.ts";
import { routesAmi } from "./selection/ami-routes.ts";
import { routesAvenants } from "./selection/avenant-routes.ts";
import { routesCandidatureStructure } from "./selection/candidature-routes.ts";
import { routesExports } from "./selection/exports-routes.ts";
import { accepterTableurs } from "./selection/fichier-tableur.ts";
import { routesImportDecisions } from "./selection/import-routes.ts";
import { routesInstruction } from "./selection/instruction-routes.ts";
import { routesFicheStructure } from "./structures/fiche-routes.ts";
import { routesStructures } from "./structures/routes.ts";
import { routesTaches } from "./taches/routes.ts";
import { routesUtilisateurs } from "./utilisateurs/routes.ts";
import { versionApplication } from "./version.ts";

/** Capabilities, each adding its own routes; a new capability adds one line here. */
const CAPACITES = [
  routesSante,
  routesAuth,
  routesDemo,
  routesReferentiel,
  routesUtilisateurs,
  routesStructures,
  routesEspaces,
  routesJournal,
  routesAmi,
  routesCandidatureStructure,
  routesInstruction,
  routesImportDecisions,
  routesFicheStructure,
  routesAvenants,
  routesExports,
  routesCandidats,
  routesRecrutementStructure,
  routesSuiviRecrutement,
  routesFormation,
  routesCra,
  routesStatistiques,
  routesLieux,
  routesCarteConseiller,
  routesExportCra,
  routesCarte,
  routesDonneesOuvertes,
  routesStatistiquesApi,
  routesImportLieux,
  routesSignalement,
  routesFinancement,
  routesPilotage,
  routesNotifications,
  routesTaches,
  routesMetriques,
];

/** A hop count as Fastify's types accept it: the n nearest proxies are believed. */
function sautsDeConfiance(n: number) {
  return (_adresse: string, rang: number) => rang < n;
}

export async function construireApp(ctx: Contexte): Promise<FastifyInstance> {
  configurerZodEnFrancais();
  const app = Fastify({
    logger: {
      level: ctx.config.niveauLog,
      // Cookies and tokens never reach the logs (docs/securite.md, règle 8).
      redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
    },
    // Only the configured proxies are believed: a forged X-Forwarded-For from anyone else
    // neither lifts a per-IP limit nor reaches the sign-in journal.
    trustProxy:
      typeof ctx.config.confianceProxy === "number"
        ? sautsDeConfiance(ctx.config.confianceProxy)
        : ctx.config.confianceProxy,
    bodyLimit: LIMITES_REQUETE.corpsOctets,
    ...optionsIdentifiantRequete(),
    frameworkErrors: erreursDuRouteur,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  // A configured map style loads its tiles and glyphs from its own server.
  const origineCarte = ctx.config.styleCarte ? [new URL(ctx.config.styleCarte).origin] : [];
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...empreintesScriptsInline()],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:", ...origineCarte],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...origineCarte],
        // MapLibre draws in a worker it starts from a blob.
        workerSrc: ["'self'", "blob:"],
        childSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: ctx.config.production ? [] : null,
      },
    },
    hsts: ctx.config.production,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    allowList: ctx.config.limitesExemptes,
    ...magasinDesLimites(app, ctx.config.urlRedis),
    errorResponseBuilder: (_requete, contexte) => ({
      statusCode: 429,
      erreurs: [
        {
          champ: "",
          message: `Trop de demandes en peu de temps. Réessayez dans ${quantite(Math.ceil(contexte.ttl / 60000), "minute", "minutes")}.`,
        },
      ],
    }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Conseillers numériques France Services",
        description: `API de la plateforme nationale du dispositif Conseillers numériques France Services. ${DESCRIPTION_LIMITES}`,
        version: versionApplication(),
      },
    },
    transform: jsonSchemaTransform,
  });

  suivreLesRequetes(app);
  installerErreurs(app);
  installerControleEntrees(app);
  installerControleOrigine(app, ctx.config.urlPublique);
  installerAcces(app, {
    db: ctx.db,
    regles: ctx.config.session,
    nomCookie: nomCookieSession(ctx.config),
    horloge: ctx.horloge,
  });

  accepterTableurs(app);
  for (const capacite of CAPACITES) capacite(app, ctx);
  routesDocs(app);
  await installerWeb(app);
  await app.ready();
  return app;
}
