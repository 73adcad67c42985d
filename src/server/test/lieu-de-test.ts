/** A place a conseiller declares in Liévin (62), as the form sends it: only its name varies. */
export function lieuDeTest(nom: string) {
  return {
    nom,
    adresse: "12 rue Jean Jaurès",
    codePostal: "62800",
    communeCode: "62510",
    services: ["Aide aux démarches administratives"],
    modalitesAcces: ["Se présenter"],
    typologies: ["BIB"],
    itinerance: ["Fixe"],
    horaires: {
      Mo: [],
      Tu: [{ debut: "09:00", fin: "12:00" }],
      We: [],
      Th: [],
      Fr: [],
      Sa: [],
      Su: [],
    },
  };
}
