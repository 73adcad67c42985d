import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { type LigneContrat, organismesFormationSchema } from "../../domain/recrutement/api.ts";
import {
  MODALITES_FORMATION,
  type ModaliteFormation,
  PARCOURS_HEURES,
} from "../../domain/recrutement/formation.ts";
import {
  DOCUMENTS_PAR_MOTIF,
  MOTIFS_RUPTURE,
  type MotifRupture,
} from "../../domain/recrutement/rupture.ts";
import { jourParis } from "../../domain/temps.ts";
import { appeler, appelerApi, ErreurApi } from "../api.ts";
import { centimes } from "../socle/format.ts";
import { FormulaireContrat } from "./FormulaireContrat.tsx";

/** One small form of the contract's panel: its fields, one button, its own error. */
function Action(props: {
  titre: string;
  bouton: string;
  envoyer: () => Promise<unknown>;
  children?: ReactNode;
  priorite?: "primary" | "secondary";
}) {
  const client = useQueryClient();
  const [erreur, setErreur] = useState<string>();
  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await props.envoyer();
      setErreur(undefined);
      await client.invalidateQueries();
    } catch (err) {
      setErreur(err instanceof ErreurApi ? err.message : "L'action a échoué.");
    }
  };
  return (
    <form onSubmit={soumettre} className={fr.cx("fr-mb-4w")} noValidate>
      <h4>{props.titre}</h4>
      <div aria-live="polite">
        {erreur && <Alert small severity="error" description={erreur} />}
      </div>
      {props.children}
      <Button type="submit" priority={props.priorite ?? "primary"}>
        {props.bouton}
      </Button>
    </form>
  );
}

const poster = (url: string, corps: unknown = {}) => appelerApi(url, { methode: "POST", corps });

function ChampDate(props: { label: string; valeur: string; onChange: (v: string) => void }) {
  return (
    <Input
      label={props.label}
      nativeInputProps={{
        type: "date",
        value: props.valeur,
        onChange: (e) => props.onChange(e.target.value),
      }}
    />
  );
}

