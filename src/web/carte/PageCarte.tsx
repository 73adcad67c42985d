import { fr } from "@codegouvfr/react-dsfr";
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, lazy, Suspense, useState } from "react";
import { Link, useSearchParams } from "wouter";
import {
  type FiltresCarte,
  filtresDeRequete,
  filtresEnRequete,
  PROGRAMMES_NATIONAUX,
  RAYON_PAR_DEFAUT_KM,
  RAYONS_KM,
} from "../../domain/lieux/carte.ts";
import {
  type LieuCarte,
  lieuxDuPointSchema,
  type ResultatRecherche,
  rechercheSchema,
} from "../../domain/lieux/carte-api.ts";
import { PRISES_EN_CHARGE, PUBLICS_ADRESSES, SERVICES } from "../../domain/lieux/lieu.ts";
import { nomCommuneNormalise } from "../../domain/texte.ts";
import { appeler } from "../api.ts";
import { ProchainsAteliers } from "../ateliers/ProchainsAteliers.tsx";
import { Combobox, useDiffere } from "../socle/Combobox.tsx";
import { useTerritoires } from "../socle/territoires.ts";
import { useTitre } from "../socle/titre.ts";

// MapLibre weighs more than the rest of the page: loaded only where the map is shown.
const CarteInteractive = lazy(() => import("./CarteInteractive.tsx"));

const km = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** "Saint-Étienne (42)" answers "st etienne" exactly: no need to ask which one. */
const nomExact = (libelle: string, saisie: string) =>
  nomCommuneNormalise(libelle.replace(/ \(\d[\dAB]\d?\)$/, "")) === nomCommuneNormalise(saisie);

function EtatOuverture({ lieu }: { lieu: Pick<LieuCarte, "ouverture"> }) {
  if (!lieu.ouverture) return null;
  return (
    <p className={fr.cx("fr-mb-1w")}>
      <Badge severity={lieu.ouverture.ouvert ? "success" : "info"} small noIcon>
        {lieu.ouverture.ouvert ? "Ouvert" : "Fermé"}
      </Badge>{" "}
      {lieu.ouverture.prochainChangement}
    </p>
  );
}

function CarteLieu({ lieu, integree }: { lieu: LieuCarte; integree: boolean }) {
  const noms = lieu.conseillers.map((c) => `${c.prenom} ${c.nom}`);
  if (lieu.conseillersAnonymes > 0)
    noms.push(
      lieu.conseillersAnonymes === 1
        ? "un conseiller qui ne souhaite pas être nommé"
        : `${lieu.conseillersAnonymes} conseillers qui ne souhaitent pas être nommés`,
    );
  return (
    <li className={fr.cx("fr-mb-3w")}>
      <h3 className={fr.cx("fr-h6", "fr-mb-1w")}>
        {integree ? (
          <a
            href={`/lieux/${encodeURIComponent(lieu.id)}`}
            target="_blank"
            rel="noopener"
            title={`${lieu.nom} – nouvelle fenêtre`}
          >
            {lieu.nom}
          </a>
        ) : (
          <Link href={`/lieux/${encodeURIComponent(lieu.id)}`}>{lieu.nom}</Link>
        )}
        {lieu.distanceKm !== null && (
          <span className={fr.cx("fr-text--sm", "fr-ml-1w")}>
            à {km.format(lieu.distanceKm)} km
            {lieu.positionApproximative && " (position approximative)"}
          </span>
        )}
      </h3>
      <p className={fr.cx("fr-mb-1w")}>
        {lieu.adresse}, {lieu.codePostal} {lieu.commune}
      </p>
      <EtatOuverture lieu={lieu} />
      {lieu.services.length > 0 && (
        <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>{lieu.services.join(" · ")}</p>
      )}
      <p className={fr.cx("fr-text--sm", "fr-mb-0")}>
        {noms.length > 0 ? `Conseillers numériques : ${noms.join(", ")}.` : null}
        {lieu.gratuit ? " Gratuit." : null}
        {lieu.priseRdv ? " Rendez-vous en ligne." : null}
      </p>
    </li>
  );
}

