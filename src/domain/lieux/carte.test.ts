import { describe, expect, it } from "vitest";
import { filtresDeRequete, filtresEnRequete } from "./carte.ts";

describe("filtres de la carte dans l'URL", () => {
  it("relit ce qu'elle écrit, valeurs répétées comprises", () => {
    const filtres = filtresDeRequete(
      new URLSearchParams(
        "services=Aide+aux+d%C3%A9marches+administratives&services=Loisirs+et+cr%C3%A9ations+num%C3%A9riques&departements=62&gratuit=1",
      ),
    );
    expect(filtres).toMatchObject({
      services: ["Aide aux démarches administratives", "Loisirs et créations numériques"],
      departements: ["62"],
      gratuit: true,
      publics: [],
    });
    expect(filtresDeRequete(filtresEnRequete(filtres))).toEqual(filtres);
  });

  it("ignore une URL dont un filtre n'est pas une valeur du standard", () => {
    const f = filtresDeRequete(new URLSearchParams("services=Cuisine&gratuit=1"));
    expect(f.services).toEqual([]);
    expect(f.gratuit).toBeFalsy();
  });
});
