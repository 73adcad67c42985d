import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demandePostes, journal, structure } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { formulaireStructure } from "../test/formulaires.ts";
import {
  connecterPersona,
  EMAIL_ADMIN,
  type PlateformeDeTest,
  plateformeDeTest,
} from "../test/plateforme.ts";
import { demarrerPuitsSmtp, lienDans } from "../test/puits-smtp.ts";

type Ami = { id: string; titre: string; typesEligibles: string[] };

describe.each(BASES_DE_TEST)("appels et candidatures des structures sur %s", (type) => {
  let p: PlateformeDeTest;
  let smtp: Awaited<ReturnType<typeof demarrerPuitsSmtp>>;
  let collectivites: Ami;
  let ip = 0;

  beforeAll(async () => {
    smtp = await demarrerPuitsSmtp();
    p = await plateformeDeTest(type, { SMTP_URL: smtp.url });
    const ouverts = (await p.app.inject("/api/amis/ouverts")).json() as Ami[];
    collectivites = ouverts.find((a) => a.typesEligibles.includes("commune"))!;
  });
  afterAll(async () => {
    await p.arreter();
    await smtp.arreter();
  });

  const formulaire = (surcharge: Record<string, unknown> = {}) =>
    formulaireStructure(collectivites.id, surcharge);
  // Each call from its own address: the form's rate limit is tested on its own.
  const candidater = (corps: Record<string, unknown>) =>
    p.app.inject({
      method: "POST",
      url: "/api/candidatures-structures",
      payload: corps,
      remoteAddress: `10.2.0.${++ip}`,
    });
  const compter = async () => ({
    structures: (await p.base.db.select({ n: count() }).from(structure))[0]!.n,
    demandes: (await p.base.db.select({ n: count() }).from(demandePostes))[0]!.n,
  });

  it("liste les deux appels historiques ouverts", async () => {
    const ouverts = (await p.app.inject("/api/amis/ouverts")).json() as Ami[];
    expect(ouverts.map((a) => a.titre)).toEqual([
      expect.stringContaining("collectivités"),
      expect.stringContaining("structures privées"),
    ]);
  });

  it("enregistre une candidature, la fait confirmer par courriel, puis la dépose", async () => {
    const avant = await compter();
    const r = await candidater(
      formulaire({
        identifiant: "732 829 320 00074",
        nom: "Commune de Nœux-les-Mines",
        communeCode: "62617",
        contact: {
          prenom: "Luc",
          nom: "Roy",
          fonction: "Maire",
          email: "maire@noeux.example",
          telephone: "0321000001",
        },
      }),
    );
    expect(r.statusCode).toBe(202);
    expect(await compter()).toEqual({
      structures: avant.structures + 1,
      demandes: avant.demandes + 1,
    });
    const [s] = await p.base.db
      .select()
      .from(structure)
      .where(eq(structure.siret, "73282932000074"));
    expect(s).toMatchObject({
      departementCode: "62",
      regionCode: "32",
      secteur: "public",
      contactEmail: "maire@noeux.example",
    });
    const [d] = await p.base.db
      .select()
      .from(demandePostes)
      .where(eq(demandePostes.structureId, s!.id));
    expect(d?.statut).toBe("en_attente_confirmation");

    const mail = smtp.recus.find((m) => m.destinataire === "maire@noeux.example");
    const lien = new URL(lienDans(mail!.texte));
    expect(lien.pathname).toBe("/candidature-structure/confirmation");
    const confirmation = await p.app.inject({
      method: "POST",
      url: "/api/candidatures-structures/confirmation",
      payload: { jeton: lien.searchParams.get("jeton") },
    });
    expect(confirmation.statusCode).toBe(200);
    const [apres] = await p.base.db.select().from(demandePostes).where(eq(demandePostes.id, d!.id));
    expect(apres?.statut).toBe("deposee");
    const encore = await p.app.inject({
      method: "POST",
      url: "/api/candidatures-structures/confirmation",
      payload: { jeton: lien.searchParams.get("jeton") },
    });
    expect(encore.statusCode).toBe(400);
    const traces = await p.base.db
      .select()
      .from(journal)
      .where(eq(journal.cibleId, d!.id))
      .orderBy(journal.id);
    expect(traces.map((t) => t.action)).toEqual(["demande.creee", "demande.deposee"]);
  });

  it("réutilise la structure d'un SIRET connu et refuse une seconde candidature au même appel", async () => {
    const avant = await compter();
    const cabbalr = formulaire({
      identifiant: "20006717300019",
      typeJuridique: "epci",
      nom: "CABBALR",
      communeCode: "62119",
    });
    expect((await candidater(cabbalr)).statusCode).toBe(202);
    const apres = await compter();
    expect(apres).toEqual({ structures: avant.structures, demandes: avant.demandes + 1 });
    const [s] = await p.base.db
      .select()
      .from(structure)
      .where(eq(structure.siret, "20006717300019"));
    expect(s?.nom).toMatch(/^CABBALR – Communauté/);

    const second = await candidater(cabbalr);
    expect(second.statusCode).toBe(409);
    expect(second.json().erreurs[0]).toEqual({
      champ: "identifiant",
      message: "Cette structure a déjà candidaté à cet appel.",
    });
    expect(await compter()).toEqual(apres);
  });

  it("refuse une saisie invalide champ par champ, sans rien écrire", async () => {
    const avant = await compter();
    const r = await candidater(
      formulaire({
        identifiant: "12345678901234",
        engagement: false,
        communeCode: "99999",
        motivation: "",
      }),
    );
    expect(r.statusCode).toBe(400);
    const champs = r
      .json()
      .erreurs.map((e: { champ: string }) => e.champ)
      .sort();
    expect(champs).toEqual(["engagement", "identifiant", "motivation"]);
    const inconnue = await candidater(
      formulaire({ identifiant: "21620193900016", communeCode: "62999" }),
    );
    expect(inconnue.json().erreurs[0]).toEqual({
      champ: "communeCode",
      message: "Cette commune est inconnue du référentiel officiel.",
    });
    const inelegible = await candidater(
      formulaire({ identifiant: "77826370200020", typeJuridique: "association" }),
    );
    expect(inelegible.json().erreurs[0].message).toBe(
      "Ce type de structure ne peut pas candidater à cet appel.",
    );
    expect(await compter()).toEqual(avant);
  });

  it("limite le nombre de candidatures par adresse IP", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await p.app.inject({
        method: "POST",
        url: "/api/candidatures-structures",
        payload: {},
        remoteAddress: "10.3.3.3",
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it("fait préparer, ouvrir et clore un appel par l'administration, avec journal", async () => {
    const admin = await connecterPersona(p, EMAIL_ADMIN);
    const cree = await p.app.inject({
      method: "POST",
      url: "/api/amis",
      headers: { cookie: admin },
      payload: {
        titre: "AMI coordinateurs 2022",
        ouverture: "2022-01-01",
        cloture: null,
        typesEligibles: ["commune"],
      },
    });
    expect(cree.statusCode).toBe(201);
    const id = cree.json().id as string;
    const ouverts = () =>
      p.app.inject("/api/amis/ouverts").then((r) => (r.json() as Ami[]).map((a) => a.id));
    expect(await ouverts()).not.toContain(id);
    expect(
      (
        await p.app.inject({
          method: "POST",
          url: `/api/amis/${id}/ouverture`,
          headers: { cookie: admin },
        })
      ).statusCode,
    ).toBe(200);
    expect(await ouverts()).toContain(id);
    expect(
      (
        await p.app.inject({
          method: "POST",
          url: `/api/amis/${id}/cloture`,
          headers: { cookie: admin },
        })
      ).statusCode,
    ).toBe(200);
    const rouvrir = await p.app.inject({
      method: "POST",
      url: `/api/amis/${id}/ouverture`,
      headers: { cookie: admin },
    });
    expect(rouvrir.statusCode).toBe(409);
    expect(rouvrir.json().erreurs[0].message).toBe(
      "Un appel « Clos » ne peut pas passer à « Ouvert ».",
    );
    const traces = await p.base.db
      .select()
      .from(journal)
      .where(and(eq(journal.cibleType, "ami"), eq(journal.cibleId, id)));
    expect(traces.map((t) => t.action).sort()).toEqual(["ami.clos", "ami.cree", "ami.ouvert"]);
    const invalide = await p.app.inject({
      method: "POST",
      url: "/api/amis",
      headers: { cookie: admin },
      payload: { titre: "X", ouverture: "2022-02-01", cloture: "2022-01-01", typesEligibles: [] },
    });
    expect(invalide.statusCode).toBe(400);
    expect(
      invalide
        .json()
        .erreurs.map((e: { champ: string }) => e.champ)
        .sort(),
    ).toEqual(["cloture", "titre", "typesEligibles"]);
  });
});
