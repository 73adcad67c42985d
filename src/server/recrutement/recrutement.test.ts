import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { jourParis } from "../../domain/temps.ts";
import { lignes } from "../db/client.ts";
import {
  candidature,
  contrat,
  formation,
  habilitation,
  journal,
  miseEnRelation,
  poste,
  rappel,
  utilisateur,
} from "../db/schema.ts";
import { traiterEcheances } from "../jobs/echeances.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterPersona,
  EMAIL_ADMIN,
  type PlateformeDeTest,
  plateformeDeTest,
} from "../test/plateforme.ts";
import { demarrerPuitsSmtp } from "../test/puits-smtp.ts";
import { QUOTA_ATTEINT } from "./contrat-service.ts";
import { compterVivier, origineVivier, rechercherVivier } from "./vivier-queries.ts";

const PIMMS = "structure.pimms@demo.conseiller-numerique.fr";
const CABBALR = "structure.cabbalr@demo.conseiller-numerique.fr";

type CandidatVivier = {
  id: string;
  distanceM: number;
  distanceMaxKm: number;
  situations: string[];
  relation: string | null;
};

describe.each(BASES_DE_TEST)("vivier, recrutement et contrats sur %s", (type) => {
  let p: PlateformeDeTest;
  let smtp: Awaited<ReturnType<typeof demarrerPuitsSmtp>>;
  let pimms: string;
  let admin: string;
  /** The recruitment validated by the admin, followed by the next tests. */

  beforeEach(async () => {
    smtp = await demarrerPuitsSmtp();
    p = await plateformeDeTest(type, { SMTP_URL: smtp.url });
    pimms = await connecterPersona(p, PIMMS);
    admin = await connecterPersona(p, EMAIL_ADMIN);
  });
  afterEach(async () => {
    await p.arreter();
    await smtp.arreter();
  });

  const appeler = (
    methode: "GET" | "POST",
    url: string,
    cookie: string,
    payload?: Record<string, unknown>,
  ) => p.app.inject({ method: methode, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const vivier = async (cookie: string, requete = "") =>
    (await appeler("GET", `/api/structure/vivier${requete}`, cookie)).json() as {
      etat: string;
      total: number;
      candidats: CandidatVivier[];
    };
  const recrutement = (surcharge: Record<string, unknown> = {}) => ({
    type: "cdd",
    dateDebut: "2026-03-16",
    dateFin: "2027-03-15",
    salaireBrutMensuelCents: 180_000,
    heuresHebdo: 35,
    coordinateur: false,
    ...surcharge,
  });
  const declarer = (cookie: string, candidatureId: string, surcharge = {}) =>
    appeler("POST", "/api/structure/recrutements", cookie, {
      candidatureId,
      recrutement: recrutement(surcharge),
    });
  const interesse = (candidatureId: string) =>
    appeler("POST", `/api/structure/candidats/${candidatureId}/avis`, pimms, {
      avis: "interesse",
    });
  /** A fresh pool candidate who can be recruited (not used by an earlier test). */
  const utilises = new Set<string>();
  const prochainCandidat = async () => {
    const v = await vivier(pimms, "?relation=a_traiter");
    const c = v.candidats.find((x) => !utilises.has(x.id))!;
    utilises.add(c.id);
    return c.id;
  };
  const contratDe = async (id: string) =>
    (await p.base.db.select().from(contrat).where(eq(contrat.id, id)))[0]!;
  /** The PIMMS declares the recruitment of its nearest pool candidate: the contract's id. */
  const recrutementDeclare = async () => {
    const id = await prochainCandidat();
    await interesse(id);
    const r = await declarer(pimms, id);
    expect(r.statusCode, r.body).toBe(201);
    return r.json().contratId as string;
  };
  /** The same recruitment signed and validated by the ANCT: an active contract. */
  const recrutementValide = async () => {
    const id = await recrutementDeclare();
    const signe = await appeler("POST", `/api/structure/contrats/${id}/signature`, pimms, {
      dateSignature: "2026-03-02",
    });
    expect(signe.statusCode, signe.body).toBe(200);
    const v = await appeler("POST", `/api/admin/contrats/${id}/validation`, admin);
    expect(v.statusCode, v.body).toBe(200);
    return contratDe(id);
  };

  it("classe le vivier du plus proche au plus lointain, dans la portée de chaque candidat", async () => {
    const v = await vivier(pimms);
    expect(v.etat).toBe("ok");
    expect(v.total).toBeGreaterThan(20);
    expect(v.candidats).toHaveLength(20);
    const distances = v.candidats.map((c) => c.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const c of v.candidats) expect(c.distanceM).toBeLessThanOrEqual(c.distanceMaxKm * 1000);

    const page2 = await vivier(pimms, "?page=2");
    expect(page2.candidats[0]!.distanceM).toBeGreaterThanOrEqual(distances.at(-1)!);
    const proches = await vivier(pimms, "?distanceKm=10");
    expect(proches.candidats.length).toBeGreaterThan(0);
    expect(proches.candidats.every((c) => c.distanceM <= 10_000)).toBe(true);
    const emploi = await vivier(pimms, "?situation=en_emploi");
    expect(emploi.candidats.length).toBeGreaterThan(0);
    expect(emploi.candidats.every((c) => c.situations.includes("en_emploi"))).toBe(true);
    expect(emploi.total).toBeLessThan(v.total);
    const mauvais = await appeler("GET", "/api/structure/vivier?distanceKm=7", pimms);
    expect(mauvais.statusCode).toBe(400);
  });

  it("parcourt le vivier au plus proche par l'index comme le ferait un tri complet, page après page", async () => {
    const [s] = await lignes<{ id: string }>(
      p.base.db,
      sql`select s.id from structure s join utilisateur u on u.email = ${PIMMS}
          join habilitation h on h.utilisateur_id = u.id and (h.perimetre->>'structureId')::uuid = s.id`,
    );
    const origine = await origineVivier(p.base.db, s!.id, jourParis(p.horloge.maintenant()));
    if (typeof origine === "string") throw new Error(origine);
    const complet = await compterVivier(p.base.db, origine, {}, { plafond: 10_000 });
    expect(complet.auMoins).toBe(false);
    // Pages of 3: the walk stops at each page's last rank, ties at one commune's point included.
    const pages = Math.ceil(complet.total / 3);
    for (let page = 1; page <= pages + 1; page++) {
      const parIndex = await rechercherVivier(p.base.db, origine, { page }, { limite: 3 });
      const naif = await rechercherVivier(
        p.base.db,
        origine,
        { page },
        { limite: 3, indexe: false },
      );
      expect(parIndex).toEqual(naif);
    }
    // Counted up to a ceiling, said as "more than".
    const plafonne = await compterVivier(p.base.db, origine, {}, { plafond: 5 });
    expect(plafonne).toEqual({ total: 5, auMoins: complet.total > 5 });
    const dernier = await rechercherVivier(p.base.db, origine, { page: pages }, { limite: 3 });
    expect(dernier).toEqual(
      await rechercherVivier(p.base.db, origine, { page: pages }, { limite: 3, indexe: false }),
    );

    // Three candidates in Marseille accept any distance: with a ceiling below three, "more
    // than" is proven by them alone (migration 0030), and must say what the full count says.
    const ajoutes: string[] = [];
    for (const i of [1, 2, 3]) {
      const [u] = await p.base.db
        .insert(utilisateur)
        .values({ email: `partout-${i}@exemple.fr`, prenom: "Alix", nom: `Partout ${i}` })
        .returning();
      ajoutes.push(u!.id);
      await p.base.db.insert(candidature).values({
        utilisateurId: u!.id,
        statut: "disponible",
        communeCode: "13055",
        departementCode: "13",
        regionCode: "93",
        latitude: 43.2965,
        longitude: 5.3698,
        dateDisponibilite: "2026-01-01",
        distanceMaxKm: 2000,
        situations: ["demandeur_emploi"],
      });
    }
    const avecEux = await compterVivier(p.base.db, origine, {}, { plafond: 10_000 });
    expect(avecEux.total).toBe(complet.total + 3);
    for (const plafond of [1, 2, 3, avecEux.total, avecEux.total + 1])
      expect(
        await compterVivier(p.base.db, origine, {}, { plafond }),
        `plafond ${plafond}`,
      ).toEqual(await compterVivier(p.base.db, origine, {}, { plafond, indexe: false }));
    await p.base.db.delete(candidature).where(inArray(candidature.utilisateurId, ajoutes));
    await p.base.db.delete(utilisateur).where(inArray(utilisateur.id, ajoutes));
  });

  it("ne montre qu'aux structures concernées les candidats, et isole l'outre-mer", async () => {
    const sansPoste = await vivier(await connecterPersona(p, CABBALR));
    expect(sansPoste).toMatchObject({ etat: "sans_poste", candidats: [] });

    // A candidate in Guadeloupe ready to go anywhere is not offered to a mainland structure.
    const [u] = await p.base.db
      .insert(utilisateur)
      .values({ email: "outre-mer@exemple.fr", prenom: "Maël", nom: "Jean-Baptiste" })
      .returning();
    const [loin] = await p.base.db
      .insert(candidature)
      .values({
        utilisateurId: u!.id,
        statut: "disponible",
        communeCode: "97105",
        departementCode: "971",
        regionCode: "01",
        latitude: 15.9985,
        longitude: -61.7255,
        dateDisponibilite: "2026-01-01",
        distanceMaxKm: 2000,
        situations: ["en_emploi"],
      })
      .returning();
    const tous = await vivier(pimms, "?page=1&distanceKm=2000");
    expect(tous.candidats.map((c) => c.id)).not.toContain(loin!.id);
    const fiche = await appeler("GET", `/api/structure/candidats/${loin!.id}`, pimms);
    expect(fiche.statusCode).toBe(404);
    const marque = await interesse(loin!.id);
    expect(marque.statusCode).toBe(409);

    const proche = (await vivier(pimms)).candidats[0]!;
    const visible = await appeler("GET", `/api/structure/candidats/${proche.id}`, pimms);
    expect(visible.statusCode).toBe(200);
    expect(visible.json()).toHaveProperty("email");
    const cabbalr = await connecterPersona(p, CABBALR);
    const cache = await appeler("GET", `/api/structure/candidats/${proche.id}`, cabbalr);
    expect(cache.statusCode).toBe(404);
  });

  it("marque intéressé ou pas intéressé, journalisé, et présélectionne par identifiant", async () => {
    const id = await prochainCandidat();
    expect((await interesse(id)).json()).toEqual({ statut: "preselectionnee" });
    const ecarte = await appeler("POST", `/api/structure/candidats/${id}/avis`, pimms, {
      avis: "pas_interesse",
    });
    expect(ecarte.json()).toEqual({ statut: "ecartee" });
    const encore = await appeler("POST", `/api/structure/candidats/${id}/avis`, pimms, {
      avis: "pas_interesse",
    });
    expect(encore.statusCode).toBe(409);
    const traces = await p.base.db
      .select()
      .from(journal)
      .where(eq(journal.cibleType, "mise_en_relation"));
    expect(traces.map((t) => t.action)).toEqual(
      expect.arrayContaining(["mise_en_relation.preselectionnee", "mise_en_relation.ecartee"]),
    );

    const [autre] = await p.base.db
      .select({ id: candidature.id })
      .from(candidature)
      .innerJoin(utilisateur, eq(utilisateur.id, candidature.utilisateurId))
      .where(eq(utilisateur.email, "candidat.000050@demo.conseiller-numerique.fr"));
    const manuelle = await appeler("POST", "/api/structure/preselection", pimms, {
      identifiant: autre!.id,
    });
    expect(manuelle.json()).toEqual({ statut: "preselectionnee" });
    const [m] = await p.base.db
      .select()
      .from(miseEnRelation)
      .where(eq(miseEnRelation.candidatureId, autre!.id));
    expect(m?.origine).toBe("manuelle");
    const inconnu = await appeler("POST", "/api/structure/preselection", pimms, {
      identifiant: "00000000-0000-4000-8000-000000000000",
    });
    expect(inconnu.statusCode).toBe(409);
  });

  it("refuse un recrutement mal renseigné, sans rien changer", async () => {
    const id = await prochainCandidat();
    await interesse(id);
    const cas: [Record<string, unknown>, string][] = [
      [
        { salaireBrutMensuelCents: 150_000 },
        "Le salaire doit être au moins égal au SMIC (1 554,58 € brut mensuel pour 35 h).",
      ],
      [{ dateFin: null }, "La date de fin est obligatoire pour ce type de contrat."],
      [{ type: "interim" }, "Le type de contrat est invalide."],
      [{ heuresHebdo: 20 }, "Le temps partiel n'est possible que sur un poste de coordinateur."],
    ];
    for (const [surcharge, message] of cas) {
      const r = await declarer(pimms, id, surcharge);
      expect(r.statusCode, message).toBe(400);
      expect(r.json().erreurs.map((e: { message: string }) => e.message)).toContain(message);
    }
    const coordinateur = await declarer(pimms, id, { coordinateur: true });
    expect(coordinateur.json().erreurs[0].message).toBe(
      "Aucun poste de coordinateur n'est disponible.",
    );
    const pasPreselectionne = await declarer(pimms, await prochainCandidat());
    expect(pasPreselectionne.json().erreurs[0].message).toBe(
      "Marquez d'abord ce candidat comme intéressant.",
    );
    const contrats = await p.base.db.select().from(contrat).where(eq(contrat.statut, "declare"));
    expect(contrats).toEqual([]);
  });

  it("ne dépasse jamais le nombre de postes, même avec deux déclarations simultanées", async () => {
    const [a, b, c] = [
      await prochainCandidat(),
      await prochainCandidat(),
      await prochainCandidat(),
    ];
    for (const id of [a, b, c]) await interesse(id);
    const premier = await declarer(pimms, a);
    expect(premier.statusCode).toBe(201);
    // One vacant post left, two requests racing for it.
    const [r1, r2] = await Promise.all([declarer(pimms, b), declarer(pimms, c)]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([201, 409]);
    const refus = [r1, r2].find((r) => r.statusCode === 409)!;
    expect(refus.json().erreurs[0].message).toBe(QUOTA_ATTEINT);
    const [pimmsId] = await p.base.db
      .select({ id: poste.structureId })
      .from(contrat)
      .innerJoin(poste, eq(poste.id, contrat.posteId))
      .where(eq(contrat.id, premier.json().contratId));
    const postes = await p.base.db.select().from(poste).where(eq(poste.structureId, pimmsId!.id));
    expect(postes.map((x) => x.statut).sort()).toEqual(["pourvu", "pourvu", "pourvu"]);
    const occupes = await p.base.db
      .select()
      .from(contrat)
      .where(
        and(
          inArray(
            contrat.posteId,
            postes.map((x) => x.id),
          ),
          inArray(contrat.statut, ["declare", "actif"]),
        ),
      );
    expect(occupes).toHaveLength(3);

    // The structure cancels one: the post is vacant again with a new month to recruit.
    const gagnant = [r1, r2].find((r) => r.statusCode === 201)!.json().contratId as string;
    const annule = await appeler("POST", `/api/structure/contrats/${gagnant}/annulation`, pimms);
    expect(annule.statusCode).toBe(200);
    const k = await contratDe(gagnant);
    const [libre] = await p.base.db.select().from(poste).where(eq(poste.id, k.posteId));
    expect(libre).toMatchObject({ statut: "vacant", dateLimiteRecrutement: "2026-04-02" });
    const [relation] = await p.base.db
      .select()
      .from(miseEnRelation)
      .where(eq(miseEnRelation.id, k.miseEnRelationId!));
    expect(relation?.statut).toBe("preselectionnee");
  });

  it("fait signer puis valider le recrutement : conseiller, formation, courriel, en une fois", async () => {
    const k = await contratDe(await recrutementDeclare());
    const sansSignature = await appeler("POST", `/api/admin/contrats/${k.id}/validation`, admin);
    expect(sansSignature.statusCode).toBe(409);
    expect(sansSignature.json().erreurs[0].message).toMatch(/date de signature/);

    const future = await appeler("POST", `/api/structure/contrats/${k.id}/signature`, pimms, {
      dateSignature: "2026-03-03",
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().erreurs[0].message).toBe(
      "La date de signature ne peut pas être dans le futur.",
    );
    const autreStructure = await appeler(
      "POST",
      `/api/structure/contrats/${k.id}/signature`,
      await connecterPersona(p, CABBALR),
      { dateSignature: "2026-03-02" },
    );
    expect(autreStructure.statusCode).toBe(404);
    const signe = await appeler("POST", `/api/structure/contrats/${k.id}/signature`, pimms, {
      dateSignature: "2026-03-02",
    });
    expect(signe.statusCode).toBe(200);

    const validation = await appeler("POST", `/api/admin/contrats/${k.id}/validation`, admin);
    expect(validation.statusCode).toBe(200);
    const valide = await contratDe(k.id);
    expect(valide.statut).toBe("actif");
    const [cand] = await p.base.db
      .select()
      .from(candidature)
      .where(eq(candidature.id, k.candidatureId));
    expect(cand?.statut).toBe("en_poste");
    const habs = await p.base.db
      .select()
      .from(habilitation)
      .where(eq(habilitation.utilisateurId, k.utilisateurId));
    expect(habs.filter((h) => h.actif).map((h) => [h.role, h.structureId])).toEqual([
      ["conseiller", k.structureId],
    ]);
    const [f] = await p.base.db
      .select()
      .from(formation)
      .where(eq(formation.utilisateurId, k.utilisateurId));
    expect(f?.statut).toBe("a_inscrire");
    const [personne] = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.id, k.utilisateurId));
    expect(
      smtp.recus.some((m) => m.destinataire === personne!.email && /validé/.test(m.objet)),
    ).toBe(true);
    const deuxFois = await appeler("POST", `/api/admin/contrats/${k.id}/validation`, admin);
    expect(deuxFois.statusCode).toBe(409);

    // The new conseiller's pending pairings elsewhere are closed.
    const ouvertes = await p.base.db
      .select()
      .from(miseEnRelation)
      .where(
        and(
          eq(miseEnRelation.candidatureId, k.candidatureId),
          inArray(miseEnRelation.statut, ["proposee", "preselectionnee"]),
        ),
      );
    expect(ouvertes).toEqual([]);
  });

  it("suit la formation : inscription, positionnement, début, fin ; la conseillère la voit", async () => {
    const k = await recrutementValide();
    const [f] = await p.base.db
      .select()
      .from(formation)
      .where(eq(formation.utilisateurId, k!.utilisateurId));
    const organismes = (await appeler("GET", "/api/formations/organismes", pimms)).json();
    const etape = (corps: Record<string, unknown>) =>
      appeler("POST", `/api/formations/${f!.id}/etapes`, pimms, corps);
    const trop = await etape({ evenement: "commencer", dateDebutReelle: "2026-03-01" });
    expect(trop.statusCode).toBe(409);
    expect(
      (
        await etape({
          evenement: "inscrire",
          organismeFormationId: organismes[0].id,
          modalite: "presentiel",
          dateInscription: "2026-03-02",
        })
      ).statusCode,
    ).toBe(200);
    const mauvaisParcours = await etape({
      evenement: "positionner",
      datePositionnement: "2026-03-02",
      parcoursHeures: 200,
      dateDebutPrevue: "2026-03-09",
      dateFinPrevue: "2026-06-30",
    });
    expect(mauvaisParcours.statusCode).toBe(400);
    expect(
      (
        await etape({
          evenement: "positionner",
          datePositionnement: "2026-03-02",
          parcoursHeures: 105,
          dateDebutPrevue: "2026-03-09",
          dateFinPrevue: "2026-03-27",
        })
      ).statusCode,
    ).toBe(200);
    const dispense = await etape({ evenement: "dispenser", motif: "Déjà formé" });
    expect(dispense.statusCode).toBe(403);
    const cabbalr = await connecterPersona(p, CABBALR);
    const ailleurs = await appeler("POST", `/api/formations/${f!.id}/etapes`, cabbalr, {
      evenement: "commencer",
      dateDebutReelle: "2026-03-02",
    });
    expect(ailleurs.statusCode).toBe(404);

    const liste = (await appeler("GET", "/api/structure/recrutements", pimms)).json();
    const ligne = liste.contrats.find((c: { id: string }) => c.id === k!.id);
    expect(ligne.formation).toMatchObject({ statut: "positionnee", parcoursHeures: 105 });
    const prefet = await connecterPersona(p, "prefet.62@demo.conseiller-numerique.fr");
    const vuPrefet = (
      await appeler("GET", "/api/recrutement/contrats?vue=en_cours", prefet)
    ).json();
    expect(vuPrefet.map((c: { id: string }) => c.id)).toContain(k!.id);
    const prefet59 = await connecterPersona(p, "prefet.59@demo.conseiller-numerique.fr");
    const vu59 = (await appeler("GET", "/api/recrutement/contrats?vue=tous", prefet59)).json();
    expect(vu59.map((c: { id: string }) => c.id)).not.toContain(k!.id);
  });

  it("déclare, complète et valide une rupture : le poste redevient vacant, la personne revient au vivier", async () => {
    const conseillere = await connecterPersona(p, "conseiller@demo.conseiller-numerique.fr");
    const formationAvant = await appeler("GET", "/api/conseiller/formation", conseillere);
    expect(formationAvant.json().formation).toMatchObject({
      statut: "en_cours",
      parcoursHeures: 280,
    });

    const [u] = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.email, "conseiller@demo.conseiller-numerique.fr"));
    const [k] = await p.base.db
      .select()
      .from(contrat)
      .where(and(eq(contrat.utilisateurId, u!.id), eq(contrat.statut, "actif")));
    const tard = await appeler("POST", `/api/structure/contrats/${k!.id}/rupture`, pimms, {
      dateRupture: "2030-01-01",
      motif: "demission",
    });
    expect(tard.statusCode).toBe(409);
    expect(tard.json().erreurs[0].message).toBe(
      "La date de rupture ne peut pas suivre la fin du contrat.",
    );
    const declaree = await appeler("POST", `/api/structure/contrats/${k!.id}/rupture`, pimms, {
      dateRupture: "2026-03-02",
      motif: "demission",
      documents: ["Lettre de démission"],
    });
    expect(declaree.statusCode).toBe(200);
    const ruptureId = declaree.json().ruptureId as string;
    const incomplete = await appeler("POST", `/api/admin/ruptures/${ruptureId}/incomplete`, admin, {
      commentaire: "Merci de joindre le document de fin de contrat.",
    });
    expect(incomplete.json()).toEqual({ statut: "incomplete" });
    const refusee = await appeler("POST", `/api/admin/ruptures/${ruptureId}/validation`, admin);
    expect(refusee.statusCode).toBe(409);
    await appeler("POST", `/api/structure/ruptures/${ruptureId}/complement`, pimms, {
      documents: ["Lettre de démission", "Document de fin de contrat"],
    });
    const postesOuverts = async () =>
      (
        await lignes<{ contenu: string }>(
          p.base.db,
          sql`select contenu from donnee_ouverte where nom = 'postes-structures' and format = 'csv'`,
        )
      )[0]?.contenu ?? "";
    await expect.poll(postesOuverts, { timeout: 15_000 }).toContain("postes_pourvus");
    const avant = await postesOuverts();
    const validee = await appeler("POST", `/api/admin/ruptures/${ruptureId}/validation`, admin);
    expect(validee.statusCode).toBe(200);
    // Her post and her places: open data follows within seconds, not at the hourly run.
    await expect.poll(postesOuverts, { timeout: 15_000, interval: 500 }).not.toBe(avant);

    const apres = await contratDe(k!.id);
    expect(apres).toMatchObject({
      statut: "termine",
      motifFin: "rupture",
      dateFinEffective: "2026-03-02",
    });
    const [libre] = await p.base.db.select().from(poste).where(eq(poste.id, k!.posteId));
    expect(libre).toMatchObject({ statut: "vacant", dateLimiteRecrutement: "2026-04-02" });
    const [cand] = await p.base.db
      .select()
      .from(candidature)
      .where(eq(candidature.id, k!.candidatureId));
    expect(cand?.statut).toBe("disponible");
    const habs = await p.base.db
      .select()
      .from(habilitation)
      .where(and(eq(habilitation.utilisateurId, u!.id), eq(habilitation.actif, true)));
    expect(habs.map((h) => h.role)).toEqual(["candidat"]);
    const [f] = await p.base.db.select().from(formation).where(eq(formation.utilisateurId, u!.id));
    expect(f?.statut).toBe("abandonnee");
    // Her session carried the conseiller role: it is closed.
    expect((await appeler("GET", "/api/conseiller/formation", conseillere)).statusCode).toBe(401);

    const historique = await appeler("GET", `/api/personnes/${u!.id}/historique`, admin);
    const actions = historique.json().historique.map((h: { action: string }) => h.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "rupture.declaree",
        "rupture.incomplete",
        "rupture.validee",
        "contrat.termine_rupture",
      ]),
    );
    const duPoste = await appeler("GET", `/api/postes/${k!.posteId}/historique`, pimms);
    expect(duPoste.json().historique.map((h: { action: string }) => h.action)).toContain(
      "poste.vacant",
    );
  });

  it("envoie chaque rappel d'échéance une seule fois, même lancé deux fois en parallèle", async () => {
    // Two of the PIMMS's vacant posts must be filled by 2 April.
    const vacants = await lignes<{ id: string }>(
      p.base.db,
      sql`select p.id from poste p
          join habilitation h on h.structure_id = p.structure_id and h.role = 'structure'
          join utilisateur u on u.id = h.utilisateur_id
          where u.email = ${PIMMS} and p.statut = 'vacant' order by p.id limit 2`,
    );
    expect(vacants).toHaveLength(2);
    await p.base.db
      .update(poste)
      .set({ dateLimiteRecrutement: "2026-04-02" })
      .where(
        inArray(
          poste.id,
          vacants.map((v) => v.id),
        ),
      );
    const maintenant = new Date("2026-03-30T06:00:00Z");
    const [a, b] = await Promise.all([
      traiterEcheances(p.base.db, p.messagerie, {
        maintenant,
        urlPublique: "http://localhost:3000",
      }),
      traiterEcheances(p.base.db, p.messagerie, {
        maintenant,
        urlPublique: "http://localhost:3000",
      }),
    ]);
    expect(a.rappels + b.rappels).toBeGreaterThan(0);
    // Two posts are vacant until 2 April (freed by a cancellation and by the rupture): their
    // gestionnaire hears of each a week before, once.
    const rappelsRecus = smtp.recus.filter(
      (m) => m.destinataire === PIMMS && m.objet === "Recrutement de votre conseiller numérique",
    );
    expect(rappelsRecus).toHaveLength(2);
    expect(rappelsRecus[0]!.texte).toContain("au plus tard le 2 avril 2026");
    const envoyes = await p.base.db
      .select()
      .from(rappel)
      .where(eq(rappel.nature, "recrutement_poste"));
    const cles = envoyes.map((l) => `${l.cibleId}/${l.echeance}/${l.niveau}`);
    expect(new Set(cles).size).toBe(cles.length);
    const encore = await traiterEcheances(p.base.db, p.messagerie, {
      maintenant,
      urlPublique: "http://localhost:3000",
    });
    expect(encore.rappels).toBe(0);
  });

  it("prolonge, renouvelle puis termine un contrat à son échéance", async () => {
    const k = await recrutementValide();
    const avant = await appeler("POST", `/api/structure/contrats/${k!.id}/prolongation`, pimms, {
      nouvelleDateFin: "2027-01-01",
    });
    expect(avant.statusCode).toBe(409);
    const demande = await appeler("POST", `/api/structure/contrats/${k!.id}/prolongation`, pimms, {
      nouvelleDateFin: "2027-06-30",
      salaireBrutMensuelCents: 190_000,
    });
    expect(demande.statusCode).toBe(200);
    const accord = await appeler(
      "POST",
      `/api/admin/prolongations/${demande.json().id}/decision`,
      admin,
      { accepter: true },
    );
    expect(accord.statusCode).toBe(200);
    expect(await contratDe(k!.id)).toMatchObject({
      dateFin: "2027-06-30",
      salaireBrutMensuelCents: 190_000,
    });
    const [trace] = await p.base.db
      .select()
      .from(journal)
      .where(and(eq(journal.action, "contrat.prolonge"), eq(journal.cibleId, k!.id)));
    expect(trace?.avant).toMatchObject({ dateFin: "2027-03-15", salaireBrutMensuelCents: 180_000 });

    const renouvellement = await appeler(
      "POST",
      `/api/structure/contrats/${k!.id}/renouvellement`,
      pimms,
      recrutement({ dateDebut: "2027-07-01", dateFin: "2028-06-30" }),
    );
    expect(renouvellement.statusCode).toBe(200);
    const nouveau = renouvellement.json().contratId as string;
    await appeler("POST", `/api/structure/contrats/${nouveau}/signature`, pimms, {
      dateSignature: "2026-03-02",
    });
    expect(
      (await appeler("POST", `/api/admin/contrats/${nouveau}/validation`, admin)).statusCode,
    ).toBe(200);
    expect(await contratDe(k!.id)).toMatchObject({ statut: "termine", motifFin: "renouvellement" });
    expect(await contratDe(nouveau)).toMatchObject({ statut: "actif", posteId: k!.posteId });
    const [occupe] = await p.base.db.select().from(poste).where(eq(poste.id, k!.posteId));
    expect(occupe?.statut).toBe("pourvu");

    // The day after its end date, the daily job ends it at its term.
    const fin = await traiterEcheances(p.base.db, p.messagerie, {
      maintenant: new Date("2028-07-01T06:00:00Z"),
      urlPublique: "http://localhost:3000",
    });
    expect(fin.contratsTermines).toBeGreaterThanOrEqual(1);
    expect(await contratDe(nouveau)).toMatchObject({ statut: "termine", motifFin: "echeance" });
    const [cand] = await p.base.db
      .select()
      .from(candidature)
      .where(eq(candidature.id, k!.candidatureId));
    expect(cand?.statut).toBe("disponible");
  });

  it("exporte les recrutements du périmètre et le vivier de la structure", async () => {
    const prefet = await connecterPersona(p, "prefet.62@demo.conseiller-numerique.fr");
    const csv = await appeler("GET", "/api/exports/recrutements?format=csv", prefet);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("PIMMS");
    const prefet59 = await connecterPersona(p, "prefet.59@demo.conseiller-numerique.fr");
    const vide = await appeler("GET", "/api/exports/recrutements?format=csv", prefet59);
    expect(vide.body).not.toContain("PIMMS");
    const ruptures = await appeler("GET", "/api/exports/ruptures?format=xlsx", admin);
    expect(ruptures.statusCode).toBe(200);
    const candidats = await appeler("GET", "/api/structure/vivier/export?format=csv", pimms);
    expect(candidats.statusCode).toBe(200);
    expect(candidats.body.split("\n")[0]).toContain("Distance (km)");
  });
});

