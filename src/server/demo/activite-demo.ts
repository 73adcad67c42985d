import { and, eq, isNull } from "drizzle-orm";
import { compteursDe } from "../../domain/cra/compteurs.ts";
import { craSchema } from "../../domain/cra/cra.ts";
import { CODES, THEMATIQUES_DEMARCHES } from "../../domain/cra/vocabulaire.ts";
import { ajouterJours, jourParis } from "../../domain/temps.ts";
import { appliquerCompteurs } from "../activite/index.ts";
import type { Executeur } from "../db/client.ts";
import { contrat, cra, lieu, lieuConseiller } from "../db/schema.ts";
import type { Hasard } from "./hasard.ts";

const THEMES = CODES.thematiques.filter((t) => !THEMATIQUES_DEMARCHES.includes(t));

/**
 * Six months of activity of the conseiller persona at her main place, written through the CRA
 * rules and roll-ups, so that every statistics page of the demo has figures on first start.
 */
export async function genererActiviteDemo(
  tx: Executeur,
  h: Hasard,
  params: { conseillerId: string; maintenant: Date; nombre: number },
): Promise<void> {
  const aujourdhui = jourParis(params.maintenant);
  const [k] = await tx
    .select()
    .from(contrat)
    .where(and(eq(contrat.utilisateurId, params.conseillerId), eq(contrat.statut, "actif")));
  const [ou] = await tx
    .select({ id: lieu.id, communeCode: lieu.communeCode, departementCode: lieu.departementCode })
    .from(lieuConseiller)
    .innerJoin(lieu, eq(lieu.id, lieuConseiller.lieuId))
    .where(and(eq(lieuConseiller.conseillerId, params.conseillerId), isNull(lieuConseiller.fin)));
  if (!k || !ou) return;
  await ecrireActivite(tx, h, {
    conseillerId: params.conseillerId,
    structureId: k.structureId,
    lieu: ou,
    depuis: k.dateDebut,
    aujourdhui,
    nombre: params.nombre,
  });
}

/**
 * Up to `nombre` reports of one conseiller at one place over the last six months (none before
 * `depuis`), with their roll-ups.
 */
export async function ecrireActivite(
  tx: Executeur,
  h: Hasard,
  params: {
    conseillerId: string;
    structureId: string;
    lieu: { id: string; communeCode: string; departementCode: string };
    depuis: string;
    aujourdhui: string;
    nombre: number;
  },
): Promise<void> {
  const { aujourdhui, lieu: ou } = params;
  const schema = craSchema(aujourdhui);
  for (let i = 0; i < params.nombre; i++) {
    const jour = ajouterJours(aujourdhui, -h.entier(0, 180));
    if (jour < params.depuis) continue;
    const collectif = h.entier(0, 5) === 0;
    const nb = collectif ? h.entier(3, 12) : 1;
    const saisie = schema.parse({
      type: collectif ? "collectif" : h.choisir(["individuel", "individuel", "ponctuel"]),
      date: jour,
      dureeMinutes: h.choisir([15, 30, 30, 45, 60, 90, 120]),
      typeLieu: "lieu_activite",
      lieuId: ou.id,
      nbParticipants: nb,
      dejaAccompagnes: h.entier(0, nb),
      ages: { [h.choisir(CODES.ages.filter((a) => a !== "non_communique"))]: nb },
      genres: { [h.choisir(["feminin", "masculin"])]: nb },
      thematiques: [h.choisir(THEMES), h.choisir(THEMES)],
      materiel: [h.choisir(["ordinateur", "telephone", "tablette"])],
    });
    await tx.insert(cra).values({
      ...saisie,
      conseillerId: params.conseillerId,
      structureId: params.structureId,
      communeCode: ou.communeCode,
      departementCode: ou.departementCode,
    });
    await appliquerCompteurs(
      tx,
      {
        conseillerId: params.conseillerId,
        structureId: params.structureId,
        departementCode: ou.departementCode,
        jour,
      },
      compteursDe(saisie),
    );
  }
}
