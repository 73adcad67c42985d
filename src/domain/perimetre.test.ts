import { describe, expect, it } from "vitest";
import {
  couvreTerritoire,
  departementsFiltrables,
  PERIMETRES_PAR_ROLE,
  type Perimetre,
  perimetreAutorise,
  perimetreSchema,
} from "./perimetre.ts";
import { ROLES } from "./roles.ts";
import { sessionExpiree } from "./temps.ts";
import { invitationSchema } from "./utilisateur.ts";
import { configurerZodEnFrancais } from "./zod-fr.ts";

configurerZodEnFrancais();

describe("périmètres par rôle", () => {
  const cas = [
    ["admin", { type: "national" }, true],
    ["admin", { type: "departement", code: "62" }, false],
    ["prefet", { type: "departement", code: "62" }, true],
    ["prefet", { type: "region", code: "32" }, true],
    ["prefet", { type: "national" }, false],
    ["structure", { type: "structure", structureId: "6b8e9381-5a9a-4c8c-a1d6-af03ad813123" }, true],
    ["structure", { type: "soi" }, false],
    ["conseiller", { type: "soi" }, true],
    ["candidat", { type: "soi" }, true],
    ["coordinateur", { type: "communes", codes: ["62119"] }, true],
    ["coordinateur", { type: "regions", codes: ["32"] }, false],
    ["hub", { type: "regions", codes: ["32"] }, true],
    ["hub", { type: "departements", codes: ["971", "972"] }, true],
    ["hub", { type: "region", code: "32" }, false],
    ["grand_reseau", { type: "reseau", code: "emmaus_connect" }, true],
    ["financeur", { type: "national" }, true],
    ["financeur", { type: "regions", codes: ["75"] }, true],
    ["financeur", { type: "departement", code: "62" }, false],
  ] as const;
  it.each(cas)("%s avec %j : %s", (role, perimetre, attendu) => {
    expect(perimetreAutorise(role, perimetreSchema.parse(perimetre))).toBe(attendu);
  });

  it("chaque rôle a au moins un périmètre", () => {
    for (const role of ROLES) expect(PERIMETRES_PAR_ROLE[role].length).toBeGreaterThan(0);
  });

  it("accepte les codes d'outre-mer et de Corse, refuse les autres", () => {
    expect(perimetreSchema.safeParse({ type: "departement", code: "2A" }).success).toBe(true);
    expect(perimetreSchema.safeParse({ type: "departement", code: "988" }).success).toBe(true);
    expect(perimetreSchema.safeParse({ type: "departement", code: "00" }).success).toBe(true);
    expect(perimetreSchema.safeParse({ type: "departement", code: "6" }).success).toBe(false);
    expect(
      perimetreSchema.safeParse({ type: "departement", code: "62", role: "admin" }).success,
    ).toBe(false);
  });
});

describe("invitation", () => {
  it("normalise l'adresse et refuse un périmètre qui ne va pas au rôle, en français", () => {
    const ok = invitationSchema.parse({
      email: "  Marie.Curie@Exemple.FR ",
      prenom: "Marie",
      nom: "Curie",
      role: "prefet",
      perimetre: { type: "departement", code: "62" },
    });
    expect(ok.email).toBe("marie.curie@exemple.fr");
    const ko = invitationSchema.safeParse({
      email: "marie@exemple.fr",
      prenom: "Marie",
      nom: "Curie",
      role: "prefet",
      perimetre: { type: "national" },
    });
    expect(ko.success).toBe(false);
    expect(ko.error?.issues[0]?.message).toBe("Ce périmètre ne convient pas à ce rôle.");
    expect(ko.error?.issues[0]?.path).toEqual(["perimetre"]);
  });

  it("explique chaque champ manquant en français", () => {
    const ko = invitationSchema.safeParse({ email: "pas-une-adresse", role: "roi" });
    const messages = ko.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(messages).toContain(
      "email: L'adresse électronique n'est pas valide (ex. prenom.nom@exemple.fr).",
    );
    expect(messages).toContain("role: Ce rôle n'existe pas.");
    expect(messages).toContain("prenom: Le prénom est obligatoire.");
  });
});

describe("expiration des sessions", () => {
  const regles = { inactiviteMs: 60_000, absolueMs: 600_000 };
  const creeLe = new Date("2026-01-01T10:00:00Z");
  it.each([
    ["active", 30_000, 30_000, false],
    ["inactive trop longtemps", 0, 61_000, true],
    ["active mais trop ancienne", 590_000, 601_000, true],
    ["à la limite d'inactivité", 0, 60_000, false],
  ])("%s", (_nom, activiteApres, maintenantApres, attendu) => {
    const derniereActivite = new Date(creeLe.getTime() + activiteApres);
    const maintenant = new Date(creeLe.getTime() + maintenantApres);
    expect(sessionExpiree({ creeLe, derniereActivite }, maintenant, regles)).toBe(attendu);
  });
});

describe("territoire couvert par un préfet", () => {
  const lieu = { departementCode: "62", regionCode: "32" };
  it.each([
    [{ type: "departement", code: "62" }, true],
    [{ type: "departement", code: "59" }, false],
    [{ type: "region", code: "32" }, true],
    [{ type: "region", code: "75" }, false],
    [{ type: "national" }, false],
  ] as const)("%j", (perimetre, attendu) => {
    expect(couvreTerritoire(perimetre, lieu)).toBe(attendu);
  });
});

describe("départements proposés comme filtre des statistiques", () => {
  const departements = [
    { code: "59", regionCode: "32" },
    { code: "62", regionCode: "32" },
    { code: "75", regionCode: "11" },
  ];
  it.each([
    ["admin", { type: "national" }, ["59", "62", "75"]],
    ["prefet", { type: "region", code: "32" }, ["59", "62"]],
    ["prefet", { type: "departement", code: "62" }, []],
    ["hub", { type: "regions", codes: ["11", "32"] }, ["59", "62", "75"]],
    ["hub", { type: "departements", codes: ["59", "75"] }, ["59", "75"]],
    ["financeur", { type: "regions", codes: ["11"] }, []],
    ["coordinateur", { type: "region", code: "32" }, []],
    ["structure", { type: "structure", structureId: "00000000-0000-4000-8000-000000000001" }, []],
  ] as const)("%s sur %j : %j", (role, perimetre, attendu) => {
    expect(departementsFiltrables(role, perimetre as Perimetre, departements)).toEqual(attendu);
  });
});