describe.each(BASES_DE_TEST)("validation d'un recrutement tout ou rien sur %s", (type) => {
  let p: PlateformeDeTest;
  afterAll(() => p.arreter());

  it("ne laisse rien à moitié fait quand une écriture échoue en cours de validation", async () => {
    p = await plateformeDeTest(type);
    const pimms = await connecterPersona(p, PIMMS);
    const admin = await connecterPersona(p, EMAIL_ADMIN);
    const v = (await (
      await p.app.inject({ url: "/api/structure/vivier", headers: { cookie: pimms } })
    ).json()) as {
      candidats: { id: string }[];
    };
    const id = v.candidats[0]!.id;
    await p.app.inject({
      method: "POST",
      url: `/api/structure/candidats/${id}/avis`,
      headers: { cookie: pimms },
      payload: { avis: "interesse" },
    });
    const declare = await p.app.inject({
      method: "POST",
      url: "/api/structure/recrutements",
      headers: { cookie: pimms },
      payload: {
        candidatureId: id,
        recrutement: {
          type: "cdi",
          dateDebut: "2026-03-16",
          salaireBrutMensuelCents: 200_000,
        },
      },
    });
    const contratId = declare.json().contratId as string;
    await p.app.inject({
      method: "POST",
      url: `/api/structure/contrats/${contratId}/signature`,
      headers: { cookie: pimms },
      payload: { dateSignature: "2026-03-01" },
    });
    const journalAvant = await p.base.db.select().from(journal);
    // The training row is written after the contract, the candidature and the habilitations:
    // make it fail, as a disk or a constraint would.
    await p.base.db.execute(sql`create function refuser_formation() returns trigger
      language plpgsql as $$ begin raise exception 'panne simulée'; end $$`);
    await p.base.db.execute(sql`create trigger panne before insert on formation
      for each row execute function refuser_formation()`);
    const r = await p.app.inject({
      method: "POST",
      url: `/api/admin/contrats/${contratId}/validation`,
      headers: { cookie: admin },
    });
    expect(r.statusCode).toBe(500);
    expect(r.json().erreurs[0].message).not.toContain("panne");
    await p.base.db.execute(sql`drop trigger panne on formation`);

    const k = (await p.base.db.select().from(contrat).where(eq(contrat.id, contratId)))[0]!;
    expect(k.statut).toBe("declare");
    const [c] = await p.base.db.select().from(candidature).where(eq(candidature.id, id));
    expect(c?.statut).toBe("disponible");
    const habs = await p.base.db
      .select()
      .from(habilitation)
      .where(and(eq(habilitation.utilisateurId, k.utilisateurId), eq(habilitation.actif, true)));
    expect(habs.map((h) => h.role)).toEqual(["candidat"]);
    expect(await p.base.db.select().from(journal)).toHaveLength(journalAvant.length);

    // Once the fault is gone, the same validation goes through.
    const ok = await p.app.inject({
      method: "POST",
      url: `/api/admin/contrats/${contratId}/validation`,
      headers: { cookie: admin },
    });
    expect(ok.statusCode).toBe(200);
  });
});
