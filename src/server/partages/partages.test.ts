import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ajouterJours, ajouterMois, jourParis } from "../../domain/temps.ts";
import { habilitation, journal, utilisateur } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

const STRUCTURE = "structure.pimms@demo.conseiller-numerique.fr";
const CONSEILLERE = "conseiller@demo.conseiller-numerique.fr";
const JOUR_MS = 86_400_000;

describe.each(BASES_DE_TEST)("statistiques partagées par lien sur %s", (type) => {
  let p: PlateformeDeTest;
  let structure: string;
  let aujourdhui: string;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    structure = await connecterPersona(p, STRUCTURE);
    aujourdhui = jourParis(p.horloge.maintenant());
  });
  afterAll(() => p.arreter());

  const creer = (cookie: string, lien: object) =>
    p.app.inject({ method: "POST", url: "/api/partages", headers: { cookie }, payload: lien });
  const visiter = (url: string) =>
    p.app.inject({ url: `/api/public/partages/${url.split("/").at(-1)}` });
  const periode = () => ({ du: ajouterMois(aujourdhui, -12), au: aujourdhui });

  it("une structure partage ses statistiques : le visiteur anonyme lit les mêmes chiffres, sans nom de personne, jusqu'au retrait du lien", async () => {
    // Her conseillère's activity, so that there is something to share.
    const conseillere = await connecterPersona(p, CONSEILLERE);
    for (const [type, nbParticipants] of [
      ["individuel", 1],
      ["collectif", 7],
    ] as const) {
      const r = await p.app.inject({
        method: "POST",
        url: "/api/cra",
        headers: { cookie: conseillere },
        payload: {
          type,
          nbParticipants,
          date: ajouterJours(aujourdhui, -3),
          dureeMinutes: 60,
          typeLieu: "a_distance",
          thematiques: ["email"],
        },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const cree = await creer(structure, { titre: "Bilan pour le conseil municipal", ...periode() });
    expect(cree.statusCode, cree.body).toBe(201);
    const { id, url } = cree.json();
    expect(url).toMatch(/\/statistiques\/partage\/[A-Za-z0-9_-]{43}$/);

    const vue = await visiter(url);
    expect(vue.statusCode, vue.body).toBe(200);
    const propres = (
      await p.app.inject({
        url: `/api/statistiques?${new URLSearchParams(periode())}`,
        headers: { cookie: structure },
      })
    ).json();
    expect(propres.totaux.accompagnements).toBeGreaterThanOrEqual(8);
    expect(vue.json().statistiques).toEqual(propres);
    expect(vue.json()).toMatchObject({
      titre: "Bilan pour le conseil municipal",
      perimetre: expect.stringMatching(/^Conseillers numériques de /),
    });
    // No one is named: not its author, not its conseillers.
    const personnes = await p.base.db
      .select({ nom: utilisateur.nom, email: utilisateur.email })
      .from(utilisateur);
    for (const x of personnes) {
      expect(vue.body).not.toContain(x.email);
    }

    const liste = (
      await p.app.inject({ url: "/api/partages", headers: { cookie: structure } })
    ).json();
    expect(liste[0]).toMatchObject({ id, actif: true, revoqueLe: null });

    // Another account cannot withdraw it; its author can, and it is gone for everyone.
    expect(
      (
        await p.app.inject({
          method: "DELETE",
          url: `/api/partages/${id}`,
          headers: { cookie: conseillere },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await p.app.inject({
          method: "DELETE",
          url: `/api/partages/${id}`,
          headers: { cookie: structure },
        })
      ).statusCode,
    ).toBe(200);
    const retire = await visiter(url);
    expect(retire.statusCode).toBe(404);
    expect(retire.json().erreurs[0].message).toBe(
      "Ce lien de partage n'existe pas, a expiré ou a été retiré par la personne qui l'a créé.",
    );
    const actions = await p.base.db
      .select({ action: journal.action })
      .from(journal)
      .where(and(eq(journal.cibleType, "lien_partage"), eq(journal.cibleId, id)));
    expect(actions.map((a) => a.action)).toEqual(["partage.cree", "partage.retire"]);
  });

  it("refuse une période future ou à l'envers et une fin de validité passée ; un lien expire à sa date et avec l'habilitation de son auteur", async () => {
    for (const [lien, champ] of [
      [{ titre: "Futur", du: aujourdhui, au: ajouterJours(aujourdhui, 1) }, "au"],
      [{ titre: "Envers", du: aujourdhui, au: ajouterJours(aujourdhui, -1) }, "au"],
      [{ titre: "Déjà fini", ...periode(), expireLe: aujourdhui }, "expireLe"],
      [{ titre: " ", ...periode() }, "titre"],
    ] as const) {
      const r = await creer(structure, lien);
      expect(r.statusCode, JSON.stringify(lien)).toBe(400);
      expect(r.json().erreurs[0].champ).toBe(champ);
    }
    expect((await visiter("/pas-un-jeton")).statusCode).toBe(400);

    const conseillere = await connecterPersona(p, CONSEILLERE);
    const { url } = (
      await creer(conseillere, {
        titre: "Mon activité",
        ...periode(),
        expireLe: ajouterJours(aujourdhui, 1),
      })
    ).json();
    const vue = await visiter(url);
    expect(vue.statusCode).toBe(200);
    expect(vue.json().perimetre).toMatch(/^Un conseiller numérique de /);
    expect(vue.json().expireLe).toBe(ajouterJours(aujourdhui, 1));
    p.horloge.avancer(2 * JOUR_MS);
    expect((await visiter(url)).statusCode).toBe(404);
    p.horloge.avancer(-2 * JOUR_MS);

    // Its author's habilitation withdrawn, the link closes with it.
    const { url: autre } = (
      await creer(structure, { titre: "Tant que je suis là", ...periode() })
    ).json();
    expect((await visiter(autre)).statusCode).toBe(200);
    const [moi] = await p.base.db
      .select({ id: utilisateur.id })
      .from(utilisateur)
      .where(eq(utilisateur.email, STRUCTURE));
    await p.base.db
      .update(habilitation)
      .set({ actif: false })
      .where(eq(habilitation.utilisateurId, moi!.id));
    expect((await visiter(autre)).statusCode).toBe(404);
    await p.base.db
      .update(habilitation)
      .set({ actif: true })
      .where(eq(habilitation.utilisateurId, moi!.id));
  });
});
