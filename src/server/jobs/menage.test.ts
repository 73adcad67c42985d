import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jeton, session } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";
import { faireLeMenage } from "./menage.ts";

describe.each(BASES_DE_TEST)("ménage sur %s", (type) => {
  let p: PlateformeDeTest;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
  });
  afterAll(() => p.arreter());

  const sessions = async () => (await p.base.db.select({ n: count() }).from(session))[0]!.n;

  it("supprime les sessions expirées et garde les autres", async () => {
    await connecterPersona(p, "admin@demo.conseiller-numerique.fr");
    const avant = await sessions();
    expect(
      (await faireLeMenage(p.base.db, p.horloge.maintenant(), p.config.session)).sessions,
    ).toBe(0);
    expect(await sessions()).toBe(avant);
    p.horloge.avancer(3 * 3_600_000);
    const bilan = await faireLeMenage(p.base.db, p.horloge.maintenant(), p.config.session);
    expect(bilan.sessions).toBe(avant);
    expect(await sessions()).toBe(0);
  });

  it("efface les jetons 28 jours après leur expiration", async () => {
    const email = "prefet.62@demo.conseiller-numerique.fr";
    await p.app.inject({ method: "POST", url: "/api/auth/lien", payload: { email } });
    const compter = async () =>
      (await p.base.db.select({ n: count() }).from(jeton).where(eq(jeton.email, email)))[0]!.n;
    expect(await compter()).toBe(1);
    p.horloge.avancer(27 * 86_400_000);
    await faireLeMenage(p.base.db, p.horloge.maintenant(), p.config.session);
    expect(await compter()).toBe(1);
    p.horloge.avancer(2 * 86_400_000);
    await faireLeMenage(p.base.db, p.horloge.maintenant(), p.config.session);
    expect(await compter()).toBe(0);
  });
});
