import { eq, inArray } from "drizzle-orm";
import { jourParis } from "../../domain/temps.ts";
import type { Executeur } from "../db/client.ts";
import { commune, lieu, lieuConseiller, utilisateur } from "../db/schema.ts";
import type { Hasard } from "./hasard.ts";
import { COORDONNEES_DEMO, STRUCTURES_DEMO } from "./personas.ts";

type CommuneDemo = { code: string; nom: string; departementCode: string; regionCode: string };

/** Kinds of public places where conseillers hold their sessions, with what they offer. */
const MODELES = [
  {
    nom: (v: string) => `Médiathèque de ${v}`,
    typologies: ["BIB"],
    services: ["Maîtrise des outils numériques du quotidien", "Loisirs et créations numériques"],
    horaires: "Tu-Fr 10:00-12:30,14:00-18:00; Sa 10:00-17:00",
    frais: ["Gratuit"],
  },
  {
    nom: (v: string) => `France services de ${v}`,
    typologies: ["RFS"],
    services: ["Aide aux démarches administratives", "Utilisation sécurisée du numérique"],
    horaires: "Mo-Fr 08:30-12:00,13:30-17:00",
    frais: ["Gratuit"],
    programmes: ["France Services"],
  },
  {
    nom: (v: string) => `Centre social de ${v}`,
    typologies: ["CS"],
    services: [
      "Parentalité et éducation avec le numérique",
      "Insertion professionnelle via le numérique",
      "Accès internet et matériel informatique",
    ],
    horaires: "Mo-Th 09:00-12:00,14:00-18:00; Fr 09:00-12:00",
    frais: ["Gratuit sous condition"],
    publics: ["Familles et/ou enfants", "Jeunes"],
  },
  {
    nom: (v: string) => `Mairie de ${v} – espace numérique`,
    typologies: ["MUNI"],
    services: ["Aide aux démarches administratives", "Compréhension du monde numérique"],
    horaires: "Mo,We,Fr 09:00-12:00",
    frais: ["Gratuit"],
    publics: ["Seniors"],
  },
] as const;

/**
 * Public places around the demo towns, each with a few of the demo conseillers, so that the
 * public map answers a search for Béthune, Lens or Limoges on first start. One conseiller has
 * asked not to be named on the map.
 */
export async function genererCarteDemo(
  tx: Executeur,
  h: Hasard,
  params: { communes: CommuneDemo[]; conseillers: string[]; maintenant: Date },
): Promise<void> {
  const aujourdhui = jourParis(params.maintenant);
  const villes = [
    ...new Map(STRUCTURES_DEMO.map((s) => [s.commune, s.departement])).entries(),
  ].flatMap(([nom, departement]) => {
    const c = params.communes.find((x) => x.nom === nom && x.departementCode === departement);
    const point = COORDONNEES_DEMO[nom];
    return c && point ? [{ commune: c, point }] : [];
  });
  const codesPostaux = new Map(
    (
      await tx
        .select({ code: commune.code, cp: commune.codesPostaux })
        .from(commune)
        .where(
          inArray(
            commune.code,
            villes.map((v) => v.commune.code),
          ),
        )
    ).map((c) => [c.code, c.cp[0] ?? "00000"]),
  );
  const valeurs = villes.flatMap((v, i) =>
    [0, 1].map((k) => {
      const m = MODELES[(i + k) % MODELES.length]!;
      return {
        pivot: "00000000000000",
        nom: m.nom(v.commune.nom),
        adresse: `${h.entier(1, 80)} ${h.choisir(["rue de la République", "place du Général de Gaulle", "rue Jean Jaurès", "avenue de la Gare"])}`,
        codePostal: codesPostaux.get(v.commune.code) ?? "00000",
        communeCode: v.commune.code,
        departementCode: v.commune.departementCode,
        regionCode: v.commune.regionCode,
        latitude: v.point[0] + h.entier(-80, 80) / 10_000,
        longitude: v.point[1] + h.entier(-80, 80) / 10_000,
        typologies: [...m.typologies],
        services: [...m.services],
        horaires: m.horaires,
        fraisACharge: [...m.frais],
        publicsSpecifiquementAdresses: "publics" in m ? [...m.publics] : [],
        dispositifProgrammesNationaux: [
          "Conseillers numériques",
          ...("programmes" in m ? m.programmes : []),
        ],
        modalitesAcces: ["Se présenter", "Téléphoner"],
        modalitesAccompagnement: ["Accompagnement individuel", "Dans un atelier collectif"],
        telephone: `+3332${String(h.entier(1_000_000, 9_999_999))}`,
        priseRdv: k === 0 ? null : "https://rdv.aide-numerique.gouv.fr/",
        source: "Conseillers numériques",
        dateMaj: aujourdhui,
      };
    }),
  );
  const crees = await tx.insert(lieu).values(valeurs).returning({ id: lieu.id });
  // Each of the first conseillers works in one of these places (its main place).
  const liens = params.conseillers.slice(0, crees.length * 2).map((conseillerId, i) => ({
    lieuId: crees[i % crees.length]!.id,
    conseillerId,
    nature: "principal" as const,
    debut: "2024-01-01",
  }));
  if (liens.length) await tx.insert(lieuConseiller).values(liens);
  const discret = params.conseillers[0];
  if (discret)
    await tx.update(utilisateur).set({ nomMasqueCarte: true }).where(eq(utilisateur.id, discret));
}
