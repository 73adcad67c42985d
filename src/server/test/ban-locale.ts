import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ReponseBanLocale = {
  status?: number;
  citycode?: string;
  score?: number;
  coordonnees?: [number, number];
  label?: string;
  type?: string;
  /** Number and street, as the BAN's `name`. */
  nom?: string;
  codePostal?: string;
  ville?: string;
};

const feature = (r: ReponseBanLocale) => ({
  type: "Feature",
  geometry: { type: "Point", coordinates: r.coordonnees },
  properties: {
    score: r.score ?? 0.9,
    citycode: r.citycode,
    label: r.label,
    type: r.type,
    name: r.nom,
    postcode: r.codePostal,
    city: r.ville,
  },
});

/** A local stand-in of the national address base's `/search`, answering what the test sets. */
export async function demarrerBanLocale(
  repondre: (q: string, citycode: string) => ReponseBanLocale | ReponseBanLocale[],
) {
  const requetes: URL[] = [];
  const serveur = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    requetes.push(url);
    const reponse = repondre(
      url.searchParams.get("q") ?? "",
      url.searchParams.get("citycode") ?? "",
    );
    const liste = Array.isArray(reponse) ? reponse : [reponse];
    res.writeHead(liste[0]?.status ?? 200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        type: "FeatureCollection",
        features: liste.filter((r) => r.coordonnees).map(feature),
      }),
    );
  });
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`,
    requetes,
    arreter: () => new Promise<void>((ok) => serveur.close(() => ok())),
  };
}
