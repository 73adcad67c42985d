import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type CompteOidc = { sub: string; email: string; given_name: string; usual_name: string };

/**
 * A real OpenID Connect provider on a free local port, configured like ProConnect: RS256
 * id_token, signed userinfo, client_secret_post, claims requested as scopes.
 */
export async function demarrerFournisseurOidc(urlPlateforme: string, comptes: CompteOidc[]) {
  let serveur: Server | undefined;
  const client = { id: "cnfs-test", secret: "secret-de-test-suffisamment-long-0123456789" };
  const fabriquer = (issuer: string) =>
    new Provider(issuer, {
      clients: [
        {
          client_id: client.id,
          client_secret: client.secret,
          redirect_uris: [`${urlPlateforme}/api/auth/proconnect/retour`],
          post_logout_redirect_uris: [`${urlPlateforme}/`],
          token_endpoint_auth_method: "client_secret_post",
          id_token_signed_response_alg: "RS256",
          userinfo_signed_response_alg: "RS256",
          response_types: ["code"],
          grant_types: ["authorization_code"],
        },
      ],
      scopes: ["openid", "given_name", "usual_name", "email", "uid", "siret"],
      claims: {
        openid: ["sub"],
        email: ["email"],
        given_name: ["given_name"],
        usual_name: ["usual_name"],
        uid: [],
        siret: [],
      },
      features: {
        jwtUserinfo: { enabled: true },
        devInteractions: { enabled: true },
        rpInitiatedLogout: { enabled: true },
      },
      pkce: { required: () => false },
      ttl: {
        Interaction: 600,
        Session: 3600,
        Grant: 3600,
        AccessToken: 60,
        IdToken: 600,
        AuthorizationCode: 30,
      },
      acrValues: ["eidas1"],
      findAccount: (_ctx, id) => {
        const compte = comptes.find((c) => c.sub === id);
        if (!compte) return undefined;
        return { accountId: id, claims: () => ({ ...compte }) };
      },
    });
  // The issuer must know its own port: listen first on a plain server, then mount the provider.
  let fournisseur: Provider | undefined;
  serveur = createServer((req, res) => fournisseur!.callback()(req, res));
  await new Promise<void>((ok) => serveur!.listen(0, "127.0.0.1", ok));
  const issuer = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
  fournisseur = fabriquer(issuer);
  return {
    issuer,
    client,
    arreter: () => new Promise<void>((ok) => serveur!.close(() => ok())),
  };
}

/** Plays the user's part at the provider: sign in as `sub`, consent, return the callback URL. */
export async function parcourirFournisseur(urlAutorisation: string, sub: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const entete = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const garder = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [paire] = c.split(";");
      const [k, ...v] = paire!.split("=");
      cookies.set(k!.trim(), v.join("="));
    }
  };
  let url = new URL(urlAutorisation);
  for (let etape = 0; etape < 12; etape++) {
    const origine = url.origin;
    if (!url.pathname.startsWith("/interaction/")) {
      const r = await fetch(url, { redirect: "manual", headers: { cookie: entete() } });
      garder(r);
      const suite = r.headers.get("location");
      if (!suite) throw new Error(`Le fournisseur s'est arrêté (${r.status}) : ${await r.text()}`);
      url = new URL(suite, origine);
      if (!url.href.startsWith(origine)) return url;
      continue;
    }
    const page = await fetch(url, { headers: { cookie: entete() } });
    garder(page);
    const html = await page.text();
    const prompt = html.includes('name="login"') ? "login" : "consent";
    const corps = new URLSearchParams(
      prompt === "login" ? { prompt, login: sub, password: "x" } : { prompt },
    );
    const r = await fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: entete(), "content-type": "application/x-www-form-urlencoded" },
      body: corps,
    });
    garder(r);
    url = new URL(r.headers.get("location")!, origine);
  }
  throw new Error("Trop d'étapes chez le fournisseur d'identité");
}
