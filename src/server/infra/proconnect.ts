import * as oidc from "openid-client";
import type { Config } from "../config.ts";

type ConfigProConnect = NonNullable<Config["proconnect"]>;

export type IdentiteProConnect = {
  sub: string;
  email: string;
  prenom: string | null;
  nom: string | null;
  idToken: string;
};

export type ProConnect = {
  urlAutorisation: (params: { state: string; nonce: string }) => Promise<URL>;
  /** Exchanges the code and verifies id_token (signature, issuer, audience, expiry, nonce) and the signed userinfo. */
  terminer: (
    urlRetour: URL,
    attendu: { state: string; nonce: string },
  ) => Promise<IdentiteProConnect>;
  urlDeconnexion: (params: { idToken: string; state: string }) => Promise<URL>;
};

export function creerProConnect(config: ConfigProConnect, urlPublique: string): ProConnect {
  let decouverte: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    // Discovered on first use, so the platform starts even while the provider is unreachable.
    decouverte ??= oidc
      .discovery(
        new URL(config.issuer),
        config.clientId,
        { id_token_signed_response_alg: "RS256", userinfo_signed_response_alg: "RS256" },
        oidc.ClientSecretPost(config.clientSecret),
        config.autoriserHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((erreur) => {
        decouverte = undefined;
        throw erreur;
      });
    return decouverte;
  };
  const redirectUri = `${urlPublique}/api/auth/proconnect/retour`;
  return {
    async urlAutorisation({ state, nonce }) {
      return oidc.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: config.scopes,
        acr_values: "eidas1",
        state,
        nonce,
      });
    },
    async terminer(urlRetour, attendu) {
      const conf = await configuration();
      const jetons = await oidc.authorizationCodeGrant(conf, urlRetour, {
        expectedState: attendu.state,
        expectedNonce: attendu.nonce,
        idTokenExpected: true,
      });
      const claims = jetons.claims();
      if (!claims || !jetons.id_token) throw new Error("id_token absent de la réponse ProConnect");
      const info = await oidc.fetchUserInfo(conf, jetons.access_token, claims.sub);
      if (typeof info.email !== "string")
        throw new Error("Adresse électronique absente de ProConnect");
      return {
        sub: claims.sub,
        email: info.email.trim().toLowerCase(),
        prenom: typeof info.given_name === "string" ? info.given_name : null,
        nom: typeof info.usual_name === "string" ? info.usual_name : null,
        idToken: jetons.id_token,
      };
    },
    async urlDeconnexion({ idToken, state }) {
      return oidc.buildEndSessionUrl(await configuration(), {
        id_token_hint: idToken,
        post_logout_redirect_uri: `${urlPublique}/`,
        state,
      });
    },
  };
}
