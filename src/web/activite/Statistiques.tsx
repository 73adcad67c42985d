import { fr } from "@codegouvfr/react-dsfr";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense, useState } from "react";
import { equipeSchema } from "../../domain/coordination/api.ts";
import { type Statistiques, statistiquesSchema } from "../../domain/cra/api.ts";
import type { DimensionActivite, DimensionPersonne } from "../../domain/cra/compteurs.ts";
import type { LignePersonnes, LigneRepartition } from "../../domain/cra/statistiques.ts";
import { nombreFr } from "../../domain/format.ts";
import { ROLES_PARTAGE } from "../../domain/partages/partage.ts";
import { departementsFiltrables } from "../../domain/perimetre.ts";
import type { Moi } from "../../domain/session.ts";
import { appeler } from "../api.ts";
import { ChiffresCoordination } from "../coordination/PagesCoordination.tsx";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { PartageStatistiques } from "../partages/PartageStatistiques.tsx";
import { jourCourt } from "../socle/format.ts";
import { LiensExport } from "../socle/LiensExport.tsx";
import { useTerritoires } from "../socle/territoires.ts";
import { useTitre } from "../socle/titre.ts";
import { FILTRES_VIDES, FiltresStatistiques, type OptionsFiltres } from "./FiltresStatistiques.tsx";
import { GraphiqueMensuel } from "./GraphiqueMensuel.tsx";
import { useMesLieux } from "./mes-lieux.ts";

/** The chart components come in their own chunk: the figures and tables show without them. */
const GraphiqueBarres = lazy(() =>
  import("./GraphiqueBarres.tsx").then((m) => ({ default: m.GraphiqueBarres })),
);

const TITRES_ACTIVITE: Record<DimensionActivite, string> = {
  type: "Types d'activité",
  public: "Publics",
  lieu: "Lieux",
  duree: "Durées",
  thematique: "Thématiques",
  materiel: "Matériel utilisé",
  autonomie: "Autonomie",
  niveau: "Niveau des ateliers",
  orientation: "Orientations",
};
const TITRES_PERSONNES: Record<DimensionPersonne, string> = {
  age: "Tranches d'âge",
  statut: "Statuts",
  genre: "Genres",
};
const MULTIPLES: DimensionActivite[] = ["thematique", "materiel"];

const pct = (n: number) => `${n.toLocaleString("fr-FR", { minimumFractionDigits: 1 })} %`;

/**
 * A chart under its title, its data table one click below (RGAA: the figures of the picture,
 * readable without it); the page stays short with every split shown.
 */
function BlocGraphique(props: {
  titre: string;
  colonnes: ("fr-col-md-4" | "fr-col-md-6" | "fr-col-lg-4")[];
  graphique: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={fr.cx("fr-col-12", ...props.colonnes)}>
      <h3 className={fr.cx("fr-h6", "fr-mb-1w")}>{props.titre}</h3>
      <Suspense fallback={null}>{props.graphique}</Suspense>
      <details>
        <summary>Tableau des données : {props.titre.toLowerCase()}</summary>
        <div className={fr.cx("fr-table", "fr-table--sm", "fr-mb-0")}>{props.children}</div>
      </details>
    </div>
  );
}