function EtapeFormation({ contrat }: { contrat: LigneContrat }) {
  const f = contrat.formation;
  const { data: organismes } = useQuery({
    queryKey: ["organismes"],
    queryFn: () => appeler(organismesFormationSchema, "/api/formations/organismes"),
  });
  const [s, setS] = useState({
    organismeFormationId: "",
    modalite: "" as ModaliteFormation | "",
    date: jourParis(new Date()),
    parcoursHeures: "",
    dateDebutPrevue: "",
    dateFinPrevue: "",
    heuresRealisees: "",
  });
  if (!f) return null;
  const etape = (corps: Record<string, unknown>) => poster(`/api/formations/${f.id}/etapes`, corps);
  switch (f.statut) {
    case "a_inscrire":
      return (
        <Action
          titre="Inscrire à la formation initiale"
          bouton="Enregistrer l'inscription"
          envoyer={() =>
            etape({
              evenement: "inscrire",
              organismeFormationId: s.organismeFormationId,
              modalite: s.modalite,
              dateInscription: s.date,
            })
          }
        >
          <Select
            label="Organisme de formation"
            nativeSelectProps={{
              name: "organisme",
              value: s.organismeFormationId,
              onChange: (e) => setS({ ...s, organismeFormationId: e.target.value }),
            }}
          >
            <option value="" disabled>
              Choisir
            </option>
            {organismes?.map((o) => (
              <option key={o.id} value={o.id}>
                {o.nom}
              </option>
            ))}
          </Select>
          <Select
            label="Modalité"
            nativeSelectProps={{
              name: "modalite",
              value: s.modalite,
              onChange: (e) => setS({ ...s, modalite: e.target.value as ModaliteFormation }),
            }}
          >
            <option value="" disabled>
              Choisir
            </option>
            {(Object.keys(MODALITES_FORMATION) as ModaliteFormation[]).map((m) => (
              <option key={m} value={m}>
                {MODALITES_FORMATION[m]}
              </option>
            ))}
          </Select>
          <ChampDate
            label="Date d'inscription"
            valeur={s.date}
            onChange={(date) => setS({ ...s, date })}
          />
        </Action>
      );
    case "inscrite":
      return (
        <Action
          titre="Résultat du positionnement"
          bouton="Enregistrer le parcours"
          envoyer={() =>
            etape({
              evenement: "positionner",
              datePositionnement: s.date,
              parcoursHeures: s.parcoursHeures,
              dateDebutPrevue: s.dateDebutPrevue,
              dateFinPrevue: s.dateFinPrevue,
            })
          }
        >
          <ChampDate
            label="Date du positionnement"
            valeur={s.date}
            onChange={(date) => setS({ ...s, date })}
          />
          <Select
            label="Parcours fixé par l'organisme"
            nativeSelectProps={{
              name: "parcours",
              value: s.parcoursHeures,
              onChange: (e) => setS({ ...s, parcoursHeures: e.target.value }),
            }}
          >
            <option value="" disabled>
              Choisir
            </option>
            {PARCOURS_HEURES.map((h) => (
              <option key={h} value={h}>
                {h} heures
              </option>
            ))}
          </Select>
          <ChampDate
            label="Début prévu"
            valeur={s.dateDebutPrevue}
            onChange={(dateDebutPrevue) => setS({ ...s, dateDebutPrevue })}
          />
          <ChampDate
            label="Fin prévue"
            valeur={s.dateFinPrevue}
            onChange={(dateFinPrevue) => setS({ ...s, dateFinPrevue })}
          />
        </Action>
      );
    case "positionnee":
      return (
        <Action
          titre="Départ en formation"
          bouton="Enregistrer le départ"
          envoyer={() => etape({ evenement: "commencer", dateDebutReelle: s.date })}
        >
          <ChampDate
            label="Date de début"
            valeur={s.date}
            onChange={(date) => setS({ ...s, date })}
          />
        </Action>
      );
    case "en_cours":
      return (
        <Action
          titre="Fin de la formation"
          bouton="Enregistrer la fin"
          envoyer={() =>
            etape({
              evenement: "terminer",
              dateFinReelle: s.date,
              heuresRealisees: s.heuresRealisees,
            })
          }
        >
          <ChampDate
            label="Date de fin"
            valeur={s.date}
            onChange={(date) => setS({ ...s, date })}
          />
          <Input
            label="Heures réalisées"
            nativeInputProps={{
              type: "number",
              min: 0,
              value: s.heuresRealisees,
              onChange: (e) => setS({ ...s, heuresRealisees: e.target.value }),
            }}
          />
        </Action>
      );
    default:
      return null;
  }
}

