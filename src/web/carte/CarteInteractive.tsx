import "maplibre-gl/dist/maplibre-gl.css";
import "./carte.css";
import { fr } from "@codegouvfr/react-dsfr";
import * as maplibregl from "maplibre-gl";
// The bundler moves MapLibre away from its worker: the worker is served from our own assets.
import urlDuTravailleur from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { useEffect, useRef, useState } from "react";
import Supercluster from "supercluster";
import { empriseAlignee } from "../../domain/lieux/carte.ts";
import { pointsCarteSchema, territoiresCarteSchema } from "../../domain/lieux/carte-api.ts";
import { appeler } from "../api.ts";

maplibregl.setWorkerUrl(urlDuTravailleur);

/** Zoom thresholds of the national maps: régions, then départements, then places (docs/domaine/lieux-et-carte.md §4.3). */
const ZOOM_REGIONS = 7;
const ZOOM_DEPARTEMENTS = 9;
const FRANCE: [number, number] = [2.4, 46.6];

const nombre = new Intl.NumberFormat("fr-FR");

function bulle(texte: string, libelle: string, taille: number, surClic: () => void) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "cnfs-bulle";
  b.textContent = texte;
  b.setAttribute("aria-label", libelle);
  b.style.width = b.style.height = `${taille}px`;
  b.addEventListener("click", surClic);
  return b;
}

function repere(id: string, libelle: string) {
  const a = document.createElement("a");
  a.href = `/lieux/${encodeURIComponent(id)}`;
  a.className = "cnfs-repere";
  a.setAttribute("aria-label", libelle);
  return a;
}

/**
 * The map beside the list: région then département counts when zoomed out, clustered places
 * (supercluster) when zoomed in, every marker a real button or link reachable with the keyboard.
 * It loads only the counts first (a few kilobytes), then the places of the visible area.
 */
export default function CarteInteractive(props: {
  centre: { latitude: number; longitude: number } | null;
  requeteFiltres: string;
}) {
  const conteneur = useRef<HTMLElement>(null);
  const carte = useRef<maplibregl.Map | null>(null);
  const [indisponible, setIndisponible] = useState(false);
  const [annonce, setAnnonce] = useState("");

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once; the centre moves it below.
  useEffect(() => {
    if (!conteneur.current) return;
    let m: maplibregl.Map;
    try {
      m = new maplibregl.Map({
        container: conteneur.current,
        style: "/api/v1/carte/style",
        center: props.centre ? [props.centre.longitude, props.centre.latitude] : FRANCE,
        zoom: props.centre ? 11 : 5,
        attributionControl: { compact: true },
      });
    } catch {
      setIndisponible(true);
      return;
    }
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
    carte.current = m;
    return () => {
      m.remove();
      carte.current = null;
    };
  }, []);

  const lat = props.centre?.latitude;
  const lon = props.centre?.longitude;
  useEffect(() => {
    if (lat !== undefined && lon !== undefined)
      carte.current?.jumpTo({ center: [lon, lat], zoom: 11 });
  }, [lat, lon]);

  useEffect(() => {
    const m = carte.current;
    if (!m) return;
    let reperes: maplibregl.Marker[] = [];
    let annule = false;
    const filtres = props.requeteFiltres ? `&${props.requeteFiltres}` : "";
    const territoires = appeler(
      territoiresCarteSchema,
      `/api/v1/carte/territoires${props.requeteFiltres ? `?${props.requeteFiltres}` : ""}`,
    );
    const vider = () => {
      for (const r of reperes) r.remove();
      reperes = [];
    };
    const poser = (element: HTMLElement, lon: number, lat: number) => {
      reperes.push(new maplibregl.Marker({ element }).setLngLat([lon, lat]).addTo(m));
    };
    const dessiner = async () => {
      const zoom = m.getZoom();
      if (zoom <= ZOOM_DEPARTEMENTS) {
        const t = await territoires;
        if (annule) return;
        vider();
        const niveau = zoom <= ZOOM_REGIONS ? t.regions : t.departements;
        for (const x of niveau) {
          const nom = "nom" in x ? x.nom : undefined;
          const libelle = `${nombre.format(x.lieux)} lieux${nom ? ` – ${nom}` : ""}, agrandir`;
          const taille = Math.min(64, 28 + Math.log10(x.lieux + 1) * 12);
          poser(
            bulle(nombre.format(x.lieux), libelle, taille, () =>
              m.flyTo({
                center: [x.longitude, x.latitude],
                zoom: zoom <= ZOOM_REGIONS ? ZOOM_REGIONS + 1 : ZOOM_DEPARTEMENTS + 1,
              }),
            ),
            x.longitude,
            x.latitude,
          );
        }
        setAnnonce(
          `${niveau.length} ${zoom <= ZOOM_REGIONS ? "régions" : "départements"} affichés sur la carte.`,
        );
        return;
      }
      const b = m.getBounds();
      const emprise = empriseAlignee(b.getWest(), b.getSouth(), b.getEast(), b.getNorth());
      const { points } = await appeler(
        pointsCarteSchema,
        `/api/v1/carte/points?emprise=${emprise}${filtres}`,
      );
      if (annule) return;
      const index = new Supercluster({ radius: 45, maxZoom: 16 });
      index.load(
        points.map(([id, lat, lon]) => ({
          type: "Feature" as const,
          properties: { id },
          geometry: { type: "Point" as const, coordinates: [lon, lat] },
        })),
      );
      vider();
      const groupes = index.getClusters(
        [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
        Math.round(zoom),
      );
      for (const g of groupes) {
        const [lon, lat] = g.geometry.coordinates as [number, number];
        if ("cluster" in g.properties && g.properties.cluster) {
          const n = g.properties.point_count;
          const suite = index.getClusterExpansionZoom(g.properties.cluster_id);
          poser(
            bulle(nombre.format(n), `${nombre.format(n)} lieux proches, agrandir`, 32, () =>
              m.flyTo({ center: [lon, lat], zoom: suite }),
            ),
            lon,
            lat,
          );
        } else poser(repere(String(g.properties.id), "Voir ce lieu"), lon, lat);
      }
      setAnnonce(`${points.length} lieux dans la zone affichée.`);
    };
    const surDeplacement = () => {
      dessiner().catch(() => setAnnonce("Les lieux de cette zone n'ont pas pu être chargés."));
    };
    if (m.loaded()) surDeplacement();
    else m.once("load", surDeplacement);
    m.on("moveend", surDeplacement);
    return () => {
      annule = true;
      m.off("moveend", surDeplacement);
      vider();
    };
  }, [props.requeteFiltres]);

  if (indisponible)
    return (
      <p className={fr.cx("fr-text--sm")}>
        La carte ne peut pas s'afficher sur cet appareil ; la liste ci-dessous contient tous les
        lieux.
      </p>
    );
  return (
    <div className={fr.cx("fr-mb-4w")}>
      <section
        ref={conteneur}
        className="cnfs-carte"
        aria-label="Carte des lieux (la liste qui suit donne les mêmes lieux)"
      />
      <p className={fr.cx("fr-sr-only")} aria-live="polite">
        {annonce}
      </p>
    </div>
  );
}
