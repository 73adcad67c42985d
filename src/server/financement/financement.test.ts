import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterPersona,
  type PlateformeDeTest,
  plateformeDeTest,
  URL_TEST,
} from "../test/plateforme.ts";

type Poste = {
  posteId: string;
  structureId: string;
  structure: string;
  droitCents: number;
  appeleCents: number;
  verseCents: number;
  duCents: number;
  plafondCents: number;
  periodes: unknown[];
};

describe.each(BASES_DE_TEST)("grand livre de la subvention sur %s", (type) => {
  let p: PlateformeDeTest;
  let financeur: string;
  beforeEach(async () => {
    p = await plateformeDeTest(type);
    financeur = await connecterPersona(p, "financeur@demo.conseiller-numerique.fr");
  });
  afterEach(() => p.arreter());

  const postes = async () =>
    (
      await p.app.inject({ url: "/api/financement/postes", headers: { cookie: financeur } })
    ).json() as {
      au: string;
      postes: Poste[];
      totaux: Record<string, number>;
    };
  const verser = (payload: object) =>
    p.app.inject({
      method: "POST",
      url: "/api/financement/versements",
      headers: { cookie: financeur, origin: URL_TEST },
      payload,
    });

  it("enregistre un versement et sa correction, et le solde suit", async () => {
    const avant = await postes();
    const pourvu = avant.postes.find(
      (x) => x.structure.startsWith("PIMMS") && x.periodes.length > 0,
    )!;
    expect(pourvu.droitCents).toBeGreaterThan(0);
    // The advance (20 % of the cap) is called as soon as the recruitment is validated.
    expect(pourvu.appeleCents).toBeGreaterThanOrEqual(pourvu.plafondCents / 5);
    expect(pourvu.duCents).toBe(pourvu.appeleCents);

    const r = await verser({
      structureId: pourvu.structureId,
      posteId: pourvu.posteId,
      nature: "avance",
      montantCents: pourvu.duCents,
      date: "2026-02-27",
      reference: "BDT-2026-000123",
    });
    expect(r.statusCode, r.body).toBe(201);
    const apres = (await postes()).postes.find((x) => x.posteId === pourvu.posteId)!;
    expect(apres).toMatchObject({ verseCents: pourvu.duCents, duCents: 0 });

    const correction = await verser({
      structureId: pourvu.structureId,
      posteId: pourvu.posteId,
      nature: "regularisation",
      montantCents: -10_000,
      date: "2026-03-01",
      reference: "BDT-2026-000124",
      corrigeId: r.json().id,
      motif: "Erreur de saisie du montant",
    });
    expect(correction.statusCode, correction.body).toBe(201);
    const corrige = (await postes()).postes.find((x) => x.posteId === pourvu.posteId)!;
    expect(corrige).toMatchObject({ verseCents: pourvu.duCents - 10_000, duCents: 10_000 });
    const lignes = (
      await p.app.inject({
        url: `/api/financement/versements?structureId=${pourvu.structureId}`,
        headers: { cookie: financeur },
      })
    ).json();
    expect(lignes.map((l: { montantCents: number }) => l.montantCents)).toEqual([
      pourvu.duCents,
      -10_000,
    ]);
  });

  it("donne l'échéancier du mois et laisse une structure lire ses seuls postes", async () => {
    const mois = (
      await p.app.inject({
        url: "/api/financement/postes?echeance=fin_du_mois",
        headers: { cookie: financeur },
      })
    ).json();
    const jour = await postes();
    expect(mois.au > jour.au).toBe(true);
    expect(mois.au).toMatch(/-3[01]$|-2[89]$/);
    expect(mois.totaux.droitCents).toBeGreaterThanOrEqual(jour.totaux.droitCents!);
    const structure = await connecterPersona(p, "structure.pimms@demo.conseiller-numerique.fr");
    const siens = (
      await p.app.inject({ url: "/api/financement/postes", headers: { cookie: structure } })
    ).json() as { postes: Poste[] };
    expect(siens.postes.length).toBe(3);
    expect(new Set(siens.postes.map((x) => x.structure)).size).toBe(1);
    const versement = await p.app.inject({
      method: "POST",
      url: "/api/financement/versements",
      headers: { cookie: structure, origin: URL_TEST },
      payload: {},
    });
    expect(versement.statusCode).toBe(403);
  });

  it("sert l'écran page par page, avec ses files comptées sur tout le périmètre", async () => {
    const tout = await postes();
    const lire = async (requete: string) => {
      const r = await p.app.inject({
        url: `/api/financement/postes?${requete}`,
        headers: { cookie: financeur },
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as {
        postes: Poste[];
        total: number;
        taillePage: number;
        files: { aVerser: number; tropPercu: number };
      };
    };
    // The demo holds three posts: pages of one.
    const premiere = await lire("page=1&taillePage=1");
    expect(tout.postes.length).toBeGreaterThan(premiere.taillePage);
    expect(premiere.total).toBe(tout.postes.length);
    expect(premiere.postes.map((x) => x.posteId)).toEqual(
      tout.postes.slice(0, premiere.taillePage).map((x) => x.posteId),
    );
    const derniere = Math.ceil(premiere.total / premiere.taillePage);
    expect((await lire(`page=${derniere}&taillePage=1`)).postes.map((x) => x.posteId)).toEqual(
      tout.postes.slice(-1).map((x) => x.posteId),
    );
    expect((await lire(`page=${derniere + 1}&taillePage=1`)).postes).toEqual([]);
    const dus = await lire("page=1&file=a_verser");
    expect(dus.total).toBe(tout.postes.filter((x) => x.duCents > 0).length);
    expect(dus.files.aVerser).toBe(dus.total);
    expect(dus.postes.length).toBeGreaterThan(0);
    expect(dus.postes.every((x) => x.duCents > 0)).toBe(true);
    const pimms = await lire("page=1&recherche=pimms");
    expect(pimms.total).toBe(tout.postes.filter((x) => x.structure.includes("PIMMS")).length);
    expect(pimms.postes.length).toBeGreaterThan(0);
    expect(pimms.postes.every((x) => x.structure.includes("PIMMS"))).toBe(true);
    const refus = await p.app.inject({
      url: "/api/financement/postes?page=0",
      headers: { cookie: financeur },
    });
    expect(refus.statusCode).toBe(400);
    expect(refus.body).toContain("La page commence à 1.");
  });

  it("accepte un versement à la structure sans poste précis, visible dans son historique", async () => {
    const { postes: liste } = await postes();
    const x = liste[0]!;
    const r = await verser({
      structureId: x.structureId,
      nature: "avance",
      montantCents: 25_000,
      date: "2026-03-01",
      reference: "BDT-2026-000555",
    });
    expect(r.statusCode, r.body).toBe(201);
    const historique = (
      await p.app.inject({
        url: `/api/financement/versements?structureId=${x.structureId}`,
        headers: { cookie: financeur },
      })
    ).json();
    expect(historique.at(-1)).toMatchObject({ posteId: null, montantCents: 25_000 });
  });

  it("exporte le grand livre pour la comptabilité, montants en euros, et journalise l'export", async () => {
    const r = await p.app.inject({
      url: "/api/financement/export?format=csv",
      headers: { cookie: financeur },
    });
    expect(r.statusCode).toBe(200);
    expect(r.body.charCodeAt(0)).toBe(0xfeff);
    const [entete, premiere] = r.body.slice(1).split("\r\n");
    expect(entete).toContain("Structure;SIRET;Département");
    expect(premiere).toMatch(/;50000(,0+)?;|;40000(,0+)?;/);
    const { totaux } = await postes();
    const versees = r.body
      .slice(1)
      .split("\r\n")
      .slice(1)
      .filter(Boolean)
      .map((l) => Number(l.split(";")[10]!.replace(",", ".")));
    expect(Math.round(versees.reduce((t, x) => t + x, 0) * 100)).toBe(totaux.verseCents);
    const xlsx = await p.app.inject({
      url: "/api/financement/export?format=xlsx",
      headers: { cookie: financeur },
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("refuse un versement négatif, futur, en fraction de centime, ou sur un poste qui n'est pas de la structure", async () => {
    const { postes: liste } = await postes();
    const a = liste[0]!;
    const base = {
      structureId: a.structureId,
      posteId: a.posteId,
      nature: "solde",
      date: "2026-03-01",
      reference: "R1",
    };
    const negatif = await verser({ ...base, montantCents: -5 });
    expect(negatif.statusCode).toBe(400);
    expect(negatif.body).toContain("Seule une régularisation peut être négative.");
    const futur = await verser({ ...base, montantCents: 500, date: "2026-04-01" });
    expect(futur.body).toContain("Un versement ne peut pas être daté du futur.");
    const ailleurs = await verser({
      ...base,
      montantCents: 500,
      posteId: "00000000-0000-4000-8000-000000000001",
    });
    expect(ailleurs.statusCode).toBe(400);
    expect(ailleurs.body).toContain("Ce poste n'est pas un poste de cette structure.");
    const centimes = await verser({ ...base, montantCents: 12.5 });
    expect(centimes.body).toContain("nombre entier de centimes");
  });
});
