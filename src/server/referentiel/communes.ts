import { sql } from "drizzle-orm";
import { nomCommuneNormalise } from "../../domain/texte.ts";
import { type Executeur, lignesPreparees, tableauSql } from "../db/client.ts";

/** A commune (or a municipal arrondissement) as searches return it, with its point if known. */
export type CommuneTrouvee = {
  code: string;
  nom: string;
  type: "commune-actuelle" | "arrondissement-municipal";
  departementCode: string;
  codesPostaux: string[];
  population: number | null;
  /** The commune's own point, else its parent commune's (then `approximatif`), else null. */
  latitude: number | null;
  longitude: number | null;
  approximatif: boolean;
  /**
   * Found by the first three digits of a postcode no commune carries (a Cedex code: no open
   * base publishes them): a commune of the same postal area, for a person to choose, not a fact.
   */
  zonePostale: boolean;
};

type Ligne = {
  code: string;
  nom: string;
  type: CommuneTrouvee["type"];
  departement_code: string;
  codes_postaux: string[];
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  approximatif: boolean;
  parent_code: string | null;
};

/** The départements a postcode prefix can belong to: Corsica's 20 is 2A and 2B, overseas 97x. */
export function departementsDuPrefixe(prefixe: string): string[] {
  if (prefixe.startsWith("20")) return ["2A", "2B"];
  if (/^9[78]/.test(prefixe))
    return prefixe.length >= 3
      ? [prefixe.slice(0, 3)]
      : Array.from({ length: 10 }, (_, i) => `${prefixe}${i}`);
  return [prefixe.slice(0, 2)];
}

const COLONNES = sql`c.code, c.nom, c.type, c.departement_code, c.codes_postaux, c.population, c.parent_code,
  coalesce(c.latitude, p.latitude) as latitude, coalesce(c.longitude, p.longitude) as longitude,
  (c.latitude is null and p.latitude is not null) as approximatif`;
const SOURCE = sql`commune c left join commune p on p.code = c.parent_code`;

/**
 * Communes matching what a person typed, best first (one rule for every commune search of the
 * platform): a postcode or its first digits; else the name with case, accents, hyphens,
 * apostrophes, "St/Ste" and Cedex ignored: the exact name, then names starting with it by
 * population (so "Paris" gives Paris, then its arrondissements), then names that look alike by
 * trigram similarity ("Chambery" typed "Chambry").
 */
export async function rechercherCommunes(
  db: Executeur,
  texte: string,
  limite: number,
): Promise<CommuneTrouvee[]> {
  const q = texte.trim();
  if (/^\d{2,5}$/.test(q)) {
    const lus = await lignesPreparees<Ligne>(
      db,
      sql`select ${COLONNES} from ${SOURCE}
          where c.departement_code = any(${tableauSql(departementsDuPrefixe(q), "text")})
            and ${
              q.length === 5
                ? sql`c.codes_postaux @> array[${q}::text]`
                : sql`exists (select 1 from unnest(c.codes_postaux) cp where cp like ${`${q}%`})`
            }
          order by (c.type = 'commune-actuelle') desc, c.population desc nulls last, c.code
          limit ${limite}::int`,
    );
    // "69001" is Lyon: its arrondissement of the same postcode adds nothing to choose from.
    const codes = new Set(lus.map((l) => l.code));
    const trouvees = lus.filter((l) => !l.parent_code || !codes.has(l.parent_code));
    if (trouvees.length > 0 || q.length < 5) return trouvees.map((l) => versCommune(l));
    // A Cedex code shares its first three digits with the postcodes of its distribution area.
    const zone = await lignesPreparees<Ligne>(
      db,
      sql`select ${COLONNES} from ${SOURCE}
          where c.departement_code = any(${tableauSql(departementsDuPrefixe(q), "text")})
            and c.type = 'commune-actuelle'
            and exists (select 1 from unnest(c.codes_postaux) cp where cp like ${`${q.slice(0, 3)}%`})
          order by c.population desc nulls last, c.code
          limit ${limite}::int`,
    );
    return zone.map((l) => versCommune(l, true));
  }
  const n = nomCommuneNormalise(q);
  if (n.length < 2) return [];
  // Names that start with what was typed, the exact name first, then the most populated (the
  // prefix index answers); then, if the list is short, names that look alike (trigrams).
  const debut = await lignesPreparees<Ligne>(
    db,
    sql`select ${COLONNES} from ${SOURCE}
        where c.nom_normalise like ${`${n}%`} or c.code = ${q.toUpperCase()}
        order by (c.nom_normalise = ${n}) desc, c.population desc nulls last, c.code
        limit ${limite}::int`,
  );
  if (debut.length >= limite || n.length < 3) return debut.map((l) => versCommune(l));
  const proches = await lignesPreparees<Ligne>(
    db,
    sql`select ${COLONNES} from ${SOURCE}
        where c.nom_normalise % ${n} and c.nom_normalise not like ${`${n}%`}
        order by similarity(c.nom_normalise, ${n}) desc, c.population desc nulls last, c.code
        limit ${limite - debut.length}::int`,
  );
  return [...debut, ...proches].map((l) => versCommune(l));
}

function versCommune(l: Ligne, zonePostale = false): CommuneTrouvee {
  return {
    code: l.code,
    nom: l.nom,
    type: l.type,
    departementCode: l.departement_code,
    codesPostaux: l.codes_postaux,
    population: l.population,
    latitude: l.latitude === null ? null : Number(l.latitude),
    longitude: l.longitude === null ? null : Number(l.longitude),
    approximatif: l.approximatif,
    zonePostale,
  };
}

/**
 * The commune an address ends with, for an address typed without a geocoder ("12 place Jean
 * Jaurès Lens", "3 rue X 62300 Lens"): its postcode when there is one, else the longest run of
 * last words that is exactly a commune's name.
 */
export async function communeDeLAdresse(
  db: Executeur,
  texte: string,
): Promise<CommuneTrouvee | null> {
  const mots = nomCommuneNormalise(texte).split(" ");
  const codePostal = mots.find((m) => /^\d{5}$/.test(m));
  const suite = codePostal ? mots.slice(mots.indexOf(codePostal) + 1) : mots;
  // The last one to five words, the longest run that is a commune's name wins: one query.
  const noms = Array.from({ length: Math.min(5, suite.length) }, (_, k) =>
    suite.slice(suite.length - 1 - k).join(" "),
  ).filter((nom) => nom.length >= 2 && !/^\d/.test(nom));
  if (noms.length > 0) {
    const [exacte] = await lignesPreparees<Ligne>(
      db,
      sql`select ${COLONNES} from ${SOURCE}
          where c.nom_normalise = any(${tableauSql(noms, "text")})
            ${
              codePostal
                ? // A Cedex code is on no commune: the name decides within its département.
                  sql`and (c.codes_postaux @> array[${codePostal}::text]
                    or (c.departement_code = any(${tableauSql(departementsDuPrefixe(codePostal), "text")})
                      and not exists (select 1 from commune x
                        where x.codes_postaux @> array[${codePostal}::text])))`
                : sql``
            }
          order by length(c.nom_normalise) desc, (c.type = 'commune-actuelle') desc,
            c.population desc nulls last
          limit 1`,
    );
    if (exacte) return versCommune(exacte);
  }
  if (!codePostal) return null;
  const [parCode] = await rechercherCommunes(db, codePostal, 1);
  return parCode ?? null;
}
