import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { introuvable } from "../../domain/erreurs.ts";
import type { Role } from "../../domain/roles.ts";
import { personasSchema } from "../../domain/session.ts";
import { demandeLienSchema } from "../../domain/utilisateur.ts";
import { chargerSession } from "../access/index.ts";
import { decrireMoi, moiSchema } from "../auth/index.ts";
import { type Contexte, nomCookieSession, poserCookieSession } from "../contexte.ts";
import { refuser } from "../http/reponse.ts";
import { corpsErreurSchema } from "../http/schemas.ts";
import { empreinte } from "../infra/secrets.ts";
import { emailsActifs, ouvrirSessionDemo } from "./connexion-demo.ts";
import { PERSONAS } from "./personas.ts";

/**
 * The persona switch of the demo: sign in as anyone of the demo territory without proof.
 * Registered only in demo mode, which the configuration refuses in production.
 */
export function routesDemo(app: FastifyInstance, ctx: Contexte): void {
  if (!ctx.config.demo) return;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const emails = PERSONAS.map((p) => p.email);

  r.get(
    "/api/dev/personas",
    {
      config: { acces: "public" },
      schema: {
        tags: ["Démonstration"],
        summary: "Personas de démonstration, un par rôle",
        response: {
          200: personasSchema,
        },
      },
    },
    async () => {
      const actifs = await emailsActifs(ctx.db, emails);
      return PERSONAS.filter((p) => actifs.has(p.email)).map((p) => ({
        email: p.email,
        role: p.habilitations[0]!.role as Role,
        libelle: p.libelle,
      }));
    },
  );

  r.post(
    "/api/dev/connexion",
    {
      config: { acces: "public" },
      schema: {
        tags: ["Démonstration"],
        summary: "Se connecter comme un persona de démonstration",
        body: demandeLienSchema,
        response: { 200: moiSchema, 404: corpsErreurSchema },
      },
    },
    async (requete, reponse) => {
      if (!emails.includes(requete.body.email))
        return refuser(reponse, introuvable("Ce persona de démonstration n'existe pas.", "email"));
      const ancien = requete.cookies[nomCookieSession(ctx.config)];
      const cookie = await ouvrirSessionDemo(ctx.db, {
        email: requete.body.email,
        ancien: ancien ? empreinte(ancien) : null,
        ip: requete.ip,
        maintenant: ctx.horloge(),
      });
      if (!cookie)
        return refuser(reponse, introuvable("Ce persona de démonstration est désactivé.", "email"));
      poserCookieSession(reponse, ctx, cookie);
      const session = await chargerSession(ctx.db, cookie, ctx.horloge(), ctx.config.session);
      return decrireMoi(ctx.db, session!);
    },
  );
}
