import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { identifiantSchema } from "../../domain/champs.ts";
import { THEMATIQUES } from "../../domain/cra/vocabulaire.ts";
import { ficheLieuSchema } from "../../domain/lieux/carte-api.ts";
import { conseillersDuLieuSchema } from "../../domain/orientations/api.ts";
import {
  orientationSchema,
  ROLES_ORIENTEURS,
  URGENCES,
} from "../../domain/orientations/orientation.ts";
import type { Role } from "../../domain/roles.ts";
import { appeler } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { BandeauErreurs, useFormulaire } from "../socle/formulaire.tsx";

const vide = () => ({
  conseillerId: "",
  thematiques: [] as string[],
  urgence: "normale",
  precisions: "",
  prenom: "",
  nom: "",
  email: "",
  telephone: "",
  consentement: false,
});

/**
 * Send a person to a place chosen on the map (its page links here with `?lieu=`): the need, the
 * urgency, and the contact the person agrees to give (docs/domaine/orientations.md §2).
 */
function Orienter({ lieuId }: { lieuId: string | null }) {
  const { data: lieu, error } = useQuery({
    queryKey: ["fiche-lieu", lieuId],
    queryFn: () => appeler(ficheLieuSchema, `/api/v1/lieux/${encodeURIComponent(lieuId ?? "")}`),
    enabled: lieuId !== null,
    retry: false,
  });
  const [e, setE] = useState(vide);
  const { data: conseillers } = useQuery({
    queryKey: ["conseillers-du-lieu", lieuId],
    queryFn: () =>
      appeler(
        conseillersDuLieuSchema,
        `/api/orientations/lieux/${encodeURIComponent(lieuId ?? "")}/conseillers`,
      ),
    enabled: lieuId !== null,
  });
  const [envoyee, setEnvoyee] = useState<string>();
  const f = useFormulaire("erreurs-orientation");
  const { etat, message } = f;
  const client = useQueryClient();
  if (!lieuId || error)
    return (
      <Alert
        severity="info"
        title="Choisissez d'abord le lieu"
        description={
          <>
            {error ? `${error.message} ` : ""}Cherchez le lieu le plus proche de la personne sur{" "}
            <Link href="/carte">la carte</Link>, puis, sur sa page, « Orienter une personne vers ce
            lieu ».
          </>
        }
      />
    );
  if (!lieu) return <p>Chargement…</p>;
  const soumettre = (ev: FormEvent) => {
    ev.preventDefault();
    const saisie = { ...e, lieuId, consentement: e.consentement || undefined };
    return f.soumettre({
      schema: orientationSchema,
      saisie,
      envoyer: () =>
        appeler(identifiantSchema, "/api/orientations", { methode: "POST", corps: saisie }),
      apres: async ({ id }) => {
        setEnvoyee(id);
        setE(vide());
        await client.invalidateQueries({ queryKey: ["orientations-envoyees"] });
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
  const texte = (cle: "prenom" | "nom" | "email" | "telephone", libelle: string, type = "text") => (
    <Input
      label={libelle}
      {...etat(cle)}
      nativeInputProps={{
        type,
        value: e[cle],
        onChange: (x) => setE({ ...e, [cle]: x.target.value }),
      }}
    />
  );
  return (
    <>
      {envoyee && (
        <Confirmation cle={envoyee} titre="Orientation envoyée">
          <p>
            Les conseillers numériques de {lieu.nom} la reçoivent dans leur file. Suivez ce qu'elle
            devient dans <Link href="/espace/orientations/envoyees">vos orientations envoyées</Link>
            .
          </p>
        </Confirmation>
      )}
      <p>
        Vers <strong>{lieu.nom}</strong>, {lieu.adresse}, {lieu.codePostal} {lieu.commune} ·{" "}
        <Link href="/carte">choisir un autre lieu</Link>
      </p>
      <form onSubmit={soumettre} noValidate>
        <BandeauErreurs id={f.id} erreurs={f.erreurs} champs={[...Object.keys(vide()), "lieuId"]} />
        <Checkbox
          legend="Besoins de la personne (un à cinq)"
          state={message("thematiques") ? "error" : "default"}
          stateRelatedMessage={message("thematiques")}
          orientation="horizontal"
          options={Object.entries(THEMATIQUES).map(([v, l]) => ({
            label: l,
            nativeInputProps: { checked: e.thematiques.includes(v), onChange: () => basculer(v) },
          }))}
        />
        <Select
          label="Conseiller (facultatif)"
          hint="Sans choix, tous les conseillers du lieu la reçoivent."
          {...etat("conseillerId")}
          nativeSelectProps={{
            value: e.conseillerId,
            onChange: (x) => setE({ ...e, conseillerId: x.target.value }),
          }}
        >
          <option value="">Tous les conseillers du lieu</option>
          {conseillers?.conseillers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.nom}
            </option>
          ))}
        </Select>
        <RadioButtons
          legend="Urgence"
          options={Object.entries(URGENCES).map(([v, l]) => ({
            label: l,
            nativeInputProps: {
              name: "urgence",
              checked: e.urgence === v,
              onChange: () => setE({ ...e, urgence: v }),
            },
          }))}
        />
        <Input
          textArea
          label="Précisions sur le besoin (facultatif)"
          hintText="Ce que le lieu doit savoir pour bien accueillir la personne, sans donnée de santé."
          {...etat("precisions")}
          nativeTextAreaProps={{
            value: e.precisions,
            onChange: (x) => setE({ ...e, precisions: x.target.value }),
          }}
        />
        <fieldset className={fr.cx("fr-fieldset")}>
          <legend className={fr.cx("fr-fieldset__legend")}>
            La personne (un téléphone ou une adresse électronique, au moins)
          </legend>
          <div className={fr.cx("fr-fieldset__content")}>
            {texte("prenom", "Prénom")}
            {texte("nom", "Nom (facultatif)")}
            {texte("telephone", "Téléphone", "tel")}
            {texte("email", "Adresse électronique", "email")}
          </div>
        </fieldset>
        <Checkbox
          state={message("consentement") ? "error" : "default"}
          stateRelatedMessage={message("consentement")}
          options={[
            {
              label:
                "La personne accepte que ces informations soient transmises au lieu qui l'accueillera. Elles sont effacées 3 mois après la fin de l'orientation.",
              nativeInputProps: {
                checked: e.consentement,
                onChange: (x) => setE({ ...e, consentement: x.target.checked }),
              },
            },
          ]}
        />
        <Button type="submit">Envoyer l'orientation</Button>
      </form>
    </>
  );
}

/** The roles that send persons to places: each reaches this page from its own space. */
export function PageOrienter() {
  const lieuId = new URLSearchParams(window.location.search).get("lieu");
  return (
    <GabaritEspace titre="Orienter une personne vers un lieu">
      {(moi) =>
        (ROLES_ORIENTEURS as readonly Role[]).includes(moi.habilitation!.role) ? (
          <Orienter lieuId={lieuId} />
        ) : (
          <Alert
            severity="warning"
            small
            description="Votre habilitation active n'oriente pas de personnes vers un lieu."
          />
        )
      }
    </GabaritEspace>
  );
}
