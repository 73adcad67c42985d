import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ajouterJours, ajouterMois, jourParis } from "../../domain/temps.ts";
import { beneficiaire, courriel, journal } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";
import { conserverPersonnesSuivies } from "./conservation.ts";

const CONSEILLERE = "conseiller@demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("conservation des personnes suivies sur %s", (type) => {
  let p: PlateformeDeTest;
  let cookie: string;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    cookie = await connecterPersona(p, CONSEILLERE);
  });
  afterAll(() => p.arreter());

  const creer = async (nom: string) =>
    (
      await p.app.inject({
        method: "POST",
        url: "/api/beneficiaires",
        headers: { cookie },
        payload: { nom, informee: true },
      })
    ).json().id as string;
  /** The job on a day, at 10:00 in Paris. */
  const passer = (jour: string) =>
    conserverPersonnesSuivies(p.base.db, p.messagerie, {
      maintenant: new Date(`${jour}T09:00:00Z`),
      urlPublique: "https://cnfs.exemple.fr",
    });
  const avis = () =>
    p.base.db
      .select({ texte: courriel.texte, destinataire: courriel.destinataire })
      .from(courriel)
      .where(eq(courriel.modele, "conservation_beneficiaires"))
      .orderBy(courriel.creeLe);
  const existe = async (id: string) =>
    (await p.base.db.select().from(beneficiaire).where(eq(beneficiaire.id, id))).length === 1;

  it("prévient la conseillère 30 jours avant, une fois, puis supprime après 24 mois sans accompagnement ; un préavis manqué repousse la suppression", async () => {
    const jour = jourParis(p.horloge.maintenant());
    const ancienne = await creer("Ancienne");
    const suivie = await creer("Suivie");
    // Recorded three months earlier, never accompanied: due 21 months from today.
    await p.base.db
      .update(beneficiaire)
      .set({ creeLe: sql`${beneficiaire.creeLe} - interval '3 months'` })
      .where(eq(beneficiaire.id, ancienne));
    const r = await p.app.inject({
      method: "POST",
      url: "/api/cra",
      headers: { cookie },
      payload: {
        type: "individuel",
        date: jour,
        dureeMinutes: 30,
        typeLieu: "a_distance",
        thematiques: ["email"],
        beneficiaireIds: [suivie],
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const echeanceAncienne = ajouterMois(jour, 21);
    const echeanceSuivie = ajouterMois(jour, 24);

    expect(await passer(ajouterJours(echeanceAncienne, -31))).toEqual({
      prevenus: 0,
      supprimees: 0,
    });
    expect(await passer(ajouterJours(echeanceAncienne, -30))).toEqual({
      prevenus: 1,
      supprimees: 0,
    });
    expect(await passer(ajouterJours(echeanceAncienne, -30))).toEqual({
      prevenus: 0,
      supprimees: 0,
    });
    const [premier, ...autres] = await avis();
    expect(autres).toEqual([]);
    expect(premier!.destinataire).toBe(CONSEILLERE);
    expect(premier!.texte).toContain("1 personne que vous suivez sera supprimée");
    // The mail names no one: it rests in the mail log.
    expect(premier!.texte).not.toContain("Ancienne");

    expect((await passer(ajouterJours(echeanceAncienne, -1))).supprimees).toBe(0);
    expect(await passer(echeanceAncienne)).toEqual({ prevenus: 0, supprimees: 1 });
    expect(await existe(ancienne)).toBe(false);
    expect(await existe(suivie)).toBe(true);
    const [trace] = await p.base.db
      .select({
        auteur: journal.auteur,
        apres: journal.apres,
        utilisateurId: journal.utilisateurId,
      })
      .from(journal)
      .where(and(eq(journal.action, "beneficiaire.supprime"), eq(journal.cibleId, ancienne)));
    expect(trace).toEqual({
      auteur: "job:conservation-personnes",
      apres: { motif: "conservation" },
      utilisateurId: null,
    });

    // The job stopped over her notice: she is told late, and kept 30 days from then.
    const tard = ajouterJours(echeanceSuivie, 5);
    expect(await passer(tard)).toEqual({ prevenus: 1, supprimees: 0 });
    expect((await avis()).at(-1)!.texte).toContain(
      new Date(`${ajouterJours(tard, 30)}T00:00:00Z`).toLocaleDateString("fr-FR", {
        dateStyle: "long",
        timeZone: "UTC",
      }),
    );
    expect((await passer(ajouterJours(tard, 29))).supprimees).toBe(0);
    expect(await passer(ajouterJours(tard, 30))).toEqual({ prevenus: 0, supprimees: 1 });
    expect(await existe(suivie)).toBe(false);
  });
});
