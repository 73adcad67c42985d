import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { z } from "zod";
import type { Erreur } from "../../domain/erreurs.ts";
import { useErreurs } from "./erreurs.ts";

/**
 * One form's submission, the same everywhere: the shared schema checks first, the API answers
 * after; any error lands on its field and in a banner that takes the focus, so that a keyboard
 * or screen-reader user hears what to correct. `id` names the banner.
 */
export function useFormulaire(id: string) {
  const erreurs = useErreurs();
  const focaliser = () => document.getElementById(id)?.focus();
  const soumettre = async <T,>(p: {
    /** Null when nothing is typed (a button that only confirms). */
    schema: z.ZodType | null;
    saisie: unknown;
    envoyer: () => Promise<T>;
    apres: (reponse: T) => void | Promise<void>;
  }) => {
    const verifie = p.schema?.safeParse(p.saisie);
    if (verifie && !verifie.success) {
      erreurs.depuisSchema(verifie.error.issues);
      focaliser();
      return;
    }
    try {
      const reponse = await p.envoyer();
      erreurs.effacer();
      await p.apres(reponse);
    } catch (err) {
      erreurs.depuisEchec(err);
      focaliser();
    }
  };
  return { ...erreurs, soumettre, id };
}

/**
 * The banner above a form: with `champs`, an error that belongs to none of them, else a summary
 * (each field says its own); without, every message.
 */
export function BandeauErreurs(props: { id: string; erreurs: Erreur[]; champs?: string[] }) {
  const generale = props.champs
    ? props.erreurs.find(
        (e) => !props.champs!.some((c) => e.champ === c || e.champ.startsWith(`${c}.`)),
      )
    : undefined;
  return (
    <div id={props.id} tabIndex={-1} aria-live="polite">
      {props.erreurs.length > 0 && (
        <Alert
          severity="error"
          small
          className={fr.cx("fr-mb-2w")}
          description={
            props.champs
              ? (generale?.message ??
                "Le formulaire contient des erreurs : corrigez-les ci-dessous.")
              : props.erreurs.map((e) => e.message).join(" ")
          }
        />
      )}
    </div>
  );
}
