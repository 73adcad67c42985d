import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "wouter";
import {
  type AtelierPublic,
  atelierPublicSchema,
  inscriptionFaiteSchema,
  pageAteliersPublicsSchema,
} from "../../domain/ateliers/api.ts";
import { inscriptionSchema } from "../../domain/ateliers/atelier.ts";
import { NIVEAUX_ATELIER, THEMATIQUES } from "../../domain/cra/vocabulaire.ts";
import { quantite } from "../../domain/format.ts";
import { RAYON_PAR_DEFAUT_KM } from "../../domain/lieux/carte.ts";
import { jourParis } from "../../domain/temps.ts";
import { appeler } from "../api.ts";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useEtatUrl } from "../socle/etat-url.ts";
import { FiltreParmi } from "../socle/FiltreParmi.tsx";
import { dateHeure } from "../socle/format.ts";
import { BandeauErreurs, useFormulaire } from "../socle/formulaire.tsx";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";
import { useTitre } from "../socle/titre.ts";

const libelleThematique = (t: string) => THEMATIQUES[t as keyof typeof THEMATIQUES] ?? t;

/** What a reader needs to choose: when, where, for whom, and whether there is room. */
function Resume({ a }: { a: AtelierPublic }) {
  return (
    <ul>
      <li>
        Le {dateHeure.format(new Date(a.debut))}, pendant {a.dureeMinutes} minutes
      </li>
      <li>
        {a.lieu.nom}, {a.lieu.adresse}, {a.lieu.codePostal} {a.lieu.commune}
      </li>
      <li>
        Niveau {NIVEAUX_ATELIER[a.niveau].toLowerCase()} ·{" "}
        {a.thematiques.map(libelleThematique).join(", ")} · {a.gratuit ? "gratuit" : "payant"}
      </li>
      <li>
        {a.placesRestantes > 0
          ? quantite(a.placesRestantes, "place restante", "places restantes")
          : `Complet : ${quantite(a.enAttente, "personne", "personnes")} en liste d'attente`}
      </li>
      {a.accessibilite && <li>Accessibilité : {a.accessibilite}</li>}
    </ul>
  );
}

/** « Prochains ateliers »: the workshops anyone may register to, soonest first. */
export function PageProchainsAteliers() {
  useTitre("Prochains ateliers");
  // A place's page and the map link here with their place or point: kept while filtering.
  const [etat, naviguer, adresse] = useEtatUrl({
    thematique: "",
    du: "",
    lieu: "",
    lat: "",
    lon: "",
    rayon: "",
    page: "1",
  });
  const [saisie, setSaisie] = useState({ thematique: etat.thematique, du: etat.du });
  const requete = new URLSearchParams(Object.entries(etat).filter(([, v]) => v !== "")).toString();
  const { data, error } = useQuery({
    queryKey: ["ateliers-publics", requete],
    queryFn: () => appeler(pageAteliersPublicsSchema, `/api/v1/ateliers?${requete}`),
    placeholderData: keepPreviousData,
  });
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Prochains ateliers</h1>
      <p>
        Des ateliers gratuits ou à petit prix près de chez vous, animés par des conseillers
        numériques. Inscrivez-vous sans créer de compte.
      </p>
      {(etat.lieu || etat.lat) && (
        <p>
          {etat.lieu
            ? "Les ateliers d'un lieu."
            : `Les ateliers à moins de ${etat.rayon || RAYON_PAR_DEFAUT_KM} km du point choisi sur la carte.`}{" "}
          <Link href="/ateliers">Voir tous les ateliers</Link>
        </p>
      )}
      <form
        className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-3w")}
        onSubmit={(e) => {
          e.preventDefault();
          naviguer({ ...saisie, page: "1" });
        }}
      >
        <div className={fr.cx("fr-col-12", "fr-col-md-5")}>
          <FiltreParmi
            label="Thématique"
            tous="Toutes"
            libelles={THEMATIQUES}
            valeur={saisie.thematique}
            changer={(thematique) => setSaisie({ ...saisie, thematique })}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Input
            label="À partir du"
            nativeInputProps={{
              type: "date",
              value: saisie.du,
              min: jourParis(new Date()),
              onChange: (e) => setSaisie({ ...saisie, du: e.target.value }),
            }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <Button type="submit" className={fr.cx("fr-mt-md-4w")}>
            Filtrer
          </Button>
        </div>
      </form>
      {error && <Alert severity="error" small description={error.message} />}
      {data && (
        <>
          <p aria-live="polite">{resumePage(data, "atelier", "ateliers")}</p>
          {data.ateliers.map((a) => (
            <section key={a.id} className={fr.cx("fr-mb-3w")}>
              <h2 className={fr.cx("fr-h5", "fr-mb-1w")}>
                <Link href={`/ateliers/${a.id}`}>{a.titre}</Link>
              </h2>
              <Resume a={a} />
            </section>
          ))}
          <PaginationUrl donnees={data} adresse={adresse} />
        </>
      )}
    </div>
  );
}

