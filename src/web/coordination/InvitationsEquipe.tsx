import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { okSchema } from "../../domain/champs.ts";
import { invitationsRecuesSchema } from "../../domain/coordination/api.ts";
import { appeler } from "../api.ts";
import { Confirmation } from "../socle/Confirmation.tsx";

/** A conseiller's pending invitations into a coordinator's team, each to accept. */
export function InvitationsEquipe() {
  const client = useQueryClient();
  const [acceptee, setAcceptee] = useState<{ coordinateur: string; n: number }>();
  const { data } = useQuery({
    queryKey: ["invitations-equipe"],
    queryFn: () => appeler(invitationsRecuesSchema, "/api/conseiller/invitations-equipe"),
  });
  if (!acceptee && (!data || data.length === 0)) return null;
  return (
    <section className={fr.cx("fr-mb-4w")} aria-labelledby="invitations-titre">
      <h2 id="invitations-titre" className={fr.cx("fr-h4")}>
        Invitations dans une équipe
      </h2>
      {acceptee && (
        <Confirmation cle={acceptee.n} titre="Invitation acceptée">
          <p>Vous faites partie de l'équipe de {acceptee.coordinateur}.</p>
        </Confirmation>
      )}
      <ul>
        {data?.map((i) => (
          <li key={i.id}>
            {i.coordinateur} vous invite dans son équipe de coordination.{" "}
            <Button
              size="small"
              onClick={async () => {
                await appeler(okSchema, `/api/conseiller/invitations-equipe/${i.id}/acceptation`, {
                  methode: "POST",
                });
                await client.invalidateQueries({ queryKey: ["invitations-equipe"] });
                setAcceptee((a) => ({ coordinateur: i.coordinateur, n: (a?.n ?? 0) + 1 }));
              }}
            >
              Accepter l'invitation de {i.coordinateur}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
