import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ajouterJours, jourParis } from "../../domain/temps.ts";
import { craCoordination, journal, utilisateur } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";
import { verifierCoordinations } from "./verification.ts";

const COORDINATEUR = "coordinateur@demo.conseiller-numerique.fr";
const ADMIN = "admin@demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("comptes rendus de coordination sur %s", (type) => {
  let p: PlateformeDeTest;
  let coordo: string;
  let hier: string;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    coordo = await connecterPersona(p, COORDINATEUR);
    hier = ajouterJours(jourParis(p.horloge.maintenant()), -1);
  });
  afterAll(() => p.arreter());

  const appel = (
    cookie: string,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: object,
  ) => p.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it("enregistre une animation, un événement et un partenariat, chacun avec ses champs, comptés à part des accompagnements", async () => {
    const admin = await connecterPersona(p, ADMIN);
    const nationalAvant = (await appel(admin, "GET", "/api/statistiques")).json().totaux;
    const equipe = (await appel(coordo, "GET", "/api/coordinations/equipe")).json();
    expect(equipe.length).toBeGreaterThan(0);

    const animation = {
      type: "animation",
      date: hier,
      dureeMinutes: 120,
      participantIds: [equipe[0].id],
      thematiques: ["securite_numerique"],
    };
    const evenement = {
      type: "evenement",
      date: hier,
      dureeMinutes: 240,
      titre: "Fête du numérique",
      communeCode: "62498",
      nbParticipants: 40,
      partenaires: "Médiathèque, CCAS",
    };
    const partenariat = {
      type: "partenariat",
      date: hier,
      dureeMinutes: 60,
      structurePartenaire: "Mairie de Lens",
      typePartenaire: "collectivite",
      sujet: "Permanences numériques en mairie",
    };
    const ids: string[] = [];
    for (const corps of [animation, evenement, partenariat]) {
      const r = await appel(coordo, "POST", "/api/coordinations", corps);
      expect(r.statusCode, r.body).toBe(201);
      ids.push(r.json().id);
    }

    // Refused, each with its field, nothing written.
    for (const [corps, champ] of [
      [
        { ...animation, participantIds: ["6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"] },
        "participantIds",
      ],
      [{ ...evenement, communeCode: "62999" }, "communeCode"],
      [{ ...partenariat, date: ajouterJours(hier, 2) }, "date"],
      [{ ...animation, titre: "Pas pour une animation" }, ""],
      [{ ...partenariat, typePartenaire: "inconnu" }, "typePartenaire"],
    ] as const) {
      const r = await appel(coordo, "POST", "/api/coordinations", corps);
      expect(r.statusCode, JSON.stringify(corps)).toBe(400);
      if (champ) expect(r.json().erreurs.map((e: { champ: string }) => e.champ)).toContain(champ);
    }
    expect(await p.base.db.$count(craCoordination)).toBe(3);

    const page = (await appel(coordo, "GET", "/api/coordinations")).json();
    expect(page.total).toBe(3);
    const chiffres = (await appel(coordo, "GET", "/api/coordinations/statistiques")).json();
    expect(
      Object.fromEntries(
        chiffres.parType.map((t: { type: string; nombre: number }) => [t.type, t.nombre]),
      ),
    ).toEqual({
      animation: 1,
      evenement: 1,
      partenariat: 1,
    });
    expect(chiffres).toMatchObject({
      participantsEvenements: 40,
      conseillersAnimes: 1,
      partenaires: 1,
    });
    const national = (await appel(admin, "GET", "/api/coordinations/statistiques")).json();
    expect(national.participantsEvenements).toBe(40);
    // Never an accompaniment: the national activity figures did not move.
    expect((await appel(admin, "GET", "/api/statistiques")).json().totaux).toEqual(nationalAvant);

    // An animation that becomes a partnership keeps nothing of the animation.
    const change = await appel(coordo, "PUT", `/api/coordinations/${ids[0]}`, partenariat);
    expect(change.statusCode, change.body).toBe(200);
    const relu = (await appel(coordo, "GET", `/api/coordinations/${ids[0]}`)).json();
    expect(relu).toMatchObject({ type: "partenariat", participantIds: [], thematiques: [] });

    const csv = await appel(coordo, "GET", "/api/coordinations/export?format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("Mairie de Lens");
    expect(csv.body).toContain("Fête du numérique");

    expect((await appel(coordo, "DELETE", `/api/coordinations/${ids[1]}`)).statusCode).toBe(200);
    const actions = await p.base.db
      .select({ action: journal.action })
      .from(journal)
      .where(and(eq(journal.cibleType, "cra_coordination"), eq(journal.cibleId, ids[1]!)));
    expect(actions.map((a) => a.action)).toEqual(["coordination.creee", "coordination.supprimee"]);
  });

  it("cnfs doctor trouve cohérent ce que la plateforme écrit et nomme ce qui a été cassé derrière elle", async () => {
    const aujourdhui = jourParis(p.horloge.maintenant());
    expect(await verifierCoordinations(p.base.db, { aujourdhui })).toEqual([]);

    const equipe = (await appel(coordo, "GET", "/api/coordinations/equipe")).json();
    const r = await appel(coordo, "POST", "/api/coordinations", {
      type: "animation",
      date: hier,
      dureeMinutes: 90,
      participantIds: [equipe[0].id],
      thematiques: ["securite_numerique"],
    });
    expect(r.statusCode, r.body).toBe(201);
    const id: string = r.json().id;
    expect(await verifierCoordinations(p.base.db, { aujourdhui })).toEqual([]);

    // A coordinator's own account is not a conseiller's; an unknown id has no account at all.
    const [moi] = await p.base.db
      .select({ id: utilisateur.id })
      .from(utilisateur)
      .where(eq(utilisateur.email, COORDINATEUR));
    await p.base.db.execute(
      sql`update cra_coordination set participant_ids = array[${equipe[0].id}::uuid,
            ${equipe[0].id}::uuid, ${moi!.id}::uuid, gen_random_uuid()],
          thematiques = array['inventee'], date = ${ajouterJours(aujourdhui, 1)}::date
        where id = ${id}`,
    );
    expect(await verifierCoordinations(p.base.db, { aujourdhui })).toEqual(
      [
        "un participant nommé deux fois",
        "un participant qui n'a jamais été conseiller",
        "un participant sans compte",
        "une date hors du dispositif",
        "une thématique inconnue",
      ].map((motif) => ({ coordinationId: id, motif })),
    );
    await p.base.db.execute(
      sql`update cra_coordination set type = 'evenement', participant_ids = '{}', thematiques = '{}',
          titre = 'Salon', commune_code = '62498', nb_participants = 10001, date = ${hier}::date
        where id = ${id}`,
    );
    expect(await verifierCoordinations(p.base.db, { aujourdhui })).toEqual([
      { coordinationId: id, motif: "plus de 10\u202f000 participants" },
    ]);
    await p.base.db.execute(sql`delete from cra_coordination where id = ${id}`);
  });
});
