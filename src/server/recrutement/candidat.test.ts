import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { candidature, cv, habilitation, journal, utilisateur } from "../db/schema.ts";
import { creerGeocodeur } from "../infra/geocodeur.ts";
import { localiserEnAttente } from "../jobs/localisation.ts";
import { faireLeMenage } from "../jobs/menage.ts";
import { demarrerBanLocale } from "../test/ban-locale.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";
import { demarrerPuitsSmtp, lienDans } from "../test/puits-smtp.ts";

const PDF = Buffer.concat([
  Buffer.from("%PDF-1.4\n"),
  Buffer.alloc(2_000, 65),
  Buffer.from("\n%%EOF"),
]);
const cvJoint = (contenu: Buffer, nom = "cv.pdf") => ({
  nom,
  contenuBase64: contenu.toString("base64"),
});

describe.each(BASES_DE_TEST)("candidature d'une personne sur %s", (type) => {
  let p: PlateformeDeTest;
  let smtp: Awaited<ReturnType<typeof demarrerPuitsSmtp>>;
  let ban: Awaited<ReturnType<typeof demarrerBanLocale>>;
  let ip = 0;

  beforeEach(async () => {
    smtp = await demarrerPuitsSmtp();
    // The commune of residence is located through the address service: Béthune's point.
    ban = await demarrerBanLocale((_q, citycode) => ({ citycode, coordonnees: [2.6408, 50.5303] }));
    p = await plateformeDeTest(type, { SMTP_URL: smtp.url, GEOCODEUR_URL: ban.url });
  });
  afterEach(async () => {
    await p.arreter();
    await smtp.arreter();
    await ban.arreter();
  });

  const formulaire = (surcharge: Record<string, unknown> = {}) => ({
    prenom: "Inès",
    nom: "Marchal",
    email: "ines.marchal@exemple.fr",
    telephone: "06 12 34 56 78",
    communeCode: "62119",
    situations: ["demandeur_emploi", "diplome_mediation"],
    diplome: "Titre professionnel REMN",
    dateDisponibilite: "2026-03-15",
    distanceMaxKm: 20,
    motivation: "Aider les habitants de mon quartier à faire leurs démarches en ligne.",
    ...surcharge,
  });
  const candidater = (candidatureSaisie: Record<string, unknown>, joint: unknown = null) =>
    p.app.inject({
      method: "POST",
      url: "/api/candidatures-conseillers",
      payload: { candidature: candidatureSaisie, cv: joint },
      remoteAddress: `10.4.0.${++ip}`,
    });
  const confirmerDernier = async (email: string) => {
    const m = smtp.recus.filter((x) => x.destinataire === email).at(-1);
    const lien = new URL(lienDans(m!.texte));
    expect(lien.pathname).toBe("/candidature-conseiller/confirmation");
    return p.app.inject({
      method: "POST",
      url: "/api/candidatures-conseillers/confirmation",
      payload: { jeton: lien.searchParams.get("jeton") },
    });
  };
  const personnes = async () => (await p.base.db.select({ n: count() }).from(utilisateur))[0]!.n;

  it("refuse une saisie invalide avec des messages en français, sans rien créer", async () => {
    const avant = await personnes();
    const cas: [Record<string, unknown>, string, string][] = [
      [{ situations: [] }, "situations", "Indiquez au moins une situation."],
      [{ diplome: "" }, "diplome", "Indiquez le nom du diplôme en médiation numérique."],
      [
        { dateDisponibilite: "2026-03-01" },
        "dateDisponibilite",
        "La date de disponibilité doit être aujourd'hui ou plus tard.",
      ],
      [
        { distanceMaxKm: 7 },
        "distanceMaxKm",
        "Choisissez une distance proposée (5, 10, 15, 20, 40, 100 km ou toute la France).",
      ],
      [
        { motivation: "x".repeat(2_501) },
        "motivation",
        "La motivation ne doit pas dépasser 2\u202f500 caractères.",
      ],
    ];
    for (const [surcharge, champ, message] of cas) {
      const r = await candidater(formulaire(surcharge));
      expect(r.statusCode, champ).toBe(400);
      expect(r.json().erreurs).toContainEqual({ champ, message });
    }
    const inconnue = await candidater(formulaire({ communeCode: "99999" }));
    expect(inconnue.json().erreurs[0].message).toBe(
      "Cette commune est inconnue du référentiel officiel.",
    );
    const pasPdf = await candidater(formulaire(), cvJoint(Buffer.from("MZ exécutable")));
    expect(pasPdf.statusCode).toBe(400);
    expect(pasPdf.json().erreurs[0]).toEqual({
      champ: "cv",
      message: "Le CV doit être un fichier PDF.",
    });
    expect(await personnes()).toBe(avant);
  });

  it("enregistre la candidature après clic sur le lien, avec le point de la commune et le CV", async () => {
    const r = await candidater(formulaire(), cvJoint(PDF));
    expect(r.statusCode).toBe(202);
    const [u] = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.email, "ines.marchal@exemple.fr"));
    const [avant] = await p.base.db
      .select()
      .from(candidature)
      .where(eq(candidature.utilisateurId, u!.id));
    expect(avant?.statut).toBe("en_attente_confirmation");
    expect(ban.requetes.at(-1)?.searchParams.get("citycode")).toBe("62119");

    const confirmation = await confirmerDernier("ines.marchal@exemple.fr");
    expect(confirmation.statusCode).toBe(200);
    const [apres] = await p.base.db.select().from(candidature).where(eq(candidature.id, avant!.id));
    expect(apres).toMatchObject({
      statut: "disponible",
      latitude: 50.5303,
      longitude: 2.6408,
      departementCode: "62",
      distanceMaxKm: 20,
    });
    const habs = await p.base.db
      .select()
      .from(habilitation)
      .where(eq(habilitation.utilisateurId, u!.id));
    expect(habs.map((h) => [h.role, h.actif])).toEqual([["candidat", true]]);
    // The CV is encrypted at rest: its bytes are not the PDF's.
    const [fichier] = await p.base.db.select().from(cv).where(eq(cv.candidatureId, avant!.id));
    expect(fichier?.enAttente).toBe(false);
    expect(Buffer.from(fichier!.contenuChiffre).includes(Buffer.from("%PDF-"))).toBe(false);

    const encore = await confirmerDernier("ines.marchal@exemple.fr");
    expect(encore.statusCode).toBe(400);
  });

  it("met à jour la même personne quand elle candidate de nouveau, après confirmation seulement", async () => {
    // Inès has applied and confirmed once, with her first CV.
    expect((await candidater(formulaire(), cvJoint(PDF))).statusCode).toBe(202);
    expect((await confirmerDernier("ines.marchal@exemple.fr")).statusCode).toBe(200);
    const avant = await personnes();
    const r = await candidater(
      formulaire({ prenom: "Usurpateur", distanceMaxKm: 100, situations: ["en_emploi"] }),
      cvJoint(Buffer.concat([PDF, Buffer.from("v2")]), "nouveau.pdf"),
    );
    // Same answer as for a new address: the form reveals no account.
    expect(r.statusCode).toBe(202);
    expect(await personnes()).toBe(avant);
    const [u] = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.email, "ines.marchal@exemple.fr"));
    const [c] = await p.base.db
      .select()
      .from(candidature)
      .where(eq(candidature.utilisateurId, u!.id));
    expect(u?.prenom).toBe("Inès");
    expect(c?.distanceMaxKm).toBe(20);
    const cvs = await p.base.db.select().from(cv).where(eq(cv.candidatureId, c!.id));
    expect(cvs.map((x) => [x.nom, x.enAttente]).sort()).toEqual([
      ["cv.pdf", false],
      ["nouveau.pdf", true],
    ]);

    expect((await confirmerDernier("ines.marchal@exemple.fr")).statusCode).toBe(200);
    const [u2] = await p.base.db.select().from(utilisateur).where(eq(utilisateur.id, u!.id));
    const [c2] = await p.base.db.select().from(candidature).where(eq(candidature.id, c!.id));
    expect(u2?.prenom).toBe("Usurpateur");
    expect(c2).toMatchObject({ distanceMaxKm: 100, situations: ["en_emploi"] });
    const apres = await p.base.db.select().from(cv).where(eq(cv.candidatureId, c!.id));
    expect(apres.map((x) => [x.nom, x.enAttente])).toEqual([["nouveau.pdf", false]]);
    expect(await personnes()).toBe(avant);
  });

  it("laisse le candidat modifier son profil, se dire indisponible, télécharger ses données", async () => {
    const cookie = await connecterPersona(p, "candidat@demo.conseiller-numerique.fr");
    const moi = await p.app.inject({ url: "/api/candidat/candidature", headers: { cookie } });
    expect(moi.statusCode).toBe(200);
    const profil = moi.json();
    expect(profil).toMatchObject({
      statut: "disponible",
      email: "candidat@demo.conseiller-numerique.fr",
    });

    const modifie = await p.app.inject({
      method: "PUT",
      url: "/api/candidat/candidature",
      headers: { cookie },
      payload: {
        prenom: profil.prenom,
        nom: profil.nom,
        telephone: "0612345678",
        communeCode: "62119",
        situations: ["en_formation"],
        diplome: "",
        dateDisponibilite: "2026-04-01",
        distanceMaxKm: 40,
        motivation: "Nouvelle motivation.",
        pix: { "1.1": 5, "4.1": 5, "4.2": 6 },
      },
    });
    expect(modifie.statusCode).toBe(200);
    const relu = (
      await p.app.inject({ url: "/api/candidat/candidature", headers: { cookie } })
    ).json();
    expect(relu).toMatchObject({
      distanceMaxKm: 40,
      situations: ["en_formation"],
      dateDisponibilite: "2026-04-01",
    });

    const mauvais = await p.app.inject({
      method: "PUT",
      url: "/api/candidat/candidature",
      headers: { cookie },
      payload: { ...relu, pix: { "1.1": 12, "4.1": 5, "4.2": 5 } },
    });
    expect(mauvais.statusCode).toBe(400);

    const indispo = await p.app.inject({
      method: "POST",
      url: "/api/candidat/disponibilite",
      headers: { cookie },
      payload: { disponible: false },
    });
    expect(indispo.json()).toEqual({ statut: "indisponible" });
    const deuxFois = await p.app.inject({
      method: "POST",
      url: "/api/candidat/disponibilite",
      headers: { cookie },
      payload: { disponible: false },
    });
    expect(deuxFois.statusCode).toBe(409);
    expect(deuxFois.json().erreurs[0].message).toBe(
      "Impossible depuis le statut « Indisponible » : se déclarer indisponible.",
    );
    await p.app.inject({
      method: "POST",
      url: "/api/candidat/disponibilite",
      headers: { cookie },
      payload: { disponible: true },
    });

    const donnees = await p.app.inject({ url: "/api/candidat/donnees", headers: { cookie } });
    expect(donnees.headers["content-disposition"]).toContain("attachment");
    const json = JSON.parse(donnees.body);
    expect(json.personne.email).toBe("candidat@demo.conseiller-numerique.fr");
    expect(json.candidature.motivation).toBe("Nouvelle motivation.");
    expect(JSON.stringify(json)).not.toContain("confirmationHash");
  });

  it("dépose, rend et purge le CV au bout de six mois ; refuse ce qui n'est pas un PDF de 5 Mo au plus", async () => {
    const cookie = await connecterPersona(p, "candidat@demo.conseiller-numerique.fr");
    const depot = (contenu: Buffer) =>
      p.app.inject({
        method: "PUT",
        url: "/api/candidat/cv",
        headers: { cookie },
        payload: cvJoint(contenu, "mon cv.pdf"),
      });
    expect((await depot(PDF)).statusCode).toBe(200);
    const lu = await p.app.inject({ url: "/api/candidat/cv", headers: { cookie } });
    expect(lu.headers["content-type"]).toBe("application/pdf");
    expect(lu.headers["content-disposition"]).toContain("attachment");
    expect(Buffer.compare(lu.rawPayload, PDF)).toBe(0);

    const gros = Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(5 * 1024 * 1024)]);
    expect((await depot(gros)).json().erreurs[0].message).toMatch(/5 Mo/);
    expect((await depot(Buffer.from("<html>"))).json().erreurs[0].message).toBe(
      "Le CV doit être un fichier PDF.",
    );

    // Uploaded on 2 March: kept through 2 September, gone after.
    await faireLeMenage(p.base.db, new Date("2026-09-01T09:00:00Z"), p.config.session);
    const lire = async () => {
      const c = await connecterPersona(p, "candidat@demo.conseiller-numerique.fr");
      return (await p.app.inject({ url: "/api/candidat/cv", headers: { cookie: c } })).statusCode;
    };
    expect(await lire()).toBe(200);
    const bilan = await faireLeMenage(
      p.base.db,
      new Date("2026-09-03T09:00:00Z"),
      p.config.session,
    );
    expect(bilan.cvs).toBeGreaterThanOrEqual(1);
    expect(await lire()).toBe(404);
  });

  it("localise plus tard une candidature que le service d'adresses n'a pas su placer", async () => {
    const [u] = await p.base.db
      .insert(utilisateur)
      .values({ email: "sans.point@exemple.fr", prenom: "Yanis", nom: "Petit" })
      .returning();
    const [c] = await p.base.db
      .insert(candidature)
      .values({
        utilisateurId: u!.id,
        statut: "disponible",
        communeCode: "62498",
        departementCode: "62",
        regionCode: "32",
        dateDisponibilite: "2026-03-01",
        distanceMaxKm: 20,
        situations: ["en_emploi"],
      })
      .returning();
    const bilan = await localiserEnAttente(p.base.db, creerGeocodeur(ban.url));
    expect(bilan.candidatures).toBeGreaterThanOrEqual(1);
    const [apres] = await p.base.db.select().from(candidature).where(eq(candidature.id, c!.id));
    expect(apres).toMatchObject({ latitude: 50.5303, longitude: 2.6408 });
    expect(ban.requetes.some((r) => r.searchParams.get("citycode") === "62498")).toBe(true);
    // Without the service nothing fails and nothing changes.
    expect(await localiserEnAttente(p.base.db, creerGeocodeur(undefined))).toEqual({
      candidatures: 0,
      structures: 0,
    });
  });

  it("efface tout ce qui est personnel quand le candidat supprime sa candidature", async () => {
    const r = await candidater(
      formulaire({ email: "a.effacer@exemple.fr", prenom: "Zoé" }),
      cvJoint(PDF),
    );
    expect(r.statusCode).toBe(202);
    await confirmerDernier("a.effacer@exemple.fr");
    const [u] = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.email, "a.effacer@exemple.fr"));
    const [c] = await p.base.db
      .select()
      .from(candidature)
      .where(eq(candidature.utilisateurId, u!.id));
    const { ouvrirSession } = await import("../access/sessions.ts");
    const cookie = `cnfs_session=${await ouvrirSession(p.base.db, {
      utilisateurId: u!.id,
      methode: "lien_magique",
      maintenant: p.horloge.maintenant(),
    })}`;

    const suppr = await p.app.inject({
      method: "DELETE",
      url: "/api/candidat/candidature",
      headers: { cookie },
    });
    expect(suppr.statusCode).toBe(200);
    const [efface] = await p.base.db.select().from(candidature).where(eq(candidature.id, c!.id));
    expect(efface).toMatchObject({
      statut: "supprimee",
      utilisateurId: null,
      telephone: null,
      communeCode: null,
      latitude: null,
      motivation: null,
      departementCode: "62",
    });
    const [personne] = await p.base.db.select().from(utilisateur).where(eq(utilisateur.id, u!.id));
    expect(personne).toMatchObject({ prenom: "", nom: "", actif: false });
    expect(personne?.email).not.toContain("effacer");
    expect(await p.base.db.select().from(cv).where(eq(cv.candidatureId, c!.id))).toEqual([]);
    const traces = await p.base.db.select().from(journal).where(eq(journal.cibleId, c!.id));
    expect(JSON.stringify(traces)).not.toMatch(/Zoé|effacer|0612345678/);
    // The session went with the account.
    const apres = await p.app.inject({ url: "/api/candidat/candidature", headers: { cookie } });
    expect(apres.statusCode).toBe(401);
  });
});
