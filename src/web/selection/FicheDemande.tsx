import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "wouter";
import { quantite } from "../../domain/format.ts";
import { peutLireFicheStructure } from "../../domain/roles.ts";
import { ficheDemandeSchema, sessionsComiteSchema } from "../../domain/selection/api.ts";
import {
  avisPossible,
  NATURES_DEMANDE,
  STATUTS_DEMANDE,
} from "../../domain/selection/demande-postes.ts";
import { ISSUES_DECISION } from "../../domain/selection/instruction.ts";
import { appeler, appelerApi, ErreurApi } from "../api.ts";
import { ChoixStructure } from "../socle/ChoixStructure.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useErreurs } from "../socle/erreurs.ts";
import { dateLongue, euros, joindre } from "../socle/format.ts";
import { useMoi } from "../socle/moi.ts";
import { useTitre } from "../socle/titre.ts";

export function FicheDemande() {
  const { id } = useParams<{ id: string }>();
  const { data: moi } = useMoi();
  const { data: fiche, error } = useQuery({
    queryKey: ["demande", id],
    queryFn: () => appeler(ficheDemandeSchema, `/api/demandes/${id}`),
    retry: false,
  });
  useTitre(fiche ? `Demande de ${fiche.structure.nom}` : "Demande de postes");
  const [avisEnregistre, setAvisEnregistre] = useState<{ n: number; avis: string }>();
  const role = moi?.habilitation?.role;
  if (error)
    return (
      <div className={fr.cx("fr-container", "fr-py-6w")}>
        <h1>Demande de postes</h1>
        <Alert severity="error" title="Demande introuvable" description={error.message} />
      </div>
    );
  if (!fiche)
    return (
      <div className={fr.cx("fr-container", "fr-py-6w")}>
        <p>Chargement…</p>
      </div>
    );
  const d = fiche.demande;
  const personne = [fiche.structure.contactPrenom, fiche.structure.contactNom]
    .filter(Boolean)
    .join(" ");
  const contact = joindre(personne, fiche.structure.contactEmail);
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Demande de {fiche.structure.nom}</h1>
      <p>
        {NATURES_DEMANDE[d.nature]} – <strong>{STATUTS_DEMANDE[d.statut]}</strong>
        {fiche.amiTitre && <> – {fiche.amiTitre}</>}
      </p>
      <dl>
        <dt>Structure</dt>
        <dd>
          {peutLireFicheStructure(moi?.habilitation?.role) ? (
            <Link href={`/espace/structures/${d.structureId}`}>{fiche.structure.nom}</Link>
          ) : (
            fiche.structure.nom
          )}
          {" – "}
          {joindre(
            fiche.structure.siret && `SIRET ${fiche.structure.siret}`,
            fiche.structure.secteur === "public" ? "secteur public" : "secteur privé",
          )}
        </dd>
        <dt>Adresse</dt>
        <dd>
          {fiche.structure.adresse ? `${fiche.structure.adresse}, ` : ""}
          {fiche.commune} ({fiche.structure.departementCode})
        </dd>
        {contact && (
          <>
            <dt>Contact</dt>
            <dd>{contact}</dd>
          </>
        )}
        <dt>Postes demandés</dt>
        <dd>
          {d.postesDemandes}
          {d.coordinateur !== "non" && " (dont une candidature de coordinateur)"}
        </dd>
        {d.motivation && (
          <>
            <dt>Motivation</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{d.motivation}</dd>
          </>
        )}
      </dl>
      <h2>Avis de la préfecture</h2>
      {avisEnregistre && (
        <Confirmation
          cle={avisEnregistre.n}
          titre={`Avis ${avisEnregistre.avis === "favorable" ? "favorable" : "défavorable"} enregistré`}
        >
          <p>Il figure ci-dessous comme avis en vigueur ; l'ANCT le verra au comité.</p>
          <p>
            <Link href="/espace/demandes?statut=deposee&avis=sans&tri=anciennes">
              Examiner la demande suivante
            </Link>
          </p>
        </Confirmation>
      )}
      {fiche.avis.length === 0 ? (
        <p>Aucun avis pour l'instant.</p>
      ) : (
        <ul>
          {fiche.avis.map((a, i) => (
            <li key={a.id}>
              <strong>{a.avis === "favorable" ? "Favorable" : "Défavorable"}</strong> le{" "}
              {dateLongue.format(new Date(a.creeLe))}
              {i === 0 ? " (avis en vigueur)" : ""} : {a.commentaire}
            </li>
          ))}
        </ul>
      )}
      {role === "prefet" && avisPossible(d.nature, d.statut) && (
        <FormulaireAvis
          id={d.id}
          onEnregistre={(avis) => setAvisEnregistre((a) => ({ n: (a?.n ?? 0) + 1, avis }))}
        />
      )}
      <h2>Décisions du comité</h2>
      {fiche.decisions.length === 0 ? (
        <p>Pas encore de décision.</p>
      ) : (
        <ul>
          {fiche.decisions.map((x) => (
            <li key={x.id}>
              {ISSUES_DECISION[x.issue]}
              {x.issue === "acceptee"
                ? ` : ${quantite(x.postesAccordes ?? 0, "poste", "postes")}`
                : ""}{" "}
              le {dateLongue.format(new Date(x.creeLe))}
            </li>
          ))}
        </ul>
      )}
      {fiche.postes.length > 0 && (
        <p>
          {quantite(fiche.postes.length, "poste accordé", "postes accordés")}, plafond{" "}
          {euros.format(fiche.postes[0]!.plafondCents / 100)} par poste, à pourvoir avant le{" "}
          {dateLongue.format(new Date(fiche.postes[0]!.dateLimiteRecrutement))}.
        </p>
      )}
      {role === "admin" && (d.statut === "deposee" || d.statut === "complement_demande") && (
        <FormulaireDecision id={d.id} retrait={d.nature === "retrait"} />
      )}
      {role === "admin" && (d.statut === "deposee" || d.statut === "complement_demande") && (
        <OrdreDuJour id={d.id} sessionComiteId={d.sessionComiteId} />
      )}
      {role === "admin" && !["acceptee", "refusee", "retiree", "annulee"].includes(d.statut) && (
        <FormulaireAnnulation id={d.id} />
      )}
      {role === "structure" && (d.statut === "deposee" || d.statut === "complement_demande") && (
        <BoutonRetirer id={d.id} />
      )}
    </div>
  );
}

