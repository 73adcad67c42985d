import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "wouter";
import { identifiantSchema } from "../../domain/champs.ts";
import {
  chiffresCoordinationSchema,
  coordinationEnregistreeSchema,
  type LigneCoordination,
  pageCoordinationsSchema,
} from "../../domain/coordination/api.ts";
import { TYPES_COORDINATION, TYPES_PARTENAIRE } from "../../domain/coordination/coordination.ts";
import { jourFr, nombreFr, quantite } from "../../domain/format.ts";
import { jourParis } from "../../domain/temps.ts";
import { appeler, ErreurApi } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { type Avis, AvisAction } from "../socle/AvisAction.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useEtatUrl } from "../socle/etat-url.ts";
import { FiltreParmi } from "../socle/FiltreParmi.tsx";
import { LiensExport } from "../socle/LiensExport.tsx";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";
import {
  coordinationVide,
  etatDepuisCoordination,
  FormulaireCoordination,
} from "./FormulaireCoordination.tsx";

const CHEMIN = "/espace/coordinateur/coordinations";

/** The kind's own fields in one line, as the list reads them. */
function detail(c: LigneCoordination): string {
  if (c.type === "animation")
    return `${quantite(c.participants, "conseiller présent", "conseillers présents")}`;
  if (c.type === "evenement")
    return `${c.titre} – ${c.commune ?? ""} – ${quantite(c.nbParticipants ?? 0, "participant", "participants")}`;
  const type = c.typePartenaire
    ? TYPES_PARTENAIRE[c.typePartenaire as keyof typeof TYPES_PARTENAIRE]
    : "";
  return `${c.structurePartenaire} (${type}) – ${c.sujet}`;
}

