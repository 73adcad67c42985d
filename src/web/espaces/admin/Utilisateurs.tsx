import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LIBELLES_ROLES, ROLES } from "../../../domain/roles.ts";
import { pageUtilisateursSchema, type UtilisateurVue } from "../../../domain/utilisateur.ts";
import { appeler, appelerApi } from "../../api.ts";
import { ChoixOrdre } from "../../socle/ChoixOrdre.tsx";
import { useEtatUrl, useRequeteExport } from "../../socle/etat-url.ts";
import { FormulaireRecherche } from "../../socle/FormulaireRecherche.tsx";
import { LiensExport } from "../../socle/LiensExport.tsx";
import { PaginationUrl, resumePage } from "../../socle/PaginationUrl.tsx";
import { useLibellePerimetre } from "../../socle/territoires.ts";
import { GabaritEspace } from "../GabaritEspace.tsx";
import { FormulaireInvitation } from "./FormulaireInvitation.tsx";

const date = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

const ORDRES: Record<string, string> = {
  recents: "Les comptes les plus récents d'abord",
  nom: "Par nom",
  connexion: "Les dernières connexions d'abord",
};

export function UtilisateursAdmin() {
  return (
    <GabaritEspace roleAttendu="admin" titre="Utilisateurs et invitations">
      {(moi) => (
        <>
          <FormulaireInvitation />
          <ListeUtilisateurs moiId={moi.utilisateur.id} />
        </>
      )}
    </GabaritEspace>
  );
}

function ListeUtilisateurs({ moiId }: { moiId: string }) {
  const client = useQueryClient();
  const libelle = useLibellePerimetre();
  const [etat, naviguer, adresse] = useEtatUrl({
    recherche: "",
    role: "",
    actif: "",
    tri: "recents",
    page: "1",
  });
  const requeteExport = useRequeteExport();
  const params = new URLSearchParams(Object.entries(etat).filter(([, v]) => v !== ""));
  const { data } = useQuery({
    queryKey: ["utilisateurs", params.toString()],
    queryFn: () => appeler(pageUtilisateursSchema, `/api/utilisateurs?${params}`),
    placeholderData: keepPreviousData,
  });
  const basculer = useMutation({
    mutationFn: (u: UtilisateurVue) =>
      appelerApi(`/api/utilisateurs/${u.id}/${u.actif ? "desactivation" : "reactivation"}`, {
        methode: "POST",
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ["utilisateurs"] }),
  });

  return (
    <section aria-labelledby="titre-liste" className={fr.cx("fr-mt-6w")}>
      <h2 id="titre-liste">Comptes</h2>
      <FormulaireRecherche
        label="Rechercher (nom, adresse)"
        valeur={etat.recherche}
        rechercher={(recherche) => naviguer({ recherche })}
      />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Select
            label="Rôle"
            nativeSelectProps={{
              value: etat.role,
              onChange: (e) => naviguer({ role: e.target.value }),
            }}
          >
            <option value="">Tous les rôles</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {LIBELLES_ROLES[r]}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Select
            label="État"
            nativeSelectProps={{
              value: etat.actif,
              onChange: (e) => naviguer({ actif: e.target.value }),
            }}
          >
            <option value="">Tous</option>
            <option value="oui">Actifs</option>
            <option value="non">Désactivés</option>
          </Select>
        </div>
      </div>
      <ChoixOrdre ordres={ORDRES} valeur={etat.tri} changer={(tri) => naviguer({ tri })} />
      <p aria-live="polite">
        {data
          ? resumePage({ ...data, taillePage: data.parPage }, "compte", "comptes")
          : "Chargement…"}
      </p>
      <LiensExport
        chemin="/api/utilisateurs/export"
        libelle="Télécharger les comptes filtrés"
        requete={requeteExport}
      />
      {basculer.error && (
        <p className={fr.cx("fr-error-text")} role="alert">
          {basculer.error.message}
        </p>
      )}
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>Comptes de la plateforme</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse électronique</th>
              <th scope="col">Habilitations</th>
              <th scope="col">État</th>
              <th scope="col">Dernière connexion</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {data?.utilisateurs.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.prenom} {u.nom}
                </td>
                <td>{u.email}</td>
                <td>
                  <ul className={fr.cx("fr-raw-list")}>
                    {u.habilitations.map((h) => (
                      <li key={h.id}>
                        {h.libelle} – {libelle(h.perimetre)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {u.actif ? (
                    <Badge severity="success" small>
                      Actif
                    </Badge>
                  ) : (
                    <Badge severity="error" small>
                      Désactivé
                    </Badge>
                  )}
                  {!u.invitationAccepteeLe && (
                    <Badge severity="info" small className={fr.cx("fr-ml-1v")}>
                      Invitation en attente
                    </Badge>
                  )}
                </td>
                <td>
                  {u.derniereConnexionLe ? date.format(new Date(u.derniereConnexionLe)) : "Jamais"}
                </td>
                <td>
                  {u.id !== moiId && (
                    <Button
                      size="small"
                      priority="secondary"
                      disabled={basculer.isPending}
                      onClick={() => basculer.mutate(u)}
                    >
                      {u.actif ? "Désactiver" : "Réactiver"}
                      <span className={fr.cx("fr-sr-only")}>
                        {" "}
                        le compte de {u.prenom} {u.nom}
                      </span>
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PaginationUrl donnees={data && { ...data, taillePage: data.parPage }} adresse={adresse} />
    </section>
  );
}
