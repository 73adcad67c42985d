import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useState } from "react";
import { messageSchema } from "../../domain/champs.ts";
import { TAILLE_MAX_CV, verifierCv } from "../../domain/recrutement/cv.ts";
import { appeler, ErreurApi, lireEnBase64 } from "../api.ts";
import { useTitre } from "../socle/titre.ts";
import { FormulaireCandidat, SAISIE_VIDE } from "./FormulaireCandidat.tsx";

/** The CV is checked in the browser as on the server: PDF by content, 5 MB at most. */
export async function lireCv(fichier: File | undefined) {
  if (!fichier) return null;
  if (fichier.size > TAILLE_MAX_CV)
    throw new ErreurApi(400, [{ champ: "cv", message: "Le CV ne doit pas dépasser 5 Mo." }]);
  const probleme = verifierCv(new Uint8Array(await fichier.slice(0, 5).arrayBuffer()));
  if (probleme && fichier.size > 0) throw new ErreurApi(400, [{ champ: "cv", message: probleme }]);
  return { nom: fichier.name, contenuBase64: await lireEnBase64(fichier) };
}

export function CandidatureConseiller() {
  useTitre("Devenir conseiller numérique");
  const [envoye, setEnvoye] = useState<string>();
  const [cv, setCv] = useState<File>();

  if (envoye) {
    return (
      <div className={fr.cx("fr-container", "fr-py-6w")}>
        <h1>Plus qu'une étape</h1>
        <Alert severity="success" title="Vérifiez votre messagerie" description={envoye} />
      </div>
    );
  }
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Devenir conseiller numérique</h1>
      <p>
        Les structures qui recrutent près de chez vous consultent les candidatures, de la plus
        proche à la plus lointaine, dans la limite de la distance que vous choisissez. Tous les
        champs sont obligatoires sauf mention contraire.
      </p>
      <FormulaireCandidat
        initiale={SAISIE_VIDE}
        avecEmail
        libelleEnvoi="Envoyer ma candidature"
        envoyer={async (candidat) => {
          const r = await appeler(messageSchema, "/api/candidatures-conseillers", {
            methode: "POST",
            corps: { candidature: candidat, cv: await lireCv(cv) },
          });
          setEnvoye(r.message);
        }}
      >
        <Upload
          label="Votre CV (facultatif)"
          hint="Fichier PDF de 5 Mo au plus. Il est supprimé automatiquement au bout de six mois."
          className={fr.cx("fr-mb-4w")}
          nativeInputProps={{
            name: "cv",
            accept: "application/pdf",
            onChange: (e) => setCv(e.target.files?.[0]),
          }}
        />
      </FormulaireCandidat>
    </div>
  );
}
