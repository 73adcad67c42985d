import { fr } from "@codegouvfr/react-dsfr";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { useState } from "react";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { ImportTableur } from "../socle/ImportTableur.tsx";
import { UsageDesDonnees } from "./FormulairePersonne.tsx";

/**
 * A spreadsheet of followed persons: checked first, applied when no line is refused; every
 * person must have been informed, which the conseiller certifies for the whole file.
 */
function ImportPersonnes() {
  const [informees, setInformees] = useState(false);
  return (
    <>
      <UsageDesDonnees />
      <p>
        Colonnes reconnues (la première ligne les nomme) : Prénom, Nom, Année ou Date de naissance
        (seule l'année est gardée), Code commune ou Commune et Code postal, Téléphone, Email, Genre,
        Statut, Notes, Partage (oui ou non). Seul le nom est obligatoire. Une personne que vous
        suivez déjà (même nom, même année de naissance) est écartée : importer deux fois le même
        fichier ne crée personne deux fois.
      </p>
      <Checkbox
        options={[
          {
            label:
              "J'ai informé chaque personne du fichier de l'usage de ces informations, et elle l'accepte",
            nativeInputProps: { checked: informees, onChange: () => setInformees(!informees) },
          },
        ]}
      />
      <ImportTableur
        api="/api/beneficiaires/import"
        titre="Fichier de personnes suivies"
        description="Chaque ligne est vérifiée comme dans le formulaire."
        libelleFichier="Fichier à importer"
        libelleAppliquer="Importer les personnes"
        titreApplique="Personnes importées"
        requete={informees ? { informees: "oui" } : {}}
      />
      <p className={fr.cx("fr-mt-3w")}>
        <a href="/espace/conseiller/personnes">Retour à mes personnes suivies</a>
      </p>
    </>
  );
}

export function PageImportPersonnes() {
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Importer des personnes suivies">
      {() => <ImportPersonnes />}
    </GabaritEspace>
  );
}
