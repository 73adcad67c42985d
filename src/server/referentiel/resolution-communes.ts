import { createRequire } from "node:module";
import { sql } from "drizzle-orm";
import { nomCommuneNormalise } from "../../domain/texte.ts";
import { type Executeur, tableauSql } from "../db/client.ts";
import { commune } from "../db/schema.ts";
import { departementsDuPrefixe } from "./communes.ts";

type Commune = typeof commune.$inferSelect;
type Source = {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  chefLieu?: string;
  anciensCodes?: string[];
};

/** A former commune (merged, delegated or associated) and the current commune it belongs to. */
type Ancienne = { nom: string; departement: string; actuelle: string };

const require = createRequire(import.meta.url);
let anciennes: { parCode: Map<string, string>; parNom: Map<string, Ancienne[]> } | undefined;

/** Former communes, read once from the official reference: codes and names → current code. */
function communesAnciennes() {
  if (anciennes) return anciennes;
  const source: Source[] = require("@etalab/decoupage-administratif/data/communes.json");
  const parCode = new Map<string, string>();
  const parNom = new Map<string, Ancienne[]>();
  for (const c of source) {
    if (c.type === "commune-actuelle")
      for (const ancien of c.anciensCodes ?? []) parCode.set(ancien, c.code);
    if ((c.type === "commune-deleguee" || c.type === "commune-associee") && c.chefLieu) {
      if (c.code !== c.chefLieu) parCode.set(c.code, c.chefLieu);
      const nom = nomCommuneNormalise(c.nom);
      const liste = parNom.get(nom) ?? [];
      liste.push({ nom: c.nom, departement: c.departement ?? "", actuelle: c.chefLieu });
      parNom.set(nom, liste);
    }
  }
  anciennes = { parCode, parNom };
  return anciennes;
}

/** What a file says of a place's commune. */
export type CommuneEcrite = { code_insee: string | null; commune: string; code_postal: string };
export type Resolution = { commune: Commune } | { erreur: string };

const liste = (communes: Commune[]) =>
  communes.map((c) => `${c.nom} (${c.departementCode})`).join(", ");

/**
 * How the communes of a file are found, read at once: by INSEE code (a former commune's code
 * gives its current commune), else by name and postcode compared as people write them
 * ("SAINT ETIENNE", "St-Étienne", "Annecy Cedex 03"): the commune of that name in the postcode,
 * else in the postcode's département (Cedex codes are in no open base), else the former commune
 * of that name, else the only commune of the postcode. What stays ambiguous is refused, with
 * the candidates named.
 */
export async function resolveurDeCommunes(
  db: Executeur,
  ecrites: CommuneEcrite[],
): Promise<(e: CommuneEcrite) => Resolution> {
  const { parCode, parNom } = communesAnciennes();
  const codes = new Set<string>();
  const noms = new Set<string>();
  const postaux = new Set<string>();
  for (const e of ecrites) {
    if (e.code_insee) {
      codes.add(e.code_insee);
      const actuelle = parCode.get(e.code_insee);
      if (actuelle) codes.add(actuelle);
    }
    const nom = nomCommuneNormalise(e.commune);
    noms.add(nom);
    for (const a of parNom.get(nom) ?? []) codes.add(a.actuelle);
    postaux.add(e.code_postal);
  }
  const lues: Commune[] =
    ecrites.length === 0
      ? []
      : await db
          .select()
          .from(commune)
          .where(
            sql`${commune.code} = any(${tableauSql([...codes], "text")})
              or (${commune.type} = 'commune-actuelle'
                  and (${commune.nomNormalise} = any(${tableauSql([...noms], "text")})
                       or ${commune.codesPostaux} && ${tableauSql([...postaux], "text")}))`,
          );
  const parCodeLu = new Map(lues.map((c) => [c.code, c]));
  const actuelles = lues.filter((c) => c.type === "commune-actuelle");

  return (e) => {
    if (e.code_insee) {
      const c = parCodeLu.get(e.code_insee) ?? parCodeLu.get(parCode.get(e.code_insee) ?? "");
      if (c) return { commune: c };
    }
    const nom = nomCommuneNormalise(e.commune);
    const departements = departementsDuPrefixe(e.code_postal);
    const homonymes = actuelles.filter((c) => c.nomNormalise === nom);
    const duCode = homonymes.filter((c) => c.codesPostaux.includes(e.code_postal));
    if (duCode.length === 1) return { commune: duCode[0]! };
    const duDepartement = homonymes.filter((c) => departements.includes(c.departementCode));
    if (duDepartement.length === 1) return { commune: duDepartement[0]! };
    const anciennesDuDepartement = (parNom.get(nom) ?? []).filter((a) =>
      departements.includes(a.departement),
    );
    const devenues = [...new Set(anciennesDuDepartement.map((a) => a.actuelle))];
    if (devenues.length === 1 && parCodeLu.has(devenues[0]!))
      return { commune: parCodeLu.get(devenues[0]!)! };
    const duCodePostal = actuelles.filter((c) => c.codesPostaux.includes(e.code_postal));
    if (homonymes.length === 0 && duCodePostal.length === 1) return { commune: duCodePostal[0]! };
    if (homonymes.length > 1)
      return {
        erreur: `« ${e.commune} » désigne plusieurs communes : ${liste(homonymes)}. Indiquez le code INSEE ou le code postal de la commune.`,
      };
    if (homonymes.length === 1)
      return {
        erreur: `« ${e.commune} » est ${liste(homonymes)}, qui n'a pas le code postal ${e.code_postal}. Corrigez le code postal ou indiquez le code INSEE.`,
      };
    return {
      erreur:
        duCodePostal.length > 0
          ? `« ${e.commune} » n'est pas une commune du code postal ${e.code_postal} (${liste(duCodePostal.slice(0, 6))}${duCodePostal.length > 6 ? "…" : ""}). Indiquez le code INSEE.`
          : `Commune inconnue du référentiel officiel : « ${e.commune} » (${e.code_postal}).`,
    };
  };
}
