import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { TACHES } from "./taches/catalogue.ts";

const SERVEUR = "src/server";
/** Layers every capability may use; they use none. */
const TECHNIQUES = new Set(["db", "http", "infra", "test"]);

function fichiers(dossier: string): string[] {
  return readdirSync(dossier).flatMap((nom) => {
    const chemin = join(dossier, nom);
    if (statSync(chemin).isDirectory()) return fichiers(chemin);
    return nom.endsWith(".ts") && !nom.endsWith(".test.ts") ? [chemin] : [];
  });
}

/** Folder → folders it imports from, over the server's own code (tests left out). */
function graphe(): Map<string, Set<string>> {
  const aretes = new Map<string, Set<string>>();
  for (const fichier of fichiers(SERVEUR)) {
    const de = relative(SERVEUR, fichier).split("/");
    if (de.length < 2 || de[0] === "test") continue;
    for (const [, chemin] of readFileSync(fichier, "utf8").matchAll(/from "(\.[^"]+)"/g)) {
      const vers = relative(SERVEUR, normalize(join(dirname(fichier), chemin!))).split("/");
      if (vers.length < 2 || vers[0] === ".." || vers[0] === de[0]) continue;
      if (!aretes.has(de[0]!)) aretes.set(de[0]!, new Set());
      aretes.get(de[0]!)!.add(vers[0]!);
    }
  }
  return aretes;
}

/** A path that comes back to its start, or null. */
function cycle(aretes: Map<string, Set<string>>): string[] | null {
  const etat = new Map<string, "en_cours" | "fini">();
  const pile: string[] = [];
  const visiter = (n: string): string[] | null => {
    etat.set(n, "en_cours");
    pile.push(n);
    for (const v of aretes.get(n) ?? []) {
      if (etat.get(v) === "en_cours") return [...pile.slice(pile.indexOf(v)), v];
      if (!etat.has(v)) {
        const c = visiter(v);
        if (c) return c;
      }
    }
    pile.pop();
    etat.set(n, "fini");
    return null;
  };
  for (const n of aretes.keys()) {
    if (etat.has(n)) continue;
    const c = visiter(n);
    if (c) return c;
  }
  return null;
}

describe("architecture du serveur", () => {
  const aretes = graphe();

  it("ne contient aucun cycle entre dossiers", () => {
    expect(cycle(aretes)).toBeNull();
  });

  it("sait trouver un cycle quand il y en a un", () => {
    const essai = new Map([
      ["selection", new Set(["recrutement"])],
      ["recrutement", new Set(["journal", "selection"])],
    ]);
    expect(cycle(essai)).toEqual(["selection", "recrutement", "selection"]);
  });

  it("garde les couches techniques indépendantes des capacités", () => {
    for (const t of TECHNIQUES) {
      const capacites = [...(aretes.get(t) ?? [])].filter((v) => !TECHNIQUES.has(v));
      expect(capacites, t).toEqual([]);
    }
  });

  it("couvre chaque dossier de capacité par la règle Biome de la porte d'entrée", () => {
    const regle = readFileSync("biome/porte-d-entree.grit", "utf8");
    const couverts = new Set(/\(\?:([a-z|-]+)\)/.exec(regle)![1]!.split("|"));
    const capacites = readdirSync(SERVEUR).filter(
      (n) => statSync(join(SERVEUR, n)).isDirectory() && !TECHNIQUES.has(n),
    );
    expect(new Set(capacites)).toEqual(couverts);
    for (const c of capacites)
      expect(statSync(join(SERVEUR, c, "index.ts")).isFile(), c).toBe(true);
  });

  it("décrit chaque tâche périodique du catalogue dans docs/architecture.md", () => {
    const doc = readFileSync("docs/architecture.md", "utf8");
    const absentes = TACHES.map((t) => t.nom).filter((nom) => !doc.includes(`| \`${nom}\` |`));
    expect(absentes).toEqual([]);
  });
});
