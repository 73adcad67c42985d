import { sql } from "drizzle-orm";
import { cleDeNom } from "../src/domain/beneficiaires/beneficiaire.ts";
import {
  type Lecteur,
  personnesSemblables,
  visibles,
} from "../src/server/beneficiaires/beneficiaires-queries.ts";
import { lignes, tableauSql } from "../src/server/db/client.ts";
import { creerHasard } from "../src/server/demo/hasard.ts";
import { baseNationale, horlogeBench } from "./base.ts";
import { chronometrer, type ResultatBench } from "./mesure.ts";

const PERSONNES = Number(process.env.BENCH_BENEFICIAIRES ?? 500_000);
const PARTAGEES = Number(process.env.BENCH_BENEFICIAIRES_PARTAGES ?? 40_000);
const PRENOMS = ["Josiane", "Kevin", "Fatima", "Jean-Noël", "Marie", "Ahmed", "Lucie", "Paul"];
const NOMS = ["Martin", "Bernard", "Lefèvre", "Dubois", "N'Diaye", "Garcia", "Roux", "Fontaine"];

/**
 * Duplicate suggestion while a conseiller types a followed person, among 500,000 persons of the
 * national conseillers (a third shared with their structure). Platform: `personnesSemblables`
 * (trigram operator on the normalised name, GiST index beside the reader). Baseline: the same suggestion read the
 * naive way, every person the conseiller may read scored one by one (the column hidden from the
 * planner, no index). Both lists must be equal for every query. Second line: against the naive
 * `ilike` scan the issue names, on persons really followed, typed with a letter dropped. Third
 * line: the same suggestion for the conseillers of one structure sharing 40,000 more files, half
 * of the time with a phone typed too.
 */
