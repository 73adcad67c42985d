import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { type MonAtelier, presencesFaitesSchema } from "../../domain/ateliers/api.ts";
import { presencesSchema } from "../../domain/ateliers/atelier.ts";
import { quantite } from "../../domain/format.ts";
import { appeler } from "../api.ts";
import { Confirmation } from "../socle/Confirmation.tsx";
import { BandeauErreurs, useFormulaire } from "../socle/formulaire.tsx";

const lienCra = (id: string) => `/espace/conseiller/cra/${id}`;

/**
 * After the workshop: tick who came (those with a place are ticked to start with), add who came
 * without registering, and the collective report is recorded in one tap
 * (docs/domaine/ateliers.md §6).
 */
export function PresencesAtelier({ atelier }: { atelier: MonAtelier }) {
  const attendues = atelier.inscriptions.filter((i) => i.statut !== "annulee");
  const [presents, setPresents] = useState(
    () => new Set(attendues.filter((i) => i.statut === "inscrite").map((i) => i.id)),
  );
  const [sansInscription, setSansInscription] = useState("0");
  const [fait, setFait] = useState<{ craId: string; participants: number }>();
  const f = useFormulaire("erreurs-presences");
  const { etat } = f;
  const client = useQueryClient();

  if (atelier.craId)
    return (
      <>
        {fait && (
          <Confirmation cle={fait.craId} titre="Présences et compte rendu enregistrés">
            <p>
              Le compte rendu collectif compte{" "}
              {quantite(fait.participants, "participant", "participants")}.
            </p>
          </Confirmation>
        )}
        <p>
          Le compte rendu de cet atelier est enregistré :{" "}
          <Link href={lienCra(atelier.craId)}>voir ou compléter le compte rendu</Link> (tranches
          d'âge, statuts, matériel).
        </p>
      </>
    );
  if (atelier.annuleLe || !atelier.commence) return null;

  const total = presents.size + (Number(sansInscription) || 0);
  const basculer = (id: string) => {
    const suivants = new Set(presents);
    if (!suivants.delete(id)) suivants.add(id);
    setPresents(suivants);
  };
  const soumettre = (ev: FormEvent) => {
    ev.preventDefault();
    const saisie = { presents: [...presents], sansInscription };
    return f.soumettre({
      schema: presencesSchema,
      saisie,
      envoyer: () =>
        appeler(
          presencesFaitesSchema,
          `/api/ateliers/${encodeURIComponent(atelier.id)}/presences`,
          { methode: "POST", corps: saisie },
        ),
      apres: async (r) => {
        setFait(r);
        await client.invalidateQueries({ queryKey: ["mon-atelier", atelier.id] });
        await client.invalidateQueries({ queryKey: ["mes-cra"] });
      },
    });
  };
  return (
    <form onSubmit={soumettre} noValidate aria-labelledby="titre-presences">
      <h3 id="titre-presences" className={fr.cx("fr-h5")}>
        Qui est venu ?
      </h3>
      <BandeauErreurs id={f.id} erreurs={f.erreurs} />
      {attendues.length > 0 && (
        <Checkbox
          legend="Personnes inscrites présentes"
          hintText="Les personnes qui avaient une place sont cochées : décochez les absentes."
          {...etat("presents")}
          options={attendues.map((i) => ({
            label: `${i.prenom}${i.statut === "attente" ? " (liste d'attente)" : ""}`,
            nativeInputProps: {
              checked: presents.has(i.id),
              onChange: () => basculer(i.id),
            },
          }))}
        />
      )}
      <Input
        label="Personnes venues sans inscription"
        {...etat("sansInscription")}
        nativeInputProps={{
          type: "number",
          min: 0,
          value: sansInscription,
          onChange: (x) => setSansInscription(x.target.value),
        }}
      />
      <p>
        Le compte rendu collectif reprend la date, le lieu, la durée, les thématiques, le titre et
        le niveau de l'atelier ; vous pourrez le compléter ensuite.
      </p>
      <Button type="submit">
        Enregistrer les présences et le compte rendu (
        {quantite(total, "participant", "participants")})
      </Button>
    </form>
  );
}
