import { describe, expect, it } from "vitest";
import { ajouterJours, finDuMois, heureParis, jourParis, lundiDeLaSemaine } from "./temps.ts";

describe("jours du calendrier", () => {
  it("donne le dernier jour du mois, février bissextile compris", () => {
    expect(finDuMois("2026-03-02")).toBe("2026-03-31");
    expect(finDuMois("2028-02-10")).toBe("2028-02-29");
    expect(finDuMois("2026-02-28")).toBe("2026-02-28");
    expect(finDuMois("2026-12-01")).toBe("2026-12-31");
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
});
