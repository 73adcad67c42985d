import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { atelierSchema } from "../../domain/ateliers/atelier.ts";
import { identifiantSchema } from "../../domain/champs.ts";
import { NIVEAUX_ATELIER, THEMATIQUES } from "../../domain/cra/vocabulaire.ts";
import { ajouterJours, jourParis } from "../../domain/temps.ts";
import { appeler } from "../api.ts";
import { Confirmation } from "../socle/Confirmation.tsx";
import { BandeauErreurs, useFormulaire } from "../socle/formulaire.tsx";

const vide = () => ({
  titre: "",
  thematiques: [] as string[],
  niveau: "debutant",
  choix: "",
  jour: ajouterJours(jourParis(new Date()), 7),
  heure: "14:00",
  dureeMinutes: "90",
  capacite: "10",
  gratuit: "oui",
  accessibilite: "",
});

/** A place to announce at, and who runs the workshop there when a structure announces it. */
export type ChoixLieu = { cle: string; libelle: string; lieuId: string; conseillerId?: string };

/**
 * The announcement of a workshop (docs/domaine/ateliers.md §1), by a conseiller at one of their
 * places or by a structure for one of its conseillers: only the places offered and the route
 * differ.
 */
export function FormulaireAtelier(props: {
  choix: ChoixLieu[] | undefined;
  libelleChoix: string;
  chemin: string;
  cleListe: string;
  /** Where its registrations are read: the conseiller who runs it reads them, not the structure. */
  lienInscriptions?: (id: string) => string;
}) {
  const [e, setE] = useState(vide);
  const f = useFormulaire("erreurs-atelier");
  const { etat, message } = f;
  const [publie, setPublie] = useState<string>();
  const client = useQueryClient();
  const soumettre = (ev: FormEvent) => {
    ev.preventDefault();
    const { choix, ...reste } = e;
    const choisi = props.choix?.find((c) => c.cle === choix);
    const saisie = { ...reste, lieuId: choisi?.lieuId ?? "", gratuit: e.gratuit === "oui" };
    const corps = choisi?.conseillerId ? { ...saisie, conseillerId: choisi.conseillerId } : saisie;
    return f.soumettre({
      schema: atelierSchema,
      saisie,
      envoyer: () => appeler(identifiantSchema, props.chemin, { methode: "POST", corps }),
      apres: async ({ id }) => {
        setPublie(id);
        setE(vide());
        await client.invalidateQueries({ queryKey: [props.cleListe] });
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
  const champs = [...Object.keys(vide()), "lieuId", "conseillerId"];
  return (
    <>
      {publie && (
        <Confirmation cle={publie} titre="Atelier annoncé">
          <p>
            Il est ouvert aux inscriptions :{" "}
            <Link href={`/ateliers/${publie}`}>voir sa page publique</Link>
            {props.lienInscriptions && (
              <>
                {" · "}
                <Link href={props.lienInscriptions(publie)}>voir ses inscriptions</Link>
              </>
            )}
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
          label={props.libelleChoix}
          state={message("lieuId") || message("conseillerId") ? "error" : "default"}
          stateRelatedMessage={message("lieuId") ?? message("conseillerId")}
          nativeSelectProps={{
            value: e.choix,
            onChange: (x) => setE({ ...e, choix: x.target.value }),
          }}
        >
          <option value="" disabled>
            Choisir un lieu
          </option>
          {props.choix?.map((c) => (
            <option key={c.cle} value={c.cle}>
              {c.libelle}
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
