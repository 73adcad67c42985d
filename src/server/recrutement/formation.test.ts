import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { certification, formation, journal, utilisateur } from "../db/schema.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import {
  connecterPersona,
  EMAIL_ADMIN,
  type PlateformeDeTest,
  plateformeDeTest,
} from "../test/plateforme.ts";

const CONSEILLERE = "conseiller@demo.conseiller-numerique.fr";

describe.each(BASES_DE_TEST)("résultats de formation et certifications sur %s", (type) => {
  let p: PlateformeDeTest;
  let admin: string;
  let conseillereId: string;

  beforeEach(async () => {
    p = await plateformeDeTest(type);
    admin = await connecterPersona(p, EMAIL_ADMIN);
    const [u] = await p.base.db
      .select()
      .from(utilisateur)
      .where(eq(utilisateur.email, CONSEILLERE));
    conseillereId = u!.id;
  });
  afterEach(() => p.arreter());

  const importer = (csv: string, appliquer: "oui" | "non") =>
    p.app.inject({
      method: "POST",
      url: `/api/formations/import?appliquer=${appliquer}`,
      headers: { cookie: admin, "content-type": "text/csv" },
      payload: csv,
    });
  const entete =
    "identifiant;email;organisme;parcours_heures;date_debut;date_fin;heures_realisees;ccp1;date_ccp1;pix_1_1;pix_4_1;pix_4_2;date_pix";

  it("rapporte chaque ligne fautive et n'applique rien tant qu'il en reste une", async () => {
    const avant = await p.base.db
      .select()
      .from(formation)
      .where(eq(formation.utilisateurId, conseillereId));
    const csv = [
      entete,
      `;${CONSEILLERE};;280;;15/01/2026;280;obtenue;20/01/2026;5;5;6;20/01/2026`,
      ";inconnu@exemple.fr;;105;;;;;;;;;",
      `;${CONSEILLERE};;200;;;;;;;;;`,
      `;${CONSEILLERE};;;;;;reussi;;;;;`,
      `;${CONSEILLERE};;;;;;;;9;5;5;01/02/2026`,
      `;${CONSEILLERE};;;;01/01/2030;;;;;;;`,
    ].join("\n");
    const r = await importer(csv, "oui");
    expect(r.statusCode).toBe(200);
    const rapport = r.json();
    expect(rapport).toMatchObject({ lignes: 6, valides: 1, applique: false });
    expect(rapport.rejetees.map((l: { ligne: number }) => l.ligne)).toEqual([3, 4, 5, 6, 7]);
    const messages = rapport.rejetees.flatMap((l: { erreurs: { message: string }[] }) =>
      l.erreurs.map((e) => e.message),
    );
    expect(messages).toEqual([
      "Personne inconnue ou sans formation ouverte.",
      "Le parcours doit être de 105, 280, 350 ou 420 heures.",
      "Résultat de CCP1 inconnu : « reussi ».",
      "Un niveau Pix va de 0 à 8.",
      "Date dans le futur.",
    ]);
    const apres = await p.base.db
      .select()
      .from(formation)
      .where(eq(formation.utilisateurId, conseillereId));
    expect(apres).toEqual(avant);
    expect(
      await p.base.db
        .select()
        .from(certification)
        .where(eq(certification.utilisateurId, conseillereId)),
    ).toEqual([]);
  });

  it("applique un fichier juste : formation terminée, CCP1 et Pix calculé, journalisés", async () => {
    const csv = [
      entete,
      `${conseillereId};;;280;;15/01/2026;280;obtenue;20/01/2026;5;4;6;20/01/2026`,
    ].join("\n");
    const essai = await importer(csv, "non");
    expect(essai.json()).toMatchObject({ valides: 1, applique: false, rejetees: [] });
    const r = await importer(csv, "oui");
    expect(r.json()).toMatchObject({ valides: 1, applique: true });
    const [f] = await p.base.db
      .select()
      .from(formation)
      .where(eq(formation.utilisateurId, conseillereId));
    expect(f).toMatchObject({
      statut: "terminee",
      dateFinReelle: "2026-01-15",
      heuresRealisees: 280,
    });
    const certifs = await p.base.db
      .select()
      .from(certification)
      .where(eq(certification.utilisateurId, conseillereId));
    expect(certifs.map((c) => [c.type, c.statut]).sort()).toEqual([
      ["ccp1", "obtenue"],
      // 4 on competence 4.1: Pix is not obtained, whatever the file says.
      ["pix", "echouee"],
    ]);
    const traces = await p.base.db
      .select()
      .from(journal)
      .where(eq(journal.action, "formation.importee"));
    expect(traces[0]?.origine).toBe("import");

    const conseillere = await connecterPersona(p, CONSEILLERE);
    const vue = await p.app.inject({
      url: "/api/conseiller/formation",
      headers: { cookie: conseillere },
    });
    expect(vue.json().formation.statut).toBe("terminee");
    expect(vue.json().certifications).toHaveLength(2);
  });

  it("laisse l'administration saisir un résultat de Pix, obtenu au niveau 5 partout", async () => {
    const r = await p.app.inject({
      method: "POST",
      url: `/api/admin/personnes/${conseillereId}/certifications`,
      headers: { cookie: admin },
      payload: { type: "pix", dateExamen: "2026-02-20", niveaux: { "1.1": 5, "4.1": 5, "4.2": 7 } },
    });
    expect(r.statusCode).toBe(201);
    const [c] = await p.base.db
      .select()
      .from(certification)
      .where(eq(certification.id, r.json().id));
    expect(c?.statut).toBe("obtenue");
    const futur = await p.app.inject({
      method: "POST",
      url: `/api/admin/personnes/${conseillereId}/certifications`,
      headers: { cookie: admin },
      payload: { type: "ccp1", statut: "obtenue", dateExamen: "2026-12-01" },
    });
    expect(futur.statusCode).toBe(400);
    expect(futur.json().erreurs[0].message).toBe(
      "La date d'examen ne peut pas être dans le futur.",
    );
  });

  it("refuse un fichier qui n'est ni CSV ni XLSX", async () => {
    const r = await p.app.inject({
      method: "POST",
      url: "/api/formations/import",
      headers: { cookie: admin, "content-type": "application/json" },
      payload: {},
    });
    expect(r.statusCode).toBe(415);
  });
});
