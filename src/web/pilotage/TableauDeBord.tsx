import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { statistiquesSchema } from "../../domain/cra/api.ts";
import { territoiresCarteSchema } from "../../domain/lieux/carte-api.ts";
import { statistiquesParDepartement } from "../../domain/perimetre.ts";
import {
  type LigneTableauDeBord,
  tableauDeBordSchema,
  tendanceSchema,
} from "../../domain/pilotage/api.ts";
import type { Indicateurs, Niveau, Tri } from "../../domain/pilotage/indicateurs.ts";
import { GraphiqueMensuel } from "../activite/GraphiqueMensuel.tsx";
import { appeler } from "../api.ts";
import { jourCourt, pourcent } from "../socle/format.ts";
import { LiensExport } from "../socle/LiensExport.tsx";
import { useMoi } from "../socle/moi.ts";

type Decoupage = Niveau | "total";
type Ligne = LigneTableauDeBord;

const nombre = new Intl.NumberFormat("fr-FR");
const n = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : nombre.format(v);

/** The level below each one, for the drill-down. */
const SOUS_NIVEAU: Partial<Record<Decoupage, Niveau>> = {
  region: "departement",
  departement: "arrondissement",
};

const COLONNES: { cle: Tri; titre: string; valeur: (l: Ligne) => string }[] = [
  { cle: "dotation", titre: "Dotation", valeur: (l) => n(l.dotation) },
  { cle: "recrutes", titre: "Recrutés", valeur: (l) => n(l.recrutes) },
  { cle: "actives", titre: "Activés", valeur: (l) => n(l.actives) },
  {
    cle: "tauxActivation",
    titre: "Taux d'activation",
    valeur: (l) => pourcent(l.tauxActivation),
  },
  { cle: "actifs", titre: "Actifs (30 j)", valeur: (l) => n(l.actifs) },
  { cle: "vacants", titre: "Vacants", valeur: (l) => n(l.vacants) },
  { cle: "recrutementsEnRetard", titre: "En retard", valeur: (l) => n(l.recrutementsEnRetard) },
  { cle: "activites", titre: "CRA", valeur: (l) => n(l.activites) },
  { cle: "personnes", titre: "Personnes accompagnées", valeur: (l) => n(l.personnes) },
];

/**
 * The public map centred on the département's places (their mean point, as the map's own
 * bubbles), limited to it: the list opens with the nearest places, the map around them.
 */
function LienCarteTerritoire({ departement }: { departement: string }) {
  const { data } = useQuery({
    queryKey: ["carte-territoires"],
    queryFn: () => appeler(territoiresCarteSchema, "/api/v1/carte/territoires"),
  });
  const point = data?.departements.find((d) => d.code === departement);
  const requete = new URLSearchParams({ departements: departement });
  if (point) {
    requete.set("lat", point.latitude.toFixed(5));
    requete.set("lon", point.longitude.toFixed(5));
    requete.set("rayon", "100");
    if (point.nom) requete.set("q", point.nom);
  }
  return (
    <p>
      <a
        className={fr.cx("fr-link", "fr-icon-map-pin-2-line", "fr-link--icon-left")}
        href={`/carte?${requete}`}
      >
        Les lieux d'activité du territoire sur la carte
      </a>
    </p>
  );
}

