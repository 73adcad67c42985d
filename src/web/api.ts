import type { z } from "zod";
import type { Erreur } from "../domain/erreurs.ts";

/** A refusal of the API, with its French messages per field. */
export class ErreurApi extends Error {
  constructor(
    readonly statut: number,
    readonly erreurs: Erreur[],
  ) {
    super(erreurs.map((e) => e.message).join(" ") || `Erreur ${statut}`);
  }

  messageDe(champ: string): string | undefined {
    return this.erreurs.find((e) => e.champ === champ || e.champ.startsWith(`${champ}.`))?.message;
  }
}

/**
 * Calls the API for an action whose answer the page does not read: the answer is `unknown`, so
 * no page can type it by hand; a page that reads an answer calls `appeler` with the route's
 * schema.
 */
export async function appelerApi(
  chemin: string,
  options: { methode?: "GET" | "POST" | "PUT" | "DELETE"; corps?: unknown } = {},
): Promise<unknown> {
  let reponse: Response;
  try {
    reponse = await fetch(chemin, {
      method: options.methode ?? "GET",
      credentials: "same-origin",
      headers: options.corps === undefined ? {} : { "content-type": "application/json" },
      body: options.corps === undefined ? undefined : JSON.stringify(options.corps),
    });
  } catch {
    throw new ErreurApi(0, [
      {
        champ: "",
        message: "Le service est injoignable. Vérifiez votre connexion puis réessayez.",
      },
    ]);
  }
  const texte = await reponse.text();
  const donnees = texte ? JSON.parse(texte) : undefined;
  if (!reponse.ok) {
    throw new ErreurApi(
      reponse.status,
      donnees?.erreurs ?? [{ champ: "", message: `Erreur ${reponse.status}` }],
    );
  }
  return donnees;
}

/**
 * Calls a route whose answer the domain describes (`src/domain/<capacité>/api.ts`, the route's
 * own `response` schema): the answer is typed as it travels in the JSON (`z.input`), never by
 * a type written again here.
 */
export async function appeler<S extends z.ZodType>(
  reponse: S,
  chemin: string,
  options: { methode?: "GET" | "POST" | "PUT" | "DELETE"; corps?: unknown } = {},
): Promise<z.input<S>> {
  const donnees = await appelerApi(chemin, options);
  // An answer that breaks its contract is a server and app out of step: said, never shown half.
  if (!reponse.safeDecode(donnees as z.input<S>).success)
    throw new ErreurApi(0, [
      {
        champ: "",
        message:
          "La réponse du service n'a pas la forme attendue. Rechargez la page puis réessayez.",
      },
    ]);
  return donnees as z.input<S>;
}

/** A file read as base64, to travel in a JSON body (CV). */
export function lireEnBase64(fichier: File): Promise<string> {
  return new Promise((ok, ko) => {
    const lecteur = new FileReader();
    lecteur.onload = () => ok(String(lecteur.result).replace(/^data:[^,]*,/, ""));
    lecteur.onerror = () => ko(lecteur.error);
    lecteur.readAsDataURL(fichier);
  });
}
