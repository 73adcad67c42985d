import { expect } from "vitest";
import { connecterPersona, type PlateformeDeTest, URL_TEST } from "./plateforme.ts";

/**
 * The demo financeur records an advance on the demo's filled post (the PIMMS's), through the
 * API like its screen does; returns the post paid.
 */
export async function verserSurLePostePourvu(
  p: PlateformeDeTest,
  versement: { montantCents: number; date: string; reference: string },
): Promise<{ posteId: string; structureId: string }> {
  const financeur = await connecterPersona(p, "financeur@demo.conseiller-numerique.fr");
  const { postes } = (
    await p.app.inject({ url: "/api/financement/postes", headers: { cookie: financeur } })
  ).json();
  const pourvu = postes.find((x: { periodes: unknown[] }) => x.periodes.length > 0);
  const r = await p.app.inject({
    method: "POST",
    url: "/api/financement/versements",
    headers: { cookie: financeur, origin: URL_TEST },
    payload: {
      structureId: pourvu.structureId,
      posteId: pourvu.posteId,
      nature: "avance",
      ...versement,
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return pourvu;
}
