import { sql } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contientUnCaractereDeControle, texteObligatoire } from "../../domain/champs.ts";
import { lignes } from "../db/client.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { empreinteDesTables } from "../test/etat-base.ts";
import { candidatureConseiller, candidatureStructure } from "../test/formulaires.ts";
import {
  connecterPersona,
  EMAIL_ADMIN,
  type PlateformeDeTest,
  plateformeDeTest,
  URL_TEST,
} from "../test/plateforme.ts";

const NUL = "\u0000";

describe("texte saisi", () => {
  it("refuse NUL et les caractères de contrôle, garde tabulation et retours à la ligne en multiligne", () => {
    expect(contientUnCaractereDeControle(`a${NUL}b`, true)).toBe(true);
    expect(contientUnCaractereDeControle("a\u001Bb", true)).toBe(true);
    expect(contientUnCaractereDeControle("a\u007Fb", true)).toBe(true);
    expect(contientUnCaractereDeControle("a\tb\r\nc", true)).toBe(false);
    expect(contientUnCaractereDeControle("a\nb", false)).toBe(true);
    expect(contientUnCaractereDeControle("Saint-Étienne – 42 €", false)).toBe(false);
    const nom = texteObligatoire("Le nom", 100);
    expect(nom.safeParse(`Lens${NUL}`).error?.issues[0]?.message).toMatch(/caractère invisible/);
    expect(nom.parse("  Lens ")).toBe("Lens");
  });
});

describe.each(BASES_DE_TEST)("entrées hostiles sur %s", (type) => {
  let p: PlateformeDeTest;
  let ip = 0;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
  });
  afterAll(async () => {
    await p.arreter();
  });

  /** The request is refused in French with a 400, and no table changed. */
  const refuseSansRienChanger = async (requete: InjectOptions, message: RegExp) => {
    const avant = await empreinteDesTables(p.base.db);
    const r = await p.app.inject({ ...requete, remoteAddress: `10.8.0.${++ip}` });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().erreurs[0].message).toMatch(message);
    expect(await empreinteDesTables(p.base.db)).toEqual(avant);
  };

  it("un caractère nul sur les formulaires publics : 400 en français, rien d'écrit", async () => {
    const [lieu] = await lignes<{ id: string }>(
      p.base.db,
      sql`select id from lieu where visible_carte limit 1`,
    );
    const caractere = /caractère invisible non autorisé/;
    await refuseSansRienChanger(
      {
        method: "POST",
        url: `/api/v1/lieux/${lieu!.id}/signalements`,
        headers: { origin: URL_TEST },
        payload: { message: `Fermé le vendredi${NUL} après-midi.` },
      },
      caractere,
    );
    await refuseSansRienChanger(
      {
        method: "POST",
        url: "/api/candidatures-structures",
        payload: await candidatureStructure(p, { nom: `Commune de Lillers${NUL}` }),
      },
      caractere,
    );
    await refuseSansRienChanger(
      {
        method: "POST",
        url: "/api/candidatures-conseillers",
        payload: candidatureConseiller({ nom: `Mar${NUL}chal` }),
      },
      caractere,
    );
    await refuseSansRienChanger(
      { method: "POST", url: "/api/auth/lien", payload: { email: `a${NUL}@exemple.fr` } },
      caractere,
    );
    // In a path and a query string too.
    await refuseSansRienChanger({ method: "GET", url: "/api/v1/recherche?q=Lens%00" }, caractere);
  });

  it("un entier au-delà de sa colonne : 400 en français, rien d'écrit", async () => {
    const admin = await connecterPersona(p, EMAIL_ADMIN);
    await refuseSansRienChanger(
      {
        method: "POST",
        url: "/api/comites",
        headers: { cookie: admin, origin: URL_TEST },
        payload: { numero: 2 ** 31, date: "2026-03-15" },
      },
      /ne dépasse pas 9 999/,
    );
    const pimms = await connecterPersona(p, "structure.pimms@demo.conseiller-numerique.fr");
    const vivier = await p.app.inject({ url: "/api/structure/vivier", headers: { cookie: pimms } });
    const candidat = vivier.json().candidats[0];
    expect(candidat, "le vivier de la démonstration a des candidats").toBeDefined();
    await p.app.inject({
      method: "POST",
      url: `/api/structure/candidats/${candidat.id}/avis`,
      headers: { cookie: pimms, origin: URL_TEST },
      payload: { avis: "interesse" },
    });
    await refuseSansRienChanger(
      {
        method: "POST",
        url: "/api/structure/recrutements",
        headers: { cookie: pimms, origin: URL_TEST },
        payload: {
          candidatureId: candidat.id,
          recrutement: {
            type: "cdd",
            dateDebut: "2026-03-16",
            dateFin: "2027-03-15",
            salaireBrutMensuelCents: 2 ** 31,
            heuresHebdo: 35,
            coordinateur: false,
          },
        },
      },
      /ne peut pas dépasser 100 000 €/,
    );
  });
});
