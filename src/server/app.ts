import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, validatorCompiler } from "fastify-type-provider-zod";
import { quantite } from "../domain/format.ts";
import { configurerZodEnFrancais } from "../domain/zod-fr.ts";
import { installerAcces } from "./access/index.ts";
import {
  routesCarteConseiller,
  routesCra,
  routesExportCra,
  routesLieux,
  routesStatistiques,
  routesStatistiquesApi,
} from "./activite/index.ts";
import {
  routesAteliers,
  routesAteliersPublics,
  routesAteliersStructure,
} from "./ateliers/index.ts";
import { routesAuth } from "./auth/index.ts";
import { routesBeneficiaires } from "./beneficiaires/index.ts";
import { routesCarte, routesImportLieux, routesSignalement } from "./carte/index.ts";
import { type Contexte, nomCookieSession } from "./contexte.ts";
import { routesCoordination, routesEquipe } from "./coordination/index.ts";
import { routesDemo } from "./demo/index.ts";
import { routesEspaces, routesExports } from "./espaces/index.ts";
import { routesFinancement } from "./financement/index.ts";
import { serialiseurDuContrat } from "./http/contrat-reponses.ts";
import { routesDocs } from "./http/docs.ts";
import { DESCRIPTION_LIMITES, installerControleEntrees, LIMITES_REQUETE } from "./http/entrees.ts";
import { erreursDuRouteur, installerErreurs } from "./http/erreurs.ts";
import { accepterTableurs } from "./http/fichier-tableur.ts";
import { optionsIdentifiantRequete, suivreLesRequetes } from "./http/identifiant-requete.ts";
import { magasinDesLimites } from "./http/limites.ts";
import { installerControleOrigine } from "./http/origine.ts";
import { empreintesScriptsInline, installerWeb } from "./http/web.ts";
import { routesJournal } from "./journal/index.ts";
import { routesNotifications } from "./notifications/index.ts";
import { routesDonneesOuvertes } from "./opendata/index.ts";
import { routesOrientations } from "./orientations/index.ts";
import { routesPartages } from "./partages/index.ts";
import { routesPilotage } from "./pilotage/index.ts";
import {
  routesCandidats,
  routesFormation,
  routesRecrutementStructure,
  routesSuiviRecrutement,
} from "./recrutement/index.ts";
import { routesReferentiel } from "./referentiel/index.ts";
import { routesMetriques, routesSante } from "./sante/index.ts";
import {
  routesAmi,
  routesAvenants,
  routesCandidatureStructure,
  routesImportDecisions,
  routesInstruction,
} from "./selection/index.ts";
import { routesFicheStructure, routesStructures } from "./structures/index.ts";
import { routesTaches } from "./taches/index.ts";
import { routesUtilisateurs } from "./utilisateurs/index.ts";
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
  routesPartages,
  routesCoordination,
  routesEquipe,
  routesLieux,
  routesCarteConseiller,
  routesBeneficiaires,
  routesAteliers,
  routesAteliersPublics,
  routesAteliersStructure,
  routesOrientations,
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
  app.setSerializerCompiler(serialiseurDuContrat(ctx.config.production));

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
