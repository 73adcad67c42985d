import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { okSchema } from "../../domain/champs.ts";
import {
  affichageCarteSchema,
  type LieuProche,
  lieuAjouteSchema,
  lieuxProchesSchema,
  type MonLieu,
} from "../../domain/lieux/api.ts";
import { GRILLE_FERMEE, type Grille, JOURS, LIBELLES_JOURS } from "../../domain/lieux/horaires.ts";
import {
  FRAIS,
  ITINERANCES,
  lieuSchema,
  MODALITES_ACCES,
  MODALITES_ACCOMPAGNEMENT,
  NATURES_LIEU,
  type NatureLieu,
  PRISES_EN_CHARGE,
  PUBLICS_ADRESSES,
  SERVICES,
  TYPOLOGIES_USUELLES,
} from "../../domain/lieux/lieu.ts";
import { appeler, ErreurApi } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { ChoixAdresse } from "../socle/ChoixAdresse.tsx";
import { ChoixCommune } from "../socle/ChoixCommune.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useErreurs } from "../socle/erreurs.ts";
import { useMesLieux } from "./mes-lieux.ts";

/** Morning and afternoon of each day, as the original form had them; empty means closed. */
function EditeurHoraires({ grille, onChange }: { grille: Grille; onChange: (g: Grille) => void }) {
  const champ = (j: (typeof JOURS)[number], i: number, borne: "debut" | "fin", libelle: string) => (
    <Input
      label={`${LIBELLES_JOURS[j]}, ${libelle}`}
      nativeInputProps={{
        type: "time",
        value: grille[j][i]?.[borne] ?? "",
        onChange: (e) => {
          const creneaux = [0, 1].map((k) => ({
            debut: grille[j][k]?.debut ?? "",
            fin: grille[j][k]?.fin ?? "",
          }));
          creneaux[i]![borne] = e.target.value;
          onChange({ ...grille, [j]: creneaux.filter((c) => c.debut || c.fin) });
        },
      }}
    />
  );
  return (
    <fieldset className={fr.cx("fr-fieldset")}>
      <legend className={fr.cx("fr-fieldset__legend")}>
        Horaires d'ouverture
        <span className={fr.cx("fr-hint-text")}>Laissez vide un jour de fermeture</span>
      </legend>
      {JOURS.map((j) => (
        <div
          key={j}
          className={fr.cx("fr-fieldset__element", "fr-grid-row", "fr-grid-row--gutters")}
        >
          <div className={fr.cx("fr-col-6", "fr-col-md-3")}>
            {champ(j, 0, "debut", "ouverture du matin")}
          </div>
          <div className={fr.cx("fr-col-6", "fr-col-md-3")}>
            {champ(j, 0, "fin", "fermeture du matin")}
          </div>
          <div className={fr.cx("fr-col-6", "fr-col-md-3")}>
            {champ(j, 1, "debut", "ouverture de l'après-midi")}
          </div>
          <div className={fr.cx("fr-col-6", "fr-col-md-3")}>
            {champ(j, 1, "fin", "fermeture de l'après-midi")}
          </div>
        </div>
      ))}
    </fieldset>
  );
}

