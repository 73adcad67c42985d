import { describe, expect, it } from "vitest";
import {
  ajouterJours,
  ajouterMois,
  finDuMois,
  heureMinuteParis,
  heureParis,
  instantParis,
  jourParis,
  lundiDeLaSemaine,
} from "./temps.ts";

describe("jours du calendrier", () => {
  it("donne le dernier jour du mois, février bissextile compris", () => {
    expect(finDuMois("2026-03-02")).toBe("2026-03-31");
    expect(finDuMois("2028-02-10")).toBe("2028-02-29");
    expect(finDuMois("2026-02-28")).toBe("2026-02-28");
    expect(finDuMois("2026-12-01")).toBe("2026-12-31");
  });
  it("déplace un jour de mois entiers, un jour que le mois d'arrivée n'a pas devenant son dernier", () => {
    expect(ajouterMois("2026-01-29", 1)).toBe("2026-02-28");
    expect(ajouterMois("2026-01-30", 1)).toBe("2026-02-28");
    expect(ajouterMois("2026-01-31", 1)).toBe("2026-02-28");
    expect(ajouterMois("2028-01-31", 1)).toBe("2028-02-29");
    expect(ajouterMois("2026-03-31", 1)).toBe("2026-04-30");
    expect(ajouterMois("2026-03-31", -1)).toBe("2026-02-28");
    expect(ajouterMois("2028-02-29", 12)).toBe("2029-02-28");
    expect(ajouterMois("2028-02-29", 24)).toBe("2030-02-28");
    expect(ajouterMois("2026-08-31", 6)).toBe("2027-02-28");
    expect(ajouterMois("2026-10-31", -11)).toBe("2025-11-30");
    expect(ajouterMois("2026-12-15", 1)).toBe("2027-01-15");
    expect(ajouterMois("2027-01-15", -1)).toBe("2026-12-15");
    expect(ajouterMois("2026-05-30", 0)).toBe("2026-05-30");
  });
  it("lit l'heure à Paris, heure d'été comprise", () => {
    expect(heureParis(new Date("2026-01-15T06:30:00Z"))).toBe(7);
    expect(heureParis(new Date("2026-07-15T04:59:00Z"))).toBe(6);
    expect(heureParis(new Date("2026-07-15T22:00:00Z"))).toBe(0);
  });
  it("lit le jour à Paris et déplace un jour à travers les années", () => {
    expect(jourParis(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(ajouterJours("2026-12-31", 1)).toBe("2027-01-01");
  });
  it("donne le lundi de la semaine, d'une année à l'autre", () => {
    expect(lundiDeLaSemaine("2026-12-03")).toBe("2026-11-30");
    expect(lundiDeLaSemaine("2026-11-30")).toBe("2026-11-30");
    expect(lundiDeLaSemaine("2027-01-03")).toBe("2026-12-28");
    expect(lundiDeLaSemaine("2024-03-03")).toBe("2024-02-26");
  });
  it("lit une heure tapée à Paris, de part et d'autre des changements d'heure", () => {
    expect(instantParis("2026-03-10", "14:00").toISOString()).toBe("2026-03-10T13:00:00.000Z");
    expect(instantParis("2026-07-01", "09:30").toISOString()).toBe("2026-07-01T07:30:00.000Z");
    expect(instantParis("2026-12-31", "23:45").toISOString()).toBe("2026-12-31T22:45:00.000Z");
    // The last Sunday of March at 03:00 is already summer time; of October at 03:00, winter.
    expect(instantParis("2026-03-29", "03:00").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(instantParis("2026-10-25", "03:00").toISOString()).toBe("2026-10-25T02:00:00.000Z");
    const d = instantParis("2027-02-28", "08:05");
    expect([jourParis(d), heureMinuteParis(d)]).toEqual(["2027-02-28", "08:05"]);
  });
});
