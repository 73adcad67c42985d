import type { Perimetre } from "../../domain/perimetre.ts";
import type { Role } from "../../domain/roles.ts";

/** A structure of the demo territory, named as in the programme's articles. */
export type StructureDemo = {
  cle: string;
  nom: string;
  typeJuridique: string;
  secteur: "public" | "prive";
  commune: string;
  departement: string;
  reseau?: string;
  siret: string;
};

/** Town-centre points of the demo communes (WGS84), so the candidates' pool works offline. */
export const COORDONNEES_DEMO: Record<string, [number, number]> = {
  Lens: [50.4322, 2.8316],
  Lillers: [50.5617, 2.4822],
  Béthune: [50.5303, 2.6408],
  "Calonne-Ricouart": [50.4878, 2.4783],
  Laventie: [50.6286, 2.7736],
  Isbergues: [50.6231, 2.4561],
  Houdain: [50.4514, 2.5361],
  Lille: [50.6292, 3.0573],
  Arras: [50.291, 2.7775],
  "Saint-Junien": [45.8872, 0.9017],
  Limoges: [45.8336, 1.2611],
  Tulle: [45.2672, 1.7706],
  Guéret: [46.1714, 1.8717],
};

export const STRUCTURES_DEMO: readonly StructureDemo[] = [
  {
    cle: "pimms",
    nom: "PIMMS Médiation Artois-Gohelle",
    typeJuridique: "association",
    secteur: "prive",
    commune: "Lens",
    departement: "62",
    reseau: "pimms",
    siret: "41963398700039",
  },
  {
    cle: "lillers",
    nom: "Commune de Lillers – bibliothèque municipale",
    typeJuridique: "commune",
    secteur: "public",
    commune: "Lillers",
    departement: "62",
    siret: "21620516100013",
  },
  {
    cle: "cabbalr",
    nom: "CABBALR – Communauté d'agglomération Béthune-Bruay Artois Lys Romane",
    typeJuridique: "epci",
    secteur: "public",
    commune: "Béthune",
    departement: "62",
    siret: "20006717300019",
  },
  {
    cle: "calonne",
    nom: "Commune de Calonne-Ricouart",
    typeJuridique: "commune",
    secteur: "public",
    commune: "Calonne-Ricouart",
    departement: "62",
    siret: "21620193900016",
  },
  {
    cle: "laventie",
    nom: "Commune de Laventie",
    typeJuridique: "commune",
    secteur: "public",
    commune: "Laventie",
    departement: "62",
    siret: "21620491700019",
  },
  {
    cle: "mjep",
    nom: "Maison de la Jeunesse et de l'éducation populaire d'Isbergues",
    typeJuridique: "association",
    secteur: "prive",
    commune: "Isbergues",
    departement: "62",
    siret: "77826370200020",
  },
  {
    cle: "houdain",
    nom: "Commune d'Houdain",
    typeJuridique: "commune",
    secteur: "public",
    commune: "Houdain",
    departement: "62",
    siret: "21620457800019",
  },
  {
    cle: "citeo",
    nom: "CITEO",
    typeJuridique: "autre_prive",
    secteur: "prive",
    commune: "Béthune",
    departement: "62",
    siret: "38838091100031",
  },
  {
    cle: "devandyou",
    nom: "DEV and YOU",
    typeJuridique: "association",
    secteur: "prive",
    commune: "Lille",
    departement: "59",
    siret: "82150455600019",
  },
  {
    cle: "emmaus",
    nom: "Emmaüs Connect – Pas-de-Calais",
    typeJuridique: "association",
    secteur: "prive",
    commune: "Arras",
    departement: "62",
    reseau: "emmaus_connect",
    siret: "53190123200052",
  },
  {
    cle: "saintjunien",
    nom: "Maison départementale de Saint-Junien",
    typeJuridique: "departement",
    secteur: "public",
    commune: "Saint-Junien",
    departement: "87",
    siret: "22870001900133",
  },
  {
    cle: "limoges",
    nom: "Ville de Limoges",
    typeJuridique: "commune",
    secteur: "public",
    commune: "Limoges",
    departement: "87",
    siret: "21870085600014",
  },
  {
    cle: "tulle",
    nom: "Commune de Tulle",
    typeJuridique: "commune",
    secteur: "public",
    commune: "Tulle",
    departement: "19",
    siret: "21190272800016",
  },
  {
    cle: "gueret",
    nom: "Commune de Guéret",
    typeJuridique: "commune",
    secteur: "public",
    commune: "Guéret",
    departement: "23",
    siret: "21230096300015",
  },
];

export type PersonaDemo = {
  email: string;
  prenom: string;
  nom: string;
  libelle: string;
  habilitations: { role: Role; perimetre: Perimetre | { type: "structure"; cle: string } }[];
};

const domaine = "demo.conseiller-numerique.fr";

