import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";

/**
 * The environment of the browser process: without a preloaded clock library (faketime), whose
 * hooks stall Chromium's threads. The page's "today" does not come from the process clock anyway:
 * `ouvrirPage` sets it from the server's.
 */
function environnementNavigateur(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] =>
        e[1] !== undefined && e[0] !== "LD_PRELOAD" && !e[0].startsWith("FAKETIME"),
    ),
  );
}

/** Debian's Chromium, headless, with nothing that calls out to the network on its own. */
export function lancerChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    env: environnementNavigateur(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * A page whose "today" starts at the server's "now": a date typed in a journey is judged against
 * the same day by the web app and by the server, whatever day the machine thinks it is.
 *
 * Playwright's clock API was tried first; it drives the page's timers from the test process's
 * time, so with that clock moved (faketime) every timer of the page stalls. Shifting `Date` by the
 * offset measured in the page itself keeps the page's timers real and its dates the server's.
 */
export async function ouvrirPage(
  navigateur: Browser,
  maintenant: Date,
  options: BrowserContextOptions & { delaiMs?: number } = {},
): Promise<Page> {
  const { delaiMs = 10_000, ...contexte } = options;
  const ctx = await navigateur.newContext(contexte);
  await ctx.addInitScript((instant: number) => {
    const Reelle = Date;
    const decalage = instant - Reelle.now();
    class DateDuServeur extends Reelle {
      constructor(...valeurs: ConstructorParameters<DateConstructor> | []) {
        if (valeurs.length === 0) super(Reelle.now() + decalage);
        else super(...(valeurs as [number]));
      }
      static override now(): number {
        return Reelle.now() + decalage;
      }
    }
    globalThis.Date = DateDuServeur as DateConstructor;
  }, maintenant.getTime());
  const page = await ctx.newPage();
  page.setDefaultTimeout(delaiMs);
  return page;
}