/** A workshop's page: what, when, where, and the registration form. */
export function PageAtelier() {
  const { id } = useParams<{ id: string }>();
  const { data, error, refetch } = useQuery({
    queryKey: ["atelier-public", id],
    queryFn: () => appeler(atelierPublicSchema, `/api/v1/ateliers/${encodeURIComponent(id ?? "")}`),
    retry: false,
  });
  useTitre(data?.titre ?? "Atelier");
  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      {error ? (
        <>
          <h1>Atelier</h1>
          <Alert severity="error" title="Cet atelier ne s'ouvre pas" description={error.message} />
          <p className={fr.cx("fr-mt-3w")}>
            <Link href="/ateliers">Voir les prochains ateliers</Link>
          </p>
        </>
      ) : !data ? (
        <p>Chargement…</p>
      ) : (
        <>
          <h1>{data.titre}</h1>
          <Resume a={data} />
          <FormulaireInscription atelier={data} apres={() => void refetch()} />
        </>
      )}
    </div>
  );
}

function FormulaireInscription(props: { atelier: AtelierPublic; apres: () => void }) {
  const [e, setE] = useState({ prenom: "", email: "", telephone: "", consentement: false });
  const f = useFormulaire("erreurs-inscription");
  const { etat, message } = f;
  const [faite, setFaite] = useState<{ statut: string; jeton: string }>();
  const [enCours, setEnCours] = useState(false);
  const soumettre = async (ev: FormEvent) => {
    ev.preventDefault();
    const saisie = { ...e, consentement: e.consentement || undefined };
    setEnCours(true);
    await f.soumettre({
      schema: inscriptionSchema,
      saisie,
      envoyer: () =>
        appeler(
          inscriptionFaiteSchema,
          `/api/v1/ateliers/${encodeURIComponent(props.atelier.id)}/inscriptions`,
          { methode: "POST", corps: saisie },
        ),
      apres: (r) => {
        setFaite(r);
        props.apres();
      },
    });
    setEnCours(false);
  };
  if (faite) {
    const lien = `${window.location.origin}/ateliers/annulation#${faite.jeton}`;
    return (
      <Confirmation
        cle={faite.jeton}
        titre={
          faite.statut === "inscrite"
            ? "Votre place est réservée"
            : "L'atelier est complet : vous êtes sur la liste d'attente"
        }
      >
        <p>
          {faite.statut === "inscrite"
            ? "Vous recevrez un rappel la veille si vous avez donné une adresse électronique."
            : "Si une place se libère, elle vous revient dans l'ordre d'arrivée, et vous en êtes prévenu par courriel."}
        </p>
        <p>
          Gardez ce lien pour annuler si vous ne pouvez pas venir : <a href={lien}>{lien}</a>
        </p>
      </Confirmation>
    );
  }
  const complet = props.atelier.placesRestantes === 0;
  return (
    <form onSubmit={soumettre} noValidate aria-labelledby="titre-inscription">
      <h2 id="titre-inscription">{complet ? "S'inscrire sur la liste d'attente" : "S'inscrire"}</h2>
      <BandeauErreurs
        id={f.id}
        erreurs={f.erreurs}
        champs={["prenom", "email", "telephone", "consentement"]}
      />
      <Input
        label="Prénom"
        {...etat("prenom")}
        nativeInputProps={{
          autoComplete: "given-name",
          value: e.prenom,
          onChange: (x) => setE({ ...e, prenom: x.target.value }),
        }}
      />
      <Input
        label="Adresse électronique"
        hintText="Pour la confirmation et le rappel la veille. Ou bien un téléphone."
        {...etat("email")}
        nativeInputProps={{
          type: "email",
          autoComplete: "email",
          value: e.email,
          onChange: (x) => setE({ ...e, email: x.target.value }),
        }}
      />
      <Input
        label="Téléphone"
        hintText="Si vous n'avez pas d'adresse électronique : le conseiller vous appellera si besoin."
        {...etat("telephone")}
        nativeInputProps={{
          type: "tel",
          autoComplete: "tel",
          value: e.telephone,
          onChange: (x) => setE({ ...e, telephone: x.target.value }),
        }}
      />
      <Checkbox
        state={message("consentement") ? "error" : "default"}
        stateRelatedMessage={message("consentement")}
        options={[
          {
            label:
              "J'accepte d'être contacté au sujet de cet atelier (confirmation, rappel, place libérée). Mes coordonnées sont effacées 30 jours après l'atelier.",
            nativeInputProps: {
              checked: e.consentement,
              onChange: (x) => setE({ ...e, consentement: x.target.checked }),
            },
          },
        ]}
      />
      <Button type="submit" disabled={enCours}>
        {complet ? "M'inscrire sur la liste d'attente" : "M'inscrire"}
      </Button>
    </form>
  );
}
