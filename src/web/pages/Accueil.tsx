import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMoi } from "../socle/moi.ts";
import { useTitre } from "../socle/titre.ts";

const ACTEURS = [
  [
    "Structures d'accueil",
    "Collectivités, associations et entreprises de l'ESS candidatent, recrutent et suivent leurs postes.",
  ],
  [
    "Préfectures",
    "Elles donnent leur avis sur les candidatures de leur territoire et suivent le déploiement.",
  ],
  [
    "Conseillers numériques",
    "Ils déclarent leurs lieux d'activité et rendent compte de leurs accompagnements.",
  ],
  [
    "Candidats",
    "Ils rejoignent le vivier national et sont mis en relation avec les structures proches.",
  ],
  [
    "Coordinateurs, hubs et grands réseaux",
    "Ils animent les conseillers de leur périmètre et en suivent l'activité.",
  ],
  [
    "ANCT et Banque des Territoires",
    "Elles pilotent le programme, décident des postes et versent les subventions.",
  ],
] as const;

export function Accueil() {
  useTitre("Accueil");
  const { data: moi } = useMoi();
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Conseillers numériques France Services</h1>
      <p className={fr.cx("fr-text--lead")}>
        L'État finance 4 000 conseillers numériques dans près de 3 000 structures pour accompagner
        chacun vers l'autonomie dans ses usages numériques. Cette plateforme réunit tous les acteurs
        du dispositif.
      </p>
      {moi ? (
        <Button linkProps={{ href: moi.habilitation?.accueil ?? "/espace" }}>
          Aller à mon espace
        </Button>
      ) : (
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
          <li>
            <Button linkProps={{ href: "/connexion" }}>Se connecter</Button>
          </li>
          <li>
            <Button priority="secondary" linkProps={{ href: "/candidature-structure" }}>
              Candidater comme structure d'accueil
            </Button>
          </li>
          <li>
            <Button priority="secondary" linkProps={{ href: "/candidature-conseiller" }}>
              Devenir conseiller numérique
            </Button>
          </li>
        </ul>
      )}
      <ul className={fr.cx("fr-mt-4w")}>
        <li>
          <a href="/carte">Trouver un conseiller numérique près de chez vous</a>
        </li>
        <li>
          <a href="/statistiques">Les chiffres de l'activité des conseillers numériques</a>
        </li>
        <li>
          <a href="/donnees-ouvertes">Les données ouvertes du dispositif</a>
        </li>
      </ul>
      <h2 className={fr.cx("fr-mt-6w")}>Pour qui ?</h2>
      <ul className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-raw-list")}>
        {ACTEURS.map(([titre, texte]) => (
          <li key={titre} className={fr.cx("fr-col-12", "fr-col-md-4")}>
            <div className={fr.cx("fr-card", "fr-card--no-arrow")}>
              <div className={fr.cx("fr-card__body")}>
                <div className={fr.cx("fr-card__content")}>
                  <h3 className={fr.cx("fr-card__title")}>{titre}</h3>
                  <p className={fr.cx("fr-card__desc")}>{texte}</p>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
