import { fr } from "@codegouvfr/react-dsfr";
import { TABLEAU_CONSERVATION } from "../../domain/conservation.ts";
import { useTitre } from "../socle/titre.ts";

export function DonneesPersonnelles() {
  useTitre("Données personnelles");
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Données personnelles</h1>
      <h2>Responsable du traitement</h2>
      <p>
        L'Agence nationale de la cohésion des territoires (ANCT), 20 avenue de Ségur, 75007 Paris.
        Délégué à la protection des données : <a href="mailto:dpo@anct.gouv.fr">dpo@anct.gouv.fr</a>
        .
      </p>
      <h2>Finalités et bases légales</h2>
      <p>
        La plateforme sert à sélectionner les structures d'accueil, recruter, former et suivre les
        conseillers numériques, produire les statistiques du dispositif et verser les subventions de
        l'État. Ces traitements relèvent de l'exécution d'une mission d'intérêt public (article
        6.1.e du RGPD).
      </p>
      <h2>Destinataires et sous-traitants</h2>
      <p>
        Selon leur rôle et leur territoire : l'ANCT, les préfectures, les structures d'accueil, les
        coordinateurs, les hubs territoriaux, les grands réseaux et la Banque des Territoires.
        Chacun ne voit que ce que son habilitation permet.
      </p>
      <h2>Durées de conservation</h2>
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>Durées de conservation</caption>
          <thead>
            <tr>
              <th scope="col">Donnée</th>
              <th scope="col">Durée</th>
            </tr>
          </thead>
          <tbody>
            {TABLEAU_CONSERVATION.map(([donnee, duree]) => (
              <tr key={donnee}>
                <td>{donnee}</td>
                <td>{duree}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Cookies</h2>
      <p>
        La plateforme ne dépose qu'un cookie de session, strictement nécessaire à la connexion : il
        n'y a ni mesure d'audience ni traceur publicitaire, donc pas de consentement à recueillir.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation et
        d'opposition. Écrivez au délégué à la protection des données. Si vous estimez que vos droits
        ne sont pas respectés, vous pouvez adresser une réclamation à la{" "}
        <a href="https://www.cnil.fr/fr/plaintes" rel="noopener">
          CNIL
        </a>
        .
      </p>
    </div>
  );
}
