import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useParams } from "wouter";
import { monAtelierSchema, pageMesAteliersSchema } from "../../domain/ateliers/api.ts";
import { quantite } from "../../domain/format.ts";
import { useMesLieux } from "../activite/mes-lieux.ts";
import { appeler } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { useEtatUrl } from "../socle/etat-url.ts";
import { dateHeure } from "../socle/format.ts";
import { PaginationUrl } from "../socle/PaginationUrl.tsx";
import { FormulaireAtelier } from "./FormulaireAtelier.tsx";
import { PresencesAtelier } from "./PresencesAtelier.tsx";
import { TableAteliers } from "./TableAteliers.tsx";

const CHEMIN = "/espace/conseiller/ateliers";

function MesAteliers() {
  const [etat, , adresse] = useEtatUrl({ page: "1" });
  const { data } = useQuery({
    queryKey: ["mes-ateliers", etat.page],
    queryFn: () => appeler(pageMesAteliersSchema, `/api/ateliers?page=${etat.page}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Button linkProps={{ href: `${CHEMIN}/nouveau` }} className={fr.cx("fr-mb-3w")}>
        Annoncer un atelier
      </Button>
      {data && <TableAteliers donnees={data} lien={(id) => `${CHEMIN}/${id}`} />}
      <PaginationUrl donnees={data} adresse={adresse} />
    </>
  );
}

export function PageMesAteliers() {
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Mes ateliers">
      {() => <MesAteliers />}
    </GabaritEspace>
  );
}

function NouvelAtelierDuConseiller() {
  const { data: lieux } = useMesLieux();
  return (
    <FormulaireAtelier
      choix={lieux?.map((l) => ({ cle: l.id, libelle: `${l.nom} – ${l.commune}`, lieuId: l.id }))}
      libelleChoix="Lieu"
      chemin="/api/ateliers"
      cleListe="mes-ateliers"
      lienInscriptions={(id) => `${CHEMIN}/${id}`}
    />
  );
}

export function PageNouvelAtelier() {
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Annoncer un atelier">
      {() => <NouvelAtelierDuConseiller />}
    </GabaritEspace>
  );
}

function MonAtelier({ id }: { id: string }) {
  const { data, error } = useQuery({
    queryKey: ["mon-atelier", id],
    queryFn: () => appeler(monAtelierSchema, `/api/ateliers/${encodeURIComponent(id)}`),
    retry: false,
  });
  if (error)
    return <Alert severity="error" title="Atelier introuvable" description={error.message} />;
  if (!data) return <p>Chargement…</p>;
  const inscrites = data.inscriptions.filter((i) => i.statut !== "annulee");
  return (
    <>
      <h2 className={fr.cx("fr-h4")}>{data.titre}</h2>
      <p>
        Le {dateHeure.format(new Date(data.debut))} à {data.lieu.nom} ·{" "}
        {data.capacite - data.placesRestantes} places prises sur {data.capacite} ·{" "}
        {quantite(data.enAttente, "personne", "personnes")} en attente ·{" "}
        <Link href={`/ateliers/${data.id}`}>page publique</Link>
      </p>
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>Inscriptions (annulées comprises), dans l'ordre d'arrivée</caption>
          <thead>
            <tr>
              <th scope="col">Prénom</th>
              <th scope="col">Contact</th>
              <th scope="col">État</th>
              <th scope="col">Présence</th>
            </tr>
          </thead>
          <tbody>
            {data.inscriptions.map((i) => (
              <tr key={i.id}>
                <td>{i.prenom}</td>
                <td>{[i.email, i.telephone].filter(Boolean).join(" · ")}</td>
                <td>
                  {i.statut === "inscrite"
                    ? "Place réservée"
                    : i.statut === "attente"
                      ? "Liste d'attente"
                      : "Annulée"}
                </td>
                <td>{i.present === null ? "Non notée" : i.present ? "Oui" : "Non"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {inscrites.length === 0 && <p>Personne n'est encore inscrit.</p>}
      <PresencesAtelier atelier={data} />
      <p>
        Les personnes inscrites avec un téléphone seul ne reçoivent ni confirmation ni rappel :
        appelez-les si besoin. Leurs coordonnées sont effacées 30 jours après l'atelier.
      </p>
    </>
  );
}

export function PageMonAtelier() {
  const { id } = useParams<{ id: string }>();
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Mon atelier">
      {() => <MonAtelier id={id ?? ""} />}
    </GabaritEspace>
  );
}
