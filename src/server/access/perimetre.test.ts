import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { habilitation, structure, utilisateur } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

type Ligne = { id: string; departementCode: string; regionCode: string; reseau: string | null };

describe.each(BASES_DE_TEST)("périmètres des lectures sur %s", (type) => {
  let p: PlateformeDeTest;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
  });
  afterAll(() => p.arreter());

  /** Every structure a persona can read, all pages included. */
  const structuresVues = async (email: string): Promise<Ligne[]> => {
    const cookie = await connecterPersona(p, email);
    const vues: Ligne[] = [];
    for (let page = 1; ; page++) {
      const r = await p.app.inject({ url: `/api/structures?page=${page}`, headers: { cookie } });
      expect(r.statusCode).toBe(200);
      const { structures, total } = r.json() as { structures: Ligne[]; total: number };
      vues.push(...structures);
      if (vues.length >= total || structures.length === 0) break;
    }
    return vues;
  };
  const toutes = () => p.base.db.select().from(structure);

  it("deux préfets de départements voisins ne voient rien l'un de l'autre", async () => {
    const pasDeCalais = await structuresVues("prefet.62@demo.conseiller-numerique.fr");
    const nord = await structuresVues("prefet.59@demo.conseiller-numerique.fr");
    const base = await toutes();
    expect(pasDeCalais.length).toBe(base.filter((s) => s.departementCode === "62").length);
    expect(nord.length).toBe(base.filter((s) => s.departementCode === "59").length);
    // Non-empty first: "every" holds on an empty list.
    expect(pasDeCalais.length).toBeGreaterThan(0);
    expect(nord.length).toBeGreaterThan(0);
    expect(pasDeCalais.every((s) => s.departementCode === "62")).toBe(true);
    expect(nord.every((s) => s.departementCode === "59")).toBe(true);
    const idsNord = new Set(nord.map((s) => s.id));
    expect(pasDeCalais.some((s) => idsNord.has(s.id))).toBe(false);
  });

  it("un préfet de région voit tous les départements de sa région, et eux seuls", async () => {
    const vues = await structuresVues("prefet.na@demo.conseiller-numerique.fr");
    const base = await toutes();
    expect(vues.length).toBe(base.filter((s) => s.regionCode === "75").length);
    expect(new Set(vues.map((s) => s.departementCode))).toEqual(new Set(["87", "19", "23", "33"]));
  });

  it("un filtre de département ne fait pas sortir du périmètre", async () => {
    const cookie = await connecterPersona(p, "prefet.62@demo.conseiller-numerique.fr");
    const r = await p.app.inject({ url: "/api/structures?departement=59", headers: { cookie } });
    expect(r.json().total).toBe(0);
  });

  it("une structure ne voit qu'elle-même, un grand réseau que ses structures", async () => {
    const cabbalr = await structuresVues("structure.cabbalr@demo.conseiller-numerique.fr");
    expect(cabbalr).toHaveLength(1);
    expect(cabbalr[0]).toMatchObject({ departementCode: "62" });
    const reseau = await structuresVues("reseau.emmaus@demo.conseiller-numerique.fr");
    expect(reseau.length).toBeGreaterThan(0);
    expect(reseau.every((s) => s.reseau === "emmaus_connect")).toBe(true);
  });

  it("un hub voit ses régions, l'administration et le financeur tout", async () => {
    const hub = await structuresVues("hub.hubik@demo.conseiller-numerique.fr");
    expect(hub.length).toBeGreaterThan(0);
    expect(hub.every((s) => s.regionCode === "75")).toBe(true);
    const base = await toutes();
    expect((await structuresVues("admin@demo.conseiller-numerique.fr")).length).toBe(base.length);
    expect((await structuresVues("financeur@demo.conseiller-numerique.fr")).length).toBe(
      base.length,
    );
  });

  it("un coordinateur voit les structures de ses conseillers, résolues à la connexion", async () => {
    const vues = await structuresVues("coordinateur@demo.conseiller-numerique.fr");
    const employeurs = await p.base.db
      .selectDistinct({ id: structure.id })
      .from(habilitation)
      .innerJoin(structure, eq(structure.id, habilitation.structureId))
      .where(eq(habilitation.role, "conseiller"));
    const attendus = (await toutes()).filter(
      (s) => s.departementCode === "62" && employeurs.some((e) => e.id === s.id),
    );
    expect(vues.length).toBe(attendus.length);
    expect(vues.length).toBeGreaterThan(0);
  });

  it("un conseiller ne voit que sa structure", async () => {
    const vues = await structuresVues("conseiller@demo.conseiller-numerique.fr");
    const [lea] = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.email, "conseiller@demo.conseiller-numerique.fr"));
    const [h] = await p.base.db
      .select()
      .from(habilitation)
      .where(eq(habilitation.utilisateurId, lea!.id));
    expect(vues.map((s) => s.id)).toEqual([h!.structureId]);
  });

  it("change d'habilitation seulement vers une qu'on détient, et le périmètre suit", async () => {
    const cookie = await connecterPersona(p, "reseau.emmaus@demo.conseiller-numerique.fr");
    const moi = (await p.app.inject({ url: "/api/moi", headers: { cookie } })).json();
    expect(moi.habilitations).toHaveLength(2);
    expect(moi.habilitation.role).toBe("grand_reseau");
    const structureH = moi.habilitations.find((h: { role: string }) => h.role === "structure");
    const r = await p.app.inject({
      method: "POST",
      url: "/api/moi/habilitation",
      headers: { cookie },
      payload: { habilitationId: structureH.id },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().habilitation.role).toBe("structure");
    const vues = (await p.app.inject({ url: "/api/structures", headers: { cookie } })).json();
    expect(vues.total).toBe(1);

    const [autre] = await p.base.db
      .select()
      .from(habilitation)
      .where(eq(habilitation.role, "admin"));
    const vol = await p.app.inject({
      method: "POST",
      url: "/api/moi/habilitation",
      headers: { cookie },
      payload: { habilitationId: autre!.id },
    });
    expect(vol.statusCode).toBe(404);
    expect((await p.app.inject({ url: "/api/utilisateurs", headers: { cookie } })).statusCode).toBe(
      403,
    );
  });
});
