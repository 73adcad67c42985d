import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useLocation } from "wouter";
import { nombreFr, quantite } from "../../domain/format.ts";
import { vivierSchema } from "../../domain/recrutement/api.ts";
import {
  DISTANCES_MAX_KM,
  SITUATIONS,
  type Situation,
} from "../../domain/recrutement/candidature.ts";
import { STATUTS_MISE_EN_RELATION } from "../../domain/recrutement/mise-en-relation.ts";
import { appeler, appelerApi, ErreurApi } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useEtatUrl, useRequeteExport } from "../socle/etat-url.ts";
import { dateLongue } from "../socle/format.ts";
import { LiensExport } from "../socle/LiensExport.tsx";

const FILTRES_VIDES = {
  distanceKm: "",
  situation: "",
  pix: "",
  diplomeOuExperience: "",
  relation: "",
};

export const kilometres = (m: number) =>
  `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(m / 1000)} km`;

type Avis = "interesse" | "pas_interesse" | "reconsiderer";

const AVIS_DONNE: Record<Avis, string> = {
  interesse: "marqué « Intéressé »",
  pas_interesse: "marqué « Pas intéressé »",
  reconsiderer: "de nouveau à traiter",
};

/** Marks a candidate; shared by the pool's rows and the candidate's record. */
export function useAvis(
  onErreur: (message: string) => void,
  onFait?: (titre: string, id: string) => void,
) {
  const client = useQueryClient();
  return async (id: string, avis: Avis, nom?: string) => {
    try {
      await appelerApi(`/api/structure/candidats/${id}/avis`, { methode: "POST", corps: { avis } });
      await client.invalidateQueries({ queryKey: ["vivier"] });
      await client.invalidateQueries({ queryKey: ["candidat-vivier", id] });
      onFait?.(`${nom ?? "Candidat"} : ${AVIS_DONNE[avis]}`, id);
    } catch (e) {
      onErreur(e instanceof ErreurApi ? e.message : "L'action a échoué.");
    }
  };
}

