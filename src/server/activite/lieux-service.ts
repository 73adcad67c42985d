import { and, eq, isNull } from "drizzle-orm";
import { conflit, echec, introuvable, type Resultat, reussite } from "../../domain/erreurs.ts";
import { versOsm } from "../../domain/lieux/horaires.ts";
import {
  type Lieu,
  type NatureLieu,
  PIVOT_INCONNU,
  SEUIL_MEME_LIEU,
  scoreMemeLieu,
} from "../../domain/lieux/lieu.ts";
import { jourParis } from "../../domain/temps.ts";
import { COMMUNE_INCONNUE } from "../../domain/territoire.ts";
import type { Db, Executeur } from "../db/client.ts";
import { commune, contrat, lieu, lieuConseiller } from "../db/schema.ts";
import type { Coordonnees } from "../infra/geocodeur.ts";
import { type Acteur, journaliser } from "../infra/journal.ts";
import { colonnesPosition, type Position } from "../referentiel/index.ts";
import { masquerNomCarte } from "./lieux-queries.ts";

/** Placeholder pivot of the standard for a place without SIRET or RNA. */
/** Inside one source (our own form), the ETL merges from 90 (docs/domaine/lieux-et-carte.md §5). */
const SEUIL_MEME_SOURCE = 90;

/** Places of the commune that look like this one, best first (the form proposes them). */
export async function lieuxProches(
  tx: Executeur,
  recherche: { nom: string; adresse: string; communeCode: string; siret?: string },
  point: Coordonnees | null,
) {
  const existants = await tx.select().from(lieu).where(eq(lieu.communeCode, recherche.communeCode));
  return existants
    .map((l) => ({
      lieu: l,
      score: scoreMemeLieu(
        {
          nom: recherche.nom,
          adresse: recherche.adresse,
          siret: recherche.siret || null,
          communeCode: recherche.communeCode,
          latitude: point?.latitude ?? null,
          longitude: point?.longitude ?? null,
        },
        { ...l, siret: l.pivot === PIVOT_INCONNU ? null : l.pivot },
      ),
    }))
    .filter((x) => x.score >= SEUIL_MEME_LIEU)
    .sort((a, b) => b.score - a.score);
}

async function lier(
  tx: Executeur,
  acteur: Acteur,
  params: { conseillerId: string; lieuId: string; nature: NatureLieu; jour: string },
): Promise<Resultat<{ lieuId: string }>> {
  const [deja] = await tx
    .select()
    .from(lieuConseiller)
    .where(
      and(
        eq(lieuConseiller.conseillerId, params.conseillerId),
        eq(lieuConseiller.lieuId, params.lieuId),
        isNull(lieuConseiller.fin),
      ),
    );
  if (deja && deja.nature === params.nature)
    return echec("lieuId", "Ce lieu fait déjà partie de vos lieux d'activité.");
  if (params.nature === "principal") {
    // One current main place: the previous one stays, as a secondary place.
    await tx
      .update(lieuConseiller)
      .set({ nature: "secondaire" })
      .where(
        and(
          eq(lieuConseiller.conseillerId, params.conseillerId),
          eq(lieuConseiller.nature, "principal"),
          isNull(lieuConseiller.fin),
        ),
      );
  }
  if (deja) {
    await tx
      .update(lieuConseiller)
      .set({ nature: params.nature })
      .where(eq(lieuConseiller.id, deja.id));
  } else {
    await tx.insert(lieuConseiller).values({
      lieuId: params.lieuId,
      conseillerId: params.conseillerId,
      nature: params.nature,
      debut: params.jour,
    });
  }
  await journaliser(tx, acteur, {
    action: "lieu.rattache",
    cibleType: "lieu",
    cibleId: params.lieuId,
    apres: { conseillerId: params.conseillerId, nature: params.nature },
  });
  return reussite({ lieuId: params.lieuId });
}

/**
 * A conseiller adds a place: an existing one by id, or a new one unless the same place already
 * exists (then it is shared, never copied). One transaction with the journal.
 */
