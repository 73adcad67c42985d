import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lancerChromium, ouvrirPage } from "./navigateur.ts";
import { plateformeEcoutante } from "./plateforme-ecoutante.ts";

/** What a page costs on the wire: the encoded bytes of every response, as the browser got them. */
async function poidsDeLaPage(page: Page, url: string, exclure: RegExp = /^$/) {
  const requetes: Request[] = [];
  const ecouter = (r: Request) => requetes.push(r);
  page.on("requestfinished", ecouter);
  await page.goto(url, { waitUntil: "networkidle" });
  page.off("requestfinished", ecouter);
  const tailles = await Promise.all(
    requetes
      .filter((r) => !exclure.test(r.url()))
      .map(async (r) => {
        const t = await r.sizes();
        return { url: r.url(), octets: t.responseBodySize + t.responseHeadersSize };
      }),
  );
  return { total: tailles.reduce((s, t) => s + t.octets, 0), tailles };
}

describe("poids des pages publiques dans Chromium", () => {
  let env: Awaited<ReturnType<typeof plateformeEcoutante>>;
  let navigateur: Browser;
  let page: Page;
  beforeAll(async () => {
    env = await plateformeEcoutante();
    navigateur = await lancerChromium();
    page = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant());
  });
  afterAll(async () => {
    await navigateur?.close();
    await env?.arreter();
  });

  it("sert l'accueil en moins de 250 ko compressés hors polices, chaque fichier haché pour un an", async () => {
    const { tailles } = await poidsDeLaPage(page, `${env.url}/`);
    // The design system's three weights of Marianne (about 128 kB) come on top: see scaling.md.
    const polices = tailles.filter((t) => t.url.includes("/dsfr/fonts/"));
    expect(polices.length).toBeLessThanOrEqual(3);
    const reste = tailles.filter((t) => !polices.includes(t));
    expect(
      reste.reduce((s, t) => s + t.octets, 0),
      JSON.stringify(reste),
    ).toBeLessThan(250_000);
    // No role's space and no map in the home page.
    expect(tailles.some((t) => /Espace|Carte|maplibre/.test(t.url))).toBe(false);
    const script = tailles.find((t) => /\/assets\/index-[^/]+\.js$/.test(t.url))!;
    const r = await fetch(script.url, { headers: { "accept-encoding": "br, gzip" } });
    expect(r.headers.get("content-encoding")).toBe("br");
    expect(r.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const gz = await fetch(script.url, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
  });

  it("sert /carte en moins de 450 ko avant le module de la carte", async () => {
    // A first visit: nothing cached from the home page.
    const neuve = await ouvrirPage(navigateur, env.plateforme.horloge.maintenant());
    const { total, tailles } = await poidsDeLaPage(
      neuve,
      `${env.url}/carte`,
      /CarteInteractive|maplibre-gl-worker|contours-france|\/api\//,
    );
    expect(total, JSON.stringify(tailles)).toBeLessThan(450_000);
  });
});
