import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ToggleSwitch } from "@codegouvfr/react-dsfr/ToggleSwitch";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type Preference, preferencesSchema } from "../../domain/notifications/api.ts";
import { appeler, ErreurApi } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";

function Formulaire({ preferences }: { preferences: Preference[] }) {
  const client = useQueryClient();
  const [choix, setChoix] = useState(
    Object.fromEntries(preferences.map((p) => [p.code, p.actif])) as Record<string, boolean>,
  );
  const [message, setMessage] = useState<{ ok: boolean; texte: string }>();
  const enregistrer = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const nouvelles = await appeler(preferencesSchema, "/api/moi/notifications", {
        methode: "PUT",
        corps: { actifs: choix },
      });
      client.setQueryData(["notifications"], nouvelles);
      setMessage({ ok: true, texte: "Vos choix sont enregistrés." });
    } catch (err) {
      setMessage({
        ok: false,
        texte: err instanceof ErreurApi ? err.message : "L'enregistrement a échoué.",
      });
    }
  };
  return (
    <form onSubmit={enregistrer} aria-label="Mes récapitulatifs quotidiens">
      {preferences.map((p) => (
        <ToggleSwitch
          key={p.code}
          label={p.libelle}
          helperText={p.description}
          checked={choix[p.code] ?? true}
          onChange={(actif) => setChoix((c) => ({ ...c, [p.code]: actif }))}
          labelPosition="left"
          showCheckedHint
          className={fr.cx("fr-mb-2w")}
        />
      ))}
      <div role="status" aria-live="polite">
        {message && (
          <Alert
            severity={message.ok ? "success" : "error"}
            small
            description={message.texte}
            className={fr.cx("fr-mb-2w")}
          />
        )}
      </div>
      <Button type="submit">Enregistrer mes choix</Button>
    </form>
  );
}

/** Which daily digests the signed-in person receives; every choice is theirs to change. */
export function MesNotifications() {
  const { data, error } = useQuery({
    queryKey: ["notifications"],
    queryFn: () => appeler(preferencesSchema, "/api/moi/notifications"),
  });
  return (
    <GabaritEspace titre="Mes notifications">
      {() => (
        <>
          <p>
            Les récapitulatifs quotidiens partent chaque matin, seulement s'il y a quelque chose à
            vous dire. Les courriels liés à une action (invitation, lien de connexion, décision)
            sont toujours envoyés.
          </p>
          {error && <Alert severity="error" small description={error.message} />}
          {data && data.length === 0 && (
            <p>Aucun récapitulatif quotidien ne concerne vos habilitations.</p>
          )}
          {data && data.length > 0 && (
            <Formulaire key={data.map((p) => p.code).join()} preferences={data} />
          )}
        </>
      )}
    </GabaritEspace>
  );
}
