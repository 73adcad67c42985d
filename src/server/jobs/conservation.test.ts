import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lignes } from "../db/client.ts";
import { candidature, courriel, journalConnexion, utilisateur } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { candidatureConseiller } from "../test/formulaires.ts";
import { type PlateformeAvecPuits, plateformeAvecPuits, URL_TEST } from "../test/plateforme.ts";
import { lienDans } from "../test/puits-smtp.ts";
import { faireLeMenage } from "./menage.ts";

const JOUR = 86_400_000;

describe.each(BASES_DE_TEST)("durées de conservation sur %s", (type) => {
  let p: PlateformeAvecPuits;
  let smtp: PlateformeAvecPuits["smtp"];
  beforeEach(async () => {
    p = await plateformeAvecPuits(type);
    smtp = p.smtp;
  });
  afterEach(() => p.arreter());
  const menage = () => faireLeMenage(p.base.db, p.horloge.maintenant(), p.config.session);

  it("garde le journal des connexions 12 mois, les courriels 90 jours, puis les supprime", async () => {
    const email = "prefet.62@demo.conseiller-numerique.fr";
    await p.app.inject({ method: "POST", url: "/api/auth/lien", payload: { email } });
    const jeton = new URL(lienDans(smtp.recus.at(-1)!.texte)).searchParams.get("jeton");
    const r = await p.app.inject({
      method: "POST",
      url: "/api/auth/lien/connexion",
      payload: { jeton },
    });
    expect(r.statusCode).toBe(200);
    const journal = () =>
      p.base.db.select().from(journalConnexion).where(eq(journalConnexion.email, email));
    const mails = () => p.base.db.select().from(courriel).where(eq(courriel.destinataire, email));
    expect(await journal()).toHaveLength(1);
    expect(await mails()).toHaveLength(1);

    p.horloge.avancer(89 * JOUR);
    await menage();
    expect(await mails()).toHaveLength(1);
    p.horloge.avancer(2 * JOUR);
    expect((await menage()).courriels).toBeGreaterThanOrEqual(1);
    expect(await mails()).toHaveLength(0);
    expect(await journal()).toHaveLength(1);

    p.horloge.avancer(300 * JOUR);
    expect((await menage()).connexions).toBeGreaterThanOrEqual(1);
    expect(await journal()).toHaveLength(0);
  });

  it("efface une candidature restée 30 mois sans connexion ni mise à jour", async () => {
    const inactives = () =>
      lignes<{ n: number }>(
        p.base.db,
        sql`select count(*)::int as n from candidature where statut in ('disponible', 'indisponible')`,
      );
    const [avant] = await inactives();
    expect(avant!.n, "la démonstration a des candidatures").toBeGreaterThan(0);
    p.horloge.avancer(29 * 30 * JOUR);
    expect((await menage()).candidatures).toBe(0);
    p.horloge.avancer(60 * JOUR);
    const bilan = await menage();
    expect(bilan.candidatures).toBe(Math.min(avant!.n, 100));
    const [apres] = await inactives();
    expect(apres!.n).toBe(avant!.n - bilan.candidatures);
  });

  it("une personne qui supprime sa candidature disparaît aussi du journal des connexions et des courriels", async () => {
    const email = "ines.marchal@exemple.fr";
    const r = await p.app.inject({
      method: "POST",
      url: "/api/candidatures-conseillers",
      payload: candidatureConseiller({ email }),
      remoteAddress: "10.6.0.1",
    });
    expect(r.statusCode, r.body).toBe(202);
    const confirmation = new URL(lienDans(smtp.recus.at(-1)!.texte)).searchParams.get("jeton");
    const c = await p.app.inject({
      method: "POST",
      url: "/api/candidatures-conseillers/confirmation",
      payload: { jeton: confirmation },
      remoteAddress: "10.6.0.2",
    });
    expect(c.statusCode, c.body).toBeLessThan(300);
    await p.app.inject({
      method: "POST",
      url: "/api/auth/lien",
      payload: { email },
      remoteAddress: "10.6.0.3",
    });
    const lien = new URL(lienDans(smtp.recus.at(-1)!.texte)).searchParams.get("jeton");
    const connexion = await p.app.inject({
      method: "POST",
      url: "/api/auth/lien/connexion",
      payload: { jeton: lien },
      remoteAddress: "10.6.0.4",
    });
    expect(connexion.statusCode).toBe(200);
    const cookie = connexion.cookies.find((x) => x.name === "cnfs_session")!;
    const [u] = await p.base.db.select().from(utilisateur).where(eq(utilisateur.email, email));
    const traces = () =>
      lignes<{ n: number }>(
        p.base.db,
        sql`select count(*)::int as n from journal_connexion
            where email = ${email} or ip like '10.6.0.%' or utilisateur_id = ${u!.id}`,
      );
    expect((await traces())[0]!.n).toBeGreaterThan(0);

    const suppression = await p.app.inject({
      method: "DELETE",
      url: "/api/candidat/candidature",
      headers: { cookie: `cnfs_session=${cookie.value}`, origin: URL_TEST },
    });
    expect(suppression.statusCode, suppression.body).toBeLessThan(300);
    const [reste] = await lignes<{ n: number }>(
      p.base.db,
      sql`select count(*)::int as n from journal_connexion
          where email = ${email} or ip like '10.6.0.%'`,
    );
    expect(reste!.n).toBe(0);
    expect(await p.base.db.select().from(courriel).where(eq(courriel.destinataire, email))).toEqual(
      [],
    );
    const [k] = await p.base.db
      .select({ statut: candidature.statut, utilisateurId: candidature.utilisateurId })
      .from(candidature)
      .where(eq(candidature.statut, "supprimee"));
    expect(k).toEqual({ statut: "supprimee", utilisateurId: null });
  });
});
