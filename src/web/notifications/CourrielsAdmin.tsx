import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { quantite } from "../../domain/format.ts";
import { pageCourrielsSchema } from "../../domain/notifications/api.ts";
import type { StatutCourriel } from "../../domain/notifications/courriels.ts";
import { TENTATIVES_COURRIEL_MAX } from "../../domain/notifications/courriels.ts";
import { appeler } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { ChoixOrdre } from "../socle/ChoixOrdre.tsx";
import { useEtatUrl, useRequeteExport } from "../socle/etat-url.ts";
import { FormulaireRecherche } from "../socle/FormulaireRecherche.tsx";
import { dateHeure } from "../socle/format.ts";
import { LiensExport } from "../socle/LiensExport.tsx";
import { PaginationUrl } from "../socle/PaginationUrl.tsx";

const STATUTS: Record<
  StatutCourriel,
  { libelle: string; severite: "success" | "info" | "warning" | "error" }
> = {
  envoye: { libelle: "Remis au serveur d'envoi", severite: "success" },
  journalise: { libelle: "Consigné (pas de serveur d'envoi)", severite: "info" },
  en_attente: { libelle: "En attente", severite: "warning" },
  echec: { libelle: "Échec", severite: "error" },
};

const ORDRES: Record<string, string> = {
  recents: "Du plus récent au plus ancien",
  anciens: "Du plus ancien au plus récent",
  destinataire: "Par destinataire",
};

/** Every mail the platform sent, with its delivery status: the ANCT answers "did it leave?". */
export function CourrielsAdmin() {
  const [filtres, naviguer, adresse] = useEtatUrl({
    statut: "",
    modele: "",
    recherche: "",
    tri: "recents",
    page: "1",
  });
  const requeteExport = useRequeteExport();
  const requete = new URLSearchParams(Object.entries(filtres).filter(([, v]) => v !== ""));
  const { data, error } = useQuery({
    queryKey: ["courriels", requete.toString()],
    queryFn: () => appeler(pageCourrielsSchema, `/api/admin/courriels?${requete}`),
    placeholderData: keepPreviousData,
  });
  const filtrer = (cle: keyof typeof filtres, valeur: string) => naviguer({ [cle]: valeur });
  const page = Number(filtres.page);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.parPage)) : 1;
  return (
    <GabaritEspace roleAttendu="admin" titre="Courriels envoyés">
      {() => (
        <>
          <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
            <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Select
                label="État de remise"
                nativeSelectProps={{
                  value: filtres.statut,
                  onChange: (e) => filtrer("statut", e.target.value),
                }}
              >
                <option value="">Tous</option>
                {Object.entries(STATUTS).map(([code, s]) => (
                  <option key={code} value={code}>
                    {s.libelle}
                  </option>
                ))}
              </Select>
            </div>
            <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Select
                label="Modèle"
                nativeSelectProps={{
                  value: filtres.modele,
                  onChange: (e) => filtrer("modele", e.target.value),
                }}
              >
                <option value="">Tous</option>
                {data?.modeles.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </Select>
            </div>
          </div>
          <FormulaireRecherche
            label="Destinataire"
            valeur={filtres.recherche}
            rechercher={(recherche) => filtrer("recherche", recherche)}
          />
          <ChoixOrdre ordres={ORDRES} valeur={filtres.tri} changer={(tri) => filtrer("tri", tri)} />
          <LiensExport
            chemin="/api/admin/courriels/export"
            libelle="Télécharger les courriels filtrés"
            requete={requeteExport}
          />
          {error && <Alert severity="error" small description={error.message} />}
          {data && (
            <div className={fr.cx("fr-table")}>
              <table>
                <caption>
                  {quantite(data.total, "courriel", "courriels")},{" "}
                  {(ORDRES[filtres.tri] ?? "").toLowerCase()} — page {page} sur {pages}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Créé le</th>
                    <th scope="col">Destinataire</th>
                    <th scope="col">Objet</th>
                    <th scope="col">Modèle</th>
                    <th scope="col">État</th>
                    <th scope="col">Envoyé le</th>
                  </tr>
                </thead>
                <tbody>
                  {data.lignes.map((c) => (
                    <tr key={c.id}>
                      <td>{dateHeure.format(new Date(c.creeLe))}</td>
                      <td>{c.destinataire}</td>
                      <td>{c.objet}</td>
                      <td>
                        <code>{c.modele}</code>
                      </td>
                      <td>
                        <Badge small severity={STATUTS[c.statut].severite} noIcon>
                          {STATUTS[c.statut].libelle}
                        </Badge>
                        {c.erreur && <p className={fr.cx("fr-text--xs", "fr-mb-0")}>{c.erreur}</p>}
                        {c.tentatives > 1 && (
                          <p className={fr.cx("fr-text--xs", "fr-mb-0")}>
                            {c.tentatives} tentatives
                          </p>
                        )}
                        {c.statut === "echec" && (
                          <p className={fr.cx("fr-text--xs", "fr-mb-0")}>
                            {c.tentatives >= TENTATIVES_COURRIEL_MAX
                              ? "Abandonné : vérifiez l'adresse"
                              : c.prochaineTentativeLe
                                ? `Nouvelle tentative vers ${dateHeure.format(new Date(c.prochaineTentativeLe))}`
                                : "Nouvelle tentative dans quelques minutes"}
                          </p>
                        )}
                      </td>
                      <td>{c.envoyeLe ? dateHeure.format(new Date(c.envoyeLe)) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <PaginationUrl
            donnees={data && { total: data.total, page, taillePage: data.parPage }}
            adresse={adresse}
          />
        </>
      )}
    </GabaritEspace>
  );
}
