import type { PlateformeDeTest } from "./plateforme.ts";

/** A structure's application to the call `amiId`, as its form sends it. */
export function formulaireStructure(amiId: string, surcharge: Record<string, unknown> = {}) {
  return {
    amiId,
    identifiant: "21620516100013",
    typeJuridique: "commune",
    nom: "Commune de Lillers",
    adresse: "Place du Capitaine Ricquier",
    communeCode: "62516",
    contact: {
      prenom: "Anne",
      nom: "Lefort",
      fonction: "DGS",
      email: "dgs@lillers.example",
      telephone: "03 21 00 00 00",
    },
    postesDemandes: 2,
    dateDebutSouhaitee: "2021-04-01",
    motivation: "Accompagner les habitants éloignés du numérique.",
    coordinateur: "non",
    engagement: true,
    ...surcharge,
  };
}

/** The same to the open call for local authorities, read from the platform. */
export async function candidatureStructure(
  p: PlateformeDeTest,
  surcharge: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const appels = (await p.app.inject("/api/amis/ouverts")).json() as {
    id: string;
    typesEligibles: string[];
  }[];
  return formulaireStructure(
    appels.find((a) => a.typesEligibles.includes("commune"))!.id,
    surcharge,
  );
}

/** A person's application to become a conseiller, as its form sends it (no CV). */
export function candidatureConseiller(surcharge: Record<string, unknown> = {}) {
  return {
    candidature: {
      prenom: "Inès",
      nom: "Marchal",
      email: "ines.marchal@exemple.fr",
      telephone: "06 12 34 56 78",
      communeCode: "62119",
      situations: ["demandeur_emploi"],
      diplome: "",
      dateDisponibilite: "2026-03-15",
      distanceMaxKm: 20,
      motivation: "Aider les habitants de mon quartier à faire leurs démarches.",
      ...surcharge,
    },
    cv: null,
  };
}
