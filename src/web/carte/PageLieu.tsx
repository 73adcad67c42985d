import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "wouter";
import { quantite } from "../../domain/format.ts";
import { ficheLieuSchema } from "../../domain/lieux/carte-api.ts";
import { appeler } from "../api.ts";
import { ProchainsAteliers } from "../ateliers/ProchainsAteliers.tsx";
import { dateLongue } from "../socle/format.ts";
import { LienExterne } from "../socle/LienExterne.tsx";
import { useTitre } from "../socle/titre.ts";
import { OrienterVersCeLieu } from "./OrienterVersCeLieu.tsx";
import { SignalerErreur } from "./SignalerErreur.tsx";

function Liste({ titre, valeurs, vide }: { titre: string; valeurs: string[]; vide?: string }) {
  if (valeurs.length === 0 && !vide) return null;
  return (
    <>
      <h2 className={fr.cx("fr-h5")}>{titre}</h2>
      {valeurs.length === 0 ? (
        <p>{vide}</p>
      ) : (
        <ul>
          {valeurs.map((v) => (
            <li key={v}>{v}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A place's public page: everything to go there, when, to do what, with whom; shareable, printable. */
export function PageLieu() {
  const { id } = useParams<{ id: string }>();
  const { data: l, error } = useQuery({
    queryKey: ["lieu-public", id],
    queryFn: () => appeler(ficheLieuSchema, `/api/v1/lieux/${encodeURIComponent(id)}`),
  });
  useTitre(l ? `${l.nom} – lieu de médiation numérique` : "Lieu de médiation numérique");
  if (error)
    return (
      <div className={fr.cx("fr-container", "fr-py-6w")}>
        <h1>Lieu introuvable</h1>
        <Alert severity="warning" small description={error.message} />
        <p className={fr.cx("fr-mt-2w")}>
          <Link href="/carte">Revenir à la recherche</Link>
        </p>
      </div>
    );
  if (!l)
    return (
      <div className={fr.cx("fr-container", "fr-py-6w")}>
        <p>Chargement…</p>
      </div>
    );
  const adresse = `${l.adresse}${l.complementAdresse ? `, ${l.complementAdresse}` : ""}, ${l.codePostal} ${l.commune}`;
  const point = l.latitude !== null && l.longitude !== null ? `${l.latitude},${l.longitude}` : null;
  const noms = l.conseillers.map((c) => `${c.prenom} ${c.nom}`);
  // No "Contact" heading over an empty list.
  const aUnContact = Boolean(
    l.telephone || l.courriels.length || l.sitesWeb.length || l.priseRdv || l.ficheAccesLibre,
  );
  const ancien = Date.now() - new Date(l.dateMaj).getTime() > 365 * 24 * 3600 * 1000;
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <p className={fr.cx("fr-no-print")}>
        <Link href="/carte">← Revenir à la recherche</Link>
      </p>
      <h1>{l.nom}</h1>
      {l.ouverture && (
        <p>
          <Badge severity={l.ouverture.ouvert ? "success" : "info"} noIcon>
            {l.ouverture.ouvert ? "Ouvert" : "Fermé"}
          </Badge>{" "}
          {l.ouverture.prochainChangement}
        </p>
      )}
      {l.presentationResume && <p className={fr.cx("fr-text--lead")}>{l.presentationResume}</p>}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <h2 className={fr.cx("fr-h5")}>Adresse</h2>
          <address>{adresse}</address>
          {point && l.positionApproximative && (
            <p className={fr.cx("fr-text--sm")}>
              Position approximative : le lieu est placé au centre de sa commune, son adresse
              n'ayant pas pu être localisée.
            </p>
          )}
          {point && (
            <ul
              className={fr.cx(
                "fr-btns-group",
                "fr-btns-group--inline",
                "fr-btns-group--sm",
                "fr-mt-1w",
                "fr-no-print",
              )}
            >
              <li>
                <LienExterne
                  className={fr.cx("fr-btn", "fr-btn--secondary")}
                  href={`https://www.openstreetmap.org/directions?to=${encodeURIComponent(point)}`}
                  titre="Itinéraire sur OpenStreetMap"
                >
                  Itinéraire
                </LienExterne>
              </li>
              <li>
                <a className={fr.cx("fr-btn", "fr-btn--tertiary")} href={`geo:${point}`}>
                  Ouvrir dans une application de cartes
                </a>
              </li>
            </ul>
          )}
          {aUnContact && (
            <>
              <h2 className={fr.cx("fr-h5", "fr-mt-3w")}>Contact</h2>
              <ul>
                {l.telephone && (
                  <li>
                    Téléphone : <a href={`tel:${l.telephone}`}>{l.telephone}</a>
                  </li>
                )}
                {l.courriels.map((c) => (
                  <li key={c}>
                    Courriel : <a href={`mailto:${c}`}>{c}</a>
                  </li>
                ))}
                {l.sitesWeb.map((s) => (
                  <li key={s}>
                    <LienExterne href={s} titre={s}>
                      Site web
                    </LienExterne>
                  </li>
                ))}
                {l.priseRdv && (
                  <li>
                    <LienExterne href={l.priseRdv} titre="Prendre rendez-vous en ligne">
                      Prendre rendez-vous en ligne
                    </LienExterne>
                  </li>
                )}
                {l.ficheAccesLibre && (
                  <li>
                    <LienExterne
                      href={l.ficheAccesLibre}
                      titre="Accessibilité du lieu sur acceslibre"
                    >
                      Accessibilité du lieu (acceslibre)
                    </LienExterne>
                  </li>
                )}
              </ul>
            </>
          )}
          <h2 className={fr.cx("fr-h5")}>Conseillers numériques</h2>
          <p>
            {noms.length === 0 && l.conseillersAnonymes === 0
              ? "Aucun conseiller numérique n'est rattaché à ce lieu."
              : [
                  ...noms,
                  ...(l.conseillersAnonymes > 0
                    ? [
                        quantite(
                          l.conseillersAnonymes,
                          "conseiller ne souhaitant pas être nommé",
                          "conseillers ne souhaitant pas être nommés",
                        ),
                      ]
                    : []),
                ].join(", ")}
          </p>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <h2 className={fr.cx("fr-h5")}>Horaires</h2>
          {l.semaine ? (
            <table className={fr.cx("fr-table")}>
              <caption className={fr.cx("fr-sr-only")}>Horaires d'ouverture de la semaine</caption>
              <tbody>
                {l.semaine.map((j) => (
                  <tr key={j.jour}>
                    <th scope="row">{j.jour}</th>
                    <td>{j.creneaux.length ? j.creneaux.join(", ") : "Fermé"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>Horaires non communiqués : contactez le lieu avant de vous déplacer.</p>
          )}
        </div>
      </div>
      <OrienterVersCeLieu lieuId={l.id} />
      <ProchainsAteliers
        filtres={{ lieu: l.id }}
        titre="Prochains ateliers"
        vide="Aucun atelier n'est annoncé dans ce lieu pour l'instant."
      />
      <Liste titre="Services" valeurs={l.services} />
      <Liste
        titre="Publics accueillis"
        valeurs={l.publicsSpecifiquementAdresses}
        vide="Tout public"
      />
      <Liste titre="Prise en charge spécifique" valeurs={l.priseEnChargeSpecifique} />
      <Liste titre="Frais" valeurs={l.fraisACharge} />
      <Liste titre="Comment y accéder" valeurs={l.modalitesAcces} />
      <Liste titre="Accompagnement proposé" valeurs={l.modalitesAccompagnement} />
      {l.presentationDetail && (
        <>
          <h2 className={fr.cx("fr-h5")}>Présentation</h2>
          <p>{l.presentationDetail}</p>
        </>
      )}
      <p className={fr.cx("fr-text--sm", "fr-mt-4w")}>
        Dernière mise à jour le {dateLongue.format(new Date(l.dateMaj))}
        {l.source ? ` (source : ${l.source})` : ""}.
        {ancien && " Ces informations ont plus d'un an : vérifiez-les auprès du lieu."}
      </p>
      <div className={fr.cx("fr-no-print", "fr-mt-4w", "fr-mb-4w")}>
        <SignalerErreur lieuId={l.id} />
      </div>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline", "fr-no-print")}>
        <li>
          <Button priority="secondary" iconId="fr-icon-printer-line" onClick={() => window.print()}>
            Imprimer
          </Button>
        </li>
        <li>
          <Button
            priority="tertiary"
            iconId="fr-icon-links-line"
            onClick={() => navigator.clipboard?.writeText(window.location.href)}
          >
            Copier le lien
          </Button>
        </li>
      </ul>
    </div>
  );
}
