import type { FastifySerializerCompiler } from "fastify";
import { serializerCompiler } from "fastify-type-provider-zod";
import { $ZodType, safeEncode } from "zod/v4/core";

const estObjetSimple = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * The fields a route answered that its schema does not describe, as paths (`lignes.0.motif`):
 * the serializer drops them silently, so the web app would miss what the service meant to send.
 */
export function champsHorsContrat(donnees: unknown, encode: unknown, chemin = ""): string[] {
  if (Array.isArray(donnees) && Array.isArray(encode))
    return donnees.flatMap((d, i) => champsHorsContrat(d, encode[i], `${chemin}${i}.`));
  if (!estObjetSimple(donnees) || !estObjetSimple(encode)) return [];
  return Object.entries(donnees).flatMap(([cle, valeur]) => {
    if (valeur === undefined) return [];
    if (!(cle in encode)) return [`${chemin}${cle}`];
    return champsHorsContrat(valeur, encode[cle], `${chemin}${cle}.`);
  });
}

/**
 * Outside production, an answer that carries a field its route's schema leaves out is a 500
 * naming the field: the contract shared with the web app (docs/architecture.md) then says all
 * the route sends, and a secret never relies on the serializer to stay on the server. In
 * production the usual serializer drops the field and nothing is walked twice.
 */
export function serialiseurDuContrat(production: boolean): FastifySerializerCompiler<$ZodType> {
  if (production) return serializerCompiler as FastifySerializerCompiler<$ZodType>;
  return ({ schema, method, url }) => {
    const leSchema = (
      schema instanceof $ZodType ? schema : (schema as { properties: $ZodType }).properties
    ) as $ZodType;
    return (donnees) => {
      const resultat = safeEncode(leSchema, donnees);
      if (!resultat.success)
        throw new Error(`Réponse hors contrat (${method} ${url}) : ${resultat.error.message}`);
      const horsContrat = champsHorsContrat(donnees, resultat.data);
      if (horsContrat.length > 0)
        throw new Error(
          `Réponse hors contrat (${method} ${url}) : champs non décrits ${horsContrat.slice(0, 5).join(", ")}`,
        );
      return JSON.stringify(resultat.data);
    };
  };
}