function Vivier() {
  // Filters and page in the address: the back button and a shared link reopen the same pool.
  const [etat, naviguer] = useEtatUrl({ ...FILTRES_VIDES, page: "1" });
  const { page: pageTexte, ...filtres } = etat;
  const page = Number(pageTexte) || 1;
  const requeteExport = useRequeteExport();
  const [saisie, setSaisie] = useState(filtres);
  const [erreur, setErreur] = useState<string>();
  const [fait, setFait] = useState<{ cle: number; titre: string; id: string }>();
  const avis = useAvis(setErreur, (titre, id) =>
    setFait((avant) => ({ cle: (avant?.cle ?? 0) + 1, titre, id })),
  );
  const requete = new URLSearchParams(
    Object.entries({ ...filtres, page: String(page) }).filter(([, v]) => v !== ""),
  ).toString();
  const { data } = useQuery({
    queryKey: ["vivier", requete],
    queryFn: () => appeler(vivierSchema, `/api/structure/vivier?${requete}`),
  });
  const appliquer = (e: FormEvent) => {
    e.preventDefault();
    naviguer(saisie);
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / data.taillePage)) : 1;

  if (data?.etat === "sans_poste")
    return (
      <Alert
        severity="info"
        title="Aucun poste à pourvoir"
        description="Le vivier de candidats s'ouvre quand votre structure a un poste vacant."
      />
    );
  if (data?.etat === "sans_adresse")
    return (
      <Alert
        severity="warning"
        title="Adresse de la structure non localisée"
        description="Le vivier se calcule depuis l'adresse de votre structure, qui n'a pas pu être localisée. Contactez l'équipe nationale."
      />
    );
  return (
    <>
      <p>
        Candidats disponibles dont la distance maximale couvre votre structure, du plus proche au
        plus lointain.
      </p>
      <form onSubmit={appliquer} className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
          <Select
            label="Distance"
            nativeSelectProps={{
              name: "distanceKm",
              value: saisie.distanceKm,
              onChange: (e) => setSaisie({ ...saisie, distanceKm: e.target.value }),
            }}
          >
            <option value="">Toutes</option>
            {DISTANCES_MAX_KM.filter((d) => d < 2000).map((d) => (
              <option key={d} value={d}>
                {`${d} km au plus`}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <Select
            label="Situation"
            nativeSelectProps={{
              name: "situation",
              value: saisie.situation,
              onChange: (e) => setSaisie({ ...saisie, situation: e.target.value }),
            }}
          >
            <option value="">Toutes</option>
            {(Object.keys(SITUATIONS) as Situation[]).map((s) => (
              <option key={s} value={s}>
                {SITUATIONS[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
          <Select
            label="Pix"
            nativeSelectProps={{
              name: "pix",
              value: saisie.pix,
              onChange: (e) => setSaisie({ ...saisie, pix: e.target.value }),
            }}
          >
            <option value="">Indifférent</option>
            <option value="oui">Résultat partagé</option>
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
          <Select
            label="Diplôme ou expérience"
            nativeSelectProps={{
              name: "diplomeOuExperience",
              value: saisie.diplomeOuExperience,
              onChange: (e) => setSaisie({ ...saisie, diplomeOuExperience: e.target.value }),
            }}
          >
            <option value="">Indifférent</option>
            <option value="oui">En médiation numérique</option>
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
          <Select
            label="Votre avis"
            nativeSelectProps={{
              name: "relation",
              value: saisie.relation,
              onChange: (e) => setSaisie({ ...saisie, relation: e.target.value }),
            }}
          >
            <option value="">Tous</option>
            <option value="a_traiter">À traiter</option>
            <option value="preselectionnee">Intéressé</option>
            <option value="ecartee">Pas intéressé</option>
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-1")}>
          <Button type="submit" className={fr.cx("fr-mt-4w")}>
            Filtrer
          </Button>
        </div>
      </form>
      {fait && (
        <Confirmation cle={fait.cle} titre={fait.titre}>
          <Link href={`/espace/structure/candidats/${fait.id}`}>Voir sa fiche</Link>
        </Confirmation>
      )}
      <div aria-live="polite">
        {erreur && <Alert small severity="error" description={erreur} />}
        <p>
          {data
            ? data.totalAuMoins
              ? `Plus de ${nombreFr(data.total)} candidats — page ${data.page} sur plus de ${pages} ; affinez avec les filtres pour voir les autres.`
              : `${quantite(data.total, "candidat", "candidats")} — page ${data.page} sur ${pages}`
            : "Chargement…"}
        </p>
      </div>
      <LiensExport
        chemin="/api/structure/vivier/export"
        libelle="Télécharger le vivier filtré, du plus proche au plus lointain"
        requete={requeteExport}
      />
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>Vivier de candidats</caption>
          <thead>
            <tr>
              <th scope="col">Candidat</th>
              <th scope="col">Commune</th>
              <th scope="col">Distance</th>
              <th scope="col">Disponible le</th>
              <th scope="col">Situation</th>
              <th scope="col">Pix</th>
              <th scope="col">Votre avis</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data?.candidats.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/espace/structure/candidats/${c.id}`}>
                    {c.prenom} {c.nom}
                  </Link>
                </td>
                <td>
                  {c.commune} {c.codePostal ? `(${c.codePostal})` : ""}
                </td>
                <td>{kilometres(c.distanceM)}</td>
                <td>{dateLongue.format(new Date(c.dateDisponibilite))}</td>
                <td>{c.situations.map((s) => SITUATIONS[s]).join(", ")}</td>
                <td>{c.pix ? "Partagé" : "—"}</td>
                <td>
                  {c.relation ? (
                    <Badge small severity={c.relation === "preselectionnee" ? "success" : "info"}>
                      {STATUTS_MISE_EN_RELATION[c.relation]}
                    </Badge>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  {c.relation !== "preselectionnee" && c.relation !== "retenue" && (
                    <Button
                      size="small"
                      priority="secondary"
                      onClick={() =>
                        void avis(
                          c.id,
                          c.relation === "ecartee" ? "reconsiderer" : "interesse",
                          `${c.prenom} ${c.nom}`,
                        )
                      }
                      nativeButtonProps={{
                        "aria-label": `${c.relation === "ecartee" ? "Reconsidérer" : "Intéressé par"} ${c.prenom} ${c.nom}`,
                      }}
                    >
                      {c.relation === "ecartee" ? "Reconsidérer" : "Intéressé"}
                    </Button>
                  )}{" "}
                  {(c.relation === null ||
                    c.relation === "proposee" ||
                    c.relation === "preselectionnee") && (
                    <Button
                      size="small"
                      priority="tertiary"
                      onClick={() => void avis(c.id, "pas_interesse", `${c.prenom} ${c.nom}`)}
                      nativeButtonProps={{
                        "aria-label": `Pas intéressé par ${c.prenom} ${c.nom}`,
                      }}
                    >
                      Pas intéressé
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages du vivier">
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
          <li>
            <Button
              priority="secondary"
              disabled={page <= 1}
              onClick={() => naviguer({ page: String(page - 1) })}
            >
              Page précédente
            </Button>
          </li>
          <li>
            <Button
              priority="secondary"
              disabled={
                data?.totalAuMoins ? data.candidats.length < data.taillePage : page >= pages
              }
              onClick={() => naviguer({ page: String(page + 1) })}
            >
              Page suivante
            </Button>
          </li>
        </ul>
      </nav>
      <Preselection />
    </>
  );
}

/** A structure that already knows a candidate enters the identifier the candidate gave it. */
function Preselection() {
  const [identifiant, setIdentifiant] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; texte: string }>();
  const [, naviguer] = useLocation();
  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await appelerApi("/api/structure/preselection", {
        methode: "POST",
        corps: { identifiant: identifiant.trim() },
      });
      naviguer(`/espace/structure/candidats/${identifiant.trim()}`);
    } catch (err) {
      setMessage({
        ok: false,
        texte: err instanceof ErreurApi ? err.message : "L'envoi a échoué.",
      });
    }
  };
  return (
    <section aria-labelledby="titre-preselection" className={fr.cx("fr-mt-4w")}>
      <h2 id="titre-preselection">Présélectionner un candidat que vous connaissez</h2>
      <form onSubmit={envoyer}>
        <Input
          label="Identifiant du candidat"
          hintText="Le candidat le trouve dans son espace (36 caractères)"
          state={message && !message.ok ? "error" : "default"}
          stateRelatedMessage={message?.texte}
          nativeInputProps={{
            name: "identifiant",
            value: identifiant,
            onChange: (e) => setIdentifiant(e.target.value),
          }}
        />
        <Button type="submit" priority="secondary">
          Présélectionner
        </Button>
      </form>
    </section>
  );
}

export function PageVivier() {
  return (
    <GabaritEspace roleAttendu="structure" titre="Vivier de candidats">
      {() => <Vivier />}
    </GabaritEspace>
  );
}