/** Coordination figures over the last 12 months (the reader's, or the country's for the ANCT). */
export function ChiffresCoordination({ portee }: { portee: string }) {
  const { data } = useQuery({
    queryKey: ["chiffres-coordination"],
    queryFn: () => appeler(chiffresCoordinationSchema, "/api/coordinations/statistiques"),
  });
  if (!data) return <p>Chargement…</p>;
  const de = (type: string) => data.parType.find((t) => t.type === type);
  return (
    <div className={fr.cx("fr-table")}>
      <table>
        <caption>
          {portee} du {jourFr(data.periode.du)} au {jourFr(data.periode.au)} (comptée à part des
          accompagnements)
        </caption>
        <thead>
          <tr>
            <th scope="col">Sorte</th>
            <th scope="col">Comptes rendus</th>
            <th scope="col">Heures</th>
            <th scope="col">Portée</th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(TYPES_COORDINATION) as (keyof typeof TYPES_COORDINATION)[]).map((t) => (
            <tr key={t}>
              <th scope="row">{TYPES_COORDINATION[t]}</th>
              <td>{nombreFr(de(t)?.nombre ?? 0)}</td>
              <td>{nombreFr(Math.round((de(t)?.minutes ?? 0) / 60))}</td>
              <td>
                {t === "animation"
                  ? quantite(data.conseillersAnimes, "conseiller réuni", "conseillers réunis")
                  : t === "evenement"
                    ? quantite(data.participantsEvenements, "participant", "participants")
                    : quantite(data.partenaires, "structure partenaire", "structures partenaires")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MesCoordinations() {
  const [etat, naviguer, adresse] = useEtatUrl({ type: "", page: "1" });
  const client = useQueryClient();
  const [message, setMessage] = useState<Avis>();
  const { data } = useQuery({
    queryKey: ["coordinations", etat],
    queryFn: () =>
      appeler(
        pageCoordinationsSchema,
        `/api/coordinations?${new URLSearchParams(Object.entries(etat).filter(([, v]) => v))}`,
      ),
    placeholderData: keepPreviousData,
  });
  const supprimer = async (c: LigneCoordination) => {
    if (!window.confirm(`Supprimer ce compte rendu du ${jourFr(c.date)} ?`)) return;
    try {
      await appeler(identifiantSchema, `/api/coordinations/${c.id}`, { methode: "DELETE" });
      await client.invalidateQueries();
      setMessage({ ok: true, texte: "Compte rendu de coordination supprimé." });
    } catch (e) {
      setMessage({
        ok: false,
        texte: e instanceof ErreurApi ? e.message : "La suppression a échoué.",
      });
    }
  };
  return (
    <>
      <Button iconId="fr-icon-add-line" linkProps={{ href: `${CHEMIN}/nouvelle` }}>
        Nouvelle coordination
      </Button>
      <h2 className={fr.cx("fr-mt-4w", "fr-h4")}>Mes chiffres</h2>
      <ChiffresCoordination portee="Ma coordination" />
      <LiensExport
        chemin="/api/coordinations/export"
        libelle="Mes coordinations"
        {...(etat.type ? { requete: `type=${etat.type}` } : {})}
      />
      <FiltreParmi
        label="Sorte"
        tous="Toutes"
        libelles={TYPES_COORDINATION}
        valeur={etat.type}
        changer={(valeur) => naviguer({ type: valeur })}
      />
      <AvisAction avis={message} />
      <p aria-live="polite">
        {data ? resumePage(data, "compte rendu", "comptes rendus") : "Chargement…"}
      </p>
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>Mes comptes rendus de coordination, les plus récents d'abord</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Sorte</th>
              <th scope="col">Détail</th>
              <th scope="col">Durée</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data?.coordinations.map((c) => (
              <tr key={c.id}>
                <td>{jourFr(c.date)}</td>
                <td>{TYPES_COORDINATION[c.type]}</td>
                <td>{detail(c)}</td>
                <td>{c.dureeMinutes} min</td>
                <td>
                  <Link href={`${CHEMIN}/${c.id}`}>Modifier</Link> ·{" "}
                  <button
                    type="button"
                    className={fr.cx("fr-link")}
                    aria-label={`Supprimer le compte rendu du ${jourFr(c.date)}`}
                    onClick={() => void supprimer(c)}
                  >
                    Supprimer
                  </button>
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

export function PageMesCoordinations() {
  return (
    <GabaritEspace roleAttendu="coordinateur" titre="Mes coordinations">
      {() => <MesCoordinations />}
    </GabaritEspace>
  );
}

function NouvelleCoordination() {
  const client = useQueryClient();
  const [n, setN] = useState(0);
  return (
    <>
      {n > 0 && (
        <Confirmation cle={n} titre="Coordination enregistrée">
          <p>
            <Link href={CHEMIN}>Voir mes coordinations</Link>
          </p>
        </Confirmation>
      )}
      <FormulaireCoordination
        key={n}
        initial={coordinationVide(jourParis(new Date()))}
        libelleEnvoi="Enregistrer la coordination"
        envoyer={async (saisie) => {
          await appeler(identifiantSchema, "/api/coordinations", {
            methode: "POST",
            corps: saisie,
          });
          await client.invalidateQueries();
          setN((x) => x + 1);
        }}
      />
    </>
  );
}

export function PageNouvelleCoordination() {
  return (
    <GabaritEspace roleAttendu="coordinateur" titre="Nouvelle coordination">
      {() => <NouvelleCoordination />}
    </GabaritEspace>
  );
}

function ModifierCoordination({ id }: { id: string }) {
  const client = useQueryClient();
  const [n, setN] = useState(0);
  const { data, error } = useQuery({
    queryKey: ["coordination", id],
    queryFn: () => appeler(coordinationEnregistreeSchema, `/api/coordinations/${id}`),
    retry: false,
  });
  if (error)
    return <Alert severity="error" title="Compte rendu introuvable" description={error.message} />;
  if (!data) return <p>Chargement…</p>;
  return (
    <>
      {n > 0 && (
        <Confirmation cle={n} titre="Modifications enregistrées">
          <p>
            <Link href={CHEMIN}>Voir mes coordinations</Link>
          </p>
        </Confirmation>
      )}
      <FormulaireCoordination
        initial={etatDepuisCoordination(data)}
        libelleEnvoi="Enregistrer les modifications"
        envoyer={async (saisie) => {
          await appeler(identifiantSchema, `/api/coordinations/${id}`, {
            methode: "PUT",
            corps: saisie,
          });
          await client.invalidateQueries();
          setN((x) => x + 1);
        }}
      />
    </>
  );
}

export function PageModifierCoordination() {
  const { id } = useParams<{ id: string }>();
  return (
    <GabaritEspace roleAttendu="coordinateur" titre="Modifier une coordination">
      {() => <ModifierCoordination id={id ?? ""} />}
    </GabaritEspace>
  );
}
