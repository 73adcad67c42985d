import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lignes } from "../db/client.ts";
import { chargerNouvelleAquitaine } from "../demo/nouvelle-aquitaine.ts";
import { chargerPasDeCalais, SESSION_PAS_DE_CALAIS } from "../demo/pas-de-calais.ts";
import { BASES_DE_TEST } from "../test/bases.ts";
import { connecterPersona, type PlateformeDeTest, plateformeDeTest } from "../test/plateforme.ts";

const D = "demo.conseiller-numerique.fr";
type Ligne = Record<string, number | string | null>;

/**
 * docs/domaine/programme.md §7: the figures quoted by the programme come out of the dashboards, from the
 * committee's decisions loaded through the operators' import and the recruitments' contracts
 * (no figure is stored anywhere).
 */
describe.each(BASES_DE_TEST)("chiffres du programme sur %s", (type) => {
  let p: PlateformeDeTest;
  beforeAll(async () => {
    p = await plateformeDeTest(type);
    await chargerPasDeCalais(p.base.db, p.horloge.maintenant());
    await chargerNouvelleAquitaine(p.base.db, p.horloge.maintenant());
  });
  afterAll(() => p.arreter());

  const lire = async (qui: string, query: string) => {
    const cookie = await connecterPersona(p, `${qui}@${D}`);
    const r = await p.app.inject({ url: `/api/pilotage/tableau?${query}`, headers: { cookie } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { total: Ligne; lignes: Ligne[] };
  };

  it("les postes viennent des décisions du COSELEC importées, sans poste écrit à la main", async () => {
    const [session] = await lignes<{ decisions: number; postes: number; journal: number }>(
      p.base.db,
      sql`select count(distinct d.id)::int as decisions, count(p.id)::int as postes,
            (select count(*)::int from journal j
              where j.action = 'structure.postes_attribues' and j.auteur = 'job:demo'
                and j.cible_id in (select dp.structure_id::text from decision_comite d2
                  join demande_postes dp on dp.id = d2.demande_id
                  join session_comite s2 on s2.id = d2.session_comite_id
                  where s2.numero = ${SESSION_PAS_DE_CALAIS})) as journal
          from decision_comite d join session_comite s on s.id = d.session_comite_id
          left join poste p on p.decision_id = d.id
          where s.numero = ${SESSION_PAS_DE_CALAIS}`,
    );
    // 36 decisions (8 in Béthune, 26 elsewhere in 62, DEV and YOU, Emmaüs), each journaled.
    expect(session).toEqual({ decisions: 36, postes: 66, journal: 36 });
  });

  it("la préfecture du Pas-de-Calais lit 62 postes sur sa proposition, dont 10 dans l'arrondissement de Béthune", async () => {
    const t = await lire("prefet.62", "decoupage=arrondissement");
    expect(t.total.dotationProposition).toBe(62);
    const bethune = t.lignes.find((l) => l.nom === "Béthune")!;
    expect(bethune).toMatchObject({ code: "622", dotation: 10, dotationProposition: 10 });
    // Emmaüs Connect's three posts (national agreement) count in Arras, not as proposals.
    const arras = t.lignes.find((l) => l.nom === "Arras")!;
    expect(Number(arras.dotation) - Number(arras.dotationProposition)).toBe(3);
  });

  it("l'ANCT lit les mêmes chiffres, et le poste de DEV and YOU dans le Nord", async () => {
    const t = await lire("admin", "decoupage=departement&region=32");
    expect(t.lignes.find((l) => l.code === "62")).toMatchObject({ dotationProposition: 62 });
    expect(Number(t.lignes.find((l) => l.code === "59")!.dotationProposition)).toBe(1);
    const arr = await lire("admin", "decoupage=arrondissement&departement=62");
    expect(arr.lignes.find((l) => l.code === "622")).toMatchObject({ dotation: 10 });
  });

  it("les dix postes de Béthune vont aux structures nommées par le programme", async () => {
    const parStructure = await lignes<{ nom: string; n: number }>(
      p.base.db,
      sql`select s.nom, count(*)::int as n from poste p
          join structure s on s.id = p.structure_id
          join commune c on c.code = s.commune_code
          where c.arrondissement_code = '622' group by s.nom order by s.nom`,
    );
    expect(Object.fromEntries(parStructure.map((x) => [x.nom, x.n]))).toEqual({
      "CABBALR – Communauté d'agglomération Béthune-Bruay Artois Lys Romane": 3,
      CITEO: 1,
      "Commune d'Houdain": 1,
      "Commune de Calonne-Ricouart": 1,
      "Commune de Laventie": 1,
      "Commune de Lillers – bibliothèque municipale": 1,
      "Maison de la Jeunesse et de l'éducation populaire d'Isbergues": 1,
      "PIMMS Médiation Artois-Gohelle – antenne de Bruay-la-Buissière": 1,
    });
  });

  it("l'ANCT lit 457 conseillers accueillis dans la région, 64 % en structure publique", async () => {
    const t = await lire("admin", "decoupage=region");
    const na = t.lignes.find((l) => l.code === "75")!;
    expect(na).toMatchObject({ nom: "Nouvelle-Aquitaine", recrutes: 457, recrutesPublic: 293 });
    expect(Math.round(Number(na.partPublic))).toBe(64);
  });

  it("la préfecture de région lit 36, 22 et 14 postes en Haute-Vienne, Corrèze et Creuse", async () => {
    const t = await lire("prefet.na", "decoupage=departement");
    const dotation = (code: string) => t.lignes.find((l) => l.code === code)?.dotation;
    expect([dotation("87"), dotation("19"), dotation("23")]).toEqual([36, 22, 14]);
    expect(t.total).toMatchObject({ recrutes: 457, dotationProposition: t.total.dotation });
    // Nothing outside the région.
    expect(
      t.lignes.every((l) =>
        ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"].includes(
          String(l.code),
        ),
      ),
    ).toBe(true);
  });
});
