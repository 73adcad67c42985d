import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { Link } from "wouter";
import {
  type LigneContrat,
  type LignePoste,
  maFormationSchema,
  mesRecrutementsSchema,
  pageContratsSchema,
} from "../../domain/recrutement/api.ts";
import {
  COMPETENCES_PIX,
  type CompetencePix,
  STATUTS_CERTIFICATION,
  STATUTS_FORMATION,
  type StatutCertification,
} from "../../domain/recrutement/formation.ts";
import { appeler, appelerApi, ErreurApi } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { ImportFormation } from "../selection/ImportDecisions.tsx";
import { ChoixOrdre } from "../socle/ChoixOrdre.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useEtatUrl } from "../socle/etat-url.ts";
import { FormulaireRecherche } from "../socle/FormulaireRecherche.tsx";
import { dateLongue } from "../socle/format.ts";
import { LiensExport } from "../socle/LiensExport.tsx";
import { NavigationFiles } from "../socle/NavigationFiles.tsx";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";
import { GestionContrat } from "./GestionContrat.tsx";
import { TableContrats } from "./TableContrats.tsx";

function TablePostes({ titre, postes }: { titre: string; postes: LignePoste[] }) {
  return (
    <div className={fr.cx("fr-table")}>
      <table>
        <caption>{titre}</caption>
        <thead>
          <tr>
            <th scope="col">Structure</th>
            <th scope="col">Poste</th>
            <th scope="col">Attribué le</th>
            <th scope="col">À recruter avant le</th>
            <th scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          {postes.map((p) => (
            <tr key={p.id}>
              <td>
                {p.structure} ({p.departementCode})
              </td>
              <td>
                <Link href={`/espace/postes/${p.id}`}>
                  {p.coordinateur ? "Coordinateur" : "Conseiller numérique"}
                </Link>
              </td>
              <td>{dateLongue.format(new Date(p.dateAttribution))}</td>
              <td>{dateLongue.format(new Date(p.dateLimiteRecrutement))}</td>
              <td>
                {p.enRetard ? (
                  <Badge small severity="error">
                    En retard
                  </Badge>
                ) : (
                  <Badge small severity={p.statut === "vacant" ? "warning" : "success"}>
                    {p.statut === "vacant" ? "À pourvoir" : "Pourvu"}
                  </Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MesRecrutements() {
  const { data } = useQuery({
    queryKey: ["structure-recrutements"],
    queryFn: () => appeler(mesRecrutementsSchema, "/api/structure/recrutements"),
  });
  const [choisi, setChoisi] = useState<string>();
  if (!data) return <p>Chargement…</p>;
  return (
    <>
      <p>
        Chaque poste doit être pourvu dans le mois qui suit son attribution, et chaque contrat signé
        dans les 15 jours qui suivent la déclaration du recrutement.
      </p>
      <p>
        <Link href="/espace/structure/vivier">Consulter le vivier de candidats</Link>
      </p>
      <TablePostes titre="Mes postes et leurs échéances" postes={data.postes} />
      {data.preselectionnes.length > 0 && (
        <>
          <h2>Candidats présélectionnés</h2>
          <ul>
            {data.preselectionnes.map((p) => (
              <li key={p.id}>
                <Link href={`/espace/structure/candidats/${p.id}`}>
                  {p.prenom} {p.nom}
                </Link>{" "}
                — déclarez le recrutement depuis sa fiche
              </li>
            ))}
          </ul>
        </>
      )}
      <ContratsPagines
        vues={[
          ["tous", "Mes recrutements et contrats"],
          ["a_signer", "Contrats à signer"],
          ["fin_proche", "Contrats qui finissent dans les 3 mois"],
        ]}
        actions={(c) =>
          ["declare", "actif"].includes(c.statut) && (
            <Button
              size="small"
              priority={choisi === c.id ? "primary" : "secondary"}
              onClick={() => setChoisi(choisi === c.id ? undefined : c.id)}
              nativeButtonProps={{
                "aria-expanded": choisi === c.id,
                "aria-controls": "gestion-contrat",
                "aria-label": `Gérer le contrat de ${c.prenom} ${c.nom}`,
              }}
            >
              Gérer
            </Button>
          )
        }
        detail={(contrats) => {
          // Read from the page as it is refetched after each change, never a stale copy.
          const c = contrats.find((x) => x.id === choisi);
          return (
            c && (
              <section
                id="gestion-contrat"
                aria-labelledby="titre-gestion"
                className={fr.cx("fr-mt-4w")}
              >
                <h3 id="titre-gestion">
                  Contrat de {c.prenom} {c.nom}
                </h3>
                <GestionContrat key={c.id} contrat={c} />
              </section>
            )
          );
        }}
      />
    </>
  );
}

export function PageRecrutementsStructure() {
  return (
    <GabaritEspace roleAttendu="structure" titre="Mes recrutements">
      {() => <MesRecrutements />}
    </GabaritEspace>
  );
}

/** The admin's decisions on one contract: recruitment, rupture, extension. */
function DecisionsAdmin({ c, onFait }: { c: LigneContrat; onFait: (titre: string) => void }) {
  const client = useQueryClient();
  const [motif, setMotif] = useState("");
  const [erreur, setErreur] = useState<string>();
  const qui = `${c.prenom} ${c.nom}`;
  const agir = async (url: string, corps: unknown, fait: string) => {
    try {
      await appelerApi(url, { methode: "POST", corps });
      setErreur(undefined);
      // Said before the row leaves its queue: the confirmation outlives the refetch.
      onFait(fait);
      await client.invalidateQueries();
    } catch (e) {
      setErreur(e instanceof ErreurApi ? e.message : "L'action a échoué.");
    }
  };
  return (
    <div>
      <div aria-live="polite">
        {erreur && <Alert small severity="error" description={erreur} />}
      </div>
      {c.statut === "declare" && (
        <>
          <Button
            size="small"
            onClick={() =>
              void agir(
                `/api/admin/contrats/${c.id}/validation`,
                {},
                `Recrutement de ${qui} validé.`,
              )
            }
            nativeButtonProps={{ "aria-label": `Valider le recrutement de ${qui}` }}
          >
            Valider
          </Button>
          <Input
            label="Motif d'un refus ou document demandé"
            nativeInputProps={{ value: motif, onChange: (e) => setMotif(e.target.value) }}
          />
          <Button
            size="small"
            priority="secondary"
            onClick={() =>
              void agir(
                `/api/admin/contrats/${c.id}/refus`,
                { motif },
                `Recrutement de ${qui} refusé.`,
              )
            }
          >
            Refuser le recrutement
          </Button>
        </>
      )}
      {c.rupture && (
        <>
          <Button
            size="small"
            onClick={() =>
              void agir(
                `/api/admin/ruptures/${c.rupture?.id}/validation`,
                {},
                `Rupture du contrat de ${qui} validée.`,
              )
            }
            nativeButtonProps={{ "aria-label": `Valider la rupture de ${qui}` }}
          >
            Valider la rupture
          </Button>
          <Input
            label="Document attendu"
            nativeInputProps={{ value: motif, onChange: (e) => setMotif(e.target.value) }}
          />
          <Button
            size="small"
            priority="secondary"
            onClick={() =>
              void agir(
                `/api/admin/ruptures/${c.rupture?.id}/incomplete`,
                { commentaire: motif },
                `Document demandé pour la rupture du contrat de ${qui}.`,
              )
            }
          >
            Demander un document
          </Button>
        </>
      )}
      {c.prolongation && (
        <>
          <Button
            size="small"
            onClick={() =>
              void agir(
                `/api/admin/prolongations/${c.prolongation?.id}/decision`,
                { accepter: true },
                `Prolongation du contrat de ${qui} acceptée.`,
              )
            }
          >
            Accepter la prolongation
          </Button>{" "}
          <Button
            size="small"
            priority="secondary"
            onClick={() =>
              void agir(
                `/api/admin/prolongations/${c.prolongation?.id}/decision`,
                { accepter: false },
                `Prolongation du contrat de ${qui} refusée.`,
              )
            }
          >
            Refuser la prolongation
          </Button>
        </>
      )}
    </div>
  );
}

/** Only the ANCT exempts a conseiller from the initial training, with a reason. */
function DispenseFormation({ c }: { c: LigneContrat }) {
  const client = useQueryClient();
  const [motif, setMotif] = useState("");
  const [erreur, setErreur] = useState<string>();
  if (c.formation?.statut !== "a_inscrire") return null;
  const dispenser = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await appelerApi(`/api/formations/${c.formation?.id}/etapes`, {
        methode: "POST",
        corps: { evenement: "dispenser", motif },
      });
      setErreur(undefined);
      await client.invalidateQueries();
    } catch (err) {
      setErreur(err instanceof ErreurApi ? err.message : "L'envoi a échoué.");
    }
  };
  return (
    <form onSubmit={dispenser} noValidate className={fr.cx("fr-mb-2w")}>
      <Input
        label={`Motif de dispense de formation de ${c.prenom} ${c.nom}`}
        state={erreur ? "error" : "default"}
        stateRelatedMessage={erreur}
        nativeInputProps={{ value: motif, onChange: (e) => setMotif(e.target.value) }}
      />
      <Button size="small" priority="secondary" type="submit">
        Dispenser de formation
      </Button>
    </form>
  );
}

/** The admin enters one exam result; Pix's outcome is computed by the server from the levels. */
function SaisieCertification({ c }: { c: LigneContrat }) {
  const client = useQueryClient();
  const [type, setType] = useState<"ccp1" | "pix">("ccp1");
  const [statut, setStatut] = useState<StatutCertification>("obtenue");
  const [date, setDate] = useState("");
  const [niveaux, setNiveaux] = useState<Record<CompetencePix, string>>({
    "1.1": "",
    "4.1": "",
    "4.2": "",
  });
  const [message, setMessage] = useState<{ ok: boolean; texte: string }>();
  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await appelerApi(`/api/admin/personnes/${c.utilisateurId}/certifications`, {
        methode: "POST",
        corps:
          type === "ccp1"
            ? { type, statut, dateExamen: date || null }
            : { type, dateExamen: date, niveaux },
      });
      setMessage({ ok: true, texte: "Résultat enregistré." });
      await client.invalidateQueries();
    } catch (err) {
      setMessage({
        ok: false,
        texte: err instanceof ErreurApi ? err.message : "L'envoi a échoué.",
      });
    }
  };
  return (
    <form onSubmit={envoyer} noValidate>
      <div aria-live="polite">
        {message && (
          <Alert small severity={message.ok ? "success" : "error"} description={message.texte} />
        )}
      </div>
      <Select
        label={`Certification de ${c.prenom} ${c.nom}`}
        nativeSelectProps={{
          value: type,
          onChange: (e) => setType(e.target.value as "ccp1" | "pix"),
        }}
      >
        <option value="ccp1">CCP1 REMN</option>
        <option value="pix">Pix</option>
      </Select>
      {type === "ccp1" ? (
        <Select
          label="Résultat"
          nativeSelectProps={{
            value: statut,
            onChange: (e) => setStatut(e.target.value as StatutCertification),
          }}
        >
          {(Object.keys(STATUTS_CERTIFICATION) as StatutCertification[]).map((s) => (
            <option key={s} value={s}>
              {STATUTS_CERTIFICATION[s]}
            </option>
          ))}
        </Select>
      ) : (
        (Object.keys(COMPETENCES_PIX) as CompetencePix[]).map((k) => (
          <Input
            key={k}
            label={`Niveau ${k}`}
            nativeInputProps={{
              type: "number",
              min: 0,
              max: 8,
              value: niveaux[k],
              onChange: (e) => setNiveaux({ ...niveaux, [k]: e.target.value }),
            }}
          />
        ))
      )}
      <Input
        label="Date de l'examen"
        nativeInputProps={{ type: "date", value: date, onChange: (e) => setDate(e.target.value) }}
      />
      <Button size="small" priority="secondary" type="submit">
        Enregistrer le résultat
      </Button>
    </form>
  );
}

type VueContrats =
  | "a_signer"
  | "fin_proche"
  | "a_traiter"
  | "a_valider"
  | "ruptures"
  | "non_signes"
  | "en_cours"
  | "termines"
  | "tous";

const ORDRES_CONTRATS: Record<string, string> = {
  declaration: "Les plus anciennes déclarations d'abord",
  fin: "Les fins de contrat les plus proches d'abord",
  structure: "Par structure",
  nom: "Par nom de la personne",
};

/**
 * The contracts of the scope, one view and one page at a time, both in the address: the views
 * are the work queues (to validate, ruptures, unsigned…), each counted exactly by the server.
 */
function ContratsPagines(props: {
  vues: readonly (readonly [VueContrats, string])[];
  actions?: (c: LigneContrat, vue: VueContrats) => ReactNode;
  /** What follows the table, drawn from the page's contracts (a contract being managed). */
  detail?: (contrats: LigneContrat[]) => ReactNode;
  lienHistorique?: boolean;
}) {
  const [etat, naviguer, adresse] = useEtatUrl({
    vue: props.vues[0]![0] as string,
    recherche: "",
    tri: "declaration",
    page: "1",
  });
  const vue = (props.vues.find(([v]) => v === etat.vue) ?? props.vues[0]!)[0];
  const libelle = props.vues.find(([v]) => v === vue)![1];
  // The view is always named: each page has its own default view.
  const filtres = new URLSearchParams(
    Object.entries({ ...etat, vue }).filter(([k, v]) => v !== "" && k !== "page"),
  ).toString();
  const { data, error } = useQuery({
    queryKey: ["contrats", filtres, etat.page],
    queryFn: () =>
      appeler(pageContratsSchema, `/api/recrutement/contrats?${filtres}&page=${etat.page}`),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="titre-contrats" className={fr.cx("fr-mt-4w")}>
      <NavigationFiles
        label="Vues des contrats"
        files={props.vues}
        active={vue}
        adresse={(f) => adresse({ vue: f })}
      />
      <h2 id="titre-contrats">{libelle}</h2>
      <FormulaireRecherche
        label="Personne ou structure"
        valeur={etat.recherche}
        rechercher={(recherche) => naviguer({ recherche })}
      />
      <ChoixOrdre ordres={ORDRES_CONTRATS} valeur={etat.tri} changer={(tri) => naviguer({ tri })} />
      {error && <Alert severity="error" small description={error.message} />}
      <p aria-live="polite">{data ? resumePage(data, "contrat", "contrats") : "Chargement…"}</p>
      <LiensExport
        chemin="/api/recrutement/contrats/export"
        libelle="Télécharger les contrats filtrés"
        requete={filtres}
      />
      {data && (
        <TableContrats
          titre={libelle}
          contrats={data.contrats}
          avecStructure
          lienHistorique={props.lienHistorique ?? true}
          {...(props.actions ? { actions: (c: LigneContrat) => props.actions?.(c, vue) } : {})}
        />
      )}
      <PaginationUrl donnees={data} adresse={adresse} />
      {data && props.detail?.(data.contrats)}
    </section>
  );
}

export function PageRecrutementsAdmin() {
  const [fait, setFait] = useState({ n: 0, titre: "" });
  return (
    <GabaritEspace roleAttendu="admin" titre="Recrutements, ruptures et formation">
      {() => (
        <>
          {fait.n > 0 && (
            <Confirmation cle={fait.n} titre={fait.titre}>
              <p>La file est à jour : le dossier suivant est en tête de liste.</p>
            </Confirmation>
          )}
          <LiensExport liste="ruptures" libelle="Ruptures" />
          <p>
            <Link href="/espace/postes?file=en_retard">
              Postes non pourvus dans le délai d'un mois
            </Link>
          </p>
          <ContratsPagines
            vues={[
              ["a_traiter", "À traiter"],
              ["a_valider", "Recrutements à valider"],
              ["ruptures", "Ruptures à traiter"],
              ["non_signes", "Non signés dans les 15 jours"],
              ["en_cours", "En cours et formation"],
            ]}
            actions={(c, vue) =>
              vue === "en_cours" ? (
                c.statut === "actif" && (
                  <>
                    <DispenseFormation c={c} />
                    <SaisieCertification c={c} />
                  </>
                )
              ) : (
                <DecisionsAdmin c={c} onFait={(titre) => setFait((f) => ({ n: f.n + 1, titre }))} />
              )
            }
          />
          <ImportFormation />
        </>
      )}
    </GabaritEspace>
  );
}

/** The contracts a préfet, the ANCT or a coordinator follows in its scope, with their training. */
export function PageContrats() {
  return (
    <GabaritEspace titre="Contrats et formation">
      {(moi) => (
        <>
          {moi.habilitation?.role !== "coordinateur" && (
            <LiensExport liste="ruptures" libelle="Ruptures" />
          )}
          <ContratsPagines
            vues={[
              ["en_cours", "En cours et formation"],
              ["non_signes", "Non signés dans les 15 jours"],
              ["termines", "Terminés"],
              ["tous", "Tous"],
            ]}
            lienHistorique={moi.habilitation?.role !== "coordinateur"}
          />
        </>
      )}
    </GabaritEspace>
  );
}

export function MaFormation() {
  const { data } = useQuery({
    queryKey: ["ma-formation"],
    queryFn: () => appeler(maFormationSchema, "/api/conseiller/formation"),
  });
  if (!data) return <p>Chargement…</p>;
  const f = data.formation;
  const jour = (d: string | null) => (d ? dateLongue.format(new Date(d)) : "—");
  return (
    <section aria-labelledby="titre-formation" className={fr.cx("fr-mt-4w")}>
      <h2 id="titre-formation">Ma formation et mes certifications</h2>
      {f ? (
        <dl>
          <dt>État</dt>
          <dd>{STATUTS_FORMATION[f.statut]}</dd>
          <dt>Organisme</dt>
          <dd>{f.organisme ?? "—"}</dd>
          <dt>Parcours</dt>
          <dd>{f.parcoursHeures ? `${f.parcoursHeures} heures` : "—"}</dd>
          <dt>Dates prévues</dt>
          <dd>
            {jour(f.dateDebutPrevue)} – {jour(f.dateFinPrevue)}
          </dd>
          <dt>Dates réelles</dt>
          <dd>
            {jour(f.dateDebutReelle)} – {jour(f.dateFinReelle)}
          </dd>
          <dt>Heures réalisées</dt>
          <dd>{f.heuresRealisees}</dd>
        </dl>
      ) : (
        <p>Aucune formation ouverte.</p>
      )}
      <ul>
        {data.certifications.map((c) => (
          <li key={c.id}>
            {c.type === "ccp1" ? "CCP1 REMN" : "Pix"} : {STATUTS_CERTIFICATION[c.statut]}
            {c.dateExamen ? ` (${jour(c.dateExamen)})` : ""}
            {c.niveauxPix &&
              ` — ${(Object.keys(COMPETENCES_PIX) as CompetencePix[]).map((k) => `${k} niveau ${c.niveauxPix?.[k]}`).join(", ")}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