/** One persona per role (and a few cases worth trying), all on the demo territory. */
export const PERSONAS: readonly PersonaDemo[] = [
  {
    email: `admin@${domaine}`,
    prenom: "Camille",
    nom: "Martin",
    libelle: "Administratrice nationale (ANCT)",
    habilitations: [{ role: "admin", perimetre: { type: "national" } }],
  },
  {
    email: `prefet.62@${domaine}`,
    prenom: "Julien",
    nom: "Lefebvre",
    libelle: "Préfecture du Pas-de-Calais",
    habilitations: [{ role: "prefet", perimetre: { type: "departement", code: "62" } }],
  },
  {
    email: `prefet.59@${domaine}`,
    prenom: "Sophie",
    nom: "Dubois",
    libelle: "Préfecture du Nord",
    habilitations: [{ role: "prefet", perimetre: { type: "departement", code: "59" } }],
  },
  {
    email: `prefet.na@${domaine}`,
    prenom: "Hélène",
    nom: "Moreau",
    libelle: "Préfecture de région Nouvelle-Aquitaine",
    habilitations: [{ role: "prefet", perimetre: { type: "region", code: "75" } }],
  },
  {
    email: `structure.cabbalr@${domaine}`,
    prenom: "Nadia",
    nom: "Benali",
    libelle: "Gestionnaire de la CABBALR",
    habilitations: [{ role: "structure", perimetre: { type: "structure", cle: "cabbalr" } }],
  },
  {
    email: `structure.cabbalr.2@${domaine}`,
    prenom: "Thomas",
    nom: "Leroy",
    libelle: "Second gestionnaire de la CABBALR",
    habilitations: [{ role: "structure", perimetre: { type: "structure", cle: "cabbalr" } }],
  },
  {
    email: `structure.pimms@${domaine}`,
    prenom: "Yasmine",
    nom: "Carpentier",
    libelle: "Gestionnaire du PIMMS de Lens (postes à pourvoir)",
    habilitations: [{ role: "structure", perimetre: { type: "structure", cle: "pimms" } }],
  },
  {
    email: `conseiller@${domaine}`,
    prenom: "Léa",
    nom: "Fontaine",
    libelle: "Conseillère numérique au PIMMS de Lens",
    habilitations: [{ role: "conseiller", perimetre: { type: "soi" } }],
  },
  {
    email: `candidat@${domaine}`,
    prenom: "Karim",
    nom: "Haddad",
    libelle: "Candidat du vivier",
    habilitations: [{ role: "candidat", perimetre: { type: "soi" } }],
  },
  {
    email: `prescripteur@${domaine}`,
    prenom: "Sandrine",
    nom: "Lemaire",
    libelle: "Agente France Services à Liévin (prescriptrice)",
    habilitations: [{ role: "prescripteur", perimetre: { type: "departement", code: "62" } }],
  },
  {
    email: `coordinateur@${domaine}`,
    prenom: "Mathilde",
    nom: "Roussel",
    libelle: "Coordinatrice du Pas-de-Calais",
    habilitations: [{ role: "coordinateur", perimetre: { type: "departement", code: "62" } }],
  },
  {
    email: `hub.assembleurs@${domaine}`,
    prenom: "Antoine",
    nom: "Garnier",
    libelle: "Hub Les Assembleurs (Hauts-de-France)",
    habilitations: [{ role: "hub", perimetre: { type: "regions", codes: ["32"] } }],
  },
  {
    email: `hub.hubik@${domaine}`,
    prenom: "Inès",
    nom: "Faure",
    libelle: "Hubik (Nouvelle-Aquitaine)",
    habilitations: [{ role: "hub", perimetre: { type: "regions", codes: ["75"] } }],
  },
  {
    email: `reseau.emmaus@${domaine}`,
    prenom: "Paul",
    nom: "Chevalier",
    libelle: "Grand réseau Emmaüs Connect, gestionnaire de sa structure du Pas-de-Calais",
    habilitations: [
      { role: "grand_reseau", perimetre: { type: "reseau", code: "emmaus_connect" } },
      { role: "structure", perimetre: { type: "structure", cle: "emmaus" } },
    ],
  },
  {
    email: `financeur@${domaine}`,
    prenom: "Claire",
    nom: "Bertrand",
    libelle: "Banque des Territoires",
    habilitations: [{ role: "financeur", perimetre: { type: "national" } }],
  },
];

export const PRENOMS = [
  "Alice",
  "Hugo",
  "Chloé",
  "Louis",
  "Emma",
  "Nathan",
  "Manon",
  "Lucas",
  "Sarah",
  "Yanis",
  "Inès",
  "Jules",
  "Camille",
  "Gabriel",
  "Lina",
  "Adam",
  "Zoé",
  "Raphaël",
  "Jade",
  "Mohamed",
  "Léna",
  "Arthur",
  "Eva",
  "Noah",
] as const;
export const NOMS = [
  "Petit",
  "Durand",
  "Lambert",
  "Bonnet",
  "François",
  "Mercier",
  "Girard",
  "Andre",
  "Lefèvre",
  "Fournier",
  "Rousseau",
  "Vincent",
  "Muller",
  "Blanc",
  "Guerin",
  "Boyer",
  "Robin",
  "Masson",
  "Sanchez",
  "Nicolas",
  "Henry",
  "Perrin",
  "Morin",
  "Mathieu",
] as const;