/** The scope's key figures, each labelled in full for screen readers and print. */
function Chiffres({
  t,
  periode,
  parLieu,
}: {
  t: Indicateurs;
  periode: z.input<typeof tableauDeBordSchema>["periode"];
  /** Territorial readers: a report counts where it took place, whatever the cut. */
  parLieu: boolean;
}) {
  const blocs: { titre: string; lignes: [string, string][]; note?: string }[] = [
    {
      titre: "Postes",
      lignes: [
        ["Postes attribués", n(t.dotation)],
        ["dont sur proposition du préfet", n(t.dotationProposition)],
        ["Postes pourvus", n(t.pourvus)],
        ["Postes vacants", n(t.vacants)],
        [
          "Durée de vacance (moyenne / plus longue)",
          t.vacants > 0 ? `${n(t.vacanceJoursMoyenne)} j / ${n(t.vacanceJoursMax)} j` : "—",
        ],
        ["Recrutements en retard (plus d'un mois)", n(t.recrutementsEnRetard)],
        ["Contrats non signés en retard (plus de 15 jours)", n(t.contratsNonSignesEnRetard)],
        ["Demandes en attente d'avis", n(t.demandesEnAttenteAvis)],
      ],
    },
    {
      titre: "Conseillers",
      lignes: [
        ["Conseillers recrutés", n(t.recrutes)],
        [
          "dont en structure publique",
          `${n(t.recrutesPublic)}${t.partPublic === null ? "" : ` (${pourcent(t.partPublic)})`}`,
        ],
        [
          "Conseillers activés (taux d'activation)",
          `${n(t.actives)}${t.tauxActivation === null ? "" : ` (${pourcent(t.tauxActivation)})`}`,
        ],
        ["Conseillers actifs (un CRA dans les 30 derniers jours)", n(t.actifs)],
        ["En formation", n(t.enFormation)],
        ["Formés", n(t.formes)],
        ["Certifiés (CCP1)", n(t.certifies)],
      ],
    },
    {
      titre: `Activité du ${jourCourt(periode.du)} au ${jourCourt(periode.au)}`,
      lignes: [
        ["CRA enregistrés", n(t.activites)],
        ["Accompagnements", n(t.accompagnements)],
        ["Personnes accompagnées", n(t.personnes)],
      ],
      note: parLieu
        ? "Un compte rendu compte dans le territoire du lieu de l'activité (l'adresse de la structure pour une activité à distance), quel que soit le découpage, comme dans les statistiques."
        : "L'activité de vos conseillers, où qu'elle ait eu lieu.",
    },
  ];
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-3w")}>
      {blocs.map((b) => (
        <div key={b.titre} className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <div className={fr.cx("fr-card", "fr-p-3w")}>
            <h3 className={fr.cx("fr-h6")}>{b.titre}</h3>
            <dl className={fr.cx("fr-mb-0")}>
              {b.lignes.map(([libelle, valeur]) => (
                <div key={libelle} className={fr.cx("fr-mb-1v")}>
                  <dt className={fr.cx("fr-text--sm", "fr-mb-0")}>{libelle}</dt>
                  <dd className={fr.cx("fr-text--lead", "fr-mb-0")}>{valeur}</dd>
                </div>
              ))}
            </dl>
            {b.note && <p className={fr.cx("fr-text--xs", "fr-mt-1w", "fr-mb-0")}>{b.note}</p>}
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * The key figures month by month over the last 12 months: posts and conseillers at each month's
 * end, activity of each month (the statistics engine's, on the same scope).
 */
function TendanceDouzeMois() {
  const tendance = useQuery({
    queryKey: ["pilotage-tendance"],
    queryFn: () => appeler(tendanceSchema, "/api/pilotage/tendance"),
  });
  const activite = useQuery({
    queryKey: ["statistiques", "/api/statistiques", ""],
    queryFn: () => appeler(statistiquesSchema, "/api/statistiques"),
  });
  if (!tendance.data) return null;
  const mois = tendance.data.mois.map((m) => m.mois);
  const parMois = new Map(activite.data?.parMois.map((m) => [m.mois, m]));
  return (
    <section aria-labelledby="titre-tendance" className={fr.cx("fr-mb-4w")}>
      <h3 id="titre-tendance">Sur les 12 derniers mois</h3>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <h4 className={fr.cx("fr-h6")}>Postes et conseillers en fin de mois</h4>
          <GraphiqueMensuel
            titre="Postes attribués (cumul) et conseillers sous contrat en fin de mois"
            mois={mois}
            series={[
              {
                nom: "Postes attribués (cumul)",
                valeurs: tendance.data.mois.map((m) => m.postesAttribues),
              },
              {
                nom: "Conseillers sous contrat",
                valeurs: tendance.data.mois.map((m) => m.conseillersSousContrat),
              },
            ]}
          />
        </div>
        {activite.data && (
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <h4 className={fr.cx("fr-h6")}>Activité par mois</h4>
            <GraphiqueMensuel
              titre="Accompagnements et activités par mois"
              mois={mois}
              series={[
                {
                  nom: "Accompagnements",
                  valeurs: mois.map((m) => parMois.get(m)?.accompagnements ?? 0),
                },
                { nom: "Activités", valeurs: mois.map((m) => parMois.get(m)?.activites ?? 0) },
              ]}
            />
          </div>
        )}
      </div>
    </section>
  );
}

/**
 * The steering dashboard of the reader's scope (docs/domaine/statistiques-et-opendata.md §2): key figures,
 * then, when the scope spans territories, a sortable table that drills down from régions to
 * départements to arrondissements, exportable as shown.
 */
export function TableauDeBord(props: {
  titre: string;
  decoupage: Decoupage;
  /** The territory map of the scope, when it has one département. */
  departementCarte?: string | undefined;
}) {
  const { data: moi } = useMoi();
  const [pile, setPile] = useState<
    { decoupage: Decoupage; region?: string; departement?: string; nom?: string }[]
  >([{ decoupage: props.decoupage }]);
  const [tri, setTri] = useState<{ cle: Tri; ordre: "asc" | "desc" }>({ cle: "nom", ordre: "asc" });
  // The activity period: the last 12 months unless the reader picks one (applied on submit).
  const [periode, setPeriode] = useState({ du: "", au: "" });
  const [saisie, setSaisie] = useState(periode);
  const niveau = pile.at(-1)!;
  const requete = new URLSearchParams({
    decoupage: niveau.decoupage,
    tri: tri.cle,
    ordre: tri.ordre,
  });
  if (niveau.region) requete.set("region", niveau.region);
  if (niveau.departement) requete.set("departement", niveau.departement);
  if (periode.du) requete.set("du", periode.du);
  if (periode.au) requete.set("au", periode.au);
  const { data, error, isPending } = useQuery({
    queryKey: ["pilotage", requete.toString()],
    queryFn: () => appeler(tableauDeBordSchema, `/api/pilotage/tableau?${requete}`),
  });
  const trierPar = (cle: Tri) =>
    setTri((t) => ({ cle, ordre: t.cle === cle && t.ordre === "desc" ? "asc" : "desc" }));
  const sousNiveau = SOUS_NIVEAU[niveau.decoupage];
  const libelleTri = (cle: Tri) =>
    tri.cle === cle ? (tri.ordre === "asc" ? "ascending" : "descending") : undefined;
  return (
    <section aria-labelledby="titre-tableau-de-bord" className={fr.cx("fr-mb-6w")}>
      <h2 id="titre-tableau-de-bord">{props.titre}</h2>
      {error && (
        <Alert severity="error" small description={error.message} className={fr.cx("fr-mb-2w")} />
      )}
      {isPending && <p>Chargement du tableau de bord…</p>}
      <form
        aria-label="Période d'activité"
        className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom", "fr-mb-2w")}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setPeriode(saisie);
        }}
      >
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <Input
            label="Activité du"
            nativeInputProps={{
              type: "date",
              value: saisie.du,
              onChange: (e) => setSaisie({ ...saisie, du: e.target.value }),
            }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <Input
            label="au"
            nativeInputProps={{
              type: "date",
              value: saisie.au,
              onChange: (e) => setSaisie({ ...saisie, au: e.target.value }),
            }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <Button type="submit" priority="secondary">
            Appliquer la période
          </Button>
        </div>
      </form>
      {data && (
        <Chiffres
          t={data.total}
          periode={data.periode}
          parLieu={statistiquesParDepartement(moi?.habilitation?.role)}
        />
      )}
      <TendanceDouzeMois />
      {props.departementCarte && <LienCarteTerritoire departement={props.departementCarte} />}
      {data && niveau.decoupage !== "total" && (
        <>
          {pile.length > 1 && (
            <p>
              <Button
                priority="tertiary"
                size="small"
                iconId="fr-icon-arrow-left-line"
                onClick={() => setPile((p) => p.slice(0, -1))}
              >
                Revenir au niveau supérieur
              </Button>{" "}
              <span aria-live="polite">{niveau.nom}</span>
            </p>
          )}
          <LiensExport
            chemin="/api/pilotage/tableau/export"
            requete={requete.toString()}
            libelle="Tableau par territoire"
          />
          <div className={fr.cx("fr-table", "fr-table--no-caption")}>
            <table>
              <caption>Indicateurs par territoire</caption>
              <thead>
                <tr>
                  <th scope="col" aria-sort={libelleTri("nom")}>
                    <button
                      type="button"
                      className={fr.cx("fr-link")}
                      onClick={() => trierPar("nom")}
                    >
                      Territoire
                    </button>
                  </th>
                  {COLONNES.map((c) => (
                    <th key={c.cle} scope="col" aria-sort={libelleTri(c.cle)}>
                      <button
                        type="button"
                        className={fr.cx("fr-link")}
                        onClick={() => trierPar(c.cle)}
                      >
                        {c.titre}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.lignes.map((l) => (
                  <tr key={l.code}>
                    <th scope="row">
                      {sousNiveau && l.code ? (
                        <button
                          type="button"
                          className={fr.cx("fr-link")}
                          onClick={() =>
                            setPile((p) => [
                              ...p,
                              {
                                decoupage: sousNiveau,
                                nom: l.nom,
                                ...(niveau.decoupage === "region"
                                  ? { region: l.code }
                                  : { departement: l.code }),
                              },
                            ])
                          }
                        >
                          {l.nom} ({l.code})
                        </button>
                      ) : (
                        `${l.nom}${l.code ? ` (${l.code})` : ""}`
                      )}
                    </th>
                    {COLONNES.map((c) => (
                      <td key={c.cle}>{c.valeur(l)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  {COLONNES.map((c) => (
                    <td key={c.cle}>{c.valeur({ ...data.total, code: "", nom: "Total" })}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
