/** Départements and collectivities outside mainland France (Corsica is mainland for the programme). */
const OUTRE_MER = /^(97\d|98\d)$/;

/** The territory a département belongs to for matching: mainland, or its own overseas territory. */
export function territoireDeMatching(departementCode: string): string {
  return OUTRE_MER.test(departementCode) ? departementCode : "metropole";
}

/** Rule 4: both in mainland France, or both in the same overseas territory. */
export function memeTerritoire(departementA: string, departementB: string): boolean {
  return territoireDeMatching(departementA) === territoireDeMatching(departementB);
}

const RAYON_TERRE_KM = 6_371.0088;

/** Great-circle distance in km between two WGS84 points (haversine). */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * RAYON_TERRE_KM * Math.asin(Math.sqrt(h));
}

/**
 * Rule 5: available by the structure's wished start date; once that date has passed, available
 * today.
 */
export function disponibleAtemps(
  dateDisponibilite: string,
  dateDebutSouhaitee: string,
  aujourdhui: string,
): boolean {
  const echeance = dateDebutSouhaitee < aujourdhui ? aujourdhui : dateDebutSouhaitee;
  return dateDisponibilite <= echeance;
}

export type CandidatAClasser = {
  distanceKm: number;
  dateDisponibilite: string;
  creeLe: string;
  id: string;
};

/** Rule 6: nearest first, then earliest availability, then oldest application. */
export function comparerCandidats(a: CandidatAClasser, b: CandidatAClasser): number {
  return (
    a.distanceKm - b.distanceKm ||
    a.dateDisponibilite.localeCompare(b.dateDisponibilite) ||
    a.creeLe.localeCompare(b.creeLe) ||
    a.id.localeCompare(b.id)
  );
}
