import { fr } from "@codegouvfr/react-dsfr";
import { useTitre } from "../socle/titre.ts";

export function Cgu() {
  useTitre("Conditions générales d'utilisation");
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Conditions générales d'utilisation</h1>
      <p>
        La plateforme est réservée aux acteurs du dispositif Conseillers numériques France Services.
        Chaque accès est personnel : ne le partagez pas, et signalez à l'ANCT tout accès dont vous
        n'avez plus besoin.
      </p>
      <p>
        Les données consultées ne servent qu'au pilotage et à la mise en œuvre du dispositif. Toute
        modification est enregistrée dans un journal (auteur, date, contenu avant et après).
      </p>
      <p>
        Les comptes rendus d'activité ne contiennent aucune donnée permettant d'identifier les
        personnes accompagnées.
      </p>
    </div>
  );
}
