import type { PersonneNommee } from "../../domain/beneficiaires/api.ts";
import type { CraEnregistre, LigneMesCra } from "../../domain/cra/api.ts";
import type { SaisieCra } from "../../domain/cra/cra.ts";
import type { Thematique } from "../../domain/cra/vocabulaire.ts";

/** What the CRA form holds while it is typed: every field as the inputs give it. */
export type EtatCra = {
  type: string;
  public: string;
  date: string;
  dureeMinutes: string;
  typeLieu: string;
  lieuId: string;
  communeCode: string;
  nbParticipants: string;
  dejaAccompagnes: string;
  ages: Record<string, string>;
  statuts: Record<string, string>;
  genres: Record<string, string>;
  thematiques: Thematique[];
  precisionsDemarche: string;
  materiel: string[];
  autonomie: string;
  oriente: boolean;
  structureRedirection: string;
  titreAtelier: string;
  niveau: string;
  notes: string;
  /** The followed persons named; when there are some, the server derives their counts. */
  personnes: PersonneNommee[];
  /** Others the report names that the reader may no longer read: they stay named. */
  personnesIllisibles: number;
  /** The orientation this accompaniment answers, when opened from the queue; never copied. */
  orientationId: string;
};

/** An empty form: the day and the place it opens on come from the caller. */
export function etatInitial(date: string, lieuId: string): EtatCra {
  return {
    type: "",
    public: "particulier",
    date,
    dureeMinutes: "",
    typeLieu: "lieu_activite",
    lieuId,
    communeCode: "",
    nbParticipants: "1",
    dejaAccompagnes: "0",
    ages: {},
    statuts: {},
    genres: {},
    thematiques: [],
    precisionsDemarche: "",
    materiel: [],
    autonomie: "",
    oriente: false,
    structureRedirection: "",
    titreAtelier: "",
    niveau: "",
    notes: "",
    personnes: [],
    personnesIllisibles: 0,
    orientationId: "",
  };
}

const nuls = (r: Record<string, string>) =>
  Object.fromEntries(Object.entries(r).filter(([, v]) => v !== "" && v !== "0"));

/** The state of the form as the shared schema expects it: empty fields are absent. */
export function versSaisie(e: EtatCra): SaisieCra {
  const collectif = e.type === "collectif";
  const nommees = e.personnes.length > 0 || e.personnesIllisibles > 0;
  return {
    type: e.type as SaisieCra["type"],
    public: e.public as SaisieCra["public"],
    date: e.date,
    dureeMinutes: e.dureeMinutes === "" ? (undefined as unknown as number) : Number(e.dureeMinutes),
    typeLieu: e.typeLieu as SaisieCra["typeLieu"],
    lieuId: e.typeLieu === "lieu_activite" && e.lieuId ? e.lieuId : null,
    communeCode: e.typeLieu === "domicile" || e.typeLieu === "autre" ? e.communeCode || null : null,
    nbParticipants: collectif ? Number(e.nbParticipants) : 1,
    // Named persons give these counts (beneficiaires.md §4): what was typed before is not sent.
    dejaAccompagnes: nommees ? 0 : Number(e.dejaAccompagnes || 0),
    ages: nommees ? {} : nuls(e.ages),
    statuts: nommees ? {} : nuls(e.statuts),
    genres: nommees ? {} : nuls(e.genres),
    thematiques: e.thematiques,
    precisionsDemarche: e.precisionsDemarche.trim() || null,
    materiel: e.materiel as SaisieCra["materiel"],
    autonomie: collectif || !e.autonomie ? null : (e.autonomie as SaisieCra["autonomie"]),
    oriente: !collectif && e.oriente,
    structureRedirection:
      !collectif && e.oriente && e.structureRedirection
        ? (e.structureRedirection as SaisieCra["structureRedirection"])
        : null,
    titreAtelier: collectif ? e.titreAtelier.trim() || null : null,
    niveau: collectif && e.niveau ? (e.niveau as SaisieCra["niveau"]) : null,
    notes: e.notes.trim() || null,
    // One person for an individual activity: the others a workshop's list may still hold go.
    beneficiaireIds: e.personnes
      .slice(0, collectif ? undefined : Math.max(0, 1 - e.personnesIllisibles))
      .map((p) => p.id),
    orientationId: e.orientationId || null,
  } as SaisieCra;
}

/** Durations used more than five times among recent reports, most used first (docs/domaine/cra.md §3.1). */
export function dureesFrequentes(cras: readonly LigneMesCra[] | undefined): number[] {
  const n = new Map<number, number>();
  for (const c of cras ?? []) n.set(c.dureeMinutes, (n.get(c.dureeMinutes) ?? 0) + 1);
  return [...n]
    .filter(([, fois]) => fois > 5)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([d]) => d);
}

/** Themes chosen in at least three recent reports, most chosen first (at most six). */
export function thematiquesFrequentes(cras: readonly LigneMesCra[] | undefined): Thematique[] {
  const n = new Map<Thematique, number>();
  for (const c of cras ?? [])
    for (const t of c.thematiques as Thematique[]) n.set(t, (n.get(t) ?? 0) + 1);
  return [...n]
    .filter(([, fois]) => fois >= 3)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([t]) => t);
}

/**
 * A stored report back into the form's state: to change it, or to copy it to `copieLe` (the day
 * of the copy; null to change the report itself).
 */
export function etatDepuisEnregistre(l: CraEnregistre, copieLe: string | null): EtatCra {
  const texte = (v: string | number | null) => (v === null ? "" : String(v));
  const comptes = (r: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(r)
        .filter(([k]) => k !== "non_communique")
        .map(([k, n]) => [k, String(n)]),
    );
  return {
    type: l.type,
    public: l.public,
    date: copieLe ?? l.date,
    dureeMinutes: texte(l.dureeMinutes),
    typeLieu: l.typeLieu,
    lieuId: texte(l.lieuId),
    communeCode: texte(l.communeCode),
    nbParticipants: texte(l.nbParticipants),
    dejaAccompagnes: texte(l.dejaAccompagnes),
    ages: comptes(l.ages),
    statuts: comptes(l.statuts),
    genres: comptes(l.genres),
    thematiques: l.thematiques as Thematique[],
    precisionsDemarche: texte(l.precisionsDemarche),
    materiel: l.materiel,
    autonomie: texte(l.autonomie),
    oriente: l.oriente,
    structureRedirection: texte(l.structureRedirection),
    titreAtelier: texte(l.titreAtelier),
    niveau: texte(l.niveau),
    notes: texte(l.notes),
    personnes: l.personnes,
    // A copy is a new report: it names only the persons its author may read.
    personnesIllisibles: copieLe ? 0 : l.personnesIllisibles,
    orientationId: "",
  };
}
