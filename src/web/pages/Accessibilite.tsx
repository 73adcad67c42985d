import { fr } from "@codegouvfr/react-dsfr";
import { useTitre } from "../socle/titre.ts";

export function Accessibilite() {
  useTitre("Déclaration d'accessibilité");
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Déclaration d'accessibilité</h1>
      <p>
        L'Agence nationale de la cohésion des territoires (ANCT) s'engage à rendre ses services
        numériques accessibles, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005
        et au décret n° 2019-768 du 24 juillet 2019.
      </p>
      <p>Cette déclaration s'applique à la plateforme Conseillers numériques France Services.</p>
      <h2>État de conformité</h2>
      <p>
        La plateforme est <strong>non conforme</strong> au référentiel général d'amélioration de
        l'accessibilité (RGAA 4.1) : elle n'a pas encore été auditée. Elle est construite avec le
        système de design de l'État et vérifiée automatiquement (axe-core) à chaque modification, ce
        qui ne remplace pas un audit.
      </p>
      <h2>Contenus non accessibles</h2>
      <p>
        Faute d'audit, la liste des non-conformités n'est pas encore établie. Les graphiques à venir
        seront toujours accompagnés d'un tableau de données, et les cartes d'une liste.
      </p>
      <h2>Établissement de cette déclaration</h2>
      <p>
        Déclaration établie le 24 novembre 2026. Un schéma pluriannuel de mise en accessibilité et
        le plan d'actions de l'année seront publiés avec le premier audit.
      </p>
      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à{" "}
        <a href="mailto:accessibilite@conseiller-numerique.gouv.fr">
          accessibilite@conseiller-numerique.gouv.fr
        </a>{" "}
        : nous vous indiquerons une autre façon d'y accéder ou vous transmettrons le contenu sous
        une forme accessible.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous nous avez signalé un défaut d'accessibilité sans obtenir de réponse satisfaisante,
        vous pouvez :
      </p>
      <ul>
        <li>
          écrire un message au{" "}
          <a href="https://formulaire.defenseurdesdroits.fr/" rel="noopener">
            Défenseur des droits
          </a>{" "}
          ;
        </li>
        <li>contacter le délégué du Défenseur des droits dans votre région ;</li>
        <li>
          envoyer un courrier (gratuit, sans timbre) à : Défenseur des droits, Libre réponse 71120,
          75342 Paris CEDEX 07.
        </li>
      </ul>
    </div>
  );
}
