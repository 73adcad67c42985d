import { describe, expect, it } from "vitest";
import { joindre } from "./format.ts";

describe("joindre", () => {
  it("laisse de côté ce qui n'est pas connu, sans tiret orphelin", () => {
    expect(joindre("SIRET 123", null, "secteur public")).toBe("SIRET 123 – secteur public");
    expect(joindre(undefined, "  ", false, "secteur privé")).toBe("secteur privé");
    expect(joindre(null, undefined)).toBe("");
  });
});
