import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { identifiantSchema, okSchema } from "../../domain/champs.ts";
import { type MembreEquipe, pageEquipeSchema } from "../../domain/coordination/api.ts";
import { ETATS_EQUIPE, invitationEquipeSchema } from "../../domain/coordination/equipe.ts";
import { jourFr } from "../../domain/format.ts";
import { appeler, ErreurApi } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { type Avis, AvisAction } from "../socle/AvisAction.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useErreurs } from "../socle/erreurs.ts";
import { useEtatUrl } from "../socle/etat-url.ts";
import { FiltreParmi } from "../socle/FiltreParmi.tsx";
import { dateLongue } from "../socle/format.ts";
import { LiensExport } from "../socle/LiensExport.tsx";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";

function Inviter() {
  const client = useQueryClient();
  const [email, setEmail] = useState("");
  const [invitee, setInvitee] = useState<{ email: string; n: number }>();
  const { etat, depuisSchema, depuisEchec, effacer } = useErreurs();
  const inviter = async (e: FormEvent) => {
    e.preventDefault();
    const verifie = invitationEquipeSchema.safeParse({ email });
    if (!verifie.success) return depuisSchema(verifie.error.issues);
    try {
      await appeler(identifiantSchema, "/api/equipe/invitations", {
        methode: "POST",
        corps: verifie.data,
      });
      effacer();
      await client.invalidateQueries({ queryKey: ["equipe"] });
      setInvitee((avant) => ({ email: verifie.data.email, n: (avant?.n ?? 0) + 1 }));
      setEmail("");
    } catch (err) {
      depuisEchec(err, "L'invitation n'a pas pu être envoyée.");
    }
  };
  return (
    <>
      {invitee && (
        <Confirmation cle={invitee.n} titre="Invitation envoyée">
          <p>{invitee.email} la recevra par courriel et l'acceptera depuis son espace.</p>
        </Confirmation>
      )}
      <form onSubmit={inviter} noValidate className={fr.cx("fr-mb-4w")}>
        <Input
          label="Adresse électronique du conseiller à inviter"
          hintText="Un conseiller de votre périmètre, ou une adresse qui n'a pas encore de compte."
          {...etat("email")}
          nativeInputProps={{
            type: "email",
            value: email,
            onChange: (e) => setEmail(e.target.value),
          }}
        />
        <Button type="submit">Inviter</Button>
      </form>
    </>
  );
}

function Equipe() {
  const [etat, naviguer, adresse] = useEtatUrl({ etat: "", page: "1" });
  const client = useQueryClient();
  const [message, setMessage] = useState<Avis>();
  const { data } = useQuery({
    queryKey: ["equipe", etat],
    queryFn: () =>
      appeler(
        pageEquipeSchema,
        `/api/equipe?${new URLSearchParams(Object.entries(etat).filter(([, v]) => v))}`,
      ),
    placeholderData: keepPreviousData,
  });
  const agir = async (m: MembreEquipe, action: "relance" | "retrait" | "archive") => {
    const [chemin, methode, fait] = {
      relance: [
        `/api/equipe/invitations/${m.id}/relance`,
        "POST",
        `Invitation renvoyée à ${m.email}.`,
      ],
      retrait: [`/api/equipe/invitations/${m.id}`, "DELETE", `Invitation de ${m.email} retirée.`],
      archive: [`/api/equipe/membres/${m.id}/archive`, "POST", `${m.email} est archivé.`],
    }[action] as [string, "POST" | "DELETE", string];
    try {
      await appeler(okSchema, chemin, { methode });
      await client.invalidateQueries({ queryKey: ["equipe"] });
      setMessage({ ok: true, texte: fait });
    } catch (e) {
      setMessage({ ok: false, texte: e instanceof ErreurApi ? e.message : "L'action a échoué." });
    }
  };
  const nom = (m: MembreEquipe) => (m.nom ? `${m.prenom ?? ""} ${m.nom}`.trim() : m.email);
  return (
    <>
      <Inviter />
      <LiensExport
        chemin="/api/equipe/export"
        libelle="Mon équipe"
        {...(etat.etat ? { requete: `etat=${etat.etat}` } : {})}
      />
      <FiltreParmi
        label="État"
        tous="Tous"
        libelles={ETATS_EQUIPE}
        valeur={etat.etat}
        changer={(valeur) => naviguer({ etat: valeur })}
      />
      <AvisAction avis={message} />
      <p aria-live="polite">{data ? resumePage(data, "personne", "personnes") : "Chargement…"}</p>
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>Mon équipe ; actif : un compte rendu dans les 60 derniers jours</caption>
          <thead>
            <tr>
              <th scope="col">Conseiller</th>
              <th scope="col">État</th>
              <th scope="col">Dernier compte rendu</th>
              <th scope="col">Invité le</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data?.membres.map((m) => (
              <tr key={m.id}>
                <td>{nom(m)}</td>
                <td>{ETATS_EQUIPE[m.etat]}</td>
                <td>{m.dernierCra ? jourFr(m.dernierCra) : "Aucun"}</td>
                <td>{dateLongue.format(new Date(m.inviteLe))}</td>
                <td>
                  {m.etat === "invite" && (
                    <>
                      <button
                        type="button"
                        className={fr.cx("fr-link")}
                        aria-label={`Renvoyer l'invitation de ${nom(m)}`}
                        onClick={() => void agir(m, "relance")}
                      >
                        Renvoyer
                      </button>{" "}
                      ·{" "}
                      <button
                        type="button"
                        className={fr.cx("fr-link")}
                        aria-label={`Retirer l'invitation de ${nom(m)}`}
                        onClick={() => void agir(m, "retrait")}
                      >
                        Retirer
                      </button>
                    </>
                  )}
                  {(m.etat === "actif" || m.etat === "inactif") && (
                    <button
                      type="button"
                      className={fr.cx("fr-link")}
                      aria-label={`Archiver ${nom(m)}`}
                      onClick={() => void agir(m, "archive")}
                    >
                      Archiver
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PaginationUrl donnees={data} adresse={adresse} />
    </>
  );
}

export function PageEquipe() {
  return (
    <GabaritEspace roleAttendu="coordinateur" titre="Mon équipe">
      {() => <Equipe />}
    </GabaritEspace>
  );
}
