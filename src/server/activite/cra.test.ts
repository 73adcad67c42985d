import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { craEnregistreSchema, pageMesCraSchema } from "../../domain/cra/api.ts";
import { cra, journal, statAttente, utilisateur } from "../db/schema.ts";
import { creerHasard } from "../demo/hasard.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterNouveauConseiller,
  connecterPersona,
  type PlateformeDeTest,
  plateformeDeTest,
} from "../test/plateforme.ts";
import { verifierRollups, verserAttente } from "./rollups.ts";

const CONSEILLERE = "conseiller@demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("comptes rendus d'activité sur %s", (type) => {
  let p: PlateformeDeTest;
  let cookie: string;
  let lieuId: string;

  beforeEach(async () => {
    p = await plateformeDeTest(type);
    cookie = await connecterPersona(p, CONSEILLERE);
    const lieux = (
      await p.app.inject({ url: "/api/conseiller/lieux", headers: { cookie } })
    ).json();
    lieuId = lieux[0].id;
  });
  afterEach(() => p.arreter());

  const envoyer = (methode: "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    p.app.inject({ method: methode, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const atelier = (surcharge: Record<string, unknown> = {}) => ({
    type: "collectif",
    date: "2026-02-20",
    dureeMinutes: 90,
    typeLieu: "lieu_activite",
    lieuId,
    nbParticipants: 8,
    dejaAccompagnes: 3,
    ages: { soixante_soixante_neuf: 5 },
    thematiques: ["securite_numerique"],
    titreAtelier: "Déjouer les arnaques en ligne",
    niveau: "debutant",
    ...surcharge,
  });

  it("enregistre un atelier avec l'employeur et la commune tirés du serveur", async () => {
    const r = await envoyer("POST", "/api/cra", atelier());
    expect(r.statusCode).toBe(201);
    const [l] = await p.base.db.select().from(cra).where(eq(cra.id, r.json().id));
    expect(l).toMatchObject({ departementCode: "62", nbParticipants: 8, lieuId });
    expect(l?.ages).toEqual({ soixante_soixante_neuf: 5, non_communique: 3 });
    expect(l?.structureId).not.toBeNull();
    expect(await verifierRollups(p.base.db)).toEqual([]);
    const [trace] = await p.base.db.select().from(journal).where(eq(journal.cibleId, l!.id));
    expect(trace).toMatchObject({
      action: "cra.cree",
      cibleType: "cra",
      apres: { date: "2026-02-20", type: "collectif" },
    });
    expect(trace?.utilisateurId).toBe(l?.conseillerId);
  });

  it("relit un compte rendu tel que le contrat de l'API le décrit, instants en texte ISO", async () => {
    const { id } = (await envoyer("POST", "/api/cra", atelier())).json();
    const lu = await p.app.inject({ url: `/api/cra/${id}`, headers: { cookie } });
    expect(lu.statusCode).toBe(200);
    const corps = lu.json();
    expect(craEnregistreSchema.safeDecode(corps).success).toBe(true);
    expect(corps).toMatchObject({
      id,
      type: "collectif",
      date: "2026-02-20",
      titreAtelier: "Déjouer les arnaques en ligne",
      ages: { soixante_soixante_neuf: 5, non_communique: 3 },
    });
    expect(corps.creeLe).toBe(p.horloge.maintenant().toISOString());
    const page = (await p.app.inject({ url: "/api/cra", headers: { cookie } })).json();
    expect(pageMesCraSchema.safeDecode(page).success).toBe(true);
    expect(page.cras.map((c: { id: string }) => c.id)).toContain(id);
    const inconnu = await p.app.inject({
      url: "/api/cra/00000000-0000-4000-8000-000000000000",
      headers: { cookie },
    });
    expect(inconnu.statusCode).toBe(404);
  });

  it("un compte rendu envoyé deux fois sous l'identifiant fait sur l'appareil est écrit et compté une fois", async () => {
    const id = "5b0e8f4a-1c2d-4e3f-9a8b-7c6d5e4f3a2b";
    const avant = await p.base.db.$count(cra);
    const premier = await envoyer("POST", "/api/cra", atelier({ id }));
    expect(premier.statusCode, premier.body).toBe(201);
    expect(premier.json()).toEqual({ id });
    // Sent again (the answer was lost), even changed meanwhile: the same report, not a second.
    const encore = await envoyer("POST", "/api/cra", atelier({ id, dureeMinutes: 30 }));
    expect(encore.statusCode, encore.body).toBe(200);
    expect(encore.json()).toEqual({ id });
    // Twice at once: one writes, the other finds it.
    const deuxieme = "6c1f9a5b-2d3e-4f4a-8b9c-8d7e6f5a4b3c";
    const ensemble = await Promise.all([
      envoyer("POST", "/api/cra", atelier({ id: deuxieme })),
      envoyer("POST", "/api/cra", atelier({ id: deuxieme })),
    ]);
    expect(ensemble.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(await p.base.db.$count(cra)).toBe(avant + 2);
    const [l] = await p.base.db.select().from(cra).where(eq(cra.id, id));
    expect(l?.dureeMinutes).toBe(90);
    expect(await p.base.db.$count(journal, eq(journal.cibleId, id))).toBe(1);
    await verserAttente(p.base.db);
    expect(await verifierRollups(p.base.db)).toEqual([]);

    // Another conseiller's id is not hers to reuse; a malformed one is refused.
    const autre = await connecterNouveauConseiller(p, "autre.conseiller@exemple.fr");
    const pris = await p.app.inject({
      method: "POST",
      url: "/api/cra",
      headers: { cookie: autre },
      payload: { ...atelier({ id }), typeLieu: "a_distance", lieuId: undefined },
    });
    expect(pris.statusCode, pris.body).toBe(409);
    expect(pris.json().erreurs).toEqual([
      { champ: "id", message: "Cet identifiant de compte rendu est déjà pris." },
    ]);
    const mal = await envoyer("POST", "/api/cra", atelier({ id: "pas-un-uuid" }));
    expect(mal.statusCode).toBe(400);
    expect(mal.json().erreurs[0]).toEqual({
      champ: "id",
      message: "L'identifiant du compte rendu est invalide.",
    });
  });

  it("refuse un lieu qui n'est pas le sien, une saisie invalide, et le compte rendu d'un autre", async () => {
    const [autreLieu] = await p.base.db
      .execute(sql`select id from lieu where id <> ${lieuId} limit 1`)
      .then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    const ailleurs = await envoyer(
      "POST",
      "/api/cra",
      atelier({ lieuId: autreLieu?.id ?? "00000000-0000-4000-8000-000000000009" }),
    );
    expect(ailleurs.statusCode).toBe(400);
    expect(ailleurs.json().erreurs[0]).toEqual({
      champ: "lieuId",
      message: "Ce lieu ne fait pas partie de vos lieux d'activité.",
    });
    const avant = await p.base.db.$count(cra);
    const traces = await p.base.db.$count(journal);
    const communeInconnue = await envoyer(
      "POST",
      "/api/cra",
      atelier({ typeLieu: "autre", lieuId: undefined, communeCode: "99999" }),
    );
    expect(communeInconnue.statusCode).toBe(400);
    expect(communeInconnue.json().erreurs[0]).toEqual({
      champ: "communeCode",
      message: "Cette commune est inconnue du référentiel officiel.",
    });
    // A refused report leaves no row, no journal line and no counter behind.
    expect(await p.base.db.$count(cra)).toBe(avant);
    expect(await p.base.db.$count(journal)).toBe(traces);
    expect(await verifierRollups(p.base.db)).toEqual([]);
    const futur = await envoyer("POST", "/api/cra", atelier({ date: "2026-03-03" }));
    expect(futur.json().erreurs[0].message).toBe("La date ne peut pas être dans le futur.");
    const usurpe = await envoyer("POST", "/api/cra", { ...atelier(), conseillerId: lieuId });
    expect(usurpe.statusCode).toBe(400);

    const [autre] = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.email, "coordinateur@demo.conseiller-numerique.fr"));
    const [etranger] = await p.base.db
      .insert(cra)
      .values({
        conseillerId: autre!.id,
        type: "ponctuel",
        date: "2026-02-01",
        dureeMinutes: 15,
        typeLieu: "a_distance",
        nbParticipants: 1,
        ages: { non_communique: 1 },
        statuts: { non_communique: 1 },
        genres: { non_communique: 1 },
        thematiques: ["email"],
      })
      .returning();
    const modif = await envoyer("PUT", `/api/cra/${etranger!.id}`, atelier());
    expect(modif.statusCode).toBe(403);
    expect(modif.json().erreurs[0].message).toBe(
      "Vous n'avez pas l'autorisation de modifier ce compte rendu.",
    );
    expect((await envoyer("DELETE", `/api/cra/${etranger!.id}`)).statusCode).toBe(403);
    await p.base.db.delete(cra).where(eq(cra.id, etranger!.id));
  });

  it("garde les agrégats exacts après un mélange aléatoire de créations, modifications et suppressions", async () => {
    const tirer = creerHasard(42).entier;
    const ids: string[] = [];
    const themes = ["email", "bureautique", "sante", "reseaux_sociaux", "securite_numerique"];
    const aleatoire = () => {
      const collectif = tirer(0, 2) === 0;
      const jour = `2026-02-${String(tirer(1, 28)).padStart(2, "0")}`;
      const lieuType = ["lieu_activite", "domicile", "a_distance", "autre"][tirer(0, 3)]!;
      return {
        type: collectif ? "collectif" : tirer(0, 1) ? "individuel" : "ponctuel",
        date: jour,
        dureeMinutes: [15, 30, 45, 60, 90, 120, 200][tirer(0, 6)],
        typeLieu: lieuType,
        ...(lieuType === "lieu_activite" ? { lieuId } : {}),
        ...(lieuType === "domicile" || lieuType === "autre"
          ? { communeCode: ["62498", "59350", "87085"][tirer(0, 2)] }
          : {}),
        nbParticipants: collectif ? tirer(1, 20) : 1,
        dejaAccompagnes: 0,
        genres: { feminin: 1 },
        thematiques: [themes[tirer(0, 4)], themes[tirer(0, 4)]],
        materiel: tirer(0, 1) ? ["telephone"] : ["aucun"],
        ...(tirer(0, 3) === 0 && !collectif
          ? { oriente: true, structureRedirection: "administration" }
          : {}),
      };
    };
    for (let i = 0; i < 60; i++) {
      const action = ids.length === 0 ? 0 : tirer(0, 3);
      if (action <= 1) {
        const r = await envoyer("POST", "/api/cra", aleatoire());
        expect(r.statusCode, r.body).toBe(201);
        ids.push(r.json().id);
      } else if (action === 2) {
        const id = ids[tirer(0, ids.length - 1)]!;
        const r = await envoyer("PUT", `/api/cra/${id}`, aleatoire());
        expect(r.statusCode, r.body).toBe(200);
      } else {
        const id = ids.splice(tirer(0, ids.length - 1), 1)[0]!;
        expect((await envoyer("DELETE", `/api/cra/${id}`)).statusCode).toBe(200);
      }
    }
    expect(await verifierRollups(p.base.db)).toEqual([]);
    const traces = await p.base.db.select().from(journal).where(eq(journal.cibleType, "cra"));
    expect(traces.length).toBeGreaterThanOrEqual(60);

    // Folding the pending counters changes where they live, not what statistics say.
    const statistiques = () =>
      p.app.inject({ url: "/api/statistiques?du=2025-01-01&au=2026-03-02", headers: { cookie } });
    const avant = (await statistiques()).json();
    expect(avant.totaux.activites).toBeGreaterThan(0);
    expect(await verserAttente(p.base.db)).toBeGreaterThan(0);
    expect(await p.base.db.$count(statAttente)).toBe(0);
    expect(await verifierRollups(p.base.db)).toEqual([]);
    expect((await statistiques()).json()).toEqual(avant);

    // A roll-up changed behind the platform's back is reported, counter by counter.
    await p.base.db.execute(
      sql`update stat_departement_jour set a_thematique_email = a_thematique_email + 1
          where jour = (select min(jour) from stat_departement_jour)`,
    );
    const ecarts = await verifierRollups(p.base.db);
    expect(ecarts).toEqual([
      expect.objectContaining({ table: "stat_departement_jour", colonnes: ["a_thematique_email"] }),
    ]);
    await p.base.db.execute(
      sql`update stat_departement_jour set a_thematique_email = a_thematique_email - 1
          where jour = (select min(jour) from stat_departement_jour)`,
    );
    expect(await verifierRollups(p.base.db)).toEqual([]);
    // So is a conseiller's last day of activity (the dashboards' "active").
    await p.base.db.execute(sql`update derniere_activite set jour = jour - 1`);
    expect(await verifierRollups(p.base.db)).toContainEqual(
      expect.objectContaining({ table: "derniere_activite" }),
    );
    await p.base.db.execute(sql`update derniere_activite set jour = jour + 1`);
    expect(await verifierRollups(p.base.db)).toEqual([]);
  });

  it("compte chaque compte rendu une fois quand les versements tournent pendant les saisies", async () => {
    const avant = await p.base.db.$count(cra);
    const saisies = Array.from({ length: 40 }, (_, i) =>
      envoyer(
        "POST",
        "/api/cra",
        atelier({ date: `2026-02-${String((i % 27) + 1).padStart(2, "0")}` }),
      ),
    );
    const versements = Array.from({ length: 6 }, () => verserAttente(p.base.db));
    const reponses = await Promise.all(saisies);
    expect(reponses.map((r) => r.statusCode)).toEqual(reponses.map(() => 201));
    // At most one fold at a time: the others step aside (null) rather than wait.
    expect((await Promise.all(versements)).some((n) => n !== null)).toBe(true);
    await verserAttente(p.base.db);
    expect(await p.base.db.$count(cra)).toBe(avant + 40);
    expect(await verifierRollups(p.base.db)).toEqual([]);
  });

  it("prend la structure de l'habilitation d'un conseiller recruté avant les contrats de la plateforme", async () => {
    const [u] = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.email, "conseiller.000001@demo.conseiller-numerique.fr"));
    const { ouvrirSession } = await import("../access/sessions.ts");
    const autre = `cnfs_session=${await ouvrirSession(p.base.db, {
      utilisateurId: u!.id,
      methode: "lien_magique",
      maintenant: p.horloge.maintenant(),
    })}`;
    const r = await p.app.inject({
      method: "POST",
      url: "/api/cra",
      headers: { cookie: autre },
      payload: {
        type: "ponctuel",
        date: "2026-03-01",
        dureeMinutes: 15,
        typeLieu: "a_distance",
        thematiques: ["email"],
      },
    });
    expect(r.statusCode).toBe(201);
    const [l] = await p.base.db.select().from(cra).where(eq(cra.id, r.json().id));
    const [h] = await p.base.db
      .execute(
        sql`select structure_id from habilitation where utilisateur_id = ${u!.id} and role = 'conseiller'`,
      )
      .then((x) => (x as unknown as { rows: { structure_id: string }[] }).rows);
    expect(l?.structureId).toBe(h!.structure_id);
  });

  it("liste ses comptes rendus, filtrés, les plus récents d'abord", async () => {
    for (const [date, type] of [
      ["2026-02-10", "collectif"],
      ["2026-02-20", "collectif"],
      ["2026-02-15", "individuel"],
    ] as const) {
      const cree = await envoyer(
        "POST",
        "/api/cra",
        type === "collectif"
          ? atelier({ date })
          : {
              type,
              date,
              dureeMinutes: 30,
              typeLieu: "lieu_activite",
              lieuId,
              thematiques: ["email"],
            },
      );
      expect(cree.statusCode, cree.body).toBe(201);
    }
    const r = await p.app.inject({ url: "/api/cra?type=collectif", headers: { cookie } });
    const cras = r.json().cras as { type: string; date: string }[];
    expect(cras.map((c) => c.date)).toEqual(["2026-02-20", "2026-02-10"]);
    expect(cras.every((c) => c.type === "collectif")).toBe(true);
    expect(cras.map((c) => c.date)).toEqual([...cras.map((c) => c.date)].sort().reverse());
    const mauvais = await p.app.inject({ url: "/api/cra?type=inconnu", headers: { cookie } });
    expect(mauvais.statusCode).toBe(400);
  });
});