function Rupture({ contrat }: { contrat: LigneContrat }) {
  const [motif, setMotif] = useState<MotifRupture | "">("");
  const [date, setDate] = useState("");
  const [documents, setDocuments] = useState<string[]>([]);
  const r = contrat.rupture;
  const attendus = motif ? DOCUMENTS_PAR_MOTIF[motif] : [];
  const basculer = (d: string) =>
    setDocuments(documents.includes(d) ? documents.filter((x) => x !== d) : [...documents, d]);
  if (r) {
    const attendusRupture = DOCUMENTS_PAR_MOTIF[r.motif as MotifRupture] ?? [];
    return (
      <>
        {r.statut === "incomplete" && (
          <Action
            titre="Compléter le dossier de rupture"
            bouton="Envoyer les documents"
            envoyer={() => poster(`/api/structure/ruptures/${r.id}/complement`, { documents })}
          >
            <Alert
              small
              severity="warning"
              description={`Document demandé : ${r.commentaire ?? ""}`}
            />
            <Checkbox
              legend="Documents fournis"
              options={attendusRupture.map((d) => ({
                label: d,
                nativeInputProps: { checked: documents.includes(d), onChange: () => basculer(d) },
              }))}
            />
          </Action>
        )}
        <Action
          titre="Retirer la déclaration de rupture"
          bouton="Retirer la rupture"
          priorite="secondary"
          envoyer={() => poster(`/api/structure/ruptures/${r.id}/retrait`)}
        />
      </>
    );
  }
  return (
    <Action
      titre="Déclarer une rupture"
      bouton="Déclarer la rupture"
      priorite="secondary"
      envoyer={() =>
        poster(`/api/structure/contrats/${contrat.id}/rupture`, {
          dateRupture: date,
          motif,
          documents,
        })
      }
    >
      <ChampDate label="Date de la rupture" valeur={date} onChange={setDate} />
      <Select
        label="Motif"
        nativeSelectProps={{
          name: "motif",
          value: motif,
          onChange: (e) => {
            setMotif(e.target.value as MotifRupture);
            setDocuments([]);
          },
        }}
      >
        <option value="" disabled>
          Choisir
        </option>
        {(Object.keys(MOTIFS_RUPTURE) as MotifRupture[]).map((m) => (
          <option key={m} value={m}>
            {MOTIFS_RUPTURE[m]}
          </option>
        ))}
      </Select>
      {attendus.length > 0 && (
        <Checkbox
          legend="Documents fournis"
          options={attendus.map((d) => ({
            label: d,
            nativeInputProps: { checked: documents.includes(d), onChange: () => basculer(d) },
          }))}
        />
      )}
    </Action>
  );
}

/** Everything a structure can do on one contract, according to its state. */
export function GestionContrat({ contrat }: { contrat: LigneContrat }) {
  const [signature, setSignature] = useState(jourParis(new Date()));
  const [prolongation, setProlongation] = useState({ date: "", salaire: "" });
  if (contrat.statut === "declare") {
    return (
      <>
        <Action
          titre="Date de signature du contrat"
          bouton="Enregistrer la signature"
          envoyer={() =>
            poster(`/api/structure/contrats/${contrat.id}/signature`, { dateSignature: signature })
          }
        >
          <ChampDate label="Signé le" valeur={signature} onChange={setSignature} />
        </Action>
        <Action
          titre="Annuler ce recrutement"
          bouton="Annuler le recrutement"
          priorite="secondary"
          envoyer={() => poster(`/api/structure/contrats/${contrat.id}/annulation`)}
        />
      </>
    );
  }
  if (contrat.statut !== "actif") return <p>Ce contrat est clos.</p>;
  return (
    <>
      <EtapeFormation contrat={contrat} />
      <Rupture contrat={contrat} />
      {contrat.dateFin && !contrat.prolongation && (
        <Action
          titre="Demander une prolongation"
          bouton="Demander la prolongation"
          priorite="secondary"
          envoyer={() =>
            poster(`/api/structure/contrats/${contrat.id}/prolongation`, {
              nouvelleDateFin: prolongation.date,
              salaireBrutMensuelCents: prolongation.salaire ? centimes(prolongation.salaire) : null,
            })
          }
        >
          <ChampDate
            label="Nouvelle date de fin"
            valeur={prolongation.date}
            onChange={(date) => setProlongation({ ...prolongation, date })}
          />
          <Input
            label="Nouveau salaire brut mensuel (€, facultatif)"
            nativeInputProps={{
              inputMode: "decimal",
              value: prolongation.salaire,
              onChange: (e) => setProlongation({ ...prolongation, salaire: e.target.value }),
            }}
          />
        </Action>
      )}
      <h4>Renouveler le contrat</h4>
      <FormulaireContrat
        libelleEnvoi="Déclarer le renouvellement"
        envoyer={(r) =>
          poster(`/api/structure/contrats/${contrat.id}/renouvellement`, r).then(() => undefined)
        }
      />
    </>
  );
}
