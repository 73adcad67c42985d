import { fr } from "@codegouvfr/react-dsfr";
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { okSchema } from "../../domain/champs.ts";
import { jourFr } from "../../domain/format.ts";
import { lienCreeSchema, type MonLien, mesLiensSchema } from "../../domain/partages/api.ts";
import { lienPartageSchema } from "../../domain/partages/partage.ts";
import { ajouterJours, ajouterMois, jourParis } from "../../domain/temps.ts";
import { appeler, ErreurApi } from "../api.ts";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useErreurs } from "../socle/erreurs.ts";
import { dateHeure } from "../socle/format.ts";

function etat(l: MonLien): string {
  if (l.revoqueLe) return "Retiré";
  return l.actif ? "Ouvert" : "Expiré ou fermé";
}

/**
 * A public, read-only link to the reader's statistics over a period, for an employer or elected
 * officials; listed with the others, each may be withdrawn (docs/domaine/statistiques-et-opendata.md §7).
 */
export function PartageStatistiques() {
  const aujourdhui = jourParis(new Date());
  const [saisie, setSaisie] = useState({
    titre: "",
    du: ajouterJours(ajouterMois(aujourdhui, -12), 1),
    au: aujourdhui,
    expireLe: "",
  });
  const [cree, setCree] = useState<{ url: string; n: number }>();
  const [message, setMessage] = useState<string>();
  const { erreurs, etat: etatChamp, depuisSchema, depuisEchec, effacer } = useErreurs();
  const client = useQueryClient();
  const { data: liens } = useQuery({
    queryKey: ["partages"],
    queryFn: () => appeler(mesLiensSchema, "/api/partages"),
  });
  const creer = async (e: FormEvent) => {
    e.preventDefault();
    const corps = { ...saisie, expireLe: saisie.expireLe || null };
    const verifie = lienPartageSchema.safeParse(corps);
    if (!verifie.success) return depuisSchema(verifie.error.issues);
    try {
      const r = await appeler(lienCreeSchema, "/api/partages", { methode: "POST", corps });
      effacer();
      await client.invalidateQueries({ queryKey: ["partages"] });
      setCree((avant) => ({ url: r.url, n: (avant?.n ?? 0) + 1 }));
    } catch (err) {
      depuisEchec(err, "Le lien n'a pas pu être créé.");
    }
  };
  const retirer = async (l: MonLien) => {
    if (!window.confirm(`Retirer le lien « ${l.titre} » ? Il ne s'ouvrira plus.`)) return;
    try {
      await appeler(okSchema, `/api/partages/${l.id}`, { methode: "DELETE" });
      await client.invalidateQueries({ queryKey: ["partages"] });
      setMessage(`Le lien « ${l.titre} » est retiré.`);
    } catch (err) {
      setMessage(err instanceof ErreurApi ? err.message : "Le retrait a échoué.");
    }
  };
  return (
    <Accordion label="Partager ces statistiques par un lien" className={fr.cx("fr-mt-4w")}>
      <p>
        Toute personne qui a le lien voit les chiffres et graphiques de votre périmètre sur la
        période choisie, sans compte et sans aucun nom de personne. Vous pouvez le retirer à tout
        moment ; il se ferme aussi à sa date de fin, ou si votre habilitation prend fin.
      </p>
      {cree && (
        <Confirmation cle={cree.n} titre="Lien de partage créé">
          <p>Copiez-le maintenant : il ne sera plus affiché.</p>
          <Input
            label="Adresse du lien"
            nativeInputProps={{
              readOnly: true,
              value: cree.url,
              onFocus: (e) => e.target.select(),
            }}
          />
          <Button
            size="small"
            priority="secondary"
            onClick={() => void navigator.clipboard?.writeText(cree.url)}
          >
            Copier le lien
          </Button>
        </Confirmation>
      )}
      <form onSubmit={creer} noValidate>
        {erreurs.length > 0 && (
          <Alert
            small
            severity="error"
            description={erreurs.map((x) => x.message).join(" ")}
            className={fr.cx("fr-mb-2w")}
          />
        )}
        <Input
          label="Titre lu par les visiteurs"
          hintText="Par exemple : Bilan 2026 pour le conseil municipal"
          {...etatChamp("titre")}
          nativeInputProps={{
            value: saisie.titre,
            onChange: (e) => setSaisie({ ...saisie, titre: e.target.value }),
          }}
        />
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
          {(
            [
              ["du", "Période : du"],
              ["au", "au"],
              ["expireLe", "Lien valable jusqu'au (facultatif)"],
            ] as const
          ).map(([cle, libelle]) => (
            <div key={cle} className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <Input
                label={libelle}
                {...etatChamp(cle)}
                nativeInputProps={{
                  type: "date",
                  value: saisie[cle],
                  onChange: (e) => setSaisie({ ...saisie, [cle]: e.target.value }),
                }}
              />
            </div>
          ))}
        </div>
        <Button type="submit">Créer le lien</Button>
      </form>
      <div aria-live="polite">
        {message && <Alert small severity="info" description={message} />}
      </div>
      {liens && liens.length > 0 && (
        <div className={fr.cx("fr-table", "fr-mt-3w")}>
          <table>
            <caption>Mes liens de partage, les plus récents d'abord</caption>
            <thead>
              <tr>
                <th scope="col">Titre</th>
                <th scope="col">Période</th>
                <th scope="col">Créé le</th>
                <th scope="col">Valable jusqu'au</th>
                <th scope="col">État</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {liens.map((l) => (
                <tr key={l.id}>
                  <td>{l.titre}</td>
                  <td>
                    du {jourFr(l.du)} au {jourFr(l.au)}
                  </td>
                  <td>{dateHeure.format(new Date(l.creeLe))}</td>
                  <td>{l.expireLe ? jourFr(l.expireLe) : "Sans limite"}</td>
                  <td>{etat(l)}</td>
                  <td>
                    {!l.revoqueLe && (
                      <button
                        type="button"
                        className={fr.cx("fr-link")}
                        aria-label={`Retirer le lien « ${l.titre} »`}
                        onClick={() => void retirer(l)}
                      >
                        Retirer
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Accordion>
  );
}
