import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demandePostes, journal, poste, structure } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterPersona,
  EMAIL_ADMIN,
  type PlateformeDeTest,
  plateformeDeTest,
} from "../test/plateforme.ts";

describe.each(BASES_DE_TEST)("avenants et postes de coordinateur sur %s", (type) => {
  let p: PlateformeDeTest;
  let admin: string;
  let gestionnaire: string;
  let prefet: string;
  let sessionId: string;
  let cabbalrId: string;

  const postes = async (statut?: string) =>
    (
      await p.base.db
        .select()
        .from(poste)
        .where(and(eq(poste.structureId, cabbalrId), ...(statut ? [eq(poste.statut, statut)] : [])))
    ).length;
  const demander = (payload: Record<string, unknown>, cookie = gestionnaire) =>
    p.app.inject({ method: "POST", url: "/api/structure/demandes", headers: { cookie }, payload });
  const decider = (id: string, payload: Record<string, unknown>) =>
    p.app.inject({
      method: "POST",
      url: `/api/demandes/${id}/decision`,
      headers: { cookie: admin },
      payload: { sessionComiteId: sessionId, ...payload },
    });

  beforeEach(async () => {
    p = await plateformeDeTest(type);
    admin = await connecterPersona(p, EMAIL_ADMIN);
    gestionnaire = await connecterPersona(p, "structure.cabbalr@demo.conseiller-numerique.fr");
    prefet = await connecterPersona(p, "prefet.62@demo.conseiller-numerique.fr");
    const [cabbalr] = await p.base.db
      .select()
      .from(structure)
      .where(eq(structure.siret, "20006717300019"));
    cabbalrId = cabbalr!.id;
    sessionId = (
      await p.app.inject({
        method: "POST",
        url: "/api/comites",
        headers: { cookie: admin },
        payload: { numero: 3, date: "2021-02-01" },
      })
    ).json().id;
    const [initiale] = await p.base.db
      .insert(demandePostes)
      .values({ structureId: cabbalrId, nature: "initiale", statut: "deposee", postesDemandes: 3 })
      .returning();
    expect((await decider(initiale!.id, { issue: "acceptee", postesAccordes: 3 })).statusCode).toBe(
      201,
    );
  });
  afterEach(() => p.arreter());

  it("ne rend que des postes vacants, une demande à la fois, validée par l'administration", async () => {
    const trop = await demander({ nature: "retrait", postes: 5, motif: "difficultes_recrutement" });
    expect(trop.statusCode).toBe(400);
    expect(trop.json().erreurs[0]).toEqual({
      champ: "postes",
      message: "Seuls des postes vacants peuvent être rendus : vous en avez 3.",
    });
    const motifInconnu = await demander({ nature: "retrait", postes: 1, motif: "envie" });
    expect(motifInconnu.json().erreurs[0].message).toBe("Choisissez le motif du retrait.");

    const r = await demander({ nature: "retrait", postes: 1, motif: "difficultes_recrutement" });
    expect(r.statusCode).toBe(201);
    const id = r.json().demandeId as string;
    const autre = await demander({
      nature: "ajout",
      postes: 1,
      motif: "Un quartier prioritaire de plus à couvrir.",
    });
    expect(autre.statusCode).toBe(409);
    expect(autre.json().erreurs[0].message).toMatch(/^Une demande est en cours d'instruction/);
    const avis = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${id}/avis`,
      headers: { cookie: prefet },
      payload: { avis: "favorable", commentaire: "Pas d'avis attendu ici." },
    });
    expect(avis.statusCode).toBe(409);

    // A retrait is validated by the admin alone, without a committee session.
    const valide = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${id}/decision`,
      headers: { cookie: admin },
      payload: { issue: "acceptee", postesAccordes: 1 },
    });
    expect(valide.statusCode).toBe(201);
    expect(await postes("rendu")).toBe(1);
    expect(await postes("vacant")).toBe(2);
    expect(await postes()).toBe(3);
    const traces = await p.base.db
      .select()
      .from(journal)
      .where(and(eq(journal.cibleId, cabbalrId), eq(journal.action, "structure.postes_rendus")));
    expect(traces).toHaveLength(1);
  });

  it("ne rend jamais un poste occupé", async () => {
    const [occupe] = await p.base.db
      .select()
      .from(poste)
      .where(and(eq(poste.structureId, cabbalrId), eq(poste.statut, "vacant")))
      .limit(1);
    await p.base.db.update(poste).set({ statut: "pourvu" }).where(eq(poste.id, occupe!.id));
    // Three posts granted, one now filled: two can be returned, not three.
    const r = await demander({ nature: "retrait", postes: 3, motif: "besoin_non_justifie" });
    expect(r.json().erreurs[0].message).toBe(
      "Seuls des postes vacants peuvent être rendus : vous en avez 2.",
    );
  });

  it("soumet un ajout à l'avis du préfet ; la structure peut le retirer avant la décision", async () => {
    const r = await demander({
      nature: "ajout",
      postes: 2,
      motif: "Ouverture d'une seconde médiathèque.",
    });
    expect(r.statusCode).toBe(201);
    const id = r.json().demandeId as string;
    const avis = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${id}/avis`,
      headers: { cookie: prefet },
      payload: { avis: "favorable", commentaire: "Besoin confirmé par le schéma départemental." },
    });
    expect(avis.statusCode).toBe(201);
    const autreStructure = await connecterPersona(p, "reseau.emmaus@demo.conseiller-numerique.fr");
    const moi = (
      await p.app.inject({ url: "/api/moi", headers: { cookie: autreStructure } })
    ).json();
    const hStructure = moi.habilitations.find((h: { role: string }) => h.role === "structure");
    await p.app.inject({
      method: "POST",
      url: "/api/moi/habilitation",
      headers: { cookie: autreStructure },
      payload: { habilitationId: hStructure.id },
    });
    expect(
      (
        await p.app.inject({
          method: "POST",
          url: `/api/demandes/${id}/retrait`,
          headers: { cookie: autreStructure },
        })
      ).statusCode,
    ).toBe(404);

    expect(
      (
        await p.app.inject({
          method: "POST",
          url: `/api/demandes/${id}/retrait`,
          headers: { cookie: gestionnaire },
        })
      ).statusCode,
    ).toBe(200);
    const [apres] = await p.base.db.select().from(demandePostes).where(eq(demandePostes.id, id));
    expect(apres?.statut).toBe("retiree");
    const encore = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${id}/retrait`,
      headers: { cookie: gestionnaire },
    });
    expect(encore.statusCode).toBe(409);
  });

  it("exige la session du comité pour toute autre décision", async () => {
    const r = await demander({
      nature: "ajout",
      postes: 1,
      motif: "Une antenne de plus dans le bassin minier.",
    });
    const sans = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${r.json().demandeId}/decision`,
      headers: { cookie: admin },
      payload: { issue: "refusee" },
    });
    expect(sans.statusCode).toBe(400);
    expect(sans.json().erreurs[0]).toEqual({
      champ: "sessionComiteId",
      message: "Choisissez la session du comité qui a décidé.",
    });
    await p.app.inject({
      method: "POST",
      url: `/api/demandes/${r.json().demandeId}/retrait`,
      headers: { cookie: gestionnaire },
    });
  });

  it("crée un poste de coordinateur quand la demande est acceptée", async () => {
    const r = await demander({ nature: "coordinateur", temps: "temps_plein" });
    expect(r.statusCode).toBe(201);
    expect(
      (await decider(r.json().demandeId, { issue: "acceptee", postesAccordes: 1 })).statusCode,
    ).toBe(201);
    const coordinateurs = await p.base.db
      .select()
      .from(poste)
      .where(and(eq(poste.structureId, cabbalrId), eq(poste.coordinateur, true)));
    expect(coordinateurs).toHaveLength(1);
  });

  it("laisse l'administration annuler une demande avec un motif, journalisé", async () => {
    const r = await demander({
      nature: "ajout",
      postes: 1,
      motif: "Demande saisie deux fois par erreur.",
    });
    const id = r.json().demandeId as string;
    const sansMotif = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${id}/annulation`,
      headers: { cookie: admin },
      payload: { motif: "" },
    });
    expect(sansMotif.statusCode).toBe(400);
    const ok = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${id}/annulation`,
      headers: { cookie: admin },
      payload: { motif: "Doublon" },
    });
    expect(ok.statusCode).toBe(200);
    const encore = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${id}/annulation`,
      headers: { cookie: admin },
      payload: { motif: "Doublon" },
    });
    expect(encore.statusCode).toBe(409);
    const [trace] = await p.base.db
      .select()
      .from(journal)
      .where(and(eq(journal.cibleId, id), eq(journal.action, "demande.annulee")));
    expect(trace?.apres).toEqual({ statut: "annulee", motif: "Doublon" });
  });
});
