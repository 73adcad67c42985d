/** A point in WGS84. */
export type Coordonnees = { latitude: number; longitude: number };

export type Geocodeur = {
  /** The address's point, or null when the service is absent, slow, down or unsure: never an error. */
  localiser: (adresse: string, communeCode: string) => Promise<Coordonnees | null>;
};

const SCORE_MINIMAL = 0.4;
const DELAI_MS = 3_000;

type ReponseBan = {
  features?: {
    geometry?: { coordinates?: [number, number] };
    properties?: { score?: number; citycode?: string };
  }[];
};

/**
 * The national address base (BAN, `/search` of the Géoplateforme geocoder). Without a URL the
 * platform works offline: structures simply have no point yet.
 */
export function creerGeocodeur(url: string | undefined): Geocodeur {
  return {
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
