import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journal, transactionOidc, utilisateur } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { demarrerFournisseurOidc, parcourirFournisseur } from "../test/fournisseur-oidc.ts";
import { cookieDe, type PlateformeDeTest, plateformeDeTest, URL_TEST } from "../test/plateforme.ts";

const ADMIN = "admin@demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("connexion ProConnect sur %s", (type) => {
  let p: PlateformeDeTest;
  let fournisseur: Awaited<ReturnType<typeof demarrerFournisseurOidc>>;

  beforeAll(async () => {
    fournisseur = await demarrerFournisseurOidc(URL_TEST, [
      {
        sub: "sub-admin-1",
        email: "Admin@demo.conseiller-numerique.fr",
        given_name: "Camille",
        usual_name: "Martin",
      },
      {
        sub: "sub-inconnu",
        email: "inconnu@exemple.fr",
        given_name: "Jean",
        usual_name: "Inconnu",
      },
    ]);
    p = await plateformeDeTest(type, {
      PROCONNECT_ISSUER: fournisseur.issuer,
      PROCONNECT_CLIENT_ID: fournisseur.client.id,
      PROCONNECT_CLIENT_SECRET: fournisseur.client.secret,
      PROCONNECT_ALLOW_HTTP: "1",
    });
  });
  afterAll(async () => {
    await p.arreter();
    await fournisseur.arreter();
  });

  const commencer = async () => {
    const r = await p.app.inject("/api/auth/proconnect");
    expect(r.statusCode).toBe(302);
    const cle = r.cookies.find((c) => c.name === "cnfs_oidc")!;
    return { url: new URL(String(r.headers.location)), cookie: `cnfs_oidc=${cle.value}` };
  };
  const retour = (url: URL, cookie: string) =>
    p.app.inject({ url: url.pathname + url.search, headers: { cookie } });

  it("annonce ProConnect quand il est configuré", async () => {
    expect((await p.app.inject("/api/auth/config")).json()).toEqual({
      proconnect: true,
      demo: true,
    });
  });

  it("envoie vers le fournisseur avec state et nonce gardés côté serveur", async () => {
    const { url } = await commencer();
    expect(url.origin).toBe(fournisseur.issuer);
    const state = url.searchParams.get("state")!;
    const nonce = url.searchParams.get("nonce")!;
    expect(state.length).toBeGreaterThanOrEqual(32);
    expect(nonce.length).toBeGreaterThanOrEqual(32);
    expect(url.searchParams.get("acr_values")).toBe("eidas1");
    const gardees = await p.base.db
      .select()
      .from(transactionOidc)
      .where(eq(transactionOidc.state, state));
    expect(gardees[0]?.nonce).toBe(nonce);
  });

  it("lie le sub au compte invité à la première connexion, puis déconnecte chez le fournisseur", async () => {
    const { url, cookie } = await commencer();
    const rappel = await parcourirFournisseur(url.href, "sub-admin-1");
    expect(rappel.pathname).toBe("/api/auth/proconnect/retour");
    const r = await retour(rappel, cookie);
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe("/espace/admin");
    const session = cookieDe(r);

    const [u] = await p.base.db.select().from(utilisateur).where(eq(utilisateur.email, ADMIN));
    expect(u?.proconnectSub).toBe("sub-admin-1");
    const lignes = await p.base.db
      .select()
      .from(journal)
      .where(eq(journal.action, "utilisateur.proconnect_lie"));
    expect(lignes).toHaveLength(1);

    // Replaying the same callback fails: the transaction was consumed.
    const rejoue = await retour(rappel, cookie);
    expect(rejoue.headers.location).toBe("/connexion?erreur=session_expiree");

    const moi = await p.app.inject({ url: "/api/moi", headers: { cookie: session } });
    expect(moi.json().methode).toBe("proconnect");

    const sortie = await p.app.inject({
      method: "POST",
      url: "/api/auth/deconnexion",
      headers: { cookie: session },
    });
    const fin = new URL(sortie.json().redirection);
    expect(fin.origin).toBe(fournisseur.issuer);
    expect(fin.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(fin.searchParams.get("post_logout_redirect_uri")).toBe(`${URL_TEST}/`);
    expect((await p.app.inject({ url: "/api/moi", headers: { cookie: session } })).statusCode).toBe(
      401,
    );
  });

  it("refuse un state qui ne correspond pas", async () => {
    const { url, cookie } = await commencer();
    const rappel = await parcourirFournisseur(url.href, "sub-admin-1");
    rappel.searchParams.set("state", "x".repeat(43));
    const r = await retour(rappel, cookie);
    expect(r.headers.location).toBe("/connexion?erreur=verification");
    expect(r.cookies.find((c) => c.name === "cnfs_session")).toBeUndefined();
  });

  it("refuse une identité sans compte invité", async () => {
    const { url, cookie } = await commencer();
    const rappel = await parcourirFournisseur(url.href, "sub-inconnu");
    const r = await retour(rappel, cookie);
    expect(r.headers.location).toBe("/connexion?erreur=compte_inconnu");
    const [u] = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.email, "inconnu@exemple.fr"));
    expect(u).toBeUndefined();
  });

  it("refuse un retour sans transaction", async () => {
    const r = await p.app.inject("/api/auth/proconnect/retour?code=abc&state=def");
    expect(r.headers.location).toBe("/connexion?erreur=session_expiree");
  });
});
