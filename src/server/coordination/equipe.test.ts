import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jourParis } from "../../domain/temps.ts";
import { courriel, utilisateur } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

const COORDINATRICE = "coordinateur@demo.conseiller-numerique.fr";
const CONSEILLERE = "conseiller@demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("équipe d'une coordinatrice sur %s", (type) => {
  let p: PlateformeDeTest;
  let coordo: string;
  let conseillere: string;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    coordo = await connecterPersona(p, COORDINATRICE);
    conseillere = await connecterPersona(p, CONSEILLERE);
  });
  afterAll(() => p.arreter());

  const appel = (
    cookie: string,
    method: "GET" | "POST" | "DELETE",
    url: string,
    payload?: object,
  ) => p.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const invitations = () =>
    p.base.db
      .select({ a: courriel.destinataire })
      .from(courriel)
      .where(eq(courriel.modele, "invitation_equipe"));
  const idConseillere = async () =>
    (
      await p.base.db
        .select({ id: utilisateur.id })
        .from(utilisateur)
        .where(eq(utilisateur.email, CONSEILLERE))
    )[0]!.id;
  const equipe = async (requete = "") =>
    (await appel(coordo, "GET", `/api/equipe${requete}`)).json();

  it("invite par courriel, relance, retire ; la conseillère accepte ; son état suit ses comptes rendus ; l'archive la sort", async () => {
    const invitee = await appel(coordo, "POST", "/api/equipe/invitations", {
      email: " Conseiller@Demo.Conseiller-Numerique.fr ",
    });
    expect(invitee.statusCode, invitee.body).toBe(201);
    const inconnue = await appel(coordo, "POST", "/api/equipe/invitations", {
      email: "nouvelle@exemple.fr",
    });
    expect(inconnue.statusCode, inconnue.body).toBe(201);
    for (const [email, message] of [
      [CONSEILLERE, "Cette personne est déjà invitée dans votre équipe ou en est membre."],
      [
        "admin@demo.conseiller-numerique.fr",
        "Cette adresse est celle d'un compte qui n'est pas un conseiller numérique.",
      ],
      ["pas-une-adresse", "L'adresse électronique n'est pas valide (ex. prenom.nom@exemple.fr)."],
    ] as const) {
      const r = await appel(coordo, "POST", "/api/equipe/invitations", { email });
      expect(r.statusCode, email).toBe(400);
      expect(r.json().erreurs[0].message).toBe(message);
    }
    expect((await invitations()).map((i) => i.a).sort()).toEqual([
      CONSEILLERE,
      "nouvelle@exemple.fr",
    ]);
    expect((await equipe()).membres.map((m: { etat: string }) => m.etat)).toEqual([
      "invite",
      "invite",
    ]);

    expect(
      (await appel(coordo, "POST", `/api/equipe/invitations/${inconnue.json().id}/relance`))
        .statusCode,
    ).toBe(200);
    expect((await invitations()).length).toBe(3);
    expect(
      (await appel(coordo, "DELETE", `/api/equipe/invitations/${inconnue.json().id}`)).statusCode,
    ).toBe(200);
    expect((await equipe()).total).toBe(1);

    const recues = (await appel(conseillere, "GET", "/api/conseiller/invitations-equipe")).json();
    expect(recues).toEqual([
      expect.objectContaining({ id: invitee.json().id, coordinateur: expect.any(String) }),
    ]);
    const id = invitee.json().id as string;
    expect(
      (await appel(conseillere, "POST", `/api/conseiller/invitations-equipe/${id}/acceptation`))
        .statusCode,
    ).toBe(200);
    expect(
      (await appel(conseillere, "POST", `/api/conseiller/invitations-equipe/${id}/acceptation`))
        .statusCode,
    ).toBe(404);
    // A report today: she is active.
    const cra = await appel(conseillere, "POST", "/api/cra", {
      type: "individuel",
      date: jourParis(p.horloge.maintenant()),
      dureeMinutes: 30,
      typeLieu: "a_distance",
      thematiques: ["email"],
    });
    expect(cra.statusCode, cra.body).toBe(201);
    const membre = (await equipe()).membres[0];
    expect(membre).toMatchObject({
      email: CONSEILLERE,
      etat: "actif",
      dernierCra: jourParis(p.horloge.maintenant()),
    });
    expect((await equipe("?etat=inactif")).total).toBe(0);

    const xlsx = await appel(coordo, "GET", "/api/equipe/export?format=xlsx");
    expect(xlsx.statusCode).toBe(200);
    expect((await appel(coordo, "POST", `/api/equipe/membres/${id}/archive`)).statusCode).toBe(200);
    expect((await equipe()).membres[0].etat).toBe("archive");
    expect((await appel(coordo, "POST", `/api/equipe/membres/${id}/archive`)).statusCode).toBe(400);
    // Archived, she may be invited again.
    expect(
      (await appel(coordo, "POST", "/api/equipe/invitations", { email: CONSEILLERE })).statusCode,
    ).toBe(201);
  });

  it("lit les statistiques de l'équipe pour un conseiller ou un employeur, sans jamais sortir du périmètre", async () => {
    // The default period, the 12 months up to the platform's day, for every reader.
    const stats = async (cookie: string, filtre = "") =>
      (await appel(cookie, "GET", `/api/statistiques?${filtre}`)).json();
    const equipe = (await appel(coordo, "GET", "/api/coordinations/equipe")).json() as {
      id: string;
      structureId: string | null;
    }[];
    const sonId = await idConseillere();
    const elle = equipe.find((c) => c.id === sonId);
    expect(elle?.structureId).toBeTruthy();
    // Narrowed to her, the team's figures are hers; narrowed to her employer, the structure's.
    expect((await stats(coordo, `conseiller=${elle!.id}`)).totaux).toEqual(
      (await stats(conseillere)).totaux,
    );
    const structure = await connecterPersona(p, "structure.pimms@demo.conseiller-numerique.fr");
    expect((await stats(coordo, `structure=${elle!.structureId}`)).totaux).toEqual(
      (await stats(structure)).totaux,
    );
    // Someone outside the team counts nothing; a territorial scope has no such filter.
    const dehors = (await stats(coordo, "conseiller=6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f")).totaux;
    expect(dehors.activites).toBe(0);
    const prefet = await connecterPersona(p, "prefet.62@demo.conseiller-numerique.fr");
    const refus = await appel(prefet, "GET", `/api/statistiques?conseiller=${elle!.id}`);
    expect(refus.statusCode).toBe(400);
    expect(refus.json().erreurs[0].message).toBe(
      "Ce filtre n'est pas disponible pour votre périmètre.",
    );
  });
});