function CasesACocher(props: {
  legende: string;
  cle: "services" | "publics" | "priseEnCharge" | "programmes";
  valeurs: readonly string[];
  filtres: FiltresCarte;
  onChange: (f: FiltresCarte) => void;
}) {
  const choisis = props.filtres[props.cle];
  return (
    <Checkbox
      legend={props.legende}
      small
      options={props.valeurs.map((v) => ({
        label: v,
        nativeInputProps: {
          name: props.cle,
          value: v,
          checked: choisis.includes(v as never),
          onChange: (e) =>
            props.onChange({
              ...props.filtres,
              [props.cle]: e.target.checked ? [...choisis, v] : choisis.filter((x) => x !== v),
            }),
        },
      }))}
    />
  );
}

/**
 * The public map's search: a place, a commune, a postcode or the device's position, then the
 * nearest places first with their distance; every choice lives in the URL. The list is the
 * page's main content and carries everything the map shows.
 */
export function PageCarte({ integree = false }: { integree?: boolean }) {
  useTitre("Trouver un conseiller numérique près de chez vous");
  const [params, setParams] = useSearchParams();
  const [saisie, setSaisie] = useState(params.get("q") ?? "");
  const [message, setMessage] = useState<string | null>(null);
  const [choix, setChoix] = useState<ResultatRecherche[]>([]);
  const filtres = filtresDeRequete(params);
  const saisieDifferee = useDiffere(saisie.trim());
  const { data: suggestions, isFetching: suggestionsEnCours } = useQuery({
    queryKey: ["recherche", saisieDifferee],
    queryFn: async () =>
      (
        await appeler(
          rechercheSchema,
          `/api/v1/recherche?${new URLSearchParams({ q: saisieDifferee })}`,
        )
      ).resultats,
    enabled: saisieDifferee.length >= 2 && saisieDifferee !== params.get("q"),
  });
  const lat = params.get("lat");
  const lon = params.get("lon");
  const rayon = Number(params.get("rayon") ?? RAYON_PAR_DEFAUT_KM);
  const limite = Math.min(100, Number(params.get("limite") ?? 20) || 20);
  const requete = new URLSearchParams(filtresEnRequete(filtres));
  if (lat && lon) {
    requete.set("lat", lat);
    requete.set("lon", lon);
    requete.set("rayon", String(rayon));
    requete.set("limite", String(limite));
  }
  const { data, error, isFetching } = useQuery({
    queryKey: ["carte", requete.toString()],
    queryFn: () => appeler(lieuxDuPointSchema, `/api/v1/lieux?${requete}`),
    enabled: Boolean(lat && lon),
  });

  // A search result, or the position the browser gives (never approximate).
  const aller = (
    point: Pick<ResultatRecherche, "libelle" | "latitude" | "longitude"> &
      Partial<Pick<ResultatRecherche, "approximatif">>,
  ) => {
    const p = new URLSearchParams(params);
    setSaisie(point.libelle);
    setChoix([]);
    if (point.latitude === null || point.longitude === null) {
      for (const cle of ["lat", "lon", "q", "approx"]) p.delete(cle);
      setParams(p);
      setMessage(
        `La position de ${point.libelle} n'est pas connue : aucune distance ne peut être calculée. Essayez une commune voisine.`,
      );
      return;
    }
    p.set("lat", point.latitude.toFixed(5));
    p.set("lon", point.longitude.toFixed(5));
    p.set("q", point.libelle);
    if (point.approximatif) p.set("approx", "1");
    else p.delete("approx");
    setParams(p);
  };
  const changerFiltres = (f: FiltresCarte) => {
    const p = filtresEnRequete(f);
    for (const cle of ["lat", "lon", "q", "rayon"]) {
      const v = params.get(cle);
      if (v) p.set(cle, v);
    }
    setParams(p);
  };
  const rechercher = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    // A new search starts afresh: the previous answer and its choices no longer apply.
    setChoix([]);
    const p = new URLSearchParams(params);
    for (const cle of ["lat", "lon", "q", "approx"]) p.delete(cle);
    setParams(p);
    if (saisie.trim().length < 2) {
      setMessage("Indiquez une adresse, une commune ou un code postal (au moins deux caractères).");
      return;
    }
    try {
      const r = await appeler(
        rechercheSchema,
        `/api/v1/recherche?${new URLSearchParams({ q: saisie.trim() })}`,
      );
      if (r.resultats.length === 0)
        setMessage(
          `Aucun lieu connu ne correspond à « ${saisie.trim()} ». Vérifiez l'orthographe ou essayez un code postal.`,
        );
      else if (r.resultats.length === 1 || nomExact(r.resultats[0]!.libelle, saisie))
        aller(r.resultats[0]!);
      else setChoix(r.resultats);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : "La recherche n'a pas abouti.");
    }
  };
  const maPosition = () => {
    setMessage(null);
    if (!("geolocation" in navigator)) {
      setMessage("Votre navigateur ne donne pas votre position : saisissez une commune.");
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (pos) =>
        aller({
          latitude: pos.coords.latitude,
          longitude: pos.coords.longitude,
          libelle: "Ma position",
        }),
      () =>
        setMessage(
          "Votre position n'est pas disponible : saisissez une commune ou un code postal.",
        ),
      { timeout: 10_000 },
    );
  };
  const cocher = (cle: "gratuit" | "ouvertMaintenant" | "ouvertWeekEnd" | "priseRdv", v: boolean) =>
    changerFiltres({ ...filtres, [cle]: v || undefined });

  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Trouver un conseiller numérique près de chez vous</h1>
      <search>
        <form onSubmit={rechercher} className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <Combobox
              label="Adresse, commune ou code postal"
              hint="Par exemple : Béthune, 62400 ou 12 place Jean Jaurès Lens"
              name="q"
              texte={saisie}
              onTexte={setSaisie}
              suggestions={saisie.trim().length >= 2 ? (suggestions ?? []) : []}
              cle={(r) => `${r.libelle}-${r.latitude}-${r.longitude}`}
              libelle={(r) => r.libelle}
              onChoisir={(r) => {
                setMessage(null);
                aller(r);
              }}
              enChargement={suggestionsEnCours}
            />
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
            <Select
              label="Distance maximale"
              nativeSelectProps={{
                name: "rayon",
                value: String(rayon),
                onChange: (e) => {
                  const p = new URLSearchParams(params);
                  p.set("rayon", e.target.value);
                  setParams(p);
                },
              }}
            >
              {RAYONS_KM.map((r) => (
                <option key={r} value={r}>
                  {r} km
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
            <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline", "fr-mt-4w")}>
              <li>
                <Button type="submit" iconId="fr-icon-search-line">
                  Rechercher
                </Button>
              </li>
              <li>
                <Button
                  type="button"
                  priority="secondary"
                  iconId="fr-icon-map-pin-2-line"
                  onClick={maPosition}
                >
                  Autour de moi
                </Button>
              </li>
            </ul>
          </div>
        </form>
      </search>
      <div aria-live="polite">
        {message && <p className={fr.cx("fr-error-text")}>{message}</p>}
        {choix.length > 1 && (
          <fieldset className={fr.cx("fr-fieldset")}>
            <legend>Plusieurs lieux correspondent : lequel ?</legend>
            <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
              {choix.map((c) => (
                <li key={`${c.libelle}-${c.latitude}-${c.longitude}`}>
                  <Button type="button" priority="tertiary" onClick={() => aller(c)}>
                    {c.libelle}
                  </Button>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
      </div>

      <Accordion label="Filtrer les lieux">
        <Checkbox
          legend="Conditions"
          small
          options={(
            [
              ["ouvertMaintenant", "Ouvert maintenant"],
              ["ouvertWeekEnd", "Ouvert le week-end"],
              ["gratuit", "Gratuit"],
              ["priseRdv", "Rendez-vous en ligne"],
            ] as const
          ).map(([cle, label]) => ({
            label,
            nativeInputProps: {
              name: cle,
              checked: Boolean(filtres[cle]),
              onChange: (e) => cocher(cle, e.target.checked),
            },
          }))}
        />
        <CasesACocher
          legende="Services"
          cle="services"
          valeurs={SERVICES}
          filtres={filtres}
          onChange={changerFiltres}
        />
        <CasesACocher
          legende="Publics"
          cle="publics"
          valeurs={PUBLICS_ADRESSES}
          filtres={filtres}
          onChange={changerFiltres}
        />
        <CasesACocher
          legende="Prise en charge spécifique"
          cle="priseEnCharge"
          valeurs={PRISES_EN_CHARGE}
          filtres={filtres}
          onChange={changerFiltres}
        />
        <CasesACocher
          legende="Programmes nationaux"
          cle="programmes"
          valeurs={PROGRAMMES_NATIONAUX}
          filtres={filtres}
          onChange={changerFiltres}
        />
      </Accordion>

      <div className={fr.cx("fr-mt-4w")}>
        <Suspense fallback={<p>Chargement de la carte…</p>}>
          <CarteInteractive
            centre={lat && lon ? { latitude: Number(lat), longitude: Number(lon) } : null}
            requeteFiltres={filtresEnRequete(filtres).toString()}
          />
        </Suspense>
      </div>
      <section aria-labelledby="titre-resultats" className={fr.cx("fr-mt-4w")}>
        <h2 id="titre-resultats">
          {lat && lon
            ? `Lieux les plus proches${params.get("q") ? ` de ${params.get("q")}` : ""}`
            : "Lieux les plus proches"}
        </h2>
        {lat && lon && params.get("approx") && (
          <p className={fr.cx("fr-text--sm")}>
            Position approximative : les distances sont comptées depuis le centre de la commune.
          </p>
        )}
        <div aria-live="polite" aria-busy={isFetching}>
          {!lat && (
            <p>
              Indiquez une commune ou utilisez votre position pour voir les lieux les plus proches.
            </p>
          )}
          {error && <p className={fr.cx("fr-error-text")}>{error.message}</p>}
          {data && (
            <p>
              {data.total === 0
                ? `Aucun lieu à moins de ${rayon} km${params.get("q") ? ` de ${params.get("q")}` : ""} avec ces critères.${
                    data.plusProche
                      ? ` Le plus proche est ${data.plusProche.nom} (${data.plusProche.commune}), à ${km.format(data.plusProche.distanceKm ?? 0)} km.`
                      : " Aucun lieu ne correspond à ces critères en France."
                  }`
                : `${data.total} lieu${data.total > 1 ? "x" : ""} à moins de ${rayon} km${data.total > data.lieux.length ? `, les ${data.lieux.length} plus proches ci-dessous` : ""}.`}
            </p>
          )}
        </div>
        {data?.plusProche && (
          <ol
            className={fr.cx("fr-raw-list")}
            aria-label="Le lieu le plus proche, au-delà du rayon"
          >
            <CarteLieu lieu={data.plusProche} integree={integree} />
          </ol>
        )}
        {data && data.lieux.length > 0 && (
          <ol className={fr.cx("fr-raw-list")} aria-label="Lieux, du plus proche au plus lointain">
            {data.lieux.map((l) => (
              <CarteLieu key={l.id} lieu={l} integree={integree} />
            ))}
          </ol>
        )}
        {data && data.total > data.lieux.length && limite < 100 && (
          <Button
            priority="secondary"
            onClick={() => {
              const p = new URLSearchParams(params);
              p.set("limite", String(Math.min(100, limite + 20)));
              setParams(p);
            }}
          >
            Afficher plus de lieux
          </Button>
        )}
      </section>
      {!integree && (
        <ProchainsAteliers
          filtres={lat && lon ? { lat, lon, rayon: String(rayon) } : {}}
          titre={lat && lon ? `Prochains ateliers à moins de ${rayon} km` : "Prochains ateliers"}
          vide={
            lat && lon
              ? `Aucun atelier n'est annoncé à moins de ${rayon} km.`
              : "Aucun atelier n'est annoncé pour l'instant."
          }
        />
      )}
      {!integree && <Integration />}
    </div>
  );
}

/** The one line a local authority pastes in its site, optionally kept to its département. */
function Integration() {
  const { data: territoires } = useTerritoires();
  const [departement, setDepartement] = useState("");
  const code = `<iframe src="${window.location.origin}/integration/carte${departement ? `?departements=${departement}` : ""}" title="Trouver un conseiller numérique près de chez vous" style="width:100%;height:720px;border:0" loading="lazy"></iframe>`;
  return (
    <Accordion label="Intégrer cette recherche sur votre site" className={fr.cx("fr-mt-6w")}>
      <Select
        label="Limiter aux lieux d'un département (facultatif)"
        nativeSelectProps={{ value: departement, onChange: (e) => setDepartement(e.target.value) }}
      >
        <option value="">Toute la France</option>
        {territoires?.departements.map((d) => (
          <option key={d.code} value={d.code}>
            {d.nom} ({d.code})
          </option>
        ))}
      </Select>
      <Input
        textArea
        label="Code à copier dans votre page"
        nativeTextAreaProps={{ readOnly: true, value: code, rows: 3, name: "code-integration" }}
      />
    </Accordion>
  );
}
