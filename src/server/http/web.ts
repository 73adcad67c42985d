import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { sep } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import { pageConnue } from "../../domain/pages.ts";
import { corpsErreur } from "./erreurs.ts";

export const dossierWeb = fileURLToPath(new URL("../../../dist/web", import.meta.url));

/**
 * Hashes of the inline scripts of the built page (the DSFR's colour-scheme bootstrap), so the
 * CSP can allow exactly them and never `unsafe-inline`.
 */
export function empreintesScriptsInline(): string[] {
  const index = `${dossierWeb}/index.html`;
  if (!existsSync(index)) return [];
  const html = readFileSync(index, "utf8");
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1] ?? "")
    .filter((code) => code.trim().length > 0)
    .map((code) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`);
}

/**
 * Serves the built single-page app: its pages get it with 200, any other path with 404 (the app
 * then shows "page introuvable"); /api gets JSON.
 */
export async function installerWeb(app: FastifyInstance): Promise<void> {
  const present = existsSync(`${dossierWeb}/index.html`);
  if (present) {
    await app.register(fastifyStatic, {
      root: dossierWeb,
      wildcard: false,
      index: false,
      // Brotli and gzip copies are written at build time (scripts/compresser-web.ts).
      preCompressed: true,
      maxAge: "1h",
      setHeaders: (reponse, chemin) => {
        // A hashed name changes with its content: a year, never revalidated.
        if (chemin.includes(`${sep}assets${sep}`))
          reponse.header("cache-control", "public, max-age=31536000, immutable");
        // The service worker and the manifest say which version a device runs: always asked.
        else if (/[/\\](sw\.js|manifest\.webmanifest)$/.test(chemin))
          reponse.header("cache-control", "no-cache");
      },
    });
  }
  app.setNotFoundHandler((requete, reponse) => {
    const chemin = requete.url.split("?")[0] ?? "";
    if (chemin.startsWith("/api") || requete.method !== "GET" || !present) {
      return reponse.status(404).send(corpsErreur("Cette adresse ne correspond à aucun service."));
    }
    // Hashed asset names that are missing are real 404s, not pages of the app.
    if (chemin.startsWith("/assets/") || chemin.startsWith("/dsfr/")) {
      return reponse.status(404).send(corpsErreur("Fichier introuvable."));
    }
    reponse.header("cache-control", "no-cache");
    if (chemin.startsWith("/integration/")) autoriserIntegration(reponse);
    // An unknown path still gets the app (its "page introuvable", links back), with a real 404.
    if (!pageConnue(chemin)) reponse.status(404);
    return reponse.sendFile("index.html");
  });
}

/**
 * The embeddable map may be framed by any site (a town's page): its page alone relaxes the
 * `frame-ancestors 'none'` every other page keeps.
 */
function autoriserIntegration(reponse: FastifyReply): void {
  const csp = reponse.getHeader("content-security-policy");
  if (typeof csp === "string")
    reponse.header(
      "content-security-policy",
      csp.replace("frame-ancestors 'none'", "frame-ancestors *"),
    );
  reponse.removeHeader("x-frame-options");
}