export async function ajouterLieu(
  db: Db,
  params: {
    conseillerId: string;
    nature: NatureLieu;
    lieuId?: string;
    lieu?: Lieu;
    point: Position | null;
    acteur: Acteur;
    maintenant: Date;
  },
): Promise<Resultat<{ lieuId: string; partage: boolean }>> {
  return db.transaction(async (tx) => {
    // Reports of the current contract may be entered late: the link starts with the contract.
    const [courant] = await tx
      .select({ debut: contrat.dateDebut })
      .from(contrat)
      .where(and(eq(contrat.utilisateurId, params.conseillerId), eq(contrat.statut, "actif")));
    const aujourdhui = jourParis(params.maintenant);
    const jour = courant && courant.debut < aujourdhui ? courant.debut : aujourdhui;
    if (params.lieuId) {
      const [l] = await tx.select({ id: lieu.id }).from(lieu).where(eq(lieu.id, params.lieuId));
      if (!l) return echec("lieuId", "Ce lieu n'existe pas.");
      const r = await lier(tx, params.acteur, { ...params, lieuId: l.id, jour });
      return r.ok ? reussite({ lieuId: l.id, partage: true }) : r;
    }
    const saisie = params.lieu!;
    const [co] = await tx.select().from(commune).where(eq(commune.code, saisie.communeCode));
    if (!co) return echec("communeCode", COMMUNE_INCONNUE);
    const [meme] = (await lieuxProches(tx, saisie, params.point)).filter(
      (x) => x.score >= SEUIL_MEME_SOURCE,
    );
    if (meme) {
      const r = await lier(tx, params.acteur, { ...params, lieuId: meme.lieu.id, jour });
      return r.ok ? reussite({ lieuId: meme.lieu.id, partage: true }) : r;
    }
    const [cree] = await tx
      .insert(lieu)
      .values({
        pivot: saisie.siret || PIVOT_INCONNU,
        nom: saisie.nom,
        adresse: saisie.adresse,
        codePostal: saisie.codePostal,
        communeCode: co.code,
        departementCode: co.departementCode,
        regionCode: co.regionCode,
        ...colonnesPosition(params.point),
        telephone: saisie.telephone || null,
        courriels: saisie.courriel ? [saisie.courriel] : [],
        horaires: versOsm(saisie.horaires) || null,
        typologies: saisie.typologies,
        itinerance: saisie.itinerance,
        services: saisie.services,
        publicsSpecifiquementAdresses: saisie.publicsSpecifiquementAdresses,
        priseEnChargeSpecifique: saisie.priseEnChargeSpecifique,
        fraisACharge: saisie.fraisACharge,
        modalitesAcces: saisie.modalitesAcces,
        modalitesAccompagnement: saisie.modalitesAccompagnement,
        priseRdv: saisie.priseRdv || null,
        visibleCarte: saisie.visibleCarte,
        dispositifProgrammesNationaux: ["Conseillers numériques"],
        source: "conseiller-numerique",
        dateMaj: aujourdhui,
      })
      .returning({ id: lieu.id });
    await journaliser(tx, params.acteur, {
      action: "lieu.cree",
      cibleType: "lieu",
      cibleId: cree!.id,
      apres: { nom: saisie.nom, communeCode: co.code },
    });
    const r = await lier(tx, params.acteur, { ...params, lieuId: cree!.id, jour });
    return r.ok ? reussite({ lieuId: cree!.id, partage: false }) : r;
  });
}

/** The conseiller stops working at a place; the place and its reports stay. */
export async function quitterLieu(
  db: Db,
  params: { conseillerId: string; lieuId: string; acteur: Acteur; maintenant: Date },
): Promise<Resultat<{ ok: true }>> {
  return db.transaction(async (tx) => {
    const [lien] = await tx
      .select()
      .from(lieuConseiller)
      .where(
        and(
          eq(lieuConseiller.conseillerId, params.conseillerId),
          eq(lieuConseiller.lieuId, params.lieuId),
          isNull(lieuConseiller.fin),
        ),
      );
    if (!lien) return introuvable("Ce lieu ne fait pas partie de vos lieux.");
    if (lien.nature === "principal")
      return conflit("lieuId", "Désignez d'abord un autre lieu principal.");
    await tx
      .update(lieuConseiller)
      .set({ fin: jourParis(params.maintenant) })
      .where(eq(lieuConseiller.id, lien.id));
    await journaliser(tx, params.acteur, {
      action: "lieu.quitte",
      cibleType: "lieu",
      cibleId: params.lieuId,
      apres: { conseillerId: params.conseillerId },
    });
    return reussite({ ok: true as const });
  });
}

/** Shows or hides the conseiller's name on the public map, journaled with the change. */
export async function changerAffichageCarte(
  db: Db,
  params: { conseillerId: string; nomMasqueCarte: boolean; acteur: Acteur },
): Promise<{ nomMasqueCarte: boolean }> {
  await db.transaction(async (tx) => {
    await masquerNomCarte(tx, params.conseillerId, params.nomMasqueCarte);
    await journaliser(tx, params.acteur, {
      action: "conseiller.affichage_carte",
      cibleType: "utilisateur",
      cibleId: params.conseillerId,
      apres: { nomMasqueCarte: params.nomMasqueCarte },
    });
  });
  return { nomMasqueCarte: params.nomMasqueCarte };
}
