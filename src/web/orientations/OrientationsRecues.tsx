import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import type { z } from "zod";
import { pageMesAteliersSchema } from "../../domain/ateliers/api.ts";
import { okSchema } from "../../domain/champs.ts";
import { ficheLieuSchema, lieuxDuPointSchema } from "../../domain/lieux/carte-api.ts";
import {
  type OrientationRecue,
  pageOrientationsRecuesSchema,
} from "../../domain/orientations/api.ts";
import {
  acceptationSchema,
  redirectionSchema,
  URGENCES,
} from "../../domain/orientations/orientation.ts";
import { appeler } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useEtatUrl } from "../socle/etat-url.ts";
import { dateHeure, dateLongue } from "../socle/format.ts";
import { BandeauErreurs, useFormulaire } from "../socle/formulaire.tsx";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";
import { issueOrientation, libelleThematiques } from "./issue.ts";

const FILES = {
  a_traiter: "À traiter",
  acceptees: "Acceptées, personne attendue",
  terminees: "Terminées",
} as const;

type Action = "accepter" | "rediriger";

/** One action of the queue on one orientation: the shared submission, then the confirmation. */
function useAction(id: string, apres: (quoi: string) => void) {
  const f = useFormulaire(`erreurs-${id}`);
  const envoyer = (chemin: string, schema: z.ZodType | null, corps: object, quoi: string) =>
    f.soumettre({
      schema,
      saisie: corps,
      envoyer: () =>
        appeler(okSchema, `/api/orientations/${encodeURIComponent(id)}/${chemin}`, {
          methode: "POST",
          corps,
        }),
      apres: () => apres(quoi),
    });
  return { ...f, envoyer };
}

/**
 * The places within 20 km of the receiving one, to send the person on to: asked only once the
 * conseiller chooses to redirect, not for every orientation of the page.
 */
function useLieuxProches(lieuId: string, actif: boolean) {
  const { data: fiche } = useQuery({
    queryKey: ["fiche-lieu", lieuId],
    queryFn: () => appeler(ficheLieuSchema, `/api/v1/lieux/${encodeURIComponent(lieuId)}`),
    enabled: actif,
  });
  return useQuery({
    queryKey: ["lieux-proches", lieuId],
    enabled: actif && fiche?.latitude != null && fiche.longitude != null,
    queryFn: () =>
      appeler(
        lieuxDuPointSchema,
        `/api/v1/lieux?lat=${fiche!.latitude}&lon=${fiche!.longitude}&rayon=20&limite=30`,
      ),
  });
}

function Traitement({ o, apres }: { o: OrientationRecue; apres: (quoi: string) => void }) {
  const [action, setAction] = useState<Action | null>(null);
  const [acc, setAcc] = useState({ jour: "", heure: "", atelierId: "", message: "" });
  const [red, setRed] = useState({ lieuId: "", motif: "" });
  const { erreurs, etat, envoyer, id } = useAction(o.id, apres);
  const { data: ateliers } = useQuery({
    queryKey: ["mes-ateliers", "1"],
    queryFn: () => appeler(pageMesAteliersSchema, "/api/ateliers?page=1"),
    enabled: action === "accepter",
  });
  const { data: proches } = useLieuxProches(o.lieu.id, action === "rediriger");
  const soumettre = (ev: FormEvent) => {
    ev.preventDefault();
    if (action === "accepter")
      void envoyer("acceptation", acceptationSchema, acc, "Orientation acceptée");
    else void envoyer("redirection", redirectionSchema, red, "Orientation redirigée");
  };
  return (
    <>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
        <li>
          <Button size="small" onClick={() => setAction("accepter")}>
            Accepter
          </Button>
        </li>
        <li>
          <Button size="small" priority="secondary" onClick={() => setAction("rediriger")}>
            Rediriger vers un autre lieu
          </Button>
        </li>
      </ul>
      {action && (
        <form
          onSubmit={soumettre}
          noValidate
          aria-label={action === "accepter" ? "Accepter" : "Rediriger"}
        >
          <BandeauErreurs id={id} erreurs={erreurs} />
          {action === "accepter" ? (
            <>
              <p>Proposez un rendez-vous, ou un de vos ateliers à venir.</p>
              <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
                <div className={fr.cx("fr-col-6")}>
                  <Input
                    label="Date du rendez-vous"
                    {...etat("jour")}
                    nativeInputProps={{
                      type: "date",
                      value: acc.jour,
                      onChange: (x) => setAcc({ ...acc, jour: x.target.value }),
                    }}
                  />
                </div>
                <div className={fr.cx("fr-col-6")}>
                  <Input
                    label="Heure (heure de Paris)"
                    {...etat("heure")}
                    nativeInputProps={{
                      type: "time",
                      value: acc.heure,
                      onChange: (x) => setAcc({ ...acc, heure: x.target.value }),
                    }}
                  />
                </div>
              </div>
              <Select
                label="Ou un atelier"
                {...etat("atelierId")}
                nativeSelectProps={{
                  value: acc.atelierId,
                  onChange: (x) => setAcc({ ...acc, atelierId: x.target.value }),
                }}
              >
                <option value="">Aucun atelier</option>
                {ateliers?.ateliers
                  .filter((a) => !a.annuleLe)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.titre} – {dateHeure.format(new Date(a.debut))}
                    </option>
                  ))}
              </Select>
              <Input
                textArea
                label="Message pour la personne (facultatif)"
                {...etat("message")}
                nativeTextAreaProps={{
                  value: acc.message,
                  onChange: (x) => setAcc({ ...acc, message: x.target.value }),
                }}
              />
              <Button type="submit">Accepter et prévenir la personne</Button>
            </>
          ) : (
            <>
              <Select
                label="Lieu vers lequel rediriger"
                hint="Les lieux à moins de 20 km"
                {...etat("lieuId")}
                nativeSelectProps={{
                  value: red.lieuId,
                  onChange: (x) => setRed({ ...red, lieuId: x.target.value }),
                }}
              >
                <option value="" disabled>
                  Choisir un lieu
                </option>
                {proches?.lieux
                  .filter((l) => l.id !== o.lieu.id)
                  .map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.nom} – {l.commune}
                    </option>
                  ))}
              </Select>
              <Input
                textArea
                label="Motif (lu par la personne et par qui l'a orientée)"
                {...etat("motif")}
                nativeTextAreaProps={{
                  value: red.motif,
                  onChange: (x) => setRed({ ...red, motif: x.target.value }),
                }}
              />
              <Button type="submit">Rediriger et prévenir la personne</Button>
            </>
          )}
        </form>
      )}
    </>
  );
}