function NouveauLieu() {
  const client = useQueryClient();
  const [nature, setNature] = useState<NatureLieu>("secondaire");
  const [f, setF] = useState({
    nom: "",
    siret: "",
    adresse: "",
    codePostal: "",
    communeCode: "",
    telephone: "",
    priseRdv: "",
    courriel: "",
    typologies: [] as string[],
    itinerance: [] as string[],
    publicsSpecifiquementAdresses: [] as string[],
    priseEnChargeSpecifique: [] as string[],
    modalitesAccompagnement: [] as string[],
    services: [] as string[],
    fraisACharge: [] as string[],
    modalitesAcces: [] as string[],
    visibleCarte: true,
  });
  const [horaires, setHoraires] = useState<Grille>(GRILLE_FERMEE);
  const [proches, setProches] = useState<LieuProche[]>();
  const [succes, setSucces] = useState<string>();
  const { erreurs, etat, message, depuisSchema, depuisEchec, effacer } = useErreurs();
  type Multiple =
    | "services"
    | "fraisACharge"
    | "modalitesAcces"
    | "typologies"
    | "itinerance"
    | "publicsSpecifiquementAdresses"
    | "priseEnChargeSpecifique"
    | "modalitesAccompagnement";
  const basculer = (cle: Multiple, v: string) =>
    setF({ ...f, [cle]: f[cle].includes(v) ? f[cle].filter((x) => x !== v) : [...f[cle], v] });

  const envoyer = async (corps: object) => {
    try {
      const r = await appeler(lieuAjouteSchema, "/api/conseiller/lieux", {
        methode: "POST",
        corps,
      });
      effacer();
      setProches(undefined);
      setSucces(
        r.partage
          ? "Ce lieu existait déjà : vous y êtes maintenant rattaché, sans doublon."
          : "Lieu ajouté à vos lieux d'activité.",
      );
      await client.invalidateQueries({ queryKey: ["mes-lieux"] });
    } catch (err) {
      depuisEchec(err);
    }
  };
  const verifier = async (e: FormEvent) => {
    e.preventDefault();
    const lieu = { ...f, horaires };
    const v = lieuSchema.safeParse(lieu);
    if (!v.success) {
      depuisSchema(v.error.issues);
      return;
    }
    // The form proposes places already known before creating one.
    const q = new URLSearchParams({
      communeCode: f.communeCode,
      nom: f.nom,
      adresse: f.adresse,
      siret: f.siret,
    });
    const trouves = await appeler(lieuxProchesSchema, `/api/lieux/proches?${q}`).catch(() => []);
    if (trouves.length > 0 && !proches) {
      setProches(trouves);
      return;
    }
    await envoyer({ nature, lieu });
  };
  return (
    <section aria-labelledby="titre-nouveau-lieu" className={fr.cx("fr-mt-4w")}>
      <h2 id="titre-nouveau-lieu">Ajouter un lieu</h2>
      <div aria-live="polite">
        {succes && <Confirmation cle={succes} titre={succes} />}
        {erreurs.length > 0 && (
          <Alert
            small
            severity="error"
            description={erreurs.map((x) => x.message).join(" ")}
            className={fr.cx("fr-mb-2w")}
          />
        )}
      </div>
      {proches && (
        <Alert
          severity="info"
          title="Ce lieu existe peut-être déjà"
          className={fr.cx("fr-mb-3w")}
          description={
            <>
              <p>Un autre conseiller l'a peut-être déclaré. Rattachez-vous au lieu existant :</p>
              <ul>
                {proches.map((p) => (
                  <li key={p.id}>
                    {p.nom}, {p.adresse} {p.codePostal}{" "}
                    <Button size="small" onClick={() => void envoyer({ nature, lieuId: p.id })}>
                      Choisir ce lieu
                    </Button>
                  </li>
                ))}
              </ul>
              <Button
                size="small"
                priority="secondary"
                onClick={() => void envoyer({ nature, lieu: { ...f, horaires } })}
              >
                Non, créer un nouveau lieu
              </Button>
            </>
          }
        />
      )}
      <form onSubmit={(e) => void verifier(e)} noValidate>
        <Select
          label="Ce lieu est"
          nativeSelectProps={{
            value: nature,
            onChange: (e) => setNature(e.target.value as NatureLieu),
          }}
        >
          {(Object.keys(NATURES_LIEU) as NatureLieu[]).map((n) => (
            <option key={n} value={n}>
              {NATURES_LIEU[n]}
            </option>
          ))}
        </Select>
        {(
          [
            ["nom", "Nom du lieu"],
            ["siret", "SIRET (facultatif)"],
            ["telephone", "Téléphone (facultatif)"],
            ["courriel", "Adresse électronique du lieu (facultatif)"],
            ["priseRdv", "Lien de prise de rendez-vous (facultatif)"],
          ] as const
        ).map(([c, label]) => (
          <Input
            key={c}
            label={label}
            {...etat(c)}
            nativeInputProps={{ value: f[c], onChange: (e) => setF({ ...f, [c]: e.target.value }) }}
          />
        ))}
        <ChoixAdresse
          valeur={f.adresse}
          onChange={(adresse) => setF({ ...f, adresse })}
          onChoisir={(a) =>
            setF({ ...f, adresse: a.adresse, codePostal: a.codePostal, communeCode: a.communeCode })
          }
          communeCode={f.communeCode || undefined}
          erreur={message("adresse")}
        />
        <Input
          label="Code postal"
          {...etat("codePostal")}
          nativeInputProps={{
            value: f.codePostal,
            inputMode: "numeric",
            onChange: (e) => setF({ ...f, codePostal: e.target.value }),
          }}
        />
        <ChoixCommune
          valeur={f.communeCode}
          onChange={(communeCode) => setF({ ...f, communeCode })}
          erreur={message("communeCode")}
        />
        <Checkbox
          legend="Type de lieu"
          orientation="horizontal"
          options={Object.entries(TYPOLOGIES_USUELLES).map(([code, libelle]) => ({
            label: libelle,
            nativeInputProps: {
              checked: f.typologies.includes(code),
              onChange: () => basculer("typologies", code),
            },
          }))}
        />
        <Checkbox
          legend="Itinérance"
          orientation="horizontal"
          options={ITINERANCES.map((s) => ({
            label: s,
            nativeInputProps: {
              checked: f.itinerance.includes(s),
              onChange: () => basculer("itinerance", s),
            },
          }))}
        />
        <Checkbox
          legend="Services proposés"
          options={SERVICES.map((s) => ({
            label: s,
            nativeInputProps: {
              checked: f.services.includes(s),
              onChange: () => basculer("services", s),
            },
          }))}
        />
        <Checkbox
          legend="Frais à charge"
          orientation="horizontal"
          options={FRAIS.map((s) => ({
            label: s,
            nativeInputProps: {
              checked: f.fraisACharge.includes(s),
              onChange: () => basculer("fraisACharge", s),
            },
          }))}
        />
        <Checkbox
          legend="Publics spécifiquement adressés (facultatif)"
          orientation="horizontal"
          options={PUBLICS_ADRESSES.map((s) => ({
            label: s,
            nativeInputProps: {
              checked: f.publicsSpecifiquementAdresses.includes(s),
              onChange: () => basculer("publicsSpecifiquementAdresses", s),
            },
          }))}
        />
        <Checkbox
          legend="Prise en charge spécifique (facultatif)"
          options={PRISES_EN_CHARGE.map((s) => ({
            label: s,
            nativeInputProps: {
              checked: f.priseEnChargeSpecifique.includes(s),
              onChange: () => basculer("priseEnChargeSpecifique", s),
            },
          }))}
        />
        <Checkbox
          legend="Modalités d'accompagnement"
          orientation="horizontal"
          options={MODALITES_ACCOMPAGNEMENT.map((s) => ({
            label: s,
            nativeInputProps: {
              checked: f.modalitesAccompagnement.includes(s),
              onChange: () => basculer("modalitesAccompagnement", s),
            },
          }))}
        />
        <Checkbox
          legend="Modalités d'accès"
          options={MODALITES_ACCES.map((s) => ({
            label: s,
            nativeInputProps: {
              checked: f.modalitesAcces.includes(s),
              onChange: () => basculer("modalitesAcces", s),
            },
          }))}
        />
        <EditeurHoraires grille={horaires} onChange={setHoraires} />
        <Checkbox
          options={[
            {
              label: "Afficher ce lieu sur la carte publique",
              nativeInputProps: {
                checked: f.visibleCarte,
                onChange: () => setF({ ...f, visibleCarte: !f.visibleCarte }),
              },
            },
          ]}
        />
        <Button type="submit">Ajouter ce lieu</Button>
      </form>
    </section>
  );
}

