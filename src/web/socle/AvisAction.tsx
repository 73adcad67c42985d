import { Alert } from "@codegouvfr/react-dsfr/Alert";

export type Avis = { ok: boolean; texte: string };

/** What an action on a list's row did, said where screen readers hear it. */
export function AvisAction({ avis }: { avis: Avis | undefined }) {
  return (
    <div aria-live="polite">
      {avis && <Alert small severity={avis.ok ? "success" : "error"} description={avis.texte} />}
    </div>
  );
}
