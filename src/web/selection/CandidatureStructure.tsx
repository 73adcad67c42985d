import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { messageSchema } from "../../domain/champs.ts";
import { nombreFr, quantite } from "../../domain/format.ts";
import { amisSchema } from "../../domain/selection/api.ts";
import {
  candidatureStructureSchema,
  MOTIVATION_MAX,
  TYPES_JURIDIQUES,
  type TypeJuridique,
} from "../../domain/selection/structure.ts";
import { appeler } from "../api.ts";
import { ChoixAdresse } from "../socle/ChoixAdresse.tsx";
import { ChoixCommune } from "../socle/ChoixCommune.tsx";
import { useErreurs } from "../socle/erreurs.ts";
import { useTitre } from "../socle/titre.ts";

const VIDE = {
  amiId: "",
  identifiant: "",
  typeJuridique: "" as TypeJuridique | "",
  nom: "",
  adresse: "",
  communeCode: "",
  contact: { prenom: "", nom: "", fonction: "", email: "", telephone: "" },
  postesDemandes: "1",
  dateDebutSouhaitee: "",
  motivation: "",
  coordinateur: "non",
  engagement: false,
};

export function CandidatureStructure() {
  useTitre("Candidature d'une structure d'accueil");
  const { data: amis } = useQuery({
    queryKey: ["amis-ouverts"],
    queryFn: () => appeler(amisSchema, "/api/amis/ouverts"),
  });
  const [f, setF] = useState(VIDE);
  const { erreurs, message: erreur, etat, depuisSchema, depuisEchec, effacer } = useErreurs();
  const [envoye, setEnvoye] = useState<string>();
  const [enCours, setEnCours] = useState(false);
  const ami = amis?.find((a) => a.id === f.amiId);

  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    const verifie = candidatureStructureSchema.safeParse(f);
    if (!verifie.success) {
      depuisSchema(verifie.error.issues);
      document.getElementById("erreurs-candidature")?.focus();
      return;
    }
    setEnCours(true);
    try {
      const r = await appeler(messageSchema, "/api/candidatures-structures", {
        methode: "POST",
        corps: verifie.data,
      });
      effacer();
      setEnvoye(r.message);
    } catch (err) {
      depuisEchec(err);
    } finally {
      setEnCours(false);
    }
  };

  if (envoye) {
    return (
      <div className={fr.cx("fr-container", "fr-py-6w")}>
        <h1>Candidature enregistrée</h1>
        <Alert severity="success" title="Vérifiez la messagerie du contact" description={envoye} />
      </div>
    );
  }

  return (
    <div className={fr.cx("fr-container", "fr-py-6w")}>
      <h1>Candidature d'une structure d'accueil</h1>
      <p>
        Collectivités, associations et entreprises de l'économie sociale et solidaire peuvent
        demander des postes de conseiller numérique financés par l'État.
      </p>
      <div id="erreurs-candidature" tabIndex={-1} aria-live="polite">
        {erreurs.length > 0 && (
          <Alert
            severity="error"
            title="La candidature n'a pas pu être enregistrée"
            description={`${quantite(erreurs.length, "champ", "champs")} à corriger : ${erreurs.map((x) => x.message).join(" ")}`}
            className={fr.cx("fr-mb-4w")}
          />
        )}
      </div>
      <form onSubmit={envoyer} noValidate>
        <fieldset className={fr.cx("fr-fieldset")}>
          <legend className={fr.cx("fr-fieldset__legend")}>L'appel et la structure</legend>
          <div className={fr.cx("fr-fieldset__element")}>
            <Select
              label="Appel à manifestation d'intérêt"
              {...etat("amiId")}
              nativeSelectProps={{
                name: "amiId",
                value: f.amiId,
                onChange: (e) => setF({ ...f, amiId: e.target.value, typeJuridique: "" }),
              }}
            >
              <option value="" disabled>
                Choisir un appel ouvert
              </option>
              {amis?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.titre}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx("fr-fieldset__element")}>
            <Select
              label="Type de structure"
              {...etat("typeJuridique")}
              nativeSelectProps={{
                name: "typeJuridique",
                value: f.typeJuridique,
                onChange: (e) => setF({ ...f, typeJuridique: e.target.value as TypeJuridique }),
              }}
            >
              <option value="" disabled>
                {ami ? "Choisir" : "Choisissez d'abord l'appel"}
              </option>
              {(ami?.typesEligibles ?? []).map((t) => (
                <option key={t} value={t}>
                  {TYPES_JURIDIQUES[t]}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx("fr-fieldset__element")}>
            <Input
              label="SIRET"
              hintText="14 chiffres (ou RIDET pour la Nouvelle-Calédonie)"
              {...etat("identifiant")}
              nativeInputProps={{
                name: "identifiant",
                inputMode: "numeric",
                value: f.identifiant,
                onChange: (e) => setF({ ...f, identifiant: e.target.value }),
              }}
            />
          </div>
          <div className={fr.cx("fr-fieldset__element")}>
            <Input
              label="Nom de la structure"
              {...etat("nom")}
              nativeInputProps={{
                name: "nom",
                value: f.nom,
                onChange: (e) => setF({ ...f, nom: e.target.value }),
              }}
            />
          </div>
          <div className={fr.cx("fr-fieldset__element")}>
            <ChoixAdresse
              valeur={f.adresse}
              onChange={(adresse) => setF({ ...f, adresse })}
              onChoisir={(a) => setF({ ...f, adresse: a.adresse, communeCode: a.communeCode })}
              communeCode={f.communeCode || undefined}
              erreur={erreur("adresse")}
            />
          </div>
          <div className={fr.cx("fr-fieldset__element")}>
            <ChoixCommune
              valeur={f.communeCode}
              onChange={(communeCode) => setF({ ...f, communeCode })}
              erreur={erreur("communeCode")}
            />
          </div>
        </fieldset>
        <fieldset className={fr.cx("fr-fieldset")}>
          <legend className={fr.cx("fr-fieldset__legend")}>La personne à contacter</legend>
          {(
            [
              ["prenom", "Prénom", "given-name"],
              ["nom", "Nom", "family-name"],
              ["fonction", "Fonction", "organization-title"],
              ["email", "Adresse électronique", "email"],
              ["telephone", "Téléphone", "tel"],
            ] as const
          ).map(([c, label, auto]) => (
            <div key={c} className={fr.cx("fr-fieldset__element")}>
              <Input
                label={`${label} du contact`}
                {...etat(`contact.${c}`)}
                nativeInputProps={{
                  name: `contact-${c}`,
                  autoComplete: auto,
                  type: c === "email" ? "email" : c === "telephone" ? "tel" : "text",
                  value: f.contact[c],
                  onChange: (e) => setF({ ...f, contact: { ...f.contact, [c]: e.target.value } }),
                }}
              />
            </div>
          ))}
        </fieldset>
        <fieldset className={fr.cx("fr-fieldset")}>
          <legend className={fr.cx("fr-fieldset__legend")}>La demande</legend>
          <div className={fr.cx("fr-fieldset__element")}>
            <Input
              label="Nombre de postes souhaités"
              {...etat("postesDemandes")}
              nativeInputProps={{
                name: "postesDemandes",
                type: "number",
                min: 1,
                max: 50,
                value: f.postesDemandes,
                onChange: (e) => setF({ ...f, postesDemandes: e.target.value }),
              }}
            />
          </div>
          <div className={fr.cx("fr-fieldset__element")}>
            <Input
              label="Date de début souhaitée"
              {...etat("dateDebutSouhaitee")}
              nativeInputProps={{
                name: "dateDebutSouhaitee",
                type: "date",
                value: f.dateDebutSouhaitee,
                onChange: (e) => setF({ ...f, dateDebutSouhaitee: e.target.value }),
              }}
            />
          </div>
          <div className={fr.cx("fr-fieldset__element")}>
            <Select
              label="Candidature à un poste de coordinateur"
              {...etat("coordinateur")}
              nativeSelectProps={{
                name: "coordinateur",
                value: f.coordinateur,
                onChange: (e) => setF({ ...f, coordinateur: e.target.value }),
              }}
            >
              <option value="non">Non</option>
              <option value="temps_partiel">Oui, à temps partiel</option>
              <option value="temps_plein">Oui, à temps plein</option>
            </Select>
          </div>
          <div className={fr.cx("fr-fieldset__element")}>
            <Input
              label="Motivation"
              hintText={`${nombreFr(MOTIVATION_MAX)} caractères au plus (${nombreFr(f.motivation.length)} saisis)`}
              textArea
              {...etat("motivation")}
              nativeTextAreaProps={{
                name: "motivation",
                rows: 6,
                value: f.motivation,
                onChange: (e) => setF({ ...f, motivation: e.target.value }),
              }}
            />
          </div>
          <div className={fr.cx("fr-fieldset__element")}>
            <Checkbox
              {...etat("engagement")}
              options={[
                {
                  label:
                    "La structure s'engage à recruter dans le mois, à faire suivre la formation au conseiller et à le consacrer entièrement à l'inclusion numérique.",
                  nativeInputProps: {
                    name: "engagement",
                    checked: f.engagement,
                    onChange: (e) => setF({ ...f, engagement: e.target.checked }),
                  },
                },
              ]}
            />
          </div>
        </fieldset>
        <Button type="submit" disabled={enCours}>
          Envoyer la candidature
        </Button>
      </form>
    </div>
  );
}
