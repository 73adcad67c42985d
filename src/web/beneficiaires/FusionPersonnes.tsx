import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "wouter";
import type { FicheBeneficiaire } from "../../domain/beneficiaires/api.ts";
import { CHAMPS_FICHE, type ChampFiche } from "../../domain/beneficiaires/beneficiaire.ts";
import { renseigne, valeurAffichee } from "../../domain/beneficiaires/fiche.ts";
import { okSchema } from "../../domain/champs.ts";
import { quantite } from "../../domain/format.ts";
import { appeler } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useErreurs } from "../socle/erreurs.ts";
import { CHEMIN_PERSONNES, useFichePersonne } from "./PagesPersonnes.tsx";
import { nomComplet } from "./PersonnesSemblables.tsx";

const CHAMPS = Object.keys(CHAMPS_FICHE) as ChampFiche[];

/** Where the file kept has nothing and the duplicate has something, the duplicate's is offered. */
const choixInitial = (garde: FicheBeneficiaire, doublon: FicheBeneficiaire) =>
  CHAMPS.filter((c) => !renseigne(garde, c) && renseigne(doublon, c));

function Fusion({ id, autre }: { id: string; autre: string }) {
  const garde = useFichePersonne(id);
  const doublon = useFichePersonne(autre);
  const client = useQueryClient();
  const [choix, setChoix] = useState<ChampFiche[] | null>(null);
  const [fait, setFait] = useState(false);
  const { erreurs, depuisEchec } = useErreurs();
  const erreur = garde.error ?? doublon.error;
  if (fait)
    return (
      <Confirmation cle="fusion" titre="Fiches fusionnées">
        <p>
          Les accompagnements des deux fiches sont réunis.{" "}
          <Link href={`${CHEMIN_PERSONNES}/${id}`}>Voir la fiche</Link>
        </p>
      </Confirmation>
    );
  if (erreur)
    return <Alert severity="error" title="Fiche introuvable" description={erreur.message} />;
  if (!garde.data || !doublon.data) return <p>Chargement…</p>;
  const a = garde.data;
  const b = doublon.data;
  const depuisDoublon = choix ?? choixInitial(a, b);
  const differents = CHAMPS.filter((c) => valeurAffichee(a, c) !== valeurAffichee(b, c));
  const fusionner = async (ev: FormEvent) => {
    ev.preventDefault();
    try {
      await appeler(okSchema, `/api/beneficiaires/${id}/fusion`, {
        methode: "POST",
        corps: { doublonId: autre, depuisDoublon },
      });
      client.removeQueries({ queryKey: ["beneficiaire", autre] });
      await client.invalidateQueries();
      setFait(true);
    } catch (err) {
      depuisEchec(err, "La fusion a échoué.");
      document.getElementById("erreurs-fusion")?.focus();
    }
  };
  const libelle = (f: FicheBeneficiaire) =>
    `${nomComplet(f)} (${quantite(f.nbAccompagnements, "accompagnement", "accompagnements")})`;
  return (
    <form onSubmit={fusionner} noValidate>
      <div id="erreurs-fusion" tabIndex={-1} aria-live="polite">
        {erreurs.length > 0 && (
          <Alert
            severity="error"
            title="Les fiches n'ont pas été fusionnées"
            description={erreurs.map((e) => e.message).join(" ")}
            className={fr.cx("fr-mb-3w")}
          />
        )}
      </div>
      <p>
        La fiche de <strong>{libelle(a)}</strong> est gardée ; celle de{" "}
        <strong>{libelle(b)}</strong> sera supprimée et ses accompagnements passeront sur la fiche
        gardée. Pour chaque champ qui diffère, choisissez la valeur à garder.
      </p>
      {differents.length === 0 && <p>Les deux fiches ont les mêmes valeurs.</p>}
      {differents.map((c) => (
        <RadioButtons
          key={c}
          legend={CHAMPS_FICHE[c]}
          orientation="horizontal"
          options={[
            { valeur: false, texte: valeurAffichee(a, c), qui: "fiche gardée" },
            { valeur: true, texte: valeurAffichee(b, c), qui: "doublon" },
          ].map((o) => ({
            label: `${o.texte} (${o.qui})`,
            nativeInputProps: {
              name: `choix-${c}`,
              checked: depuisDoublon.includes(c) === o.valeur,
              onChange: () =>
                setChoix(o.valeur ? [...depuisDoublon, c] : depuisDoublon.filter((x) => x !== c)),
            },
          }))}
        />
      ))}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
        <li>
          <Button type="submit">Fusionner les deux fiches</Button>
        </li>
        <li>
          <Button priority="secondary" linkProps={{ href: `${CHEMIN_PERSONNES}/${id}` }}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}

export function PageFusionPersonnes() {
  const { id, autre } = useParams<{ id: string; autre: string }>();
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Fusionner deux fiches">
      {() => <Fusion id={id ?? ""} autre={autre ?? ""} />}
    </GabaritEspace>
  );
}