export default async function semblables(): Promise<Record<string, ResultatBench>> {
  const base = await baseNationale(0);
  try {
    const conseillers = await lignes<{ id: string; structure_id: string | null }>(
      base.db,
      sql`select utilisateur_id as id, structure_id from habilitation where role = 'conseiller'`,
    );
    // Written by the database in one statement: names from short lists with a number, so that
    // many look alike (the hard case for a suggestion).
    const ids = tableauSql(
      conseillers.map((c) => c.id),
      "uuid",
    );
    const structures = tableauSql(
      conseillers.map((c) => c.structure_id ?? ""),
      "text",
    );
    const prenoms = tableauSql(PRENOMS, "text");
    const noms = tableauSql(NOMS, "text");
    await base.db.execute(sql`
      insert into beneficiaire (conseiller_id, structure_id, prenom, nom, telephone, informe_le,
        informe_par, partage_structure)
      select (${ids})[k], nullif((${structures})[k], '')::uuid,
        (${prenoms})[1 + i % ${PRENOMS.length}],
        (${noms})[1 + (i / 7) % ${NOMS.length}] || ' ' || (i % 97),
        '06' || lpad(i::text, 8, '0'), ${horlogeBench().toISOString()}::timestamptz, (${ids})[k],
        i % 3 = 0
      from generate_series(1, ${PERSONNES}) i, lateral (select 1 + i % ${conseillers.length} as k) x`);
    // The key is the domain's (accents, apostrophes, hyphens): computed once per distinct name.
    const distincts = await lignes<{ prenom: string; nom: string }>(
      base.db,
      sql`select distinct prenom, nom from beneficiaire`,
    );
    await base.db.execute(
      sql`update beneficiaire b set nom_normalise = v.cle
          from (values ${sql.join(
            distincts.map((d) => sql`(${d.prenom}, ${d.nom}, ${cleDeNom(d.prenom, d.nom)})`),
            sql`, `,
          )}) v(prenom, nom, cle)
          where b.prenom = v.prenom and b.nom = v.nom`,
    );
    await base.db.execute(sql`analyze beneficiaire`);

    const h = creerHasard(19);
    const requetes = Array.from({ length: 300 }, () => {
      const c = h.choisir(conseillers);
      const lecteur: Lecteur = { conseillerId: c.id, structureId: c.structure_id };
      const nom = `${h.choisir(NOMS)} ${h.entier(0, 96)}`;
      // One letter dropped: what a hurried person types.
      const coupe = h.entier(1, nom.length - 1);
      return {
        lecteur,
        q: { cle: cleDeNom(h.choisir(PRENOMS), nom.slice(0, coupe) + nom.slice(coupe + 1)) },
      };
    });
    type Requete = { lecteur: Lecteur; q: { cle: string; telephone?: string } };
    const naive = async (r: Requete) => {
      const memeTelephone = sql`telephone || '' = ${r.q.telephone ?? null}`;
      return lignes<{ id: string }>(
        base.db,
        sql`select id from beneficiaire
            where ${visibles(r.lecteur)}
              and (similarity(nom_normalise || '', ${r.q.cle}) > 0.3 or ${memeTelephone})
            order by coalesce(${memeTelephone}, false) desc,
              similarity(nom_normalise, ${r.q.cle}) desc, id desc
            limit 5`,
      ).then((l) => l.map((x) => x.id));
    };
    let identique = true;
    for (const r of requetes) {
      const a = (await personnesSemblables(base.db, r.lecteur, r.q)).map((x) => x.id);
      if (JSON.stringify(a) !== JSON.stringify(await naive(r))) identique = false;
    }
    let i = 0;
    const suivante = () => requetes[i++ % requetes.length]!;
    await chronometrer(30, () => {
      const r = suivante();
      return personnesSemblables(base.db, r.lecteur, r.q);
    });
    const mesures = await chronometrer(300, () => {
      const r = suivante();
      return personnesSemblables(base.db, r.lecteur, r.q);
    });
    const mesuresBase = await chronometrer(100, () => naive(suivante()));

    // The issue's baseline: a naive `ilike` scan of the names the conseiller may read, on 300
    // persons really followed, typed with one letter dropped. Both lists are compared in full
    // against the person meant: the suggestion must find her every time.
    const voulues: { lecteur: Lecteur; id: string; saisie: string }[] = [];
    for (let k = 0; k < 300; k++) {
      const c = h.choisir(conseillers);
      const [p] = await lignes<{ id: string; prenom: string; nom: string }>(
        base.db,
        sql`select id, prenom, nom from beneficiaire where conseiller_id = ${c.id}
            order by id limit 1 offset ${h.entier(0, 40)}`,
      );
      if (!p) continue;
      // A letter of the surname, never a digit of its number: « Martin 42 » typed « Martn 42 »,
      // not « Martin 2 », which is another person.
      const coupe = h.entier(1, p.nom.indexOf(" ") - 1);
      voulues.push({
        lecteur: { conseillerId: c.id, structureId: c.structure_id },
        id: p.id,
        saisie: `${p.prenom} ${p.nom.slice(0, coupe)}${p.nom.slice(coupe + 1)}`,
      });
    }
    const plateforme = (v: (typeof voulues)[number]) =>
      personnesSemblables(base.db, v.lecteur, { cle: cleDeNom(null, v.saisie) });
    const ilike = (v: (typeof voulues)[number]) =>
      lignes<{ id: string }>(
        base.db,
        sql`select id from beneficiaire
            where ${visibles(v.lecteur)} and prenom || ' ' || nom ilike ${`%${v.saisie}%`}
            order by id limit 5`,
      );
    let trouvees = 0;
    let trouveesIlike = 0;
    for (const v of voulues) {
      if ((await plateforme(v)).some((x) => x.id === v.id)) trouvees++;
      if ((await ilike(v)).some((x) => x.id === v.id)) trouveesIlike++;
    }
    let j = 0;
    const voulue = () => voulues[j++ % voulues.length]!;
    await chronometrer(30, () => plateforme(voulue()));
    const mesuresVoulues = await chronometrer(300, () => plateforme(voulue()));
    const mesuresIlike = await chronometrer(300, () => ilike(voulue()));
    const volumes = `base=${base.type} personnes=${PERSONNES} conseillers=${conseillers.length}`;

    // A structure whose conseillers share tens of thousands of files (a large employer that
    // imported its registers): every one of them is readable by each of its conseillers, so the
    // access rule no longer narrows the scan to a few hundred rows.
    const [grande] = await lignes<{ structure_id: string; ids: string[] }>(
      base.db,
      sql`select structure_id, array_agg(utilisateur_id order by utilisateur_id) as ids
          from habilitation where role = 'conseiller' and structure_id is not null
          group by structure_id order by count(*) desc, structure_id limit 1`,
    );
    if (!grande) throw new Error("Aucune structure n'emploie de conseiller.");
    await base.db.execute(sql`
      insert into beneficiaire (conseiller_id, structure_id, prenom, nom, nom_normalise, telephone,
        informe_le, informe_par, partage_structure)
      select (${tableauSql(grande.ids, "uuid")})[1 + i % ${grande.ids.length}],
        ${grande.structure_id}::uuid, b.prenom, b.nom, b.nom_normalise,
        '07' || lpad(i::text, 8, '0'), b.informe_le, b.informe_par, true
      from generate_series(1, ${PARTAGEES}) i
      join lateral (select * from beneficiaire order by id limit 1 offset i % 5000) b on true`);
    await base.db.execute(sql`analyze beneficiaire`);
    // Half of them with a phone typed too, one a colleague's file holds: found first.
    const dansLaStructure: Requete[] = requetes.map((r, k) => ({
      lecteur: {
        conseillerId: grande.ids[k % grande.ids.length]!,
        structureId: grande.structure_id,
      },
      q:
        k % 2 === 0
          ? r.q
          : { ...r.q, telephone: `07${String(1 + ((k * 131) % PARTAGEES)).padStart(8, "0")}` },
    }));
    let identiqueStructure = true;
    for (const r of dansLaStructure) {
      const a = (await personnesSemblables(base.db, r.lecteur, r.q)).map((x) => x.id);
      if (JSON.stringify(a) !== JSON.stringify(await naive(r))) identiqueStructure = false;
    }
    let m = 0;
    const dans = () => dansLaStructure[m++ % dansLaStructure.length]!;
    await chronometrer(30, () => {
      const r = dans();
      return personnesSemblables(base.db, r.lecteur, r.q);
    });
    const mesuresStructure = await chronometrer(300, () => {
      const r = dans();
      return personnesSemblables(base.db, r.lecteur, r.q);
    });
    const mesuresStructureBase = await chronometrer(100, () => naive(dans()));
    return {
      trigrammes: { mesures, mesuresBase, identique, details: volumes },
      "contre-ilike": {
        mesures: mesuresVoulues,
        mesuresBase: mesuresIlike,
        identique: trouvees === voulues.length,
        details: `${volumes} retrouvees=${trouvees}/${voulues.length} ilike=${trouveesIlike}/${voulues.length}`,
      },
      "structure-partagee": {
        mesures: mesuresStructure,
        mesuresBase: mesuresStructureBase,
        identique: identiqueStructure,
        details: `${volumes} partagees_par_une_structure=${PARTAGEES} conseillers_de_la_structure=${grande.ids.length}`,
      },
    };
  } finally {
    await base.fermer();
  }
}