/** "Anonyme" on the public map when the conseiller prefers it. */
function AffichageCarte() {
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: ["ma-carte"],
    queryFn: () => appeler(affichageCarteSchema, "/api/conseiller/carte"),
  });
  if (!data) return null;
  return (
    <Checkbox
      options={[
        {
          label: "Masquer mon nom sur la carte publique (« Anonyme »)",
          nativeInputProps: {
            checked: data.nomMasqueCarte,
            onChange: async () => {
              await appeler(affichageCarteSchema, "/api/conseiller/carte", {
                methode: "PUT",
                corps: { nomMasqueCarte: !data.nomMasqueCarte },
              });
              await client.invalidateQueries({ queryKey: ["ma-carte"] });
            },
          },
        },
      ]}
    />
  );
}

function MesLieux() {
  const client = useQueryClient();
  const [erreur, setErreur] = useState<string>();
  const { data } = useMesLieux();
  const quitter = async (l: MonLieu) => {
    try {
      await appeler(okSchema, `/api/conseiller/lieux/${l.id}/fin`, { methode: "POST" });
      setErreur(undefined);
      await client.invalidateQueries({ queryKey: ["mes-lieux"] });
    } catch (e) {
      setErreur(e instanceof ErreurApi ? e.message : "L'action a échoué.");
    }
  };
  return (
    <>
      <div aria-live="polite">
        {erreur && <Alert small severity="error" description={erreur} />}
      </div>
      <ul>
        {data?.map((l) => (
          <li key={l.id} className={fr.cx("fr-mb-2w")}>
            <strong>{l.nom}</strong>{" "}
            <Badge small severity={l.nature === "principal" ? "success" : "info"}>
              {NATURES_LIEU[l.nature]}
            </Badge>
            <br />
            {l.adresse}, {l.codePostal} {l.commune}
            {l.horaires ? ` — ${l.horaires}` : ""}{" "}
            {l.nature !== "principal" && (
              <Button size="small" priority="tertiary" onClick={() => void quitter(l)}>
                Je ne travaille plus ici
              </Button>
            )}
          </li>
        ))}
      </ul>
      <AffichageCarte />
      <NouveauLieu />
    </>
  );
}

export function PageMesLieux() {
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Mes lieux d'activité">
      {() => <MesLieux />}
    </GabaritEspace>
  );
}
