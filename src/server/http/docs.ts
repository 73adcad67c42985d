import type { FastifyInstance } from "fastify";

type Operation = { summary?: string; tags?: string[] };

const echapper = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/**
 * Serves the OpenAPI document and a plain, script-free page listing the operations, so the
 * documentation lives under the same strict CSP as the rest of the platform.
 */
export function routesDocs(app: FastifyInstance): void {
  app.get("/api/docs/json", { config: { acces: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get(
    "/api/docs",
    { config: { acces: "public" }, schema: { hide: true } },
    async (_requete, reponse) => {
      const doc = app.swagger() as { paths?: Record<string, Record<string, Operation>> };
      const lignes = Object.entries(doc.paths ?? {}).flatMap(([chemin, ops]) =>
        Object.entries(ops).map(
          ([methode, op]) =>
            `<tr><td><code>${methode.toUpperCase()}</code></td><td><code>${echapper(chemin)}</code></td><td>${echapper(op.summary ?? "")}</td><td>${echapper((op.tags ?? []).join(", "))}</td></tr>`,
        ),
      );
      reponse.type("text/html; charset=utf-8");
      return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>API – Conseillers numériques France Services</title></head><body><main><h1>API de la plateforme Conseillers numériques France Services</h1><p>Document OpenAPI 3 : <a href="/api/docs/json">/api/docs/json</a>. Toutes les réponses d'erreur ont la forme <code>{ "erreurs": [{ "champ", "message" }] }</code>.</p><table><caption>Opérations</caption><thead><tr><th scope="col">Méthode</th><th scope="col">Chemin</th><th scope="col">Description</th><th scope="col">Thème</th></tr></thead><tbody>${lignes.join("")}</tbody></table></main></body></html>`;
    },
  );
}