function useRecharger(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["demande", id] }),
      client.invalidateQueries({ queryKey: ["demandes"] }),
    ]);
}

/** One action on the request: post it, reload the request and the lists, or keep the refusal. */
function useActionDemande(id: string, echecParDefaut: string) {
  const recharger = useRecharger(id);
  const [erreur, setErreur] = useState<string>();
  const agir = async (action: string, corps?: unknown) => {
    try {
      await appelerApi(`/api/demandes/${id}/${action}`, { methode: "POST", corps });
      setErreur(undefined);
      await recharger();
    } catch (err) {
      setErreur(err instanceof ErreurApi ? err.message : echecParDefaut);
    }
  };
  return { erreur, agir };
}

function FormulaireAvis({
  id,
  onEnregistre,
}: {
  id: string;
  onEnregistre: (avis: string) => void;
}) {
  const recharger = useRecharger(id);
  const [avis, setAvis] = useState("");
  const [commentaire, setCommentaire] = useState("");
  const [transfert, setTransfert] = useState("");
  const { message: erreur, depuisEchec, effacer } = useErreurs();
  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await appelerApi(`/api/demandes/${id}/avis`, {
        methode: "POST",
        corps: { avis, commentaire, structureTransfertId: transfert || null },
      });
      effacer();
      setCommentaire("");
      await recharger();
      onEnregistre(avis);
    } catch (err) {
      depuisEchec(err);
    }
  };
  return (
    <form onSubmit={envoyer} noValidate aria-labelledby="titre-avis">
      <h3 id="titre-avis">Donner l'avis de la préfecture</h3>
      <RadioButtons
        legend="Avis"
        name="avis"
        state={erreur("avis") ? "error" : "default"}
        stateRelatedMessage={erreur("avis")}
        options={[
          {
            label: "Favorable",
            nativeInputProps: {
              value: "favorable",
              checked: avis === "favorable",
              onChange: () => setAvis("favorable"),
            },
          },
          {
            label: "Défavorable",
            nativeInputProps: {
              value: "defavorable",
              checked: avis === "defavorable",
              onChange: () => setAvis("defavorable"),
            },
          },
        ]}
      />
      <Input
        label="Commentaire"
        hintText="Entre 10 et 1 000 caractères"
        textArea
        state={erreur("commentaire") ? "error" : "default"}
        stateRelatedMessage={erreur("commentaire")}
        nativeTextAreaProps={{
          name: "commentaire",
          value: commentaire,
          onChange: (e) => setCommentaire(e.target.value),
        }}
      />
      <ChoixStructure
        libelleRecherche="Proposer un transfert des postes vers une autre structure (facultatif)"
        label="Structure proposée pour le transfert"
        valeur={transfert}
        onChange={setTransfert}
        erreur={erreur("structureTransfertId")}
      />
      <Button type="submit">Enregistrer l'avis</Button>
    </form>
  );
}

/** Puts the request before a committee session; the agenda is shown on the request. */
function OrdreDuJour({ id, sessionComiteId }: { id: string; sessionComiteId: string | null }) {
  const { data: sessions } = useQuery({
    queryKey: ["comites"],
    queryFn: () => appeler(sessionsComiteSchema, "/api/comites"),
  });
  const [choix, setChoix] = useState(sessionComiteId ?? "");
  const { erreur, agir } = useActionDemande(id, "L'inscription a échoué.");
  const actuelle = sessions?.find((x) => x.id === sessionComiteId);
  const inscrire = async (e: FormEvent) => {
    e.preventDefault();
    await agir("ordre-du-jour", { sessionComiteId: choix });
  };
  return (
    <form
      onSubmit={inscrire}
      noValidate
      aria-labelledby="titre-ordre-du-jour"
      className={fr.cx("fr-mt-4w")}
    >
      <h3 id="titre-ordre-du-jour">Ordre du jour</h3>
      <p>
        {actuelle
          ? `Inscrite au COSELEC ${actuelle.numero} du ${dateLongue.format(new Date(actuelle.date))}.`
          : "Pas encore inscrite à un comité."}
      </p>
      <Select
        label="Inscrire à la session"
        state={erreur ? "error" : "default"}
        stateRelatedMessage={erreur}
        nativeSelectProps={{
          name: "ordre-du-jour",
          value: choix,
          onChange: (e) => setChoix(e.target.value),
        }}
      >
        <option value="" disabled>
          Choisir
        </option>
        {sessions?.map((x) => (
          <option key={x.id} value={x.id}>
            COSELEC {x.numero} du {dateLongue.format(new Date(x.date))}
          </option>
        ))}
      </Select>
      <Button type="submit" priority="secondary">
        Inscrire à l'ordre du jour
      </Button>
    </form>
  );
}

