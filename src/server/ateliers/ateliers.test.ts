import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jourParis } from "../../domain/temps.ts";
import { atelier, courriel, cra, inscriptionAtelier, journal, lieu } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterNouveauConseiller,
  connecterPersona,
  type PlateformeDeTest,
  plateformeDeTest,
} from "../test/plateforme.ts";
import { PAS_DE_LA_STRUCTURE } from "./ateliers-service.ts";
import { CRA_DEJA_FAIT, PAS_ENCORE_COMMENCE, PAS_INSCRIT } from "./presences.ts";
import { soignerAteliers } from "./rappels.ts";
import { verifierAteliers } from "./verification.ts";

const CONSEILLERE = "conseiller@demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("ateliers ouverts aux inscriptions sur %s", (type) => {
  let p: PlateformeDeTest;
  let elle: string;
  let lieuId: string;

  beforeAll(async () => {
    p = await plateformeDeTest(type);
    elle = await connecterPersona(p, CONSEILLERE);
    lieuId = (
      await p.app.inject({ url: "/api/conseiller/lieux", headers: { cookie: elle } })
    ).json()[0].id;
  });
  afterAll(() => p.arreter());

  // Each visitor from their own address: the public forms allow five a hour per address.
  let visiteur = 0;
  const appel = (
    method: "GET" | "POST",
    url: string,
    options: { cookie?: string; payload?: object; remoteAddress?: string } = {},
  ) =>
    p.app.inject({
      method,
      url,
      remoteAddress: options.remoteAddress ?? `10.7.0.${++visiteur}`,
      ...(options.cookie ? { headers: { cookie: options.cookie } } : {}),
      ...(options.payload ? { payload: options.payload } : {}),
    });
  // The test clock is 2 March 2026: the workshop is eight days later, at 14:00 in Paris.
  const annonce = (surcharge: object = {}) => ({
    titre: "Déjouer les arnaques en ligne",
    thematiques: ["securite_numerique"],
    niveau: "debutant",
    lieuId,
    jour: "2026-03-10",
    heure: "14:00",
    dureeMinutes: 90,
    capacite: 2,
    gratuit: true,
    accessibilite: "Salle de plain-pied, boucle magnétique",
    ...surcharge,
  });

  it("annonce un atelier à venir dans un de ses lieux, refuse le reste champ par champ, en français", async () => {
    for (const [corps, champ, message] of [
      [
        annonce({ jour: "2026-03-01" }),
        "jour",
        "La date et l'heure de début doivent être à venir.",
      ],
      [
        annonce({ lieuId: "6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f" }),
        "lieuId",
        "Ce lieu ne fait pas partie de vos lieux d'activité.",
      ],
      [annonce({ heure: "25:00" }), "heure", "L'heure de début est obligatoire (HH:MM)."],
      [annonce({ titre: "  " }), "titre", "Le titre est obligatoire."],
      [
        annonce({ capacite: 0 }),
        "capacite",
        "Le nombre de places doit être compris entre 1 et 100.",
      ],
    ] as const) {
      const r = await appel("POST", "/api/ateliers", { cookie: elle, payload: corps });
      expect(r.statusCode, JSON.stringify(corps)).toBe(400);
      expect(r.json().erreurs).toContainEqual({ champ, message });
    }
    expect(await p.base.db.$count(atelier)).toBe(0);

    const r = await appel("POST", "/api/ateliers", { cookie: elle, payload: annonce() });
    expect(r.statusCode, r.body).toBe(201);
    const [a] = await p.base.db.select().from(atelier).where(eq(atelier.id, r.json().id));
    // 14:00 in Paris in March is 13:00 UTC.
    expect(a!.debut.toISOString()).toBe("2026-03-10T13:00:00.000Z");
    expect(a!.structureId).not.toBeNull();
    expect(await p.base.db.$count(journal, eq(journal.action, "atelier.publie"))).toBe(1);
  });

  it("inscrit sans compte jusqu'à la capacité, puis en liste d'attente, et promeut dans l'ordre quand une place se libère", async () => {
    const id = (
      await appel("POST", "/api/ateliers", {
        cookie: elle,
        payload: annonce({
          titre: "Premiers pas sur tablette",
          thematiques: ["prendre_en_main_du_materiel"],
        }),
      })
    ).json().id as string;

    // Listed publicly, found by its theme and days, not by another theme.
    const liste = (q: string) =>
      appel("GET", `/api/v1/ateliers?${q}`).then((r) =>
        r.json().ateliers.map((x: { id: string }) => x.id),
      );
    expect(await liste("thematique=prendre_en_main_du_materiel")).toEqual([id]);
    expect(await liste("thematique=email")).toEqual([]);
    expect(await liste("du=2026-03-10&au=2026-03-10")).toContain(id);
    expect(await liste("du=2026-03-11")).not.toContain(id);
    // Around a point of the map: near its place, not 50 km away; half a point is refused.
    const [ici] = await p.base.db.select().from(lieu).where(eq(lieu.id, lieuId));
    const autour = (dLat: number) =>
      liste(`lat=${ici!.latitude! + dLat}&lon=${ici!.longitude}&rayon=10`);
    expect(await autour(0.05)).toContain(id);
    expect(await autour(0.5)).not.toContain(id);
    const demi = await appel("GET", `/api/v1/ateliers?lat=${ici!.latitude}`);
    expect(demi.statusCode).toBe(400);
    expect(demi.json().erreurs[0].message).toBe("Indiquez la latitude et la longitude ensemble.");

    const inscrire = (payload: object) =>
      appel("POST", `/api/v1/ateliers/${id}/inscriptions`, { payload });
    const josiane = await inscrire({
      prenom: "Josiane",
      email: "josiane@exemple.fr",
      consentement: true,
    });
    const kevin = await inscrire({
      prenom: "Kevin",
      telephone: "06 11 22 33 44",
      consentement: true,
    });
    const marie = await inscrire({
      prenom: "Marie",
      email: "marie@exemple.fr",
      consentement: true,
    });
    expect([josiane, kevin, marie].map((r) => r.json().statut)).toEqual([
      "inscrite",
      "inscrite",
      "attente",
    ]);
    expect(josiane.json().jeton).toHaveLength(43);

    // Refused, each with its field, nothing written.
    for (const [corps, statut, champ] of [
      [{ prenom: "Josiane", email: "JOSIANE@exemple.fr", consentement: true }, 409, "email"],
      [{ prenom: "Sans moyen", consentement: true }, 400, "email"],
      [{ prenom: "Sans accord", email: "x@exemple.fr", consentement: false }, 400, "consentement"],
      [{ prenom: "", email: "y@exemple.fr", consentement: true }, 400, "prenom"],
    ] as const) {
      const r = await inscrire(corps);
      expect(r.statusCode, JSON.stringify(corps)).toBe(statut);
      expect(r.json().erreurs.map((e: { champ: string }) => e.champ)).toContain(champ);
    }

    // The public page tells places, never who registered.
    const publique = await appel("GET", `/api/v1/ateliers/${id}`);
    expect(publique.json()).toMatchObject({ placesRestantes: 0, enAttente: 1, capacite: 2 });
    expect(publique.body).not.toMatch(/josiane|Kevin|0611223344/i);
    const [confirmation] = await p.base.db
      .select()
      .from(courriel)
      .where(eq(courriel.destinataire, "josiane@exemple.fr"));
    expect(confirmation!.texte).toContain("Votre place est réservée");
    expect(confirmation!.texte).toContain(`/ateliers/annulation#${josiane.json().jeton}`);

    // Josiane cancels: Marie, first waiting, gets the place and is told.
    const annule = await appel("POST", "/api/v1/ateliers/annulation", {
      payload: { jeton: josiane.json().jeton },
    });
    expect(annule.statusCode, annule.body).toBe(200);
    const encore = await appel("POST", "/api/v1/ateliers/annulation", {
      payload: { jeton: josiane.json().jeton },
    });
    expect(encore.statusCode).toBe(404);
    expect(encore.json().erreurs[0].message).toBe("Ce lien d'annulation n'est plus valable.");
    const vu = (await appel("GET", `/api/ateliers/${id}`, { cookie: elle })).json();
    expect(
      vu.inscriptions.map((i: { prenom: string; statut: string }) => [i.prenom, i.statut]),
    ).toEqual([
      ["Josiane", "annulee"],
      ["Kevin", "inscrite"],
      ["Marie", "inscrite"],
    ]);
    const promue = await p.base.db
      .select()
      .from(courriel)
      .where(
        and(
          eq(courriel.destinataire, "marie@exemple.fr"),
          eq(courriel.modele, "atelier.place_liberee"),
        ),
      );
    expect(promue).toHaveLength(1);
    // The journal keeps the outcome, never a name or a contact.
    const traces = await p.base.db.select().from(journal).where(eq(journal.cibleId, id));
    expect(traces.map((t) => t.action)).toEqual([
      "atelier.publie",
      "atelier.inscription",
      "atelier.inscription",
      "atelier.inscription",
      "atelier.desinscription",
      "atelier.liste_attente_promue",
    ]);
    expect(JSON.stringify(traces)).not.toMatch(/josiane|marie@|0611223344/i);

    // A sixth registration from one address within the hour waits, with a French message.
    const memeAdresse = [];
    for (let n = 0; n < 6; n++)
      memeAdresse.push(
        await appel("POST", `/api/v1/ateliers/${id}/inscriptions`, {
          remoteAddress: "10.8.0.1",
          payload: { prenom: `P${n}`, email: `p${n}@exemple.fr`, consentement: true },
        }),
      );
    expect(memeAdresse.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 429]);
    expect(memeAdresse[5]!.json().erreurs[0].message).toMatch(/Trop de/);

    // Registrations are the conseiller's who runs it: another conseiller is refused.
    const autre = await connecterNouveauConseiller(p, "autre.conseiller@exemple.fr");
    expect((await appel("GET", `/api/ateliers/${id}`, { cookie: autre })).statusCode).toBe(403);
    expect((await appel("GET", "/api/ateliers", { cookie: autre })).json().total).toBe(0);
  });

  it("rappelle la veille, une fois, les seules personnes qui ont une place et une adresse, puis efface les inscrits 30 jours après", async () => {
    const id = (
      await appel("POST", "/api/ateliers", {
        cookie: elle,
        payload: annonce({ titre: "Mes démarches en ligne", jour: "2026-03-04", heure: "10:00" }),
      })
    ).json().id as string;
    for (const payload of [
      { prenom: "Avec adresse", email: "rappel@exemple.fr", consentement: true },
      { prenom: "Sans adresse", telephone: "0622334455", consentement: true },
      { prenom: "En attente", email: "attente@exemple.fr", consentement: true },
    ])
      expect(
        (await appel("POST", `/api/v1/ateliers/${id}/inscriptions`, { payload })).statusCode,
      ).toBe(201);
    const rappels = () =>
      p.base.db.select().from(courriel).where(eq(courriel.modele, "atelier.rappel"));
    const soigner = () =>
      soignerAteliers(p.base.db, p.messagerie, { maintenant: p.horloge.maintenant() });

    // Two days before: nothing yet. The day before, from 9 h in Paris: once, to her alone.
    expect(await soigner()).toEqual({ rappels: 0, effacees: 0 });
    p.horloge.avancer(24 * 60 * 60 * 1000);
    expect(await soigner()).toEqual({ rappels: 1, effacees: 0 });
    expect(await soigner()).toEqual({ rappels: 0, effacees: 0 });
    const [rappel] = await rappels();
    expect(rappel).toMatchObject({ destinataire: "rappel@exemple.fr" });
    expect(rappel!.texte).toContain("a lieu demain à 10:00");

    // 30 days after the workshop (4 March) its registrants are kept; the day after they go,
    // and the journal says how many, not who.
    p.horloge.avancer(31 * 24 * 60 * 60 * 1000);
    expect(await soigner()).toEqual({ rappels: 0, effacees: 0 });
    p.horloge.avancer(24 * 60 * 60 * 1000);
    expect(await soigner()).toEqual({ rappels: 0, effacees: 3 });
    expect(await p.base.db.$count(inscriptionAtelier, eq(inscriptionAtelier.atelierId, id))).toBe(
      0,
    );
    const [trace] = await p.base.db
      .select()
      .from(journal)
      .where(and(eq(journal.cibleId, id), eq(journal.action, "atelier.inscriptions_effacees")));
    expect(trace!.apres).toEqual({ nombre: 3, motif: "conservation" });
  });

  it("après l'atelier, note les présents et en fait le compte rendu collectif en une fois, une seule", async () => {
    // A month of clock went by above, two days below: her session ends, she signs in again.
    elle = await connecterPersona(p, CONSEILLERE);
    const demain = jourParis(new Date(p.horloge.maintenant().getTime() + 24 * 3600 * 1000));
    const id = (
      await appel("POST", "/api/ateliers", {
        cookie: elle,
        payload: annonce({ titre: "Sauvegarder ses photos", jour: demain, heure: "10:00" }),
      })
    ).json().id as string;
    for (const [n, prenom] of ["Alice", "Bruno", "Chloé"].entries())
      await appel("POST", `/api/v1/ateliers/${id}/inscriptions`, {
        payload: { prenom, email: `presence${n}@exemple.fr`, consentement: true },
      });
    const lire = async () => (await appel("GET", `/api/ateliers/${id}`, { cookie: elle })).json();
    const ids = (await lire()).inscriptions.map((i: { id: string }) => i.id) as string[];
    const noter = (payload: object, cookie = elle) =>
      appel("POST", `/api/ateliers/${id}/presences`, { cookie, payload });
    const craAvant = await p.base.db.$count(cra);

    // Before it starts, nothing is marked.
    const tot = await noter({ presents: ids });
    expect(tot.statusCode).toBe(409);
    expect(tot.json().erreurs[0].message).toBe(PAS_ENCORE_COMMENCE);
    p.horloge.avancer(2 * 24 * 3600 * 1000);
    elle = await connecterPersona(p, CONSEILLERE);

    // Another conseiller, a person not registered, nobody ticked: refused, nothing written.
    const autre = await connecterNouveauConseiller(p, "presences.autre@exemple.fr");
    expect((await noter({ presents: ids }, autre)).statusCode).toBe(403);
    for (const [corps, message] of [
      [{ presents: [ids[0], "6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"] }, PAS_INSCRIT],
      [{ presents: [] }, "Cochez au moins une personne présente."],
      [{ presents: ids, sansInscription: -1 }, /ne peut pas être négatif/],
    ] as const) {
      const r = await noter(corps);
      expect(r.statusCode, JSON.stringify(corps)).toBe(400);
      expect(r.json().erreurs[0].message).toMatch(message);
    }
    expect(await p.base.db.$count(cra)).toBe(craAvant);

    // Alice and Chloé (who waited) came, with one person who had not registered.
    const fait = await noter({ presents: [ids[0], ids[2]], sansInscription: 1 });
    expect(fait.statusCode, fait.body).toBe(201);
    expect(fait.json().participants).toBe(3);
    const [c] = await p.base.db.select().from(cra).where(eq(cra.id, fait.json().craId));
    expect(c).toMatchObject({
      type: "collectif",
      date: demain,
      dureeMinutes: 90,
      typeLieu: "lieu_activite",
      lieuId,
      nbParticipants: 3,
      thematiques: ["securite_numerique"],
      titreAtelier: "Sauvegarder ses photos",
      niveau: "debutant",
    });
    const vu = await lire();
    expect(vu.craId).toBe(fait.json().craId);
    expect(vu.inscriptions.map((i: { present: boolean | null }) => i.present)).toEqual([
      true,
      false,
      true,
    ]);
    // Once: a second tap records nothing more.
    const encore = await noter({ presents: ids });
    expect(encore.statusCode).toBe(409);
    expect(encore.json().erreurs[0].message).toBe(CRA_DEJA_FAIT);
    expect(await p.base.db.$count(cra)).toBe(craAvant + 1);
    const traces = await p.base.db
      .select()
      .from(journal)
      .where(and(eq(journal.cibleId, id), eq(journal.action, "atelier.presences")));
    expect(traces.map((t) => t.apres)).toEqual([{ presents: 2, sansInscription: 1 }]);
  });

  it("une structure annonce un atelier pour une de ses conseillères, dans un de ses lieux, et le retrouve ; une autre structure ne le peut pas", async () => {
    const pimms = await connecterPersona(p, "structure.pimms@demo.conseiller-numerique.fr");
    const { lieux } = (
      await appel("GET", "/api/structure/ateliers/lieux", { cookie: pimms })
    ).json();
    const sien = lieux.find((l: { lieuId: string }) => l.lieuId === lieuId);
    expect(sien).toMatchObject({ conseiller: "Léa Fontaine" });
    const demain = jourParis(new Date(p.horloge.maintenant().getTime() + 24 * 3600 * 1000));
    const corps = annonce({
      titre: "Atelier de la structure",
      jour: demain,
      conseillerId: sien.conseillerId,
    });
    const fait = await appel("POST", "/api/structure/ateliers", { cookie: pimms, payload: corps });
    expect(fait.statusCode, fait.body).toBe(201);
    const liste = (await appel("GET", "/api/structure/ateliers", { cookie: pimms })).json();
    expect(liste.ateliers[0]).toMatchObject({ id: fait.json().id, animePar: "Léa Fontaine" });
    const [trace] = await p.base.db
      .select()
      .from(journal)
      .where(eq(journal.cibleId, fait.json().id));
    expect(trace).toMatchObject({ action: "atelier.publie", role: "structure" });

    const autre = await connecterPersona(p, "structure.cabbalr@demo.conseiller-numerique.fr");
    const refus = await appel("POST", "/api/structure/ateliers", { cookie: autre, payload: corps });
    expect(refus.statusCode).toBe(400);
    expect(refus.json().erreurs).toEqual([{ champ: "conseillerId", message: PAS_DE_LA_STRUCTURE }]);
    expect(
      (await appel("GET", "/api/structure/ateliers", { cookie: autre }))
        .json()
        .ateliers.map((a: { id: string }) => a.id),
    ).not.toContain(fait.json().id);
  });

  it("cnfs doctor signale un atelier qui a donné plus de places qu'il n'en a, sans rien réparer", async () => {
    expect(await verifierAteliers(p.base.db)).toEqual([]);
    const [a] = await p.base.db
      .select({ id: atelier.id, capacite: atelier.capacite })
      .from(atelier)
      .where(eq(atelier.titre, "Premiers pas sur tablette"));
    // Behind the platform, which decides places with the workshop locked.
    await p.base.db.insert(inscriptionAtelier).values(
      Array.from({ length: a!.capacite + 1 }, (_, n) => ({
        atelierId: a!.id,
        prenom: `En trop ${n}`,
        email: `trop${n}@exemple.fr`,
        statut: "inscrite" as const,
        jetonHash: `empreinte-de-test-${n}`,
        creeLe: p.horloge.maintenant(),
      })),
    );
    expect(await verifierAteliers(p.base.db)).toEqual([
      { atelierId: a!.id, motif: "plus de places données que l'atelier n'en a" },
    ]);
  });
});
