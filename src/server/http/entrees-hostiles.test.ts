import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../domain/roles.ts";
import type { Acces } from "../access/acces.ts";
import { PERSONAS } from "../demo/personas.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { empreinteDesTables } from "../test/etat-base.ts";
import {
  connecterPersona,
  type PlateformeDeTest,
  plateformeDeTest,
  URL_TEST,
} from "../test/plateforme.ts";
import { LIMITES_REQUETE } from "./entrees.ts";

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  format?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
};
type Operation = {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

const UUID = "00000000-0000-4000-8000-000000000000";
const LONG = "x".repeat(10_000);

/** Values a form could never send, for any field whatever its type. */
const HOSTILES: unknown[] = [
  null,
  "",
  LONG,
  "a\u0000b",
  "\u001b[31m",
  2 ** 53,
  -1,
  1.5,
  true,
  [],
  {},
  "2026-02-30",
  "../../etc/passwd",
  "pas-un-uuid",
  ["a", "b"],
];

/** A plausible value for a schema: the walk changes one field at a time around it. */
function plausible(s: Schema | undefined, profondeur = 0): unknown {
  if (!s || profondeur > 4) return "a";
  if (s.enum?.length) return s.enum[0];
  const variante = s.anyOf?.[0] ?? s.oneOf?.[0];
  if (variante) return plausible(variante, profondeur + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  if (type === "object" || s.properties)
    return Object.fromEntries(
      Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(v, profondeur + 1)]),
    );
  if (type === "array") return [];
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  if (s.format === "date") return "2026-03-02";
  if (s.format === "uuid") return UUID;
  if (s.format === "email") return "personne@exemple.fr";
  return "a";
}

/** Nested arrays far deeper than any form, within the body limit. */
const IMBRIQUE = `${"[".repeat(5_000)}${"]".repeat(5_000)}`;

function messageDe(corps: string): string {
  try {
    return String(
      (JSON.parse(corps) as { erreurs?: { message?: string }[] }).erreurs?.[0]?.message ?? "",
    );
  } catch {
    return "";
  }
}

/** The persona who may call a route (a public route: nobody). */
function appelant(acces: Acces): Role | "anonyme" {
  if (acces === "public") return "anonyme";
  if (acces === "connecte") return "admin";
  return acces[0]!;
}

// Calls with side effects outside the request's own data (ends the caller's session, erases the
// person): their refusals are tested where they live.
const EXCLUES = new Set(["POST /api/auth/deconnexion", "DELETE /api/candidat/candidature"]);