function FormulaireAnnulation({ id }: { id: string }) {
  const [motif, setMotif] = useState("");
  const { erreur, agir } = useActionDemande(id, "L'annulation a échoué.");
  const annuler = async (e: FormEvent) => {
    e.preventDefault();
    await agir("annulation", { motif });
  };
  return (
    <form
      onSubmit={annuler}
      noValidate
      aria-labelledby="titre-annulation"
      className={fr.cx("fr-mt-4w")}
    >
      <h3 id="titre-annulation">Annuler la demande</h3>
      <Input
        label="Motif de l'annulation"
        hintText="Erreur de saisie, doublon…"
        state={erreur ? "error" : "default"}
        stateRelatedMessage={erreur}
        nativeInputProps={{
          name: "motif",
          value: motif,
          onChange: (e) => setMotif(e.target.value),
        }}
      />
      <Button type="submit" priority="tertiary">
        Annuler la demande
      </Button>
    </form>
  );
}

function BoutonRetirer({ id }: { id: string }) {
  const { erreur, agir } = useActionDemande(id, "Le retrait a échoué.");
  return (
    <>
      {erreur && (
        <Alert severity="error" small description={erreur} className={fr.cx("fr-mb-2w")} />
      )}
      <Button priority="secondary" onClick={() => void agir("retrait")}>
        Retirer ma demande
      </Button>
    </>
  );
}

function FormulaireDecision({ id, retrait }: { id: string; retrait: boolean }) {
  const recharger = useRecharger(id);
  const { data: sessions } = useQuery({
    queryKey: ["comites"],
    queryFn: () => appeler(sessionsComiteSchema, "/api/comites"),
  });
  const [sessionComiteId, setSession] = useState("");
  const [issue, setIssue] = useState("acceptee");
  const [postes, setPostes] = useState("1");
  const { message: erreur, generale: horsChamps, depuisEchec, effacer } = useErreurs();
  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const session = sessionComiteId ? { sessionComiteId } : {};
      const corps =
        issue === "acceptee"
          ? { issue, postesAccordes: postes, ...session }
          : { issue, ...session };
      await appelerApi(`/api/demandes/${id}/decision`, { methode: "POST", corps });
      effacer();
      await recharger();
    } catch (err) {
      depuisEchec(err);
    }
  };
  const generale = horsChamps(["sessionComiteId", "postesAccordes", "issue"]);
  return (
    <form onSubmit={envoyer} noValidate aria-labelledby="titre-decision">
      <h3 id="titre-decision">Enregistrer la décision du comité</h3>
      {generale && (
        <Alert
          severity="error"
          small
          description={generale.message}
          className={fr.cx("fr-mb-2w")}
        />
      )}
      <Select
        label={retrait ? "Session du comité (facultatif pour un retrait)" : "Session du comité"}
        state={erreur("sessionComiteId") ? "error" : "default"}
        stateRelatedMessage={erreur("sessionComiteId")}
        nativeSelectProps={{
          name: "sessionComiteId",
          value: sessionComiteId,
          onChange: (e) => setSession(e.target.value),
        }}
      >
        <option value="" disabled={!retrait}>
          {retrait
            ? "Validation par l'ANCT, hors comité"
            : sessions?.length
              ? "Choisir"
              : "Créez d'abord une session (Comités)"}
        </option>
        {sessions?.map((s) => (
          <option key={s.id} value={s.id}>
            COSELEC {s.numero} du {dateLongue.format(new Date(s.date))}
          </option>
        ))}
      </Select>
      <Select
        label="Décision"
        nativeSelectProps={{
          name: "issue",
          value: issue,
          onChange: (e) => setIssue(e.target.value),
        }}
      >
        {Object.entries(ISSUES_DECISION).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
      {issue === "acceptee" && (
        <Input
          label={retrait ? "Postes rendus" : "Postes accordés"}
          state={erreur("postesAccordes") ? "error" : "default"}
          stateRelatedMessage={erreur("postesAccordes")}
          nativeInputProps={{
            name: "postesAccordes",
            type: "number",
            min: 1,
            value: postes,
            onChange: (e) => setPostes(e.target.value),
          }}
        />
      )}
      <Button type="submit">Enregistrer la décision</Button>
    </form>
  );
}