function Attendue({ o, apres }: { o: OrientationRecue; apres: (quoi: string) => void }) {
  const { erreurs, envoyer, id } = useAction(o.id, apres);
  const cra = new URLSearchParams({
    orientation: o.id,
    lieu: o.lieu.id,
    thematiques: o.thematiques.join(","),
  });
  return (
    <>
      <BandeauErreurs id={id} erreurs={erreurs} />
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
        <li>
          <Link
            className={fr.cx("fr-btn", "fr-btn--sm")}
            href={`/espace/conseiller/cra/nouveau?${cra}`}
          >
            La personne est venue : compte rendu
          </Link>
        </li>
        <li>
          <Button
            size="small"
            priority="secondary"
            onClick={() => void envoyer("absence", null, {}, "Absence notée")}
          >
            La personne n'est pas venue
          </Button>
        </li>
      </ul>
    </>
  );
}

/** The orientations addressed to the conseiller's places: a work queue, urgent ones first. */
function Recues() {
  const [etat, naviguer, adresse] = useEtatUrl({ file: "a_traiter", page: "1" });
  const [fait, setFait] = useState<{ n: number; quoi: string }>();
  const client = useQueryClient();
  const { data, error } = useQuery({
    queryKey: ["orientations-recues", etat.file, etat.page],
    queryFn: () =>
      appeler(
        pageOrientationsRecuesSchema,
        `/api/orientations/recues?file=${encodeURIComponent(etat.file)}&page=${etat.page}`,
      ),
    placeholderData: keepPreviousData,
  });
  const apres = (quoi: string) => {
    setFait((f) => ({ n: (f?.n ?? 0) + 1, quoi }));
    void client.invalidateQueries({ queryKey: ["orientations-recues"] });
  };
  return (
    <>
      {fait && <Confirmation cle={fait.n} titre={fait.quoi} />}
      <Select
        label="File"
        nativeSelectProps={{
          value: etat.file,
          onChange: (e) => naviguer({ file: e.target.value }),
        }}
      >
        {Object.entries(FILES).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
      {error && <p className={fr.cx("fr-error-text")}>{error.message}</p>}
      {data && <p aria-live="polite">{resumePage(data, "orientation", "orientations")}</p>}
      {data?.orientations.map((o) => (
        <section key={o.id} aria-labelledby={`titre-${o.id}`} className={fr.cx("fr-mb-4w")}>
          <h2 id={`titre-${o.id}`} className={fr.cx("fr-h5", "fr-mb-1w")}>
            {o.prenom ?? "Coordonnées effacées"} {o.nom ?? ""}
            {o.urgence === "urgente" ? ` — ${URGENCES.urgente}` : ""}
            {o.nominative ? " — adressée à vous" : ""}
          </h2>
          <ul>
            <li>
              Reçue le {dateLongue.format(new Date(o.creeLe))} pour {o.lieu.nom} :{" "}
              {libelleThematiques(o.thematiques)}
            </li>
            {o.precisions && <li>Précisions : {o.precisions}</li>}
            <li>
              Contact : {[o.telephone, o.email].filter(Boolean).join(" · ") || "effacé"}
              {o.telephone && !o.email && " (pas d'adresse : appelez la personne)"}
            </li>
            {(o.redirections > 0 || o.statut !== "a_traiter") && (
              <li>{issueOrientation(o, dateHeure)}</li>
            )}
          </ul>
          {o.statut === "a_traiter" && <Traitement o={o} apres={apres} />}
          {o.statut === "acceptee" && <Attendue o={o} apres={apres} />}
        </section>
      ))}
      <PaginationUrl donnees={data} adresse={adresse} />
    </>
  );
}

export function PageOrientationsRecues() {
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Orientations reçues">
      {() => <Recues />}
    </GabaritEspace>
  );
}