describe.each(BASES_DE_TEST)("toutes les routes face aux entrées hostiles sur %s", (type) => {
  let p: PlateformeDeTest;
  const cookies = new Map<Role, string>();
  beforeAll(async () => {
    p = await plateformeDeTest(type, { LIMITES_EXEMPTES: "127.0.0.1" });
    for (const role of ROLES) {
      const persona = PERSONAS.find((x) => x.habilitations[0]!.role === role)!;
      cookies.set(role, await connecterPersona(p, persona.email));
    }
  });
  afterAll(() => p.arreter());

  it("aucune réponse 5xx, et une requête refusée ne change aucune ligne", async () => {
    const doc = p.app.swagger() as unknown as {
      paths: Record<string, Record<string, Operation>>;
    };
    const cinqCents: string[] = [];
    const sansMessage: string[] = [];
    const changements: string[] = [];
    let requetes = 0;
    let routes = 0;
    for (const [chemin, operations] of Object.entries(doc.paths)) {
      if (!chemin.startsWith("/api")) continue;
      for (const [methode, op] of Object.entries(operations)) {
        const route = `${methode.toUpperCase()} ${chemin.replace(/\{(\w+)\}/g, ":$1")}`;
        const acces = p.app.reglesAcces.get(route);
        const params = op.parameters ?? [];
        const corpsSchema = op.requestBody?.content?.["application/json"]?.schema;
        if (!acces || EXCLUES.has(route) || (params.length === 0 && !op.requestBody)) continue;
        routes++;
        const qui = appelant(acces);
        const entetes: Record<string, string> = { origin: URL_TEST };
        if (qui !== "anonyme") entetes.cookie = cookies.get(qui)!;
        const enChemin = params.filter((x) => x.in === "path");
        const enRequete = params.filter((x) => x.in === "query");
        const url = (valeurs: Record<string, string>, requete: Record<string, unknown> = {}) => {
          let u = chemin.replace(/\{(\w+)\}/g, (_m, nom: string) =>
            encodeURIComponent(valeurs[nom] ?? UUID),
          );
          const qs = new URLSearchParams();
          for (const [k, v] of Object.entries(requete))
            for (const x of Array.isArray(v) ? v : [v]) qs.append(k, String(x));
          if ([...qs].length > 0) u += `?${qs}`;
          return u;
        };
        const base = plausible(corpsSchema);
        const essais: InjectOptions[] = [];
        const envoyer = (u: string, corps?: unknown, brut?: string) => {
          const o: InjectOptions = {
            method: methode.toUpperCase() as "GET",
            url: u,
            headers: { ...entetes },
          };
          if (brut !== undefined) {
            o.payload = brut;
            o.headers!["content-type"] = "application/json";
          } else if (corps !== undefined) o.payload = corps as object;
          essais.push(o);
        };
        const corpsDeBase = op.requestBody ? base : undefined;
        for (const param of enChemin)
          for (const v of ["../../etc/passwd", "pas-un-uuid", "a\u0000b", LONG.slice(0, 500)])
            envoyer(url({ [param.name]: v }), corpsDeBase);
        for (const param of enRequete)
          for (const v of HOSTILES)
            envoyer(
              url(
                {},
                { [param.name]: typeof v === "object" && v !== null ? JSON.stringify(v) : v },
              ),
              corpsDeBase,
            );
        envoyer(url({}, { x: "y".repeat(LIMITES_REQUETE.adresseCaracteres) }), corpsDeBase);
        if (op.requestBody) {
          envoyer(url({}), {});
          envoyer(url({}), { ...(base as object), champInconnu: "x" });
          envoyer(url({}), undefined, "{pas du json");
          envoyer(url({}), undefined, IMBRIQUE);
          envoyer(
            url({}),
            undefined,
            JSON.stringify({ x: "y".repeat(LIMITES_REQUETE.corpsOctets) }),
          );
          for (const v of HOSTILES) envoyer(url({}), v === null ? undefined : v);
          if (base && typeof base === "object" && !Array.isArray(base))
            for (const champ of Object.keys(base))
              for (const v of HOSTILES) envoyer(url({}), { ...(base as object), [champ]: v });
        }
        const avant = methode === "get" ? undefined : await empreinteDesTables(p.base.db);
        let accepte = false;
        for (const essai of essais) {
          const r = await p.app.inject(essai);
          requetes++;
          if (r.statusCode >= 500)
            cinqCents.push(
              `${route} ${String(essai.url).slice(0, 120)} → ${r.statusCode} ${r.body.slice(0, 200)}`,
            );
          if (r.statusCode < 400) accepte = true;
          else if (r.statusCode !== 404 && !/\p{L}/u.test(messageDe(r.body)))
            // A refusal says why, in French.
            sansMessage.push(
              `${route} ${String(essai.url).slice(0, 80)} → ${r.statusCode} ${r.body.slice(0, 120)}`,
            );
        }
        if (avant && !accepte)
          expect(await empreinteDesTables(p.base.db), `${route} a changé des lignes`).toEqual(
            avant,
          );
      }
    }
    console.info(
      `Entrées hostiles (${type}) : ${requetes} requêtes sur ${routes} routes, ${cinqCents.length} réponse(s) 5xx.`,
    );
    expect(routes).toBeGreaterThan(50);
    expect(requetes).toBeGreaterThan(2_000);
    expect(cinqCents.join("\n")).toBe("");
    expect(sansMessage.join("\n")).toBe("");
    expect(changements.join("\n")).toBe("");
  }, 600_000);
});