function TableRepartition({
  titre,
  lignes,
  multiple,
}: {
  titre: string;
  lignes: LigneRepartition[];
  multiple: boolean;
}) {
  return (
    <BlocGraphique
      titre={titre}
      colonnes={["fr-col-md-6", "fr-col-lg-4"]}
      graphique={
        <GraphiqueBarres
          horizontal
          etiquettes={lignes.map((l) => l.libelle)}
          series={[{ nom: "Accompagnements", valeurs: lignes.map((l) => l.accompagnements) }]}
        />
      }
    >
      <table>
        <caption>{titre}</caption>
        <thead>
          <tr>
            <th scope="col">Valeur</th>
            <th scope="col">Accompagnements</th>
            <th scope="col">Activités</th>
          </tr>
        </thead>
        <tbody>
          {lignes.map((l) => (
            <tr key={l.valeur}>
              <th scope="row">{l.libelle}</th>
              <td style={{ whiteSpace: "nowrap" }}>
                {nombreFr(l.accompagnements)} ({pct(l.partAccompagnements)})
              </td>
              <td style={{ whiteSpace: "nowrap" }}>
                {nombreFr(l.activites)} ({pct(l.partActivites)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {multiple && (
        <p className={fr.cx("fr-text--xs")}>
          Une activité peut porter plusieurs valeurs : la somme des parts peut dépasser 100 %.
        </p>
      )}
    </BlocGraphique>
  );
}

function TablePersonnes({ titre, lignes }: { titre: string; lignes: LignePersonnes[] }) {
  return (
    <BlocGraphique
      titre={titre}
      colonnes={["fr-col-md-4"]}
      graphique={
        <GraphiqueBarres
          horizontal
          etiquettes={lignes.map((l) => l.libelle)}
          series={[{ nom: "Personnes", valeurs: lignes.map((l) => l.personnes) }]}
        />
      }
    >
      <table>
        <caption>{titre}</caption>
        <thead>
          <tr>
            <th scope="col">Valeur</th>
            <th scope="col">Personnes</th>
          </tr>
        </thead>
        <tbody>
          {lignes.map((l) => (
            <tr key={l.valeur}>
              <th scope="row">{l.libelle}</th>
              <td style={{ whiteSpace: "nowrap" }}>
                {nombreFr(l.personnes)} ({pct(l.part)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </BlocGraphique>
  );
}

/** The figures of a scope over a period: totals, each split with its table, the 12 months. */
export function ChiffresStatistiques({ data }: { data: Statistiques }) {
  return (
    <>
      <ul className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-raw-list")}>
        {(
          [
            [
              "Accompagnements",
              data.totaux.accompagnements,
              "une personne dans une activité ; un atelier de 10 en compte 10",
            ],
            ["Activités", data.totaux.activites, "un compte rendu, quelle que soit sa taille"],
            [
              "Nouvelles personnes",
              data.totaux.nouvellesPersonnes,
              "accompagnements moins les personnes déjà accompagnées (estimation)",
            ],
            ["Heures d'accompagnement", data.totaux.dureeHeures, "somme des durées des activités"],
            [
              "Orientations",
              data.totaux.orientations,
              "personnes orientées vers une autre structure",
            ],
          ] as const
        ).map(([titre, valeur, aide]) => (
          <li key={titre} className={fr.cx("fr-col-12", "fr-col-md-4")}>
            <div className={fr.cx("fr-card", "fr-card--no-arrow")}>
              <div className={fr.cx("fr-card__body")}>
                <div className={fr.cx("fr-card__content")}>
                  <p className={fr.cx("fr-card__title")}>
                    {titre} : {typeof valeur === "number" ? valeur.toLocaleString("fr-FR") : valeur}
                  </p>
                  <p className={fr.cx("fr-card__desc")}>{aide}</p>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <h2 className={fr.cx("fr-mt-4w")}>Répartition des activités</h2>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        {(Object.keys(TITRES_ACTIVITE) as DimensionActivite[]).map((d) => (
          <TableRepartition
            key={d}
            titre={TITRES_ACTIVITE[d]}
            lignes={data.repartitions[d]}
            multiple={MULTIPLES.includes(d)}
          />
        ))}
      </div>
      <h2 className={fr.cx("fr-mt-4w")}>Personnes accompagnées</h2>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        {(Object.keys(TITRES_PERSONNES) as DimensionPersonne[]).map((d) => (
          <TablePersonnes key={d} titre={TITRES_PERSONNES[d]} lignes={data.personnes[d]} />
        ))}
      </div>
      <h2 className={fr.cx("fr-mt-4w")}>Évolution sur 12 mois</h2>
      <GraphiqueMensuel
        titre="Accompagnements et activités par mois"
        mois={data.parMois.map((m) => m.mois)}
        series={[
          { nom: "Accompagnements", valeurs: data.parMois.map((m) => m.accompagnements) },
          { nom: "Activités", valeurs: data.parMois.map((m) => m.activites) },
        ]}
      />
    </>
  );
}

/** Every figure of a scope, each with its data table, and the two units named (docs/domaine/cra.md §6). */
export function TableauStatistiques({
  api,
  exportable,
  ...options
}: { api: string; exportable?: boolean } & OptionsFiltres) {
  const [saisie, setSaisie] = useState(FILTRES_VIDES);
  const [filtres, setFiltres] = useState(FILTRES_VIDES);
  const requete = new URLSearchParams(Object.entries(filtres).filter(([, v]) => v)).toString();
  const { data, error } = useQuery({
    queryKey: ["statistiques", api, requete],
    queryFn: () =>
      appeler(
        statistiquesSchema,
        `${api}${requete ? `${api.includes("?") ? "&" : "?"}${requete}` : ""}`,
      ),
  });
  return (
    <>
      <FiltresStatistiques
        saisie={saisie}
        onChange={setSaisie}
        onSubmit={() => setFiltres(saisie)}
        {...options}
      />
      <div aria-live="polite">
        {error && <p className={fr.cx("fr-error-text")}>{error.message}</p>}
        {data && (
          <p>
            Du {jourCourt(data.periode.du)} au {jourCourt(data.periode.au)}.
          </p>
        )}
      </div>
      {data && exportable && (
        <LiensExport
          chemin="/api/statistiques/export"
          requete={requete}
          libelle="Chiffres"
          formats={["csv", "xlsx", "pdf"]}
          libelleFormat={(f) => (f === "pdf" ? "Rapport PDF" : `Chiffres (${f.toUpperCase()})`)}
        />
      )}
      {data && <ChiffresStatistiques data={data} />}
    </>
  );
}

/** The statistics of the active habilitation's scope, for every signed-in role but candidate. */
export function PageStatistiques() {
  return (
    <GabaritEspace titre="Statistiques d'activité">
      {(moi) => <StatistiquesDuPerimetre habilitation={moi.habilitation} />}
    </GabaritEspace>
  );
}

/** The filters a scope offers: its départements, a conseiller's own places, any commune. */
function StatistiquesDuPerimetre({ habilitation }: { habilitation: Moi["habilitation"] }) {
  const { data: territoires } = useTerritoires();
  const conseiller = habilitation?.role === "conseiller";
  const { data: lieux } = useMesLieux(conseiller);
  const codes =
    habilitation && territoires
      ? departementsFiltrables(habilitation.role, habilitation.perimetre, territoires.departements)
      : [];
  const departements = territoires?.departements.filter((d) => codes.includes(d.code));
  // A coordinator's team: its conseillers and their employers, to narrow the figures to one.
  const { data: equipe } = useQuery({
    queryKey: ["equipe-coordination"],
    queryFn: () => appeler(equipeSchema, "/api/coordinations/equipe"),
    enabled: habilitation?.role === "coordinateur",
  });
  const employeurs = [
    ...new Map(
      (equipe ?? []).flatMap((c) =>
        c.structureId && c.structure ? [[c.structureId, c.structure] as const] : [],
      ),
    ),
  ].map(([id, nom]) => ({ id, nom }));
  const partage = (ROLES_PARTAGE as readonly string[]).includes(habilitation?.role ?? "");
  return (
    <>
      {partage && <PartageStatistiques />}
      {habilitation?.role === "admin" && (
        <>
          <h2 className={fr.cx("fr-h4")}>Travail des coordinateurs</h2>
          <ChiffresCoordination portee="Coordination dans tout le pays" />
        </>
      )}
      <TableauStatistiques
        api="/api/statistiques"
        exportable
        commune
        {...(departements ? { departements } : {})}
        {...(equipe
          ? {
              conseillers: equipe.map((c) => ({ id: c.id, nom: `${c.prenom} ${c.nom}` })),
              structures: employeurs,
            }
          : {})}
        {...(conseiller && lieux
          ? { lieux: lieux.map((l) => ({ id: l.id, nom: `${l.nom} – ${l.commune}` })) }
          : {})}
      />
    </>
  );
}

export function PageStatistiquesPubliques() {
  useTitre("Statistiques publiques du dispositif");
  const { data: territoires } = useTerritoires();
  const [territoire, setTerritoire] = useState("");
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Statistiques publiques du dispositif</h1>
      <p>
        Chiffres agrégés de l'activité des conseillers numériques, sans aucune donnée personnelle.
      </p>
      <Select
        label="Territoire"
        nativeSelectProps={{ value: territoire, onChange: (e) => setTerritoire(e.target.value) }}
      >
        <option value="">France entière</option>
        <optgroup label="Régions">
          {territoires?.regions.map((r) => (
            <option key={r.code} value={`region=${r.code}`}>
              {r.nom}
            </option>
          ))}
        </optgroup>
        <optgroup label="Départements">
          {territoires?.departements.map((d) => (
            <option key={d.code} value={`departement=${d.code}`}>
              {d.nom} ({d.code})
            </option>
          ))}
        </optgroup>
      </Select>
      <TableauStatistiques
        key={territoire}
        api={`/api/public/statistiques${territoire ? `?${territoire}` : ""}`}
      />
    </div>
  );
}
