import { describe, expect, it } from "vitest";
import { etatOuverture, fuseauDe, ouvertLeWeekEnd, semaineType } from "./ouverture.ts";

const HORAIRES = "Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:00";

describe("ouverture d'un lieu selon ses horaires OSM", () => {
  it("dit ouvert et quand il ferme, à l'heure de Paris quelle que soit celle du serveur", () => {
    // Tuesday 10 March 2026, 10:15 in Paris = 09:15 UTC.
    expect(etatOuverture(HORAIRES, new Date("2026-03-10T09:15:00Z"))).toEqual({
      ouvert: true,
      prochainChangement: "Ferme à 12:30",
    });
    // 12:45 in Paris: closed for lunch.
    expect(etatOuverture(HORAIRES, new Date("2026-03-10T11:45:00Z"))).toEqual({
      ouvert: false,
      prochainChangement: "Ouvre à 13:30",
    });
  });

  it("annonce le jour de la prochaine ouverture quand ce n'est pas aujourd'hui", () => {
    // Saturday 14 March 2026, 15:00 in Paris: next opening on Monday.
    expect(etatOuverture(HORAIRES, new Date("2026-03-14T14:00:00Z"))).toEqual({
      ouvert: false,
      prochainChangement: "Ouvre lundi à 09:00",
    });
  });

  it("suit l'heure locale d'un lieu d'outre-mer", () => {
    // 13:00 UTC is 09:00 in Guadeloupe (UTC−4) and 14:00 in Paris.
    const instant = new Date("2026-03-10T13:00:00Z");
    expect(etatOuverture("Mo-Fr 08:00-12:00", instant, fuseauDe("971"))?.ouvert).toBe(true);
    expect(etatOuverture("Mo-Fr 08:00-12:00", instant, fuseauDe("62"))?.ouvert).toBe(false);
  });

  it("traite des horaires illisibles comme absents, sans erreur", () => {
    expect(etatOuverture("n'importe quoi", new Date())).toBeNull();
    expect(etatOuverture(null, new Date())).toBeNull();
    expect(semaineType("n'importe quoi")).toBeNull();
    expect(ouvertLeWeekEnd("n'importe quoi")).toBe(false);
  });

  it("repère l'ouverture le week-end et donne la semaine type", () => {
    expect(ouvertLeWeekEnd(HORAIRES)).toBe(true);
    expect(ouvertLeWeekEnd("Mo-Fr 09:00-17:00")).toBe(false);
    const semaine = semaineType(HORAIRES)!;
    expect(semaine[0]).toEqual({ jour: "Lundi", creneaux: ["09:00 – 12:30", "13:30 – 17:00"] });
    expect(semaine[5]).toEqual({ jour: "Samedi", creneaux: ["09:00 – 12:00"] });
    expect(semaine[6]).toEqual({ jour: "Dimanche", creneaux: [] });
  });
});
