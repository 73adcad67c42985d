import { eq, isNotNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cra } from "../db/schema.ts";
import { acteurSysteme } from "../infra/journal.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";
import { importerCraV1, lireFichierV1 } from "./import-cra-v1.ts";
import { verifierRollups } from "./rollups.ts";

const CONSEILLERE = "conseiller@demo.conseiller-numerique.fr";
const v1 = (surcharge: Record<string, unknown> = {}) =>
  JSON.stringify({
    conseiller: CONSEILLERE,
    cra: {
      dateAccompagnement: "2026-01-12T00:00:00.000Z",
      canal: "rattachement",
      codeCommune: "62498",
      activite: "collectif",
      nbParticipants: 6,
      nbParticipantsRecurrents: 2,
      age: { plus60ans: 6 },
      statut: { retraite: 6 },
      themes: ["courriel", "securite"],
      duree: "30-60",
      ...surcharge,
    },
  });

describe.each(BASES_DE_TEST)("import des CRA d'origine sur %s", (type) => {
  let p: PlateformeDeTest;
  beforeEach(async () => {
    p = await plateformeDeTest(type);
  });
  afterEach(() => p.arreter());
  const importer = (texte: string, appliquer: boolean) =>
    importerCraV1(p.base.db, {
      lignes: lireFichierV1(texte),
      appliquer,
      acteur: acteurSysteme("import:test", "cli"),
    });

  it("rapporte les lignes fautives et n'importe rien tant qu'il en reste", async () => {
    const rapport = await importer(
      [
        v1(),
        "pas du json",
        v1({ activite: "visite" }),
        JSON.stringify({ conseiller: "inconnu@exemple.fr", cra: JSON.parse(v1()).cra }),
        v1({ dateAccompagnement: "2020-03-01" }),
      ].join("\n"),
      true,
    );
    expect(rapport).toMatchObject({ lignes: 5, valides: 1, applique: false });
    expect(rapport.rejetees.map((r) => [r.ligne, r.erreurs[0]!.message])).toEqual([
      [2, "Ligne illisible : { conseiller, cra } attendu."],
      [3, "L'activité est invalide."],
      [4, "Conseiller inconnu de la plateforme."],
      [5, "Aucun employeur connu à cette date."],
    ]);
    expect(await p.base.db.select().from(cra).where(isNotNull(cra.origineV1))).toEqual([]);
  });

  it("importe un fichier juste sur le lieu principal, valeurs d'origine gardées, agrégats exacts", async () => {
    const rapport = await importer(
      [
        v1(),
        v1({
          activite: "individuel",
          canal: "distance",
          themes: ["autre"],
          nbParticipants: 1,
          age: {},
          statut: {},
        }),
      ].join("\n"),
      true,
    );
    expect(rapport).toMatchObject({ valides: 2, applique: true, avertissements: 1 });
    const importes = await p.base.db.select().from(cra).where(isNotNull(cra.origineV1));
    expect(importes).toHaveLength(2);
    const atelier = importes.find((c) => c.type === "collectif")!;
    expect(atelier).toMatchObject({
      typeLieu: "lieu_activite",
      dureeMinutes: 60,
      dejaAccompagnes: 2,
      thematiques: ["email", "securite_numerique"],
      ages: { soixante_soixante_neuf: 3, soixante_dix_plus: 3 },
      departementCode: "62",
    });
    expect(atelier.lieuId).not.toBeNull();
    expect((atelier.origineV1 as { duree: string }).duree).toBe("30-60");
    const [distance] = await p.base.db.select().from(cra).where(eq(cra.typeLieu, "a_distance"));
    expect(distance?.thematiques).toEqual([]);
    expect(await verifierRollups(p.base.db)).toEqual([]);
  });
});
