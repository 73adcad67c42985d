import { and, count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { journal, poste, structure } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterPersona,
  cookieDe,
  EMAIL_ADMIN,
  type PlateformeDeTest,
  plateformeDeTest,
} from "../test/plateforme.ts";
import { demarrerPuitsSmtp, lienDans } from "../test/puits-smtp.ts";

type Ami = { id: string; typesEligibles: string[] };

describe.each(BASES_DE_TEST)("instruction des demandes sur %s", (type) => {
  let p: PlateformeDeTest;
  let smtp: Awaited<ReturnType<typeof demarrerPuitsSmtp>>;
  let admin: string;
  let prefet62: string;
  let prefet59: string;
  let demandeLillers: string;
  let demandeNord: string;
  let sessionId: string;
  let ip = 0;

  const candidater = async (corps: Record<string, unknown>, email: string) => {
    const r = await p.app.inject({
      method: "POST",
      url: "/api/candidatures-structures",
      payload: corps,
      remoteAddress: `10.4.0.${++ip}`,
    });
    expect(r.statusCode).toBe(202);
    const lien = new URL(
      lienDans(smtp.recus.filter((m) => m.destinataire === email).at(-1)!.texte),
    );
    await p.app.inject({
      method: "POST",
      url: "/api/candidatures-structures/confirmation",
      payload: { jeton: lien.searchParams.get("jeton") },
    });
  };
  const idDemande = async (cookie: string, recherche: string) => {
    const r = await p.app.inject({
      url: `/api/demandes?recherche=${encodeURIComponent(recherche)}`,
      headers: { cookie },
    });
    return (r.json().demandes as { id: string }[])[0]!.id;
  };

  beforeEach(async () => {
    smtp = await demarrerPuitsSmtp();
    p = await plateformeDeTest(type, { SMTP_URL: smtp.url });
    const amis = (await p.app.inject("/api/amis/ouverts")).json() as Ami[];
    const publics = amis.find((a) => a.typesEligibles.includes("commune"))!;
    const prives = amis.find((a) => a.typesEligibles.includes("association"))!;
    const contact = (email: string) => ({
      prenom: "Anne",
      nom: "Lefort",
      fonction: "Directrice",
      email,
      telephone: "0321000000",
    });
    const commun = {
      adresse: "1 place de la Mairie",
      postesDemandes: 2,
      dateDebutSouhaitee: "2021-04-01",
      motivation: "Réduire la fracture numérique.",
      coordinateur: "non",
      engagement: true,
    };
    await candidater(
      {
        ...commun,
        amiId: publics.id,
        identifiant: "21620516100013",
        typeJuridique: "commune",
        nom: "Commune de Lillers",
        communeCode: "62516",
        contact: contact("mairie@lillers.example"),
      },
      "mairie@lillers.example",
    );
    await candidater(
      {
        ...commun,
        amiId: prives.id,
        identifiant: "82150455600019",
        typeJuridique: "association",
        nom: "DEV and YOU",
        communeCode: "59350",
        contact: contact("contact@devandyou.example"),
      },
      "contact@devandyou.example",
    );
    admin = await connecterPersona(p, EMAIL_ADMIN);
    prefet62 = await connecterPersona(p, "prefet.62@demo.conseiller-numerique.fr");
    prefet59 = await connecterPersona(p, "prefet.59@demo.conseiller-numerique.fr");
    demandeLillers = await idDemande(admin, "Lillers");
    demandeNord = await idDemande(admin, "DEV and YOU");
  });
  afterEach(async () => {
    await p.arreter();
    await smtp.arreter();
  });

  /** COSELEC 12, the session the decisions of these cases name. */
  const ouvrirSession = async () => {
    const r = await p.app.inject({
      method: "POST",
      url: "/api/comites",
      headers: { cookie: admin },
      payload: { numero: 12, date: "2021-03-15" },
    });
    expect(r.statusCode, r.body).toBe(201);
    sessionId = r.json().id;
  };
  /** The préfet's favourable opinion, then 2 posts granted to Lillers by COSELEC 12. */
  const accorderLillers = async () => {
    await ouvrirSession();
    const avis = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${demandeLillers}/avis`,
      headers: { cookie: prefet62 },
      payload: { avis: "favorable", commentaire: "Avis favorable après concertation locale." },
    });
    expect(avis.statusCode, avis.body).toBe(201);
    return p.app.inject({
      method: "POST",
      url: `/api/demandes/${demandeLillers}/decision`,
      headers: { cookie: admin },
      payload: { issue: "acceptee", postesAccordes: 2, sessionComiteId: sessionId },
    });
  };

  it("montre à chaque préfet les demandes de son département, et rien d'autre", async () => {
    const liste62 = (
      await p.app.inject({ url: "/api/demandes", headers: { cookie: prefet62 } })
    ).json();
    const ids62 = liste62.demandes.map((d: { id: string }) => d.id);
    expect(ids62).toContain(demandeLillers);
    expect(ids62).not.toContain(demandeNord);
    expect(
      liste62.demandes.every((d: { departementCode: string }) => d.departementCode === "62"),
    ).toBe(true);
    const liste59 = (
      await p.app.inject({ url: "/api/demandes", headers: { cookie: prefet59 } })
    ).json();
    expect(liste59.demandes.map((d: { id: string }) => d.id)).toEqual([demandeNord]);
    expect(
      (await p.app.inject({ url: `/api/demandes/${demandeNord}`, headers: { cookie: prefet62 } }))
        .statusCode,
    ).toBe(404);
    const avisHorsTerritoire = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${demandeNord}/avis`,
      headers: { cookie: prefet62 },
      payload: { avis: "favorable", commentaire: "Très bon projet de territoire." },
    });
    expect(avisHorsTerritoire.statusCode).toBe(404);
  });

  it("enregistre l'avis du préfet, révisable, avec un commentaire de 10 à 1 000 caractères", async () => {
    const court = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${demandeLillers}/avis`,
      headers: { cookie: prefet62 },
      payload: { avis: "favorable", commentaire: "Bien." },
    });
    expect(court.statusCode).toBe(400);
    expect(court.json().erreurs[0]).toEqual({
      champ: "commentaire",
      message: "Le commentaire doit contenir entre 10 et 1 000 caractères.",
    });
    const sans = (
      await p.app.inject({ url: "/api/demandes?avis=sans", headers: { cookie: prefet62 } })
    ).json();
    expect(sans.demandes.map((d: { id: string }) => d.id)).toContain(demandeLillers);

    for (const avis of ["defavorable", "favorable"]) {
      const r = await p.app.inject({
        method: "POST",
        url: `/api/demandes/${demandeLillers}/avis`,
        headers: { cookie: prefet62 },
        payload: { avis, commentaire: `Avis ${avis} après concertation locale.` },
      });
      expect(r.statusCode).toBe(201);
    }
    const detail = (
      await p.app.inject({ url: `/api/demandes/${demandeLillers}`, headers: { cookie: prefet62 } })
    ).json();
    expect(detail.avis.map((a: { avis: string }) => a.avis)).toEqual(["favorable", "defavorable"]);
    expect(detail.demande.confirmationHash).toBeUndefined();
    const avec = (
      await p.app.inject({ url: "/api/demandes?avis=avec", headers: { cookie: prefet62 } })
    ).json();
    expect(avec.demandes.find((d: { id: string }) => d.id === demandeLillers).dernierAvis).toBe(
      "favorable",
    );
  });

  it("numérote les sessions du comité sans doublon", async () => {
    const r = await p.app.inject({
      method: "POST",
      url: "/api/comites",
      headers: { cookie: admin },
      payload: { numero: 12, date: "2021-03-15" },
    });
    expect(r.statusCode).toBe(201);
    sessionId = r.json().id;
    const doublon = await p.app.inject({
      method: "POST",
      url: "/api/comites",
      headers: { cookie: admin },
      payload: { numero: 12, date: "2021-03-20" },
    });
    expect(doublon.statusCode).toBe(409);
    expect(doublon.json().erreurs[0].message).toBe("La session COSELEC 12 existe déjà.");
    const ordre = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${demandeLillers}/ordre-du-jour`,
      headers: { cookie: admin },
      payload: { sessionComiteId: sessionId },
    });
    expect(ordre.statusCode).toBe(200);
  });

  it("accorde 2 postes : postes, plafond, date limite, journal, courriels et invitation en une fois", async () => {
    const [lillers] = await p.base.db
      .select()
      .from(structure)
      .where(eq(structure.siret, "21620516100013"));
    const r = await accorderLillers();
    expect(r.statusCode).toBe(201);
    expect(r.json().postes).toBe(2);
    const postes = await p.base.db.select().from(poste).where(eq(poste.structureId, lillers!.id));
    expect(
      postes.map((x) => [
        x.secteur,
        x.plafondCents,
        x.dureeMois,
        x.dateAttribution,
        x.dateLimiteRecrutement,
        x.statut,
      ]),
    ).toEqual([
      ["public", 5_000_000, 24, "2021-03-15", "2021-04-15", "vacant"],
      ["public", 5_000_000, 24, "2021-03-15", "2021-04-15", "vacant"],
    ]);
    const traces = await p.base.db
      .select()
      .from(journal)
      .where(
        and(
          eq(journal.cibleType, "structure"),
          eq(journal.cibleId, lillers!.id),
          eq(journal.action, "structure.postes_attribues"),
        ),
      );
    expect(traces).toHaveLength(1);
    const objets = smtp.recus
      .filter((m) => m.objet.startsWith("Décision du COSELEC 12"))
      .map((m) => m.destinataire)
      .sort();
    expect(objets).toEqual(["mairie@lillers.example", "prefet.62@demo.conseiller-numerique.fr"]);

    // The contact is invited and lands on its posts.
    const invitation = smtp.recus.find(
      (m) => m.destinataire === "mairie@lillers.example" && m.objet.startsWith("Invitation"),
    );
    const jeton = new URL(lienDans(invitation!.texte)).searchParams.get("jeton");
    const accepte = await p.app.inject({
      method: "POST",
      url: "/api/auth/invitation",
      payload: { jeton },
    });
    expect(accepte.json().habilitation).toMatchObject({
      role: "structure",
      accueil: "/espace/structure",
    });
    const mesPostes = (
      await p.app.inject({ url: "/api/postes", headers: { cookie: cookieDe(accepte) } })
    ).json();
    expect(mesPostes.postes).toHaveLength(2);
    expect(
      mesPostes.postes.every((x: { structureId: string }) => x.structureId === lillers!.id),
    ).toBe(true);
  });

  it("montre l'historique daté et attribué de la structure à l'admin, à son préfet et à elle-même seulement", async () => {
    expect((await accorderLillers()).statusCode).toBe(201);
    const [lillers] = await p.base.db
      .select()
      .from(structure)
      .where(eq(structure.siret, "21620516100013"));
    const fiche = (
      await p.app.inject({ url: `/api/structures/${lillers!.id}`, headers: { cookie: prefet62 } })
    ).json();
    const actions = fiche.historique.map((h: { action: string }) => h.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "demande.creee",
        "demande.deposee",
        "demande.avis_prefet",
        "demande.acceptee",
        "structure.postes_attribues",
      ]),
    );
    const decision = fiche.historique.find(
      (h: { action: string }) => h.action === "demande.acceptee",
    );
    expect(decision).toMatchObject({ role: "admin", prenom: "Camille", nom: "Martin" });
    expect(fiche.postes).toHaveLength(2);
    expect(
      (await p.app.inject({ url: `/api/structures/${lillers!.id}`, headers: { cookie: admin } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await p.app.inject({ url: `/api/structures/${lillers!.id}`, headers: { cookie: prefet59 } }))
        .statusCode,
    ).toBe(404);
  });

  it("refuse une seconde décision et un avis après la décision, sans rien changer", async () => {
    expect((await accorderLillers()).statusCode).toBe(201);
    const [avant] = await p.base.db.select({ n: count() }).from(poste);
    const encore = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${demandeLillers}/decision`,
      headers: { cookie: admin },
      payload: { issue: "acceptee", postesAccordes: 3, sessionComiteId: sessionId },
    });
    expect(encore.statusCode).toBe(409);
    expect(encore.json().erreurs[0].message).toBe(
      "Impossible depuis le statut « Acceptée » : accepter la demande.",
    );
    const avis = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${demandeLillers}/avis`,
      headers: { cookie: prefet62 },
      payload: { avis: "defavorable", commentaire: "Je change d'avis trop tard." },
    });
    expect(avis.statusCode).toBe(409);
    const [apres] = await p.base.db.select({ n: count() }).from(poste);
    expect(apres!.n).toBe(avant!.n);
  });

  it("applique le plafond du secteur privé, et ne crée aucun poste sur un refus", async () => {
    await ouvrirSession();
    const complement = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${demandeNord}/decision`,
      headers: { cookie: admin },
      payload: { issue: "complement", sessionComiteId: sessionId },
    });
    expect(complement.statusCode).toBe(201);
    expect(complement.json().postes).toBe(0);
    const accepte = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${demandeNord}/decision`,
      headers: { cookie: admin },
      payload: { issue: "acceptee", postesAccordes: 1, sessionComiteId: sessionId },
    });
    expect(accepte.statusCode).toBe(201);
    const [dev] = await p.base.db
      .select()
      .from(structure)
      .where(eq(structure.siret, "82150455600019"));
    const postes = await p.base.db.select().from(poste).where(eq(poste.structureId, dev!.id));
    expect(postes.map((x) => [x.secteur, x.plafondCents])).toEqual([["prive", 4_000_000]]);
    const invalide = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${demandeNord}/decision`,
      headers: { cookie: admin },
      payload: { issue: "peut-etre", sessionComiteId: sessionId },
    });
    expect(invalide.statusCode).toBe(400);
  });

  it("exporte les listes du périmètre en CSV et XLSX", async () => {
    expect((await accorderLillers()).statusCode).toBe(201);
    const nord = await p.app.inject({
      method: "POST",
      url: `/api/demandes/${demandeNord}/decision`,
      headers: { cookie: admin },
      payload: { issue: "acceptee", postesAccordes: 1, sessionComiteId: sessionId },
    });
    expect(nord.statusCode).toBe(201);
    const csv = await p.app.inject({
      url: "/api/exports/demandes?format=csv",
      headers: { cookie: prefet62 },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["content-disposition"]).toMatch(
      /attachment; filename="demandes-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(
      csv.body.startsWith(
        "\uFEFFStructure;SIRET;Secteur;Commune;Département;Nature;Statut;Postes demandés;Déposée le",
      ),
    ).toBe(true);
    expect(csv.body).toContain("Commune de Lillers");
    expect(csv.body).not.toContain("DEV and YOU");

    const xlsx = await p.app.inject({
      url: "/api/exports/postes-departements?format=xlsx",
      headers: { cookie: admin },
    });
    expect(xlsx.statusCode).toBe(200);
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const lignes: unknown[][] = [];
    classeur.worksheets[0]!.eachRow((r) => lignes.push((r.values as unknown[]).slice(1)));
    expect(lignes[0]).toEqual([
      "Département",
      "Nom",
      "Structures dotées",
      "Postes attribués",
      "Vacants",
      "Pourvus",
      "Rendus",
    ]);
    expect(lignes).toContainEqual(["59", "Nord", 1, 1, 1, 0, 0]);
    // The demo's recruiting structure (3 posts, one filled) plus the 2 posts granted here.
    expect(lignes).toContainEqual(["62", "Pas-de-Calais", 2, 5, 4, 1, 0]);

    const inconnu = await p.app.inject({
      url: "/api/exports/conseillers?format=csv",
      headers: { cookie: admin },
    });
    expect(inconnu.statusCode).toBe(400);
    const candidats = await p.app.inject({
      url: "/api/structure/vivier/export?format=csv",
      headers: { cookie: admin },
    });
    expect(candidats.statusCode).toBe(403);
    const traces = await p.base.db
      .select()
      .from(journal)
      .where(eq(journal.action, "export.telecharge"));
    expect(traces.length).toBeGreaterThanOrEqual(2);
  });
});
