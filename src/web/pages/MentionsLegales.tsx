import { fr } from "@codegouvfr/react-dsfr";
import { useTitre } from "../socle/titre.ts";

export function MentionsLegales() {
  useTitre("Mentions légales");
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>
        Agence nationale de la cohésion des territoires (ANCT), programme Société Numérique
        <br />
        20 avenue de Ségur, 75007 Paris – téléphone : 01 85 58 60 00
      </p>
      <h2>Directeur de la publication</h2>
      <p>Le directeur général de l'Agence nationale de la cohésion des territoires.</p>
      <h2>Hébergement</h2>
      <p>
        L'hébergeur de l'instance de production, avec son adresse et son téléphone, est indiqué sur
        cette page lors de sa mise en service. Les instances de démonstration sont hébergées par les
        équipes qui les font fonctionner.
      </p>
      <h2>Licence</h2>
      <p>Sauf mention contraire, les contenus de ce site sont sous licence etalab-2.0.</p>
    </div>
  );
}
