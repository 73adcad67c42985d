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
  };
}

const nuls = (r: Record<string, string>) =>
  Object.fromEntries(Object.entries(r).filter(([, v]) => v !== "" && v !== "0"));

/** The state of the form as the shared schema expects it: empty fields are absent. */
export function versSaisie(e: EtatCra): SaisieCra {
  const collectif = e.type === "collectif";
  return {
    type: e.type as SaisieCra["type"],
    public: e.public as SaisieCra["public"],
    date: e.date,
    dureeMinutes: e.dureeMinutes === "" ? (undefined as unknown as number) : Number(e.dureeMinutes),
    typeLieu: e.typeLieu as SaisieCra["typeLieu"],
    lieuId: e.typeLieu === "lieu_activite" && e.lieuId ? e.lieuId : null,
    communeCode: e.typeLieu === "domicile" || e.typeLieu === "autre" ? e.communeCode || null : null,
    nbParticipants: collectif ? Number(e.nbParticipants) : 1,
    dejaAccompagnes: Number(e.dejaAccompagnes || 0),
    ages: nuls(e.ages),
    statuts: nuls(e.statuts),
    genres: nuls(e.genres),
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
  } as SaisieCra;
}
