import { ImportTableur } from "../socle/ImportTableur.tsx";

export function ImportDecisions() {
  return (
    <ImportTableur
      api="/api/comites/import"
      titre="Importer les décisions d'un comité"
      description="Colonnes attendues : siret (ou structure_id), decision (acceptée, refusée, complément), postes, coselec."
      libelleFichier="Fichier de décisions"
      libelleAppliquer="Appliquer les décisions"
      titreApplique="Décisions appliquées"
    />
  );
}

export function ImportFormation() {
  return (
    <ImportTableur
      api="/api/formations/import"
      titre="Importer les résultats d'un organisme de formation"
      description="Colonnes : identifiant (ou email ; jamais le nom), organisme, parcours_heures, date_positionnement, date_debut, date_fin, heures_realisees, ccp1 (obtenue, echouee, a_passer, absence_justifiee, absence_non_justifiee), date_ccp1, pix_1_1, pix_4_1, pix_4_2, date_pix. Dates au format JJ/MM/AAAA."
      libelleFichier="Fichier de l'organisme"
      libelleAppliquer="Appliquer les résultats"
      titreApplique="Résultats appliqués"
    />
  );
}

export function ImportLieux() {
  return (
    <ImportTableur
      api="/api/lieux/import"
      titre="Importer des lieux de médiation numérique"
      description="Un fichier au standard national v1.0.2 (CSV, valeurs multiples séparées par |, ou JSON). Sans code INSEE, la commune est lue dans son nom et son code postal. Un lieu déjà importé de la même source, ou déjà connu (même commune, même nom, adresse voisine), est mis à jour, jamais copié ; des organismes différents à la même adresse restent distincts."
      libelleFichier="Fichier de lieux"
      libelleAppliquer="Importer les lieux"
      titreApplique="Lieux importés"
      formats={["csv", "json"]}
      rejets="/api/lieux/import/rejets"
    />
  );
}
