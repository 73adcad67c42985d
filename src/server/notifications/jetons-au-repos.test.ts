import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lignes } from "../db/client.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { candidatureConseiller, candidatureStructure } from "../test/formulaires.ts";
import {
  connecterPersona,
  EMAIL_ADMIN,
  type PlateformeAvecPuits,
  type PlateformeDeTest,
  plateformeAvecPuits,
} from "../test/plateforme.ts";
import { lienDans } from "../test/puits-smtp.ts";

/** The tables (name) whose text form holds the value, anywhere in any column. */
async function tablesContenant(p: PlateformeDeTest, valeur: string): Promise<string[]> {
  const tables = await lignes<{ nom: string }>(
    p.base.db,
    sql`select tablename as nom from pg_tables where schemaname = 'public'`,
  );
  const trouvees: string[] = [];
  for (const { nom } of tables) {
    const [r] = await lignes<{ n: number }>(
      p.base.db,
      sql`select count(*)::int as n from ${sql.identifier(nom)} t
          where strpos(t::text, ${valeur}) > 0`,
    );
    if (r!.n > 0) trouvees.push(nom);
  }
  return trouvees;
}

describe.each(BASES_DE_TEST)("aucun lien utilisable ne reste en base sur %s", (type) => {
  let p: PlateformeAvecPuits;
  let smtp: PlateformeAvecPuits["smtp"];
  beforeAll(async () => {
    p = await plateformeAvecPuits(type);
    smtp = p.smtp;
  });
  afterAll(() => p.arreter());

  const jetonDuDernier = (destinataire: string, chemin: string) => {
    const m = smtp.recus.filter((x) => x.destinataire === destinataire).at(-1);
    if (!m) throw new Error(`Aucun courriel pour ${destinataire}`);
    const lien = new URL(lienDans(m.texte));
    expect(lien.pathname).toBe(chemin);
    const jeton = lien.searchParams.get("jeton");
    expect(jeton).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    return jeton!;
  };

  it("lien de connexion, invitation et confirmations : envoyés, mais ni en clair ni utilisables en base", async () => {
    const admin = await connecterPersona(p, EMAIL_ADMIN);
    const envois = [
      {
        chemin: "/connexion/lien",
        destinataire: "prefet.62@demo.conseiller-numerique.fr",
        requete: {
          method: "POST" as const,
          url: "/api/auth/lien",
          payload: { email: "prefet.62@demo.conseiller-numerique.fr" },
        },
      },
      {
        chemin: "/invitation",
        destinataire: "nouvelle.prefete@interieur.gouv.fr",
        requete: {
          method: "POST" as const,
          url: "/api/utilisateurs/invitations",
          headers: { cookie: admin },
          payload: {
            email: "nouvelle.prefete@interieur.gouv.fr",
            prenom: "Nouvelle",
            nom: "Préfète",
            role: "prefet",
            perimetre: { type: "departement", code: "87" },
          },
        },
      },
      {
        chemin: "/candidature-structure/confirmation",
        destinataire: "dgs@lillers.example",
        requete: {
          method: "POST" as const,
          url: "/api/candidatures-structures",
          payload: await candidatureStructure(p),
        },
      },
      {
        chemin: "/candidature-conseiller/confirmation",
        destinataire: "ines.marchal@exemple.fr",
        requete: {
          method: "POST" as const,
          url: "/api/candidatures-conseillers",
          payload: candidatureConseiller(),
        },
      },
    ];
    for (const [i, e] of envois.entries()) {
      const r = await p.app.inject({ ...e.requete, remoteAddress: `10.9.0.${i + 1}` });
      expect(r.statusCode, `${e.requete.url} : ${r.body}`).toBeLessThan(300);
      const jeton = jetonDuDernier(e.destinataire, e.chemin);
      expect(await tablesContenant(p, jeton), e.chemin).toEqual([]);
    }
    // What the outbox keeps is the masked link, and no encrypted body once delivered.
    const restes = await lignes<{ texte: string; chiffre: boolean }>(
      p.base.db,
      sql`select texte, texte_chiffre is not null as chiffre from courriel
          where texte like '%jeton=%'`,
    );
    expect(restes.length).toBeGreaterThanOrEqual(envois.length);
    for (const r of restes) {
      expect(r.texte).toMatch(/jeton=\[masqué\]/);
      expect(r.chiffre).toBe(false);
    }
  });
});
