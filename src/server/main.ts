import { lireConfig } from "./config.ts";
import { demarrerPlateforme } from "./demarrage.ts";

const config = lireConfig();
const plateforme = await demarrerPlateforme(config);
await plateforme.app.listen({ port: config.port, host: config.host });
plateforme.app.log.info(
  `Plateforme démarrée sur ${config.urlPublique} (base ${plateforme.base.type}${config.demo ? ", mode démonstration : /demo/personas" : ""})`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    plateforme.arreter().finally(() => process.exit(0));
  });
}
