/** A point in WGS84. */
export type Coordonnees = { latitude: number; longitude: number };

export type ResultatRecherche = Coordonnees & {
  libelle: string;
  communeCode: string | null;
  /** What the point is: the address's, or the commune's when the BAN found a commune. */
  precision: "adresse" | "commune";
  approximatif: false;
};

/** An address the BAN suggests while a form is typed: the street part and its commune apart. */
export type AdresseSuggeree = Coordonnees & {
  libelle: string;
  /** Number and street only ("12 Place Jean Jaurès"), what an address field holds. */
  adresse: string;
  codePostal: string;
  communeCode: string;
  commune: string;
};

export type Geocodeur = {
  /** The address's point, or null when the service is absent, slow, down or unsure: never an error. */
  localiser: (adresse: string, communeCode: string) => Promise<Coordonnees | null>;
  /** Free search (address, commune, postcode); an empty list when absent, slow or down. */
  rechercher: (q: string) => Promise<ResultatRecherche[]>;
  /** Addresses starting with what was typed, within a commune if given; empty when absent. */
  suggererAdresses: (q: string, communeCode?: string) => Promise<AdresseSuggeree[]>;
};

/** Results below this score are guesses (docs/domaine/lieux-et-carte.md §6). */
const SCORE_RECHERCHE = 0.6;

const SCORE_MINIMAL = 0.4;
const DELAI_MS = 3_000;

type ReponseBan = {
  features?: {
    geometry?: { coordinates?: [number, number] };
    properties?: {
      score?: number;
      citycode?: string;
      label?: string;
      type?: string;
      name?: string;
      postcode?: string;
      city?: string;
    };
  }[];
};

/**
 * The national address base (BAN, `/search` of the Géoplateforme geocoder). Without a URL the
 * platform works offline: structures simply have no point yet.
 */
export function creerGeocodeur(url: string | undefined): Geocodeur {
  return {
    async rechercher(q) {
      if (!url) return [];
      try {
        const requete = new URL(`${url.replace(/\/$/, "")}/search`);
        requete.searchParams.set("q", q);
        requete.searchParams.set("limit", "5");
        // Five digits are a postcode: ask for communes rather than streets that contain them.
        if (/^\d{5}$/.test(q.trim())) requete.searchParams.set("type", "municipality");
        const reponse = await fetch(requete, { signal: AbortSignal.timeout(DELAI_MS) });
        if (!reponse.ok) return [];
        const corps = (await reponse.json()) as ReponseBan;
        return (corps.features ?? []).flatMap((f) => {
          const [longitude, latitude] = f.geometry?.coordinates ?? [];
          if (latitude === undefined || longitude === undefined) return [];
          if ((f.properties?.score ?? 0) < SCORE_RECHERCHE) return [];
          return [
            {
              latitude,
              longitude,
              libelle: f.properties?.label ?? q,
              communeCode: f.properties?.citycode ?? null,
              precision:
                f.properties?.type === "municipality" ? ("commune" as const) : ("adresse" as const),
              approximatif: false as const,
            },
          ];
        });
      } catch {
        return [];
      }
    },
    async suggererAdresses(q, communeCode) {
      if (!url) return [];
      try {
        const requete = new URL(`${url.replace(/\/$/, "")}/search`);
        requete.searchParams.set("q", q);
        requete.searchParams.set("autocomplete", "1");
        requete.searchParams.set("limit", "6");
        if (communeCode) requete.searchParams.set("citycode", communeCode);
        const reponse = await fetch(requete, { signal: AbortSignal.timeout(DELAI_MS) });
        if (!reponse.ok) return [];
        const corps = (await reponse.json()) as ReponseBan;
        // A person picks among them, so no score floor; a commune alone is not an address.
        return (corps.features ?? []).flatMap((f) => {
          const [longitude, latitude] = f.geometry?.coordinates ?? [];
          const p = f.properties ?? {};
          if (latitude === undefined || longitude === undefined) return [];
          if (p.type === "municipality" || !p.name || !p.citycode || !p.postcode) return [];
          return [
            {
              latitude,
              longitude,
              libelle: p.label ?? `${p.name} ${p.postcode} ${p.city ?? ""}`.trim(),
              adresse: p.name,
              codePostal: p.postcode,
              communeCode: p.citycode,
              commune: p.city ?? "",
            },
          ];
        });
      } catch {
        return [];
      }
    },
    async localiser(adresse, communeCode) {
      if (!url) return null;
      try {
        const requete = new URL(`${url.replace(/\/$/, "")}/search`);
        requete.searchParams.set("q", adresse);
        requete.searchParams.set("citycode", communeCode);
        requete.searchParams.set("limit", "1");
        const reponse = await fetch(requete, { signal: AbortSignal.timeout(DELAI_MS) });
        if (!reponse.ok) return null;
        const corps = (await reponse.json()) as ReponseBan;
        const premier = corps.features?.[0];
        const [longitude, latitude] = premier?.geometry?.coordinates ?? [];
        if (latitude === undefined || longitude === undefined) return null;
        if ((premier?.properties?.score ?? 0) < SCORE_MINIMAL) return null;
        if (premier?.properties?.citycode && premier.properties.citycode !== communeCode)
          return null;
        return { latitude, longitude };
      } catch {
        return null;
      }
    },
  };
}
