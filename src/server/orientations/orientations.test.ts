import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSEILLER_PAS_DU_LIEU, DEJA_TRAITEE } from "../../domain/orientations/orientation.ts";
import { jourParis } from "../../domain/temps.ts";
import { lignes } from "../db/client.ts";
import { courriel, journal, lieuConseiller, orientation, utilisateur } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterNouveauConseiller,
  connecterPersona,
  type PlateformeDeTest,
  plateformeDeTest,
} from "../test/plateforme.ts";
import { soignerOrientations } from "./conservation.ts";
import { ATELIER_INCONNU, LIEU_INCONNU, RDV_PASSE } from "./orientations-service.ts";
import { HORS_PERIMETRE } from "./prescripteurs.ts";
import { verifierOrientations } from "./verification.ts";

const DEMO = "demo.conseiller-numerique.fr";
const JOUR_MS = 24 * 60 * 60 * 1000;

describe.each(BASES_DE_TEST)("orientations suivies jusqu'au bout sur %s", (type) => {
  let p: PlateformeDeTest;
  let elle: string;
  let prescriptrice: string;
  let sonLieu: string;
  let autreLieu: string;

  beforeAll(async () => {
    p = await plateformeDeTest(type);
    elle = await connecterPersona(p, `conseiller@${DEMO}`);
    prescriptrice = await connecterPersona(p, `prescripteur@${DEMO}`);
    sonLieu = (
      await p.app.inject({ url: "/api/conseiller/lieux", headers: { cookie: elle } })
    ).json()[0].id;
    const [autre] = await lignes<{ id: string }>(
      p.base.db,
      sql`select id from lieu where visible_carte and id <> ${sonLieu}
          and id not in (select lieu_id from lieu_conseiller lc join utilisateur u
            on u.id = lc.conseiller_id where u.email = ${`conseiller@${DEMO}`})
          order by id limit 1`,
    );
    autreLieu = autre!.id;
  });
  afterAll(() => p.arreter());

  const appel = (method: "GET" | "POST", url: string, cookie: string, payload?: object) =>
    p.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const saisie = (surcharge: object = {}) => ({
    lieuId: sonLieu,
    thematiques: ["aide_aux_demarches_administratives"],
    urgence: "urgente",
    precisions: "Doit déclarer ses revenus en ligne avant la fin du mois",
    prenom: "Josiane",
    nom: "Morel",
    email: "josiane.morel@exemple.fr",
    consentement: true,
    ...surcharge,
  });
  const etat = async (id: string) =>
    (await p.base.db.select().from(orientation).where(eq(orientation.id, id)))[0]!;

  it("un prescripteur oriente, la conseillère du lieu accepte, la personne est prévenue, l'émetteur voit l'issue, le CRA garde l'origine", async () => {
    // Refused, field by field, nothing written.
    const avant = await p.base.db.$count(orientation);
    for (const [corps, champ, message] of [
      [saisie({ consentement: false }), "consentement", /accepter que ses coordonnées/],
      [saisie({ email: "" }), "telephone", /Indiquez un téléphone ou une adresse/],
      [saisie({ thematiques: [] }), "thematiques", /au moins un besoin/],
      [saisie({ lieuId: "6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f" }), "lieuId", LIEU_INCONNU],
    ] as const) {
      const r = await appel("POST", "/api/orientations", prescriptrice, corps);
      expect(r.statusCode, JSON.stringify(corps)).toBe(400);
      expect(r.json().erreurs).toContainEqual({ champ, message: expect.stringMatching(message) });
    }
    expect(await p.base.db.$count(orientation)).toBe(avant);

    const envoi = await appel("POST", "/api/orientations", prescriptrice, saisie());
    expect(envoi.statusCode, envoi.body).toBe(201);
    const id = envoi.json().id as string;
    expect(await etat(id)).toMatchObject({
      departementEmetteur: "62",
      emetteurRole: "prescripteur",
    });

    // Her queue holds it, with the contact; a conseiller elsewhere sees nothing, can do nothing.
    const file = (await appel("GET", "/api/orientations/recues", elle)).json();
    expect(file.orientations.map((o: { id: string }) => o.id)).toContain(id);
    expect(file.orientations.find((o: { id: string }) => o.id === id)).toMatchObject({
      email: "josiane.morel@exemple.fr",
      urgence: "urgente",
    });
    const ailleurs = await connecterNouveauConseiller(p, "orientations.ailleurs@exemple.fr");
    expect((await appel("GET", "/api/orientations/recues", ailleurs)).json().total).toBe(0);
    const demain = { jour: "2026-03-03", heure: "14:00" };
    expect(
      (await appel("POST", `/api/orientations/${id}/acceptation`, ailleurs, demain)).statusCode,
    ).toBe(404);

    // Accepting needs a time to come or a workshop.
    for (const [corps, message] of [
      [{}, /soit un rendez-vous/],
      [{ jour: "2026-03-01", heure: "10:00" }, RDV_PASSE],
    ] as const) {
      const r = await appel("POST", `/api/orientations/${id}/acceptation`, elle, corps);
      expect(r.statusCode, JSON.stringify(corps)).toBe(400);
      expect(r.json().erreurs[0].message).toMatch(message);
    }
    const accepte = await appel("POST", `/api/orientations/${id}/acceptation`, elle, {
      ...demain,
      message: "Apportez votre numéro fiscal.",
    });
    expect(accepte.statusCode, accepte.body).toBe(200);
    const encore = await appel("POST", `/api/orientations/${id}/acceptation`, elle, demain);
    expect(encore.statusCode).toBe(409);
    expect(encore.json().erreurs[0].message).toBe(DEJA_TRAITEE);
    const [message] = await p.base.db
      .select()
      .from(courriel)
      .where(eq(courriel.destinataire, "josiane.morel@exemple.fr"));
    expect(message!.texte).toContain("mardi 3 mars 2026 à 14:00");
    expect(message!.texte).toContain("Apportez votre numéro fiscal.");

    // The sender reads the outcome, never the contact nor the report.
    const vue = await appel("GET", "/api/orientations/envoyees", prescriptrice);
    expect(vue.json().orientations[0]).toMatchObject({ id, statut: "acceptee", prenom: "Josiane" });
    expect(vue.body).not.toContain("josiane.morel@");

    // The next day she records the accompaniment from it: the report keeps where it came from.
    p.horloge.avancer(JOUR_MS);
    elle = await connecterPersona(p, `conseiller@${DEMO}`);
    prescriptrice = await connecterPersona(p, `prescripteur@${DEMO}`);
    const cra = {
      type: "individuel",
      date: "2026-03-03",
      dureeMinutes: 45,
      typeLieu: "lieu_activite",
      lieuId: sonLieu,
      thematiques: ["aide_aux_demarches_administratives"],
      orientationId: id,
    };
    const fait = await appel("POST", "/api/cra", elle, cra);
    expect(fait.statusCode, fait.body).toBe(201);
    expect(await etat(id)).toMatchObject({ statut: "vue", craId: fait.json().id });
    const deux = await appel("POST", "/api/cra", elle, cra);
    expect(deux.statusCode).toBe(409);
    expect(deux.json().erreurs).toEqual([{ champ: "orientationId", message: DEJA_TRAITEE }]);
    expect(
      (await appel("GET", "/api/orientations/envoyees", prescriptrice)).json().orientations[0]
        .statut,
    ).toBe("vue");
    const traces = await p.base.db.select().from(journal).where(eq(journal.cibleId, id));
    expect(traces.map((t) => t.action)).toEqual([
      "orientation.envoyee",
      "orientation.acceptee",
      "orientation.vue",
    ]);
    expect(JSON.stringify(traces)).not.toMatch(/josiane|morel/i);
  });

  it("redirige avec un motif, note l'absence, compte par département dans le périmètre, efface le contact 3 mois après la fin", async () => {
    const envoyer = async (surcharge: object = {}) =>
      (await appel("POST", "/api/orientations", elle, saisie(surcharge))).json().id as string;
    const redirigee = await envoyer({ email: "redirigee@exemple.fr" });
    const absente = await envoyer({ email: undefined, telephone: "06 12 34 56 78" });

    const sansMotif = await appel("POST", `/api/orientations/${redirigee}/redirection`, elle, {
      lieuId: autreLieu,
      motif: " ",
    });
    expect(sansMotif.statusCode).toBe(400);
    const r = await appel("POST", `/api/orientations/${redirigee}/redirection`, elle, {
      lieuId: autreLieu,
      motif: "Ce lieu propose un accompagnement fiscal le samedi.",
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(await etat(redirigee)).toMatchObject({
      lieuId: autreLieu,
      statut: "a_traiter",
      redirections: 1,
    });
    const file = (await appel("GET", "/api/orientations/recues", elle)).json();
    expect(file.orientations.map((o: { id: string }) => o.id)).not.toContain(redirigee);
    const envoyees = (await appel("GET", "/api/orientations/envoyees", elle)).json();
    expect(envoyees.orientations.find((o: { id: string }) => o.id === redirigee)).toMatchObject({
      redirections: 1,
      motifRedirection: "Ce lieu propose un accompagnement fiscal le samedi.",
    });

    // Absence only once accepted.
    expect((await appel("POST", `/api/orientations/${absente}/absence`, elle)).statusCode).toBe(
      409,
    );
    const jour = new Date(p.horloge.maintenant().getTime() + JOUR_MS).toISOString().slice(0, 10);
    await appel("POST", `/api/orientations/${absente}/acceptation`, elle, { jour, heure: "10:00" });
    expect((await appel("POST", `/api/orientations/${absente}/absence`, elle)).statusCode).toBe(
      200,
    );
    expect((await etat(absente)).statut).toBe("absente");

    // Figures per département: the ANCT sees the Pas-de-Calais, the Nord's préfet does not.
    const admin = await connecterPersona(p, `admin@${DEMO}`);
    const stats = (await appel("GET", "/api/orientations/statistiques", admin)).json();
    const [attendu] = await lignes<{ recues: number; aidees: number }>(
      p.base.db,
      sql`select count(*)::int as recues, count(*) filter (where o.statut = 'vue')::int as aidees
          from orientation o join lieu l on l.id = o.lieu_id where l.departement_code = '62'`,
    );
    expect(
      stats.departements.find((d: { departement_code: string }) => d.departement_code === "62"),
    ).toMatchObject({ ...attendu, absentes: 1 });
    const nord = await connecterPersona(p, `prefet.59@${DEMO}`);
    const sesStats = (await appel("GET", "/api/orientations/statistiques", nord)).json();
    expect(
      sesStats.departements.map((d: { departement_code: string }) => d.departement_code),
    ).not.toContain("62");

    // A hub invites a prescripteur in its regions only.
    const hub = await connecterPersona(p, `hub.assembleurs@${DEMO}`);
    const inviter = (departement: string) =>
      appel("POST", "/api/orientations/prescripteurs", hub, {
        email: `agent.${departement}@exemple.fr`,
        prenom: "Agent",
        nom: "France Services",
        departement,
      });
    expect((await inviter("62")).statusCode).toBe(201);
    const dehors = await inviter("33");
    expect(dehors.statusCode).toBe(403);
    expect(dehors.json().erreurs[0].message).toBe(HORS_PERIMETRE);

    // Three months on: the ended one loses its contact, the unanswered one ends without
    // follow-up and keeps it three more months.
    const contact = { prenom: null, nom: null, email: null, telephone: null, precisions: null };
    p.horloge.avancer(95 * JOUR_MS);
    const soigner = () => soignerOrientations(p.base.db, { maintenant: p.horloge.maintenant() });
    const premier = await soigner();
    expect(premier.sansSuite).toBeGreaterThanOrEqual(1);
    expect(await etat(absente)).toMatchObject(contact);
    expect(await etat(redirigee)).toMatchObject({
      statut: "sans_suite",
      email: "redirigee@exemple.fr",
    });
    p.horloge.avancer(95 * JOUR_MS);
    await soigner();
    for (const id of [redirigee, absente])
      expect(await etat(id)).toMatchObject({
        prenom: null,
        nom: null,
        email: null,
        telephone: null,
        precisions: null,
      });
    const effacements = await p.base.db
      .select()
      .from(journal)
      .where(and(eq(journal.cibleId, absente), eq(journal.action, "orientation.contact_efface")));
    expect(effacements).toHaveLength(1);
  });

  it("adresse une orientation à une conseillère du lieu par son nom : elle seule la reçoit ; un conseiller d'ailleurs est refusé", async () => {
    prescriptrice = await connecterPersona(p, `prescripteur@${DEMO}`);
    elle = await connecterPersona(p, `conseiller@${DEMO}`);
    // A colleague works at the same place from today.
    const collegue = await connecterNouveauConseiller(p, "orientations.collegue@exemple.fr");
    const [c] = await p.base.db
      .select({ id: utilisateur.id })
      .from(utilisateur)
      .where(eq(utilisateur.email, "orientations.collegue@exemple.fr"));
    await p.base.db.insert(lieuConseiller).values({
      lieuId: sonLieu,
      conseillerId: c!.id,
      nature: "secondaire",
      debut: jourParis(p.horloge.maintenant()),
    });
    const { conseillers } = (
      await appel("GET", `/api/orientations/lieux/${sonLieu}/conseillers`, prescriptrice)
    ).json();
    const lea = conseillers.find((x: { nom: string }) => x.nom === "Léa Fontaine");
    expect(lea).toBeDefined();
    expect(conseillers.map((x: { id: string }) => x.id)).toContain(c!.id);

    const refus = await appel("POST", "/api/orientations", prescriptrice, {
      ...saisie({ lieuId: autreLieu }),
      conseillerId: lea.id,
    });
    expect(refus.statusCode).toBe(400);
    expect(refus.json().erreurs).toEqual([
      { champ: "conseillerId", message: CONSEILLER_PAS_DU_LIEU },
    ]);
    const id = (
      await appel("POST", "/api/orientations", prescriptrice, {
        ...saisie({ prenom: "Nominative" }),
        conseillerId: lea.id,
      })
    ).json().id as string;
    const ids = async (cookie: string) =>
      (await appel("GET", "/api/orientations/recues", cookie))
        .json()
        .orientations.map((o: { id: string }) => o.id);
    expect(await ids(elle)).toContain(id);
    expect(await ids(collegue)).not.toContain(id);
    const jour = jourParis(new Date(p.horloge.maintenant().getTime() + JOUR_MS));
    expect(
      (
        await appel("POST", `/api/orientations/${id}/acceptation`, collegue, {
          jour,
          heure: "10:00",
        })
      ).statusCode,
    ).toBe(404);
  });

  it("accepte en proposant un de ses ateliers à venir : la personne reçoit l'atelier, son lieu et son moment ; l'atelier d'un autre est refusé", async () => {
    prescriptrice = await connecterPersona(p, `prescripteur@${DEMO}`);
    elle = await connecterPersona(p, `conseiller@${DEMO}`);
    const lieux = (
      await p.app.inject({ url: "/api/conseiller/lieux", headers: { cookie: elle } })
    ).json() as { id: string; nom: string }[];
    const ailleurs = lieux[lieux.length - 1]!;
    const jour = jourParis(new Date(p.horloge.maintenant().getTime() + 3 * JOUR_MS));
    const atelier = await appel("POST", "/api/ateliers", elle, {
      titre: "Démarches en ligne pas à pas",
      thematiques: ["aide_aux_demarches_administratives"],
      niveau: "debutant",
      lieuId: ailleurs.id,
      jour,
      heure: "14:00",
      dureeMinutes: 90,
      capacite: 8,
      gratuit: true,
    });
    expect(atelier.statusCode, atelier.body).toBe(201);
    const id = (
      await appel("POST", "/api/orientations", prescriptrice, {
        ...saisie({ email: "atelier.propose@exemple.fr" }),
      })
    ).json().id as string;
    const inconnu = await appel("POST", `/api/orientations/${id}/acceptation`, elle, {
      atelierId: "6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f",
    });
    expect(inconnu.statusCode).toBe(400);
    expect(inconnu.json().erreurs[0].message).toBe(ATELIER_INCONNU);
    const ok = await appel("POST", `/api/orientations/${id}/acceptation`, elle, {
      atelierId: atelier.json().id,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await etat(id)).toMatchObject({ statut: "acceptee", atelierId: atelier.json().id });
    const [mail] = await p.base.db
      .select()
      .from(courriel)
      .where(eq(courriel.destinataire, "atelier.propose@exemple.fr"));
    expect(mail!.texte).toContain("« Démarches en ligne pas à pas »");
    expect(mail!.texte).toContain(`à ${ailleurs.nom},`);
    expect(mail!.texte).toContain("à 14:00");
  });

  it("cnfs doctor signale une orientation dont l'issue et le compte rendu divergent, sans rien réparer", async () => {
    const maintenant = p.horloge.maintenant();
    expect(await verifierOrientations(p.base.db, { maintenant })).toEqual([]);
    // Behind the platform: a report deleted by hand, an ended one that kept its contact.
    const [vue] = await p.base.db
      .select({ id: orientation.id })
      .from(orientation)
      .where(eq(orientation.statut, "vue"));
    await p.base.db.update(orientation).set({ craId: null }).where(eq(orientation.id, vue!.id));
    const [autre] = await p.base.db
      .insert(orientation)
      .values({
        emetteurId: (await p.base.db.select({ id: orientation.emetteurId }).from(orientation))[0]!
          .id,
        emetteurRole: "conseiller",
        lieuId: sonLieu,
        thematiques: ["email"],
        urgence: "normale",
        prenom: "Oubliée",
        telephone: "0600000000",
        statut: "absente",
        creeLe: new Date("2025-01-01T10:00:00Z"),
        modifieLe: new Date("2025-01-01T10:00:00Z"),
        finLe: new Date("2025-01-02T10:00:00Z"),
      })
      .returning({ id: orientation.id });
    expect(await verifierOrientations(p.base.db, { maintenant })).toEqual(
      [
        { orientationId: vue!.id, motif: "personne accompagnée sans compte rendu" },
        { orientationId: autre!.id, motif: "un contact gardé plus de 3 mois après la fin" },
      ].sort((a, b) => (a.orientationId < b.orientationId ? -1 : 1)),
    );
    expect((await etat(autre!.id)).telephone).toBe("0600000000");
  });
});
