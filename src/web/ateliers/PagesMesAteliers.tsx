import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "wouter";
import { monAtelierSchema, pageMesAteliersSchema } from "../../domain/ateliers/api.ts";
import { atelierSchema } from "../../domain/ateliers/atelier.ts";
import { identifiantSchema } from "../../domain/champs.ts";
import { NIVEAUX_ATELIER, THEMATIQUES } from "../../domain/cra/vocabulaire.ts";
import { quantite } from "../../domain/format.ts";
import { ajouterJours, jourParis } from "../../domain/temps.ts";
import { useMesLieux } from "../activite/mes-lieux.ts";
import { appeler } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useEtatUrl } from "../socle/etat-url.ts";
import { dateHeure } from "../socle/format.ts";
import { BandeauErreurs, useFormulaire } from "../socle/formulaire.tsx";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";
import { PresencesAtelier } from "./PresencesAtelier.tsx";

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
      {data && (
        <div className={fr.cx("fr-table")}>
          <table>
            <caption>{resumePage(data, "atelier", "ateliers")}</caption>
            <thead>
              <tr>
                <th scope="col">Début</th>
                <th scope="col">Atelier</th>
                <th scope="col">Lieu</th>
                <th scope="col">Places prises</th>
                <th scope="col">En attente</th>
              </tr>
            </thead>
            <tbody>
              {data.ateliers.map((a) => (
                <tr key={a.id}>
                  <td>{dateHeure.format(new Date(a.debut))}</td>
                  <td>
                    <Link href={`${CHEMIN}/${a.id}`}>{a.titre}</Link>
                    {a.annuleLe && " (annulé)"}
                  </td>
                  <td>{a.lieu.nom}</td>
                  <td>
                    {a.capacite - a.placesRestantes} sur {a.capacite}
                  </td>
                  <td>{a.enAttente}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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

const vide = () => ({
  titre: "",
  thematiques: [] as string[],
  niveau: "debutant",
  lieuId: "",
  jour: ajouterJours(jourParis(new Date()), 7),
  heure: "14:00",
  dureeMinutes: "90",
  capacite: "10",
  gratuit: "oui",
  accessibilite: "",
});

function NouvelAtelier() {
  const [e, setE] = useState(vide);
  const { data: lieux } = useMesLieux();
  const f = useFormulaire("erreurs-atelier");
  const { etat, message } = f;
  const [publie, setPublie] = useState<string>();
  const client = useQueryClient();
  const soumettre = (ev: FormEvent) => {
    ev.preventDefault();
    const saisie = { ...e, gratuit: e.gratuit === "oui" };
    return f.soumettre({
      schema: atelierSchema,
      saisie,
      envoyer: () =>
        appeler(identifiantSchema, "/api/ateliers", { methode: "POST", corps: saisie }),
      apres: async ({ id }) => {
        setPublie(id);
        setE(vide());
        await client.invalidateQueries({ queryKey: ["mes-ateliers"] });
      },
    });
  };
  const basculer = (t: string) =>
    setE({
      ...e,
      thematiques: e.thematiques.includes(t)
        ? e.thematiques.filter((x) => x !== t)
        : [...e.thematiques, t],
    });
  const champs = Object.keys(vide());
  return (
    <>
      {publie && (
        <Confirmation cle={publie} titre="Atelier annoncé">
          <p>
            Il est ouvert aux inscriptions :{" "}
            <Link href={`/ateliers/${publie}`}>voir sa page publique</Link> ·{" "}
            <Link href={`${CHEMIN}/${publie}`}>voir ses inscriptions</Link>
          </p>
        </Confirmation>
      )}
      <form onSubmit={soumettre} noValidate>
        <BandeauErreurs id={f.id} erreurs={f.erreurs} champs={champs} />
        <Input
          label="Titre"
          {...etat("titre")}
          nativeInputProps={{
            value: e.titre,
            onChange: (x) => setE({ ...e, titre: x.target.value }),
          }}
        />
        <Checkbox
          legend="Thématiques (une à cinq)"
          state={message("thematiques") ? "error" : "default"}
          stateRelatedMessage={message("thematiques")}
          orientation="horizontal"
          options={Object.entries(THEMATIQUES).map(([v, l]) => ({
            label: l,
            nativeInputProps: { checked: e.thematiques.includes(v), onChange: () => basculer(v) },
          }))}
        />
        <Select
          label="Niveau"
          {...etat("niveau")}
          nativeSelectProps={{
            value: e.niveau,
            onChange: (x) => setE({ ...e, niveau: x.target.value }),
          }}
        >
          {Object.entries(NIVEAUX_ATELIER).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
        <Select
          label="Lieu"
          {...etat("lieuId")}
          nativeSelectProps={{
            value: e.lieuId,
            onChange: (x) => setE({ ...e, lieuId: x.target.value }),
          }}
        >
          <option value="" disabled>
            Choisir un de vos lieux
          </option>
          {lieux?.map((l) => (
            <option key={l.id} value={l.id}>
              {l.nom} – {l.commune}
            </option>
          ))}
        </Select>
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          {(
            [
              ["jour", "Date", "date"],
              ["heure", "Heure de début (heure de Paris)", "time"],
              ["dureeMinutes", "Durée (minutes)", "number"],
              ["capacite", "Nombre de places", "number"],
            ] as const
          ).map(([cle, libelle, type]) => (
            <div key={cle} className={fr.cx("fr-col-12", "fr-col-md-3")}>
              <Input
                label={libelle}
                {...etat(cle)}
                nativeInputProps={{
                  type,
                  value: e[cle],
                  onChange: (x) => setE({ ...e, [cle]: x.target.value }),
                }}
              />
            </div>
          ))}
        </div>
        <RadioButtons
          legend="L'atelier est-il gratuit ?"
          orientation="horizontal"
          options={[
            ["oui", "Gratuit"],
            ["non", "Payant"],
          ].map(([v, l]) => ({
            label: l,
            nativeInputProps: {
              name: "gratuit",
              checked: e.gratuit === v,
              onChange: () => setE({ ...e, gratuit: v! }),
            },
          }))}
        />
        <Input
          textArea
          label="Accessibilité (facultatif)"
          hintText="Accès en fauteuil, boucle magnétique, matériel prêté…"
          {...etat("accessibilite")}
          nativeTextAreaProps={{
            value: e.accessibilite,
            onChange: (x) => setE({ ...e, accessibilite: x.target.value }),
          }}
        />
        <Button type="submit">Annoncer l'atelier</Button>
      </form>
    </>
  );
}

export function PageNouvelAtelier() {
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Annoncer un atelier">
      {() => <NouvelAtelier />}
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
