import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "wouter";
import { PAGES_ESPACES } from "../../domain/espaces.ts";
import { useMoi } from "../socle/moi.ts";
import { useTitre } from "../socle/titre.ts";

export function PlanDuSite() {
  useTitre("Plan du site");
  const { data: moi } = useMoi();
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Plan du site</h1>
      <ul>
        <li>
          <Link href="/">Accueil</Link>
        </li>
        <li>
          <Link href="/ateliers">Prochains ateliers</Link>
        </li>
        <li>
          <Link href="/connexion">Se connecter</Link>
        </li>
        {moi?.habilitations.map((h) => (
          <li key={h.id}>
            <Link href={h.accueil}>Mon espace : {h.libelle}</Link>
            {/* The active space's pages, as its navigation lists them. */}
            {h.id === moi.habilitation?.id && (
              <ul>
                {PAGES_ESPACES[moi.habilitation.role].slice(1).map((p) => (
                  <li key={p.chemin}>
                    <Link href={p.chemin}>{p.libelle}</Link>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
        <li>
          <Link href="/accessibilite">Déclaration d'accessibilité</Link>
        </li>
        <li>
          <Link href="/mentions-legales">Mentions légales</Link>
        </li>
        <li>
          <Link href="/donnees-personnelles">Données personnelles</Link>
        </li>
        <li>
          <Link href="/cgu">Conditions générales d'utilisation</Link>
        </li>
        <li>
          <a href="/api/docs">Documentation de l'API</a>
        </li>
      </ul>
    </div>
  );
}
