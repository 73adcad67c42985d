import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "wouter";
import {
  ficheBeneficiaireSchema,
  pageBeneficiairesSchema,
} from "../../domain/beneficiaires/api.ts";
import { identifiantSchema, okSchema } from "../../domain/champs.ts";
import { appeler, ErreurApi } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useEtatUrl } from "../socle/etat-url.ts";
import { FormulaireRecherche } from "../socle/FormulaireRecherche.tsx";
import { dateLongue } from "../socle/format.ts";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";
import { FichePersonne } from "./FichePersonne.tsx";
import { FormulairePersonne, UsageDesDonnees } from "./FormulairePersonne.tsx";
import { Passation } from "./Passation.tsx";
import { nomComplet } from "./PersonnesSemblables.tsx";
import { etatDepuisFiche, personneVide } from "./saisie-personne.ts";

export const CHEMIN_PERSONNES = "/espace/conseiller/personnes";

export function useFichePersonne(id: string) {
  return useQuery({
    queryKey: ["beneficiaire", id],
    queryFn: () => appeler(ficheBeneficiaireSchema, `/api/beneficiaires/${id}`),
    retry: false,
  });
}

function MesPersonnes() {
  const [etat, naviguer, adresse] = useEtatUrl({ recherche: "", page: "1" });
  const { data } = useQuery({
    queryKey: ["beneficiaires", etat],
    queryFn: () =>
      appeler(
        pageBeneficiairesSchema,
        `/api/beneficiaires?${new URLSearchParams(Object.entries(etat).filter(([, v]) => v !== ""))}`,
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <p>
        Les personnes que vous suivez avec leur accord, et celles que vos collègues de la structure
        partagent avec vous. Les comptes rendus restent anonymes si vous ne nommez personne.
      </p>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
        <li>
          <Button iconId="fr-icon-add-line" linkProps={{ href: `${CHEMIN_PERSONNES}/nouvelle` }}>
            Enregistrer une personne
          </Button>
        </li>
        <li>
          <Button priority="secondary" linkProps={{ href: `${CHEMIN_PERSONNES}/import` }}>
            Importer un fichier
          </Button>
        </li>
      </ul>
      <FormulaireRecherche
        label="Rechercher par nom ou prénom"
        valeur={etat.recherche}
        rechercher={(recherche) => naviguer({ recherche })}
      />
      <p aria-live="polite">
        {data ? resumePage(data, "personne suivie", "personnes suivies") : "Chargement…"}
      </p>
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>Personnes suivies, les dernières modifiées d'abord</caption>
          <thead>
            <tr>
              <th scope="col">Personne</th>
              <th scope="col">Commune</th>
              <th scope="col">Enregistrée par</th>
              <th scope="col">Dernière modification</th>
            </tr>
          </thead>
          <tbody>
            {data?.beneficiaires.map((b) => (
              <tr key={b.id}>
                <td>
                  <Link href={`${CHEMIN_PERSONNES}/${b.id}`}>{nomComplet(b)}</Link>
                </td>
                <td>{b.commune ?? "Non renseignée"}</td>
                <td>{b.mien ? "Vous" : "Un collègue (fiche partagée)"}</td>
                <td>{dateLongue.format(new Date(b.modifieLe))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PaginationUrl donnees={data} adresse={adresse} />
      <Passation />
    </>
  );
}

export function PageMesPersonnes() {
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Mes personnes suivies">
      {() => <MesPersonnes />}
    </GabaritEspace>
  );
}

function NouvellePersonne() {
  const client = useQueryClient();
  const [enregistree, setEnregistree] = useState<{ n: number; id: string; nom: string }>();
  return (
    <>
      {enregistree && (
        <Confirmation cle={enregistree.n} titre="Personne enregistrée">
          <p>La fiche de {enregistree.nom} est créée.</p>
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-mt-2w")}>
            <li>
              <Button size="small" linkProps={{ href: `${CHEMIN_PERSONNES}/${enregistree.id}` }}>
                Voir sa fiche
              </Button>
            </li>
            <li>
              <Button
                size="small"
                priority="secondary"
                linkProps={{ href: "/espace/conseiller/cra/nouveau" }}
              >
                Saisir un compte rendu
              </Button>
            </li>
          </ul>
        </Confirmation>
      )}
      <UsageDesDonnees />
      <FormulairePersonne
        key={enregistree?.n ?? 0}
        initial={personneVide()}
        libelleEnvoi="Enregistrer la personne"
        envoyer={async (saisie) => {
          const { id } = await appeler(identifiantSchema, "/api/beneficiaires", {
            methode: "POST",
            corps: saisie,
          });
          await client.invalidateQueries();
          setEnregistree((avant) => ({
            n: (avant?.n ?? 0) + 1,
            id,
            nom: nomComplet({
              prenom: String(saisie.prenom ?? "") || null,
              nom: String(saisie.nom),
            }),
          }));
        }}
      />
    </>
  );
}

export function PageNouvellePersonne() {
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Enregistrer une personne suivie">
      {() => <NouvellePersonne />}
    </GabaritEspace>
  );
}

function Fiche({ id }: { id: string }) {
  const { data, error } = useFichePersonne(id);
  const client = useQueryClient();
  const [supprimee, setSupprimee] = useState(false);
  const [echec, setEchec] = useState<string>();
  if (supprimee)
    return (
      <Confirmation cle="supprimee" titre="Fiche supprimée">
        <p>
          Ses comptes rendus restent, sans son nom.{" "}
          <Link href={CHEMIN_PERSONNES}>Retour à mes personnes suivies</Link>
        </p>
      </Confirmation>
    );
  if (error)
    return <Alert severity="error" title="Fiche introuvable" description={error.message} />;
  if (!data) return <p>Chargement…</p>;
  const supprimer = async () => {
    if (
      !window.confirm(
        `Supprimer la fiche de ${nomComplet(data)} ? Ses comptes rendus resteront, sans son nom.`,
      )
    )
      return;
    try {
      await appeler(okSchema, `/api/beneficiaires/${id}`, { methode: "DELETE" });
      client.removeQueries({ queryKey: ["beneficiaire", id] });
      await client.invalidateQueries({ queryKey: ["beneficiaires"] });
      setSupprimee(true);
    } catch (e) {
      setEchec(e instanceof ErreurApi ? e.message : "La suppression a échoué.");
    }
  };
  return (
    <>
      <div aria-live="polite">{echec && <Alert small severity="error" description={echec} />}</div>
      <FichePersonne fiche={data} />
      <p className={fr.cx("fr-mt-3w")}>
        <a
          className={fr.cx("fr-link", "fr-link--download")}
          href={`/api/beneficiaires/${id}/donnees`}
          download
        >
          Télécharger ses données pour les lui remettre
          <span className={fr.cx("fr-link__detail")}>PDF – droit d'accès</span>
        </a>
      </p>
      {data.mien && (
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-mt-3w")}>
          <li>
            <Button linkProps={{ href: `${CHEMIN_PERSONNES}/${id}/modifier` }}>
              Modifier la fiche
            </Button>
          </li>
          <li>
            <Button priority="secondary" onClick={() => void supprimer()}>
              Supprimer la fiche
            </Button>
          </li>
        </ul>
      )}
    </>
  );
}

export function PageFichePersonne() {
  const { id } = useParams<{ id: string }>();
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Fiche d'une personne suivie">
      {() => <Fiche id={id ?? ""} />}
    </GabaritEspace>
  );
}

function ModifierPersonne({ id }: { id: string }) {
  const { data, error } = useFichePersonne(id);
  const client = useQueryClient();
  const [enregistre, setEnregistre] = useState(0);
  if (error)
    return <Alert severity="error" title="Fiche introuvable" description={error.message} />;
  if (!data) return <p>Chargement…</p>;
  return (
    <>
      {enregistre > 0 && (
        <Confirmation cle={enregistre} titre="Modifications enregistrées">
          <p>
            <Link href={`${CHEMIN_PERSONNES}/${id}`}>Revenir à la fiche</Link>
          </p>
        </Confirmation>
      )}
      <UsageDesDonnees />
      <FormulairePersonne
        id={id}
        initial={etatDepuisFiche(data)}
        libelleEnvoi="Enregistrer les modifications"
        envoyer={async (saisie) => {
          await appeler(okSchema, `/api/beneficiaires/${id}`, { methode: "PUT", corps: saisie });
          await client.invalidateQueries();
          setEnregistre((n) => n + 1);
        }}
      />
    </>
  );
}

export function PageModifierPersonne() {
  const { id } = useParams<{ id: string }>();
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Modifier la fiche d'une personne suivie">
      {() => <ModifierPersonne id={id ?? ""} />}
    </GabaritEspace>
  );
}
