import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ouvrirSession } from "../access/sessions.ts";
import { beneficiaire, habilitation, journal, utilisateur } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

const CONSEILLERE = "conseiller@demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("personnes suivies sur %s", (type) => {
  let p: PlateformeDeTest;
  let elle: string;
  let collegue: string;
  let ailleurs: string;

  /** A second conseiller, employed by `structureId` (no contract kept here: the habilitation's). */
  const conseillerDe = async (email: string, structureId: string | null) => {
    const [u] = await p.base.db
      .insert(utilisateur)
      .values({ email, prenom: "Camille", nom: email.split("@")[0]!, actif: true })
      .returning({ id: utilisateur.id });
    await p.base.db.insert(habilitation).values({
      utilisateurId: u!.id,
      role: "conseiller",
      perimetre: { type: "soi" },
      structureId,
    });
    return `cnfs_session=${await ouvrirSession(p.base.db, {
      utilisateurId: u!.id,
      methode: "lien_magique",
      maintenant: p.horloge.maintenant(),
    })}`;
  };

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
    collegue = await conseillerDe("collegue@exemple.fr", structureId);
    ailleurs = await conseillerDe("ailleurs@exemple.fr", null);
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
    expect(await semblables(elle, { nom: "Bernard" })).toEqual([]);
    // Another conseiller's person is never proposed, nor hers to him.
    const chezLui = await semblables(ailleurs, { prenom: "Josiane", nom: "Lefèvre" });
    expect(chezLui.map((s: { id: string }) => s.id)).toEqual([autre]);
    // A name is required to look.
    const sansNom = await appel(elle, "GET", "/api/beneficiaires/semblables?nom=");
    expect(sansNom.statusCode).toBe(400);
    expect(sansNom.json().erreurs[0].message).toBe("Indiquez le nom.");
  });
});
