import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { SessionChargee } from "../src/server/access/sessions.ts";
import { lignes } from "../src/server/db/client.ts";
import { demandePostes, sessionComite, structure, utilisateur } from "../src/server/db/schema.ts";
import { genererEchelleNationale } from "../src/server/demo/echelle-nationale.ts";
import { lireTableur } from "../src/server/http/fichier-tableur.ts";
import { acteurSysteme } from "../src/server/infra/journal.ts";
import { creerMessagerie } from "../src/server/infra/messagerie.ts";
import { importerDecisions } from "../src/server/selection/import-decisions-service.ts";
import { enregistrerDecision } from "../src/server/selection/instruction-service.ts";
import { baseDeBench, horlogeBench } from "./base.ts";
import type { ResultatBench } from "./mesure.ts";

const LIGNES = 5_000;
const RUNS = 3;

/**
 * A 5,000-row committee decision file imported on PGlite (the issue's target: under 10 s).
 * Platform: validation and application by set queries in one transaction. Baseline: each row
 * applied as the web form does it, one decision at a time.
 */
export default async function importDecisions(): Promise<ResultatBench> {
  const base = await baseDeBench({ pglite: true });
  const silencieux = { info: () => {}, error: () => {} };
  const messagerie = creerMessagerie({
    db: base.db,
    smtpUrl: undefined,
    expediteur: "bench",
    log: silencieux,
    texteDansLeJournal: false,
    cle: randomBytes(32),
    horloge: horlogeBench,
  });
  try {
    await genererEchelleNationale(base.db, {
      volumes: { structures: LIGNES * (RUNS + 1), conseillers: 0, candidats: 0, lieux: 0, cras: 0 },
    });
    const structures = await base.db
      .select({ id: structure.id, siret: structure.siret })
      .from(structure)
      .orderBy(structure.siret);
    for (let i = 0; i < structures.length; i += 2_000) {
      await base.db.insert(demandePostes).values(
        structures.slice(i, i + 2_000).map((s) => ({
          structureId: s.id,
          nature: "initiale" as const,
          statut: "deposee" as const,
          postesDemandes: 2,
        })),
      );
    }
    const [session] = await base.db
      .insert(sessionComite)
      .values({ numero: 1, date: "2021-03-15" })
      .returning();
    const tranche = (n: number) => structures.slice(n * LIGNES, (n + 1) * LIGNES);
    const decision = (i: number) =>
      i % 10 === 0 ? "refusée" : i % 10 === 1 ? "complément" : "acceptée";
    const fichier = (t: typeof structures) =>
      Buffer.from(
        `siret;decision;postes;coselec\n${t.map((s, i) => `${s.siret};${decision(i)};${decision(i) === "acceptée" ? 1 + (i % 3) : ""};COSELEC 1`).join("\n")}\n`,
      );
    const issue = (i: number) =>
      decision(i) === "acceptée"
        ? "acceptee"
        : decision(i) === "refusée"
          ? "refusee"
          : "complement";
    /** Every structure's decision and posts, as the file says: "siret:issue:posts", sorted. */
    const attendu = (t: typeof structures) =>
      t
        .flatMap((s, i) =>
          // A request for more information is the request's status, not a committee decision.
          issue(i) === "complement"
            ? []
            : [`${s.siret}:${issue(i)}:${issue(i) === "acceptee" ? 1 + (i % 3) : 0}`],
        )
        .sort();
    /** The same read from the database: this session's decisions and the posts each created. */
    const obtenu = async (t: typeof structures) =>
      (
        await lignes<{ l: string }>(
          base.db,
          sql`select s.siret || ':' || dc.issue || ':' || count(p.id) as l
              from decision_comite dc
              join session_comite sc on sc.id = dc.session_comite_id and sc.numero = 1
              join demande_postes d on d.id = dc.demande_id
              join structure s on s.id = d.structure_id
              left join poste p on p.decision_id = dc.id
              where dc.issue <> 'complement' and s.id in (${sql.join(
                t.map((x) => sql`${x.id}::uuid`),
                sql`, `,
              )})
              group by s.siret, dc.id, dc.issue`,
        )
      )
        .map((r) => r.l)
        .sort();
    const memes = (a: string[], b: string[]) => {
      const ecart = a.findIndex((x, i) => x !== b[i]);
      if (a.length === b.length && ecart < 0) return true;
      console.error(
        `écart : ${a.length} lignes lues, ${b.length} attendues ; ${a[ecart]} ≠ ${b[ecart]}`,
      );
      return false;
    };

    const acteur = acteurSysteme("import:bench.csv", "import");
    const mesures: number[] = [];
    let identique = true;
    for (let run = 0; run < RUNS; run++) {
      const t = tranche(run);
      const debut = performance.now();
      const brutes = await lireTableur(fichier(t), "csv");
      const { rapport } = await importerDecisions(base.db, messagerie, {
        brutes,
        appliquer: true,
        acteur,
        maintenant: horlogeBench(),
        urlPublique: "http://localhost",
      });
      mesures.push(performance.now() - debut);
      if (!rapport.applique || rapport.rejetees.length > 0 || !memes(await obtenu(t), attendu(t)))
        identique = false;
    }

    const [compte] = await base.db
      .insert(utilisateur)
      .values({ email: "admin@bench.example", prenom: "A", nom: "B" })
      .returning();
    const admin: SessionChargee = {
      idHash: "bench",
      methode: "bench",
      idToken: null,
      utilisateur: { id: compte!.id, email: compte!.email, prenom: "A", nom: "B" },
      habilitation: { id: "bench", role: "admin", perimetre: { type: "national" } },
    };
    const t = tranche(RUNS);
    const debut = performance.now();
    const brutes = await lireTableur(fichier(t), "csv");
    for (const [i, ligne] of brutes.entries()) {
      const [s] = await base.db
        .select({ id: structure.id })
        .from(structure)
        .where(eq(structure.siret, ligne.siret ?? ""));
      const [d] = await base.db
        .select({ id: demandePostes.id })
        .from(demandePostes)
        .where(
          and(inArray(demandePostes.structureId, [s!.id]), eq(demandePostes.statut, "deposee")),
        );
      const issue =
        decision(i) === "acceptée"
          ? "acceptee"
          : decision(i) === "refusée"
            ? "refusee"
            : "complement";
      await enregistrerDecision(base.db, messagerie, {
        connexion: admin,
        demandeId: d!.id,
        decision:
          issue === "acceptee"
            ? { issue, postesAccordes: 1 + (i % 3), sessionComiteId: session!.id }
            : { issue, sessionComiteId: session!.id },
        acteur,
        maintenant: horlogeBench(),
        urlPublique: "http://localhost",
      });
    }
    const mesuresBase = [performance.now() - debut];
    if (!memes(await obtenu(t), attendu(t))) identique = false;
    console.log(
      `import de ${LIGNES} lignes sur PGlite : ${mesures.map((m) => `${(m / 1000).toFixed(2)} s`).join(", ")} ; une ligne à la fois : ${(mesuresBase[0]! / 1000).toFixed(1)} s`,
    );
    return { mesures, mesuresBase, identique };
  } finally {
    await base.fermer();
  }
}
