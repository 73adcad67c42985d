import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ajouterJours, jourParis } from "../../domain/temps.ts";
import { verifierRollups } from "../activite/index.ts";
import { creerHasard } from "../demo/hasard.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";
import { verifierPersonnesNommees } from "./verification.ts";

const CONSEILLERE = "conseiller@demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("personnes suivies et statistiques sur %s", (type) => {
  let p: PlateformeDeTest;
  let cookie: string;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    cookie = await connecterPersona(p, CONSEILLERE);
  });
  afterAll(() => p.arreter());

  const envoyer = (method: "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    p.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it("un mélange au hasard de créations, modifications, fusions et suppressions garde les agrégats égaux aux comptes rendus et les comptes dérivés cohérents", async () => {
    const h = creerHasard(19);
    const aujourdhui = jourParis(p.horloge.maintenant());
    const personnes: string[] = [];
    const cras: string[] = [];
    const compteRendu = () => {
      const collectif = h.entier(0, 2) === 0;
      const participants = collectif ? h.entier(1, 8) : 1;
      const nommees = [
        ...new Set(
          Array.from({ length: h.entier(0, participants) }, () =>
            personnes.length ? h.choisir(personnes) : null,
          ),
        ),
      ].filter((x): x is string => x !== null);
      return {
        type: collectif ? "collectif" : "individuel",
        date: ajouterJours(aujourdhui, -h.entier(0, 20)),
        dureeMinutes: h.choisir([30, 45, 60]),
        typeLieu: "a_distance",
        nbParticipants: participants,
        // Typed counts beside named persons: the server must replace them, not add them.
        dejaAccompagnes: h.entier(0, participants),
        genres: { feminin: h.entier(0, participants) },
        thematiques: [h.choisir(["email", "securite_numerique", "bureautique"])],
        beneficiaireIds: nommees.slice(0, participants),
      };
    };
    for (let i = 0; i < 80; i++) {
      const action = h.entier(0, 9);
      if (action <= 2 || personnes.length < 2) {
        const r = await envoyer("POST", "/api/beneficiaires", {
          nom: `Personne ${i}`,
          informee: true,
          ...(h.entier(0, 1) ? { anneeNaissance: h.entier(1940, 2010) } : {}),
          ...(h.entier(0, 1) ? { genre: h.choisir(["feminin", "masculin"]) } : {}),
          ...(h.entier(0, 1) ? { statut: h.choisir(["retraite", "en_emploi"]) } : {}),
        });
        expect(r.statusCode, r.body).toBe(201);
        personnes.push(r.json().id);
      } else if (action <= 5 || cras.length === 0) {
        const r = await envoyer("POST", "/api/cra", compteRendu());
        expect(r.statusCode, r.body).toBe(201);
        cras.push(r.json().id);
      } else if (action === 6) {
        const r = await envoyer("PUT", `/api/cra/${h.choisir(cras)}`, compteRendu());
        expect(r.statusCode, r.body).toBe(200);
      } else if (action === 7) {
        const garde = h.choisir(personnes);
        const doublon = h.choisir(personnes.filter((x) => x !== garde));
        const r = await envoyer("POST", `/api/beneficiaires/${garde}/fusion`, {
          doublonId: doublon,
          depuisDoublon: h.entier(0, 1) ? ["genre", "anneeNaissance"] : [],
        });
        expect(r.statusCode, r.body).toBe(200);
        personnes.splice(personnes.indexOf(doublon), 1);
      } else if (action === 8) {
        const id = personnes.splice(h.entier(0, personnes.length - 1), 1)[0]!;
        expect((await envoyer("DELETE", `/api/beneficiaires/${id}`)).statusCode).toBe(200);
      } else {
        const id = cras.splice(h.entier(0, cras.length - 1), 1)[0]!;
        expect((await envoyer("DELETE", `/api/cra/${id}`)).statusCode).toBe(200);
      }
    }
    expect(cras.length).toBeGreaterThan(5);
    expect(await verifierRollups(p.base.db)).toEqual([]);
    expect(await verifierPersonnesNommees(p.base.db)).toEqual([]);

    // A report broken behind the platform's back is reported, named.
    const r = await envoyer("POST", "/api/cra", {
      ...compteRendu(),
      type: "individuel",
      nbParticipants: 1,
      beneficiaireIds: [personnes[0]],
    });
    expect(r.statusCode, r.body).toBe(201);
    await p.base.db.execute(sql`update cra set ages = '{}'::jsonb where id = ${r.json().id}`);
    expect(await verifierPersonnesNommees(p.base.db)).toEqual([
      {
        craId: r.json().id,
        motif: "répartitions (âges 0, statuts 1, genres 1) pour 1 participant",
      },
    ]);
  }, 60_000);
});
