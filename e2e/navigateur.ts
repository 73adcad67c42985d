import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";

/** Debian's Chromium, headless, with nothing that calls out to the network on its own. */
export function lancerChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
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
 * A page whose clock starts at the server's "now": a date typed in a journey is judged against the
 * same day by the web app and by the server, whatever day the machine thinks it is.
 */
export async function ouvrirPage(
  navigateur: Browser,
  maintenant: Date,
  options: BrowserContextOptions & { delaiMs?: number } = {},
): Promise<Page> {
  const { delaiMs = 10_000, ...contexte } = options;
  const ctx = await navigateur.newContext(contexte);
  await ctx.clock.install({ time: maintenant });
  const page = await ctx.newPage();
  page.setDefaultTimeout(delaiMs);
  return page;
}
