import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery } from "@tanstack/react-query";
import { useLocation } from "wouter";
import { LIBELLES_ROLES } from "../../domain/roles.ts";
import { moiSchema, personasSchema } from "../../domain/session.ts";
import { appeler } from "../api.ts";
import { useRafraichirMoi } from "../socle/moi.ts";
import { useTitre } from "../socle/titre.ts";

export function Personas() {
  useTitre("Personas de démonstration");
  const rafraichir = useRafraichirMoi();
  const [, naviguer] = useLocation();
  const { data, error } = useQuery({
    queryKey: ["personas"],
    queryFn: () => appeler(personasSchema, "/api/dev/personas"),
    retry: false,
  });

  const incarner = async (email: string) => {
    const moi = await appeler(moiSchema, "/api/dev/connexion", {
      methode: "POST",
      corps: { email },
    });
    rafraichir(moi);
    naviguer(moi.habilitation?.accueil ?? "/espace");
  };

  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Personas de démonstration</h1>
      <p>
        Sur la plateforme de démonstration, connectez-vous sans courriel comme l'un des acteurs du
        territoire de démonstration (Pas-de-Calais, Nord, Nouvelle-Aquitaine).
      </p>
      {error && (
        <Alert
          severity="info"
          title="Indisponible"
          description="Le changement de persona n'existe qu'en démonstration."
        />
      )}
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>Un persona par rôle</caption>
          <thead>
            <tr>
              <th scope="col">Rôle</th>
              <th scope="col">Persona</th>
              <th scope="col">Adresse</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {data?.map((p) => (
              <tr key={p.email}>
                <td>{LIBELLES_ROLES[p.role]}</td>
                <td>{p.libelle}</td>
                <td>{p.email}</td>
                <td>
                  <Button size="small" onClick={() => void incarner(p.email)}>
                    Se connecter<span className={fr.cx("fr-sr-only")}> comme {p.libelle}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
