import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beneficiaire, cra, craBeneficiaire, journal, utilisateur } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterNouveauConseiller,
  connecterPersona,
  type PlateformeDeTest,
  plateformeDeTest,
} from "../test/plateforme.ts";

const CONSEILLERE = "conseiller@demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("personnes suivies sur %s", (type) => {
  let p: PlateformeDeTest;
  let elle: string;
  let collegue: string;
  let ailleurs: string;

  beforeAll(async () => {
    p = await plateformeDeTest(type);
    elle = await connecterPersona(p, CONSEILLERE);
    const [moi] = await p.base.db
      .select({ id: utilisateur.id })
      .from(utilisateur)
      .where(eq(utilisateur.email, CONSEILLERE));
    const r = await p.app.inject({
      method: "POST",
      url: "/api/beneficiaires",
      headers: { cookie: elle },
      payload: { nom: "Repère", informee: true },
    });
    const { structureId } = (
      await p.base.db
        .select({ structureId: beneficiaire.structureId })
        .from(beneficiaire)
        .where(eq(beneficiaire.id, r.json().id))
    )[0]!;
    await p.base.db.delete(beneficiaire).where(eq(beneficiaire.conseillerId, moi!.id));
    // Her employer on the platform's day: the colleague shares it, the other one does not.
    expect(structureId).not.toBeNull();
    collegue = await connecterNouveauConseiller(p, "collegue@exemple.fr", structureId);
    ailleurs = await connecterNouveauConseiller(p, "ailleurs@exemple.fr");
  });
  afterAll(() => p.arreter());

  const appel = (
    cookie: string,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: object,
  ) => p.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const nombre = async () => (await p.base.db.select({ n: count() }).from(beneficiaire))[0]!.n;

  it("enregistre, relit, modifie et supprime une personne suivie, chaque fois au journal", async () => {
    const cree = await appel(elle, "POST", "/api/beneficiaires", {
      prenom: "Josiane",
      nom: "Martin",
      anneeNaissance: 1950,
      communeCode: "62498",
      telephone: "06 12 34 56 78",
      genre: "feminin",
      statut: "retraite",
      notes: "Préfère le mardi matin.",
      informee: true,
    });
    expect(cree.statusCode, cree.body).toBe(201);
    const id = cree.json().id as string;
    const fiche = await appel(elle, "GET", `/api/beneficiaires/${id}`);
    expect(fiche.statusCode).toBe(200);
    expect(fiche.json()).toMatchObject({
      prenom: "Josiane",
      nom: "Martin",
      telephone: "0612345678",
      commune: "Lens",
      mien: true,
      partageStructure: false,
      informeLe: p.horloge.maintenant().toISOString(),
    });

    const modifiee = await appel(elle, "PUT", `/api/beneficiaires/${id}`, {
      nom: "Martin",
      prenom: "Josiane",
      sansTelephone: true,
      informee: true,
    });
    expect(modifiee.statusCode, modifiee.body).toBe(200);
    const apres = (await appel(elle, "GET", `/api/beneficiaires/${id}`)).json();
    expect(apres).toMatchObject({ telephone: null, sansTelephone: true, anneeNaissance: null });

    const liste = (await appel(elle, "GET", "/api/beneficiaires?recherche=mart")).json();
    expect(liste.total).toBe(1);
    expect(liste.beneficiaires[0]).toMatchObject({ id, nom: "Martin", mien: true });

    expect((await appel(elle, "DELETE", `/api/beneficiaires/${id}`)).statusCode).toBe(200);
    expect((await appel(elle, "GET", `/api/beneficiaires/${id}`)).statusCode).toBe(404);
    const actions = await p.base.db
      .select({ action: journal.action, apres: journal.apres })
      .from(journal)
      .where(and(eq(journal.cibleType, "beneficiaire"), eq(journal.cibleId, id)));
    expect(actions.map((a) => a.action)).toEqual([
      "beneficiaire.cree",
      "beneficiaire.modifie",
      "beneficiaire.supprime",
    ]);
    // Only what was changed: the name did not, so neither did the key it is compared by.
    expect(actions[1]!.apres).toEqual({
      champs: [
        "anneeNaissance",
        "communeCode",
        "telephone",
        "sansTelephone",
        "genre",
        "statut",
        "notes",
      ],
    });
    // The journal says which fields changed, never the person's details.
    expect(JSON.stringify(actions)).not.toContain("Martin");
    expect(JSON.stringify(actions)).not.toContain("0612345678");
  });

  it("refuse une saisie fautive champ par champ, en français, sans rien écrire", async () => {
    const avant = await nombre();
    const r = await appel(elle, "POST", "/api/beneficiaires", {
      nom: " ",
      anneeNaissance: 1850,
      email: "pas-une-adresse",
      informee: false,
    });
    expect(r.statusCode).toBe(400);
    const champs = (r.json().erreurs as { champ: string; message: string }[]).map((e) => e.champ);
    expect(champs.sort()).toEqual(["anneeNaissance", "email", "informee", "nom"]);
    const future = await appel(elle, "POST", "/api/beneficiaires", {
      nom: "Durand",
      anneeNaissance: Number(p.horloge.maintenant().getUTCFullYear()) + 1,
      informee: true,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().erreurs[0]).toEqual({
      champ: "anneeNaissance",
      message: "L'année de naissance ne peut pas être dans le futur.",
    });
    // Well formed, yet not a commune of the official reference: the typist's error, said so.
    const inconnue = await appel(elle, "POST", "/api/beneficiaires", {
      nom: "Durand",
      communeCode: "62999",
      informee: true,
    });
    expect(inconnue.statusCode, inconnue.body).toBe(400);
    expect(inconnue.json().erreurs).toEqual([
      { champ: "communeCode", message: "Cette commune est inconnue du référentiel officiel." },
    ]);
    expect(await nombre()).toBe(avant);
  });

  it("montre une personne aux collègues de la structure seulement si elle l'a accepté, et jamais à un autre conseiller", async () => {
    const prive = (
      await appel(elle, "POST", "/api/beneficiaires", { nom: "Privée", informee: true })
    ).json().id as string;
    const partage = (
      await appel(elle, "POST", "/api/beneficiaires", {
        nom: "Partagée",
        informee: true,
        partageStructure: true,
      })
    ).json().id as string;

    const vus = (await appel(collegue, "GET", "/api/beneficiaires")).json();
    expect(vus.beneficiaires.map((b: { id: string }) => b.id)).toEqual([partage]);
    expect(vus.beneficiaires[0].mien).toBe(false);
    expect((await appel(collegue, "GET", `/api/beneficiaires/${prive}`)).statusCode).toBe(404);
    expect((await appel(collegue, "GET", `/api/beneficiaires/${partage}`)).statusCode).toBe(200);
    // A colleague reads a shared file; only the one who recorded it changes it.
    const change = await appel(collegue, "PUT", `/api/beneficiaires/${partage}`, {
      nom: "Changée",
      informee: true,
    });
    expect(change.statusCode).toBe(403);
    expect((await appel(collegue, "DELETE", `/api/beneficiaires/${partage}`)).statusCode).toBe(403);

    expect((await appel(ailleurs, "GET", "/api/beneficiaires")).json().total).toBe(0);
    for (const id of [prive, partage])
      expect((await appel(ailleurs, "GET", `/api/beneficiaires/${id}`)).statusCode).toBe(404);
    expect((await appel(ailleurs, "DELETE", `/api/beneficiaires/${prive}`)).statusCode).toBe(404);

    // Nobody but a conseiller reads followed persons, not even the ANCT or the coordinator.
    for (const persona of [
      "admin@demo.conseiller-numerique.fr",
      "coordinateur@demo.conseiller-numerique.fr",
      "structure.pimms@demo.conseiller-numerique.fr",
    ]) {
      const c = await connecterPersona(p, persona);
      expect((await appel(c, "GET", `/api/beneficiaires/${partage}`)).statusCode).toBe(403);
    }
  });

  it("propose en saisie les personnes qui ressemblent, par le nom, le téléphone ou l'adresse, parmi celles qu'on peut lire", async () => {
    const josiane = (
      await appel(elle, "POST", "/api/beneficiaires", {
        prenom: "Josiane",
        nom: "Lefèvre",
        telephone: "06 11 22 33 44",
        informee: true,
      })
    ).json().id as string;
    await appel(elle, "POST", "/api/beneficiaires", { nom: "Zimmermann", informee: true });
    const autre = (
      await appel(ailleurs, "POST", "/api/beneficiaires", {
        prenom: "Josiane",
        nom: "Lefevre",
        informee: true,
      })
    ).json().id as string;
    const semblables = async (cookie: string, q: Record<string, string>) =>
      (
        await appel(cookie, "GET", `/api/beneficiaires/semblables?${new URLSearchParams(q)}`)
      ).json();

    // Typed without accent and with a slip: still her, and only her.
    const parNom = await semblables(elle, { prenom: "josianne", nom: "LEFEVRE" });
    expect(parNom.map((s: { id: string }) => s.id)).toEqual([josiane]);
    expect(parNom[0]).toMatchObject({ raison: "nom", nom: "Lefèvre" });
    expect(parNom[0].score).toBeGreaterThan(0.5);
    // Another name, the same phone typed with dots.
    const parTelephone = await semblables(elle, { nom: "Dupont", telephone: "06.11.22.33.44" });
    expect(parTelephone).toEqual([expect.objectContaining({ id: josiane, raison: "telephone" })]);
    // Her name and her phone: proposed once, for the phone.
    const lesDeux = await semblables(elle, {
      prenom: "Josiane",
      nom: "Lefèvre",
      telephone: "0611223344",
    });
    expect(lesDeux).toEqual([expect.objectContaining({ id: josiane, raison: "telephone" })]);
    expect(await semblables(elle, { nom: "Bernard" })).toEqual([]);
    // Another conseiller's person is never proposed, nor hers to him.
    const chezLui = await semblables(ailleurs, { prenom: "Josiane", nom: "Lefèvre" });
    expect(chezLui.map((s: { id: string }) => s.id)).toEqual([autre]);
    // A name is required to look.
    const sansNom = await appel(elle, "GET", "/api/beneficiaires/semblables?nom=");
    expect(sansNom.statusCode).toBe(400);
    expect(sansNom.json().erreurs[0].message).toBe("Indiquez le nom.");
  });

  const creer = async (cookie: string, personne: object) =>
    (await appel(cookie, "POST", "/api/beneficiaires", { informee: true, ...personne })).json()
      .id as string;
  const compteRendu = (surcharge: object) => ({
    type: "individuel",
    date: "2026-02-10",
    dureeMinutes: 45,
    typeLieu: "a_distance",
    thematiques: ["email"],
    ...surcharge,
  });
  const ligneCra = async (id: string) =>
    (await p.base.db.select().from(cra).where(eq(cra.id, id)))[0]!;

  it("un compte rendu qui nomme des personnes en tire ses comptes, la fiche en montre la chronologie, et supprimer la personne garde le compte rendu anonyme", async () => {
    const josiane = await creer(elle, {
      prenom: "Josiane",
      nom: "Chronos",
      anneeNaissance: 1950,
      genre: "feminin",
      statut: "retraite",
    });
    const kevin = await creer(elle, { prenom: "Kevin", nom: "Sansdate" });
    // What is typed beside named persons is replaced by what they say.
    const seul = await appel(
      elle,
      "POST",
      "/api/cra",
      compteRendu({ beneficiaireIds: [josiane], dejaAccompagnes: 1, ages: { moins_de_douze: 1 } }),
    );
    expect(seul.statusCode, seul.body).toBe(201);
    expect(await ligneCra(seul.json().id)).toMatchObject({
      ages: { soixante_dix_plus: 1 },
      genres: { feminin: 1 },
      statuts: { retraite: 1 },
      dejaAccompagnes: 0,
    });
    const atelier = await appel(
      elle,
      "POST",
      "/api/cra",
      compteRendu({
        type: "collectif",
        date: "2026-02-20",
        nbParticipants: 5,
        beneficiaireIds: [josiane, kevin],
      }),
    );
    expect(atelier.statusCode, atelier.body).toBe(201);
    const atelierId = atelier.json().id as string;
    // Josiane was seen on the 10th: « déjà accompagnée »; the three others stay anonymous.
    expect(await ligneCra(atelierId)).toMatchObject({
      ages: { soixante_dix_plus: 1, non_communique: 4 },
      genres: { feminin: 1, non_communique: 4 },
      dejaAccompagnes: 1,
    });
    const lu = (await appel(elle, "GET", `/api/cra/${atelierId}`)).json();
    expect(lu.personnes.map((x: { nom: string }) => x.nom)).toEqual(["Chronos", "Sansdate"]);

    const fiche = (await appel(elle, "GET", `/api/beneficiaires/${josiane}`)).json();
    expect(fiche.nbAccompagnements).toBe(2);
    expect(
      fiche.accompagnements.map((a: { date: string; type: string }) => [a.date, a.type]),
    ).toEqual([
      ["2026-02-20", "collectif"],
      ["2026-02-10", "individuel"],
    ]);
    expect(fiche.accompagnements[0]).toMatchObject({ mien: true, typeLieu: "a_distance" });

    // Her data, handed to her on request: a PDF download, journaled, not for another conseiller.
    const pdf = await appel(elle, "GET", `/api/beneficiaires/${josiane}/donnees`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe(
      'attachment; filename="donnees-personnelles.pdf"',
    );
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await appel(ailleurs, "GET", `/api/beneficiaires/${josiane}/donnees`)).statusCode).toBe(
      404,
    );
    const exports = await p.base.db
      .select({ n: count() })
      .from(journal)
      .where(and(eq(journal.action, "beneficiaire.exporte"), eq(journal.cibleId, josiane)));
    expect(exports[0]!.n).toBe(1);

    // Another's person, two persons for one, the same twice: refused, nothing written.
    const avant = (await p.base.db.select({ n: count() }).from(cra))[0]!.n;
    const sienne = await creer(ailleurs, { nom: "Pasàelle" });
    for (const [corps, message] of [
      [
        compteRendu({ beneficiaireIds: [sienne] }),
        "Une des personnes nommées n'existe pas ou ne fait pas partie de vos personnes suivies.",
      ],
      [
        compteRendu({ beneficiaireIds: [josiane, kevin] }),
        "Un compte rendu ne nomme pas plus de personnes suivies qu'il n'a de participants.",
      ],
      [
        compteRendu({ type: "collectif", nbParticipants: 3, beneficiaireIds: [kevin, kevin] }),
        "Une même personne est nommée deux fois.",
      ],
    ] as const) {
      const r = await appel(elle, "POST", "/api/cra", corps);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().erreurs).toContainEqual({ champ: "beneficiaireIds", message });
    }
    expect((await p.base.db.select({ n: count() }).from(cra))[0]!.n).toBe(avant);

    // Editing the report without her: the link goes, the counts follow.
    const sansElle = await appel(
      elle,
      "PUT",
      `/api/cra/${seul.json().id}`,
      compteRendu({ beneficiaireIds: [] }),
    );
    expect(sansElle.statusCode, sansElle.body).toBe(200);
    expect(await ligneCra(seul.json().id)).toMatchObject({ genres: { non_communique: 1 } });

    expect((await appel(elle, "DELETE", `/api/beneficiaires/${josiane}`)).statusCode).toBe(200);
    expect(await ligneCra(atelierId)).toMatchObject({ nbParticipants: 5, dejaAccompagnes: 1 });
    const liens = await p.base.db
      .select({ id: craBeneficiaire.beneficiaireId })
      .from(craBeneficiaire)
      .where(eq(craBeneficiaire.craId, atelierId));
    expect(liens.map((l) => l.id)).toEqual([kevin]);
  });

  it("une personne qu'un collègue ne partage plus reste nommée quand l'auteur modifie son compte rendu", async () => {
    const partagee = await creer(collegue, {
      nom: "Reprise",
      anneeNaissance: 1950,
      genre: "masculin",
      partageStructure: true,
    });
    const sienne = await creer(elle, { nom: "Sienne" });
    const r = await appel(elle, "POST", "/api/cra", compteRendu({ beneficiaireIds: [partagee] }));
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id as string;
    const retrait = await appel(collegue, "PUT", `/api/beneficiaires/${partagee}`, {
      nom: "Reprise",
      anneeNaissance: 1950,
      genre: "masculin",
      informee: true,
      partageStructure: false,
    });
    expect(retrait.statusCode, retrait.body).toBe(200);

    // She no longer reads the person, but is told the report still names someone.
    const lu = (await appel(elle, "GET", `/api/cra/${id}`)).json();
    expect(lu).toMatchObject({ personnes: [], personnesIllisibles: 1 });
    // Her change sends no one: the person stays named, the counts still come from the file.
    const change = await appel(
      elle,
      "PUT",
      `/api/cra/${id}`,
      compteRendu({ dureeMinutes: 60, beneficiaireIds: [], genres: { feminin: 1 } }),
    );
    expect(change.statusCode, change.body).toBe(200);
    const liens = await p.base.db
      .select({ id: craBeneficiaire.beneficiaireId })
      .from(craBeneficiaire)
      .where(eq(craBeneficiaire.craId, id));
    expect(liens).toEqual([{ id: partagee }]);
    expect(await ligneCra(id)).toMatchObject({
      dureeMinutes: 60,
      genres: { masculin: 1 },
      ages: { soixante_dix_plus: 1 },
    });
    // An individual activity has no room for one more: refused, nothing changed.
    const deux = await appel(
      elle,
      "PUT",
      `/api/cra/${id}`,
      compteRendu({ dureeMinutes: 30, beneficiaireIds: [sienne] }),
    );
    expect(deux.statusCode).toBe(400);
    expect(deux.json().erreurs).toEqual([
      {
        champ: "beneficiaireIds",
        message:
          "Ce compte rendu nomme aussi 1 personne suivie que vous ne pouvez plus lire : il ne peut pas nommer plus de personnes que de participants.",
      },
    ]);
    expect((await ligneCra(id)).dureeMinutes).toBe(60);
  });

  it("fusionne un doublon champ par champ, déplace ses comptes rendus et le supprime, au journal", async () => {
    const garde = await creer(elle, { prenom: "Marcel", nom: "Doublon", telephone: "0611111111" });
    const doublon = await creer(elle, {
      prenom: "Marcel",
      nom: "Doublonn",
      anneeNaissance: 1940,
      partageStructure: true,
    });
    const r = await appel(elle, "POST", "/api/cra", compteRendu({ beneficiaireIds: [doublon] }));
    expect(r.statusCode, r.body).toBe(201);

    // A colleague reads the shared one, only the one who recorded both merges them; a file is
    // not merged with itself.
    const parCollegue = await appel(collegue, "POST", `/api/beneficiaires/${doublon}/fusion`, {
      doublonId: garde,
    });
    expect(parCollegue.statusCode).toBe(403);
    const elleMeme = await appel(elle, "POST", `/api/beneficiaires/${garde}/fusion`, {
      doublonId: garde,
    });
    expect(elleMeme.statusCode).toBe(400);

    const fusion = await appel(elle, "POST", `/api/beneficiaires/${garde}/fusion`, {
      doublonId: doublon,
      depuisDoublon: ["anneeNaissance"],
    });
    expect(fusion.statusCode, fusion.body).toBe(200);
    const fiche = (await appel(elle, "GET", `/api/beneficiaires/${garde}`)).json();
    expect(fiche).toMatchObject({
      nom: "Doublon",
      anneeNaissance: 1940,
      telephone: "0611111111",
      partageStructure: false,
      nbAccompagnements: 1,
    });
    expect((await appel(elle, "GET", `/api/beneficiaires/${doublon}`)).statusCode).toBe(404);
    const [trace] = await p.base.db
      .select({ apres: journal.apres })
      .from(journal)
      .where(and(eq(journal.action, "beneficiaire.fusionne"), eq(journal.cibleId, garde)));
    expect(trace?.apres).toEqual({
      doublonId: doublon,
      champs: ["anneeNaissance"],
      comptesRendusDeplaces: 1,
    });
  });

  it("au départ, transmet à un collègue de la structure les seules personnes qui ont accepté le partage, au journal", async () => {
    const partagee = await creer(elle, { nom: "Transmise", partageStructure: true });
    const privee = await creer(elle, { nom: "Gardée" });
    const idDe = async (email: string) =>
      (
        await p.base.db
          .select({ id: utilisateur.id })
          .from(utilisateur)
          .where(eq(utilisateur.email, email))
      )[0]!.id;
    const sonId = await idDe("collegue@exemple.fr");
    const proposes = (await appel(elle, "GET", "/api/beneficiaires/collegues")).json();
    expect(proposes.map((c: { id: string }) => c.id)).toContain(sonId);
    expect(proposes.map((c: { id: string }) => c.id)).not.toContain(
      await idDe("ailleurs@exemple.fr"),
    );

    const ailleursRefuse = await appel(elle, "POST", "/api/beneficiaires/passation", {
      collegueId: await idDe("ailleurs@exemple.fr"),
    });
    expect(ailleursRefuse.statusCode).toBe(400);
    expect(ailleursRefuse.json().erreurs[0].message).toBe(
      "Choisissez un conseiller employé aujourd'hui par la même structure que vous.",
    );

    const faite = await appel(elle, "POST", "/api/beneficiaires/passation", { collegueId: sonId });
    expect(faite.statusCode, faite.body).toBe(200);
    expect(faite.json().transmises).toBeGreaterThanOrEqual(1);
    expect(faite.json().gardees).toBeGreaterThanOrEqual(1);
    // Hers now, his to change; the person who did not agree stays with her, unseen by him.
    const chezLui = (await appel(collegue, "GET", `/api/beneficiaires/${partagee}`)).json();
    expect(chezLui.mien).toBe(true);
    expect((await appel(collegue, "GET", `/api/beneficiaires/${privee}`)).statusCode).toBe(404);
    expect((await appel(elle, "GET", `/api/beneficiaires/${privee}`)).json().mien).toBe(true);
    const [trace] = await p.base.db
      .select({ avant: journal.avant, apres: journal.apres })
      .from(journal)
      .where(and(eq(journal.action, "beneficiaire.transmis"), eq(journal.cibleId, partagee)));
    expect(trace?.apres).toEqual({ conseillerId: sonId });
  });
});
