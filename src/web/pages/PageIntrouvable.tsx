import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "wouter";
import { useTitre } from "../socle/titre.ts";

export function PageIntrouvable() {
  useTitre("Page introuvable");
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Page introuvable</h1>
      <p className={fr.cx("fr-text--lead")}>
        La page que vous cherchez n'existe pas ou a été déplacée.
      </p>
      <p>Si vous avez tapé l'adresse, vérifiez-la. Sinon, repartez de l'accueil.</p>
      <Link href="/">Retour à l'accueil</Link>
    </div>
  );
}
