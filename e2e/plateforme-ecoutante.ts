import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dossierWeb } from "../src/server/http/web.ts";
import { plateformeAvecPuits } from "../src/server/test/plateforme.ts";

async function portLibre(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** The built web app and the API on a real local port, mail going to a real SMTP sink. */
export async function plateformeEcoutante(env: Record<string, string> = {}) {
  if (!existsSync(`${dossierWeb}/index.html`)) {
    throw new Error("Application web non construite : lancez npm run build:web");
  }
  const port = await portLibre();
  const url = `http://localhost:${port}`;
  const plateforme = await plateformeAvecPuits("pglite", { PUBLIC_URL: url, ...env });
  await plateforme.app.listen({ port, host: "127.0.0.1" });
  return { plateforme, smtp: plateforme.smtp, url, arreter: plateforme.arreter };
}
