import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { profilCandidatSchema } from "../../domain/recrutement/api.ts";
import { SITUATIONS, STATUTS_CANDIDATURE } from "../../domain/recrutement/candidature.ts";
import { appeler, appelerApi, ErreurApi } from "../api.ts";
import { dateLongue } from "../socle/format.ts";
import { lireCv } from "./CandidatureConseiller.tsx";
import { FormulaireCandidat, libelleDistance } from "./FormulaireCandidat.tsx";

/** The candidate's own application: read, edit, availability, CV, data, deletion. */
export function MaCandidature() {
  const client = useQueryClient();
  const { data: profil, error } = useQuery({
    queryKey: ["ma-candidature"],
    queryFn: () => appeler(profilCandidatSchema, "/api/candidat/candidature"),
    retry: false,
  });
  const [message, setMessage] = useState<{ ok: boolean; texte: string }>();
  const [edition, setEdition] = useState(false);
  const [cv, setCv] = useState<File>();
  const [confirmerSuppression, setConfirmerSuppression] = useState(false);
  const recharger = () => client.invalidateQueries({ queryKey: ["ma-candidature"] });
  const agir = async (action: () => Promise<unknown>, succes: string) => {
    try {
      await action();
      setMessage({ ok: true, texte: succes });
      await recharger();
    } catch (e) {
      setMessage({ ok: false, texte: e instanceof ErreurApi ? e.message : "L'action a échoué." });
    }
  };

  if (error) {
    return (
      <Alert
        severity="info"
        title="Aucune candidature en cours"
        description={<a href="/candidature-conseiller">Déposer une candidature</a>}
      />
    );
  }
  if (!profil) return <p>Chargement…</p>;
  return (
    <section aria-labelledby="titre-candidature">
      <h2 id="titre-candidature">Ma candidature</h2>
      <div aria-live="polite">
        {message && (
          <Alert
            small
            severity={message.ok ? "success" : "error"}
            description={message.texte}
            className={fr.cx("fr-mb-3w")}
          />
        )}
      </div>
      <p>
        <Badge severity={profil.statut === "disponible" ? "success" : "info"}>
          {STATUTS_CANDIDATURE[profil.statut]}
        </Badge>
      </p>
      <p>
        Votre identifiant de candidat, à communiquer à une structure qui souhaite vous
        présélectionner : <code>{profil.id}</code>
      </p>
      {!profil.localisee && (
        <Alert
          small
          severity="warning"
          description="Votre commune n'a pas encore pu être localisée : les structures ne vous voient pas tant qu'elle ne l'est pas. Enregistrez de nouveau votre profil pour réessayer."
          className={fr.cx("fr-mb-3w")}
        />
      )}
      {edition ? (
        <FormulaireCandidat
          initiale={{
            ...profil,
            distanceMaxKm: String(profil.distanceMaxKm),
            pix: profil.pix
              ? {
                  "1.1": String(profil.pix["1.1"]),
                  "4.1": String(profil.pix["4.1"]),
                  "4.2": String(profil.pix["4.2"]),
                }
              : null,
          }}
          avecEmail={false}
          libelleEnvoi="Enregistrer mon profil"
          envoyer={async ({ email: _e, ...candidat }) => {
            await appelerApi("/api/candidat/candidature", { methode: "PUT", corps: candidat });
            setEdition(false);
            setMessage({ ok: true, texte: "Votre profil est enregistré." });
            await recharger();
          }}
        />
      ) : (
        <>
          <dl>
            <dt>Nom</dt>
            <dd>
              {profil.prenom} {profil.nom}
            </dd>
            <dt>Adresse électronique</dt>
            <dd>{profil.email}</dd>
            <dt>Commune de résidence</dt>
            <dd>{profil.commune}</dd>
            <dt>Situation</dt>
            <dd>{profil.situations.map((s) => SITUATIONS[s]).join(", ")}</dd>
            <dt>Disponible à partir du</dt>
            <dd>{dateLongue.format(new Date(profil.dateDisponibilite))}</dd>
            <dt>Distance maximale</dt>
            <dd>{libelleDistance(profil.distanceMaxKm)}</dd>
          </dl>
          <Button priority="secondary" onClick={() => setEdition(true)}>
            Modifier mon profil
          </Button>
        </>
      )}

      <h3 className={fr.cx("fr-mt-4w")}>Ma disponibilité</h3>
      {profil.statut === "disponible" || profil.statut === "indisponible" ? (
        <Button
          priority="secondary"
          onClick={() =>
            void agir(
              () =>
                appelerApi("/api/candidat/disponibilite", {
                  methode: "POST",
                  corps: { disponible: profil.statut !== "disponible" },
                }),
              profil.statut === "disponible"
                ? "Vous n'apparaissez plus dans les viviers des structures."
                : "Vous apparaissez de nouveau dans les viviers des structures.",
            )
          }
        >
          {profil.statut === "disponible"
            ? "Je ne suis plus disponible"
            : "Je suis de nouveau disponible"}
        </Button>
      ) : (
        <p>{STATUTS_CANDIDATURE[profil.statut]}</p>
      )}

      <h3 className={fr.cx("fr-mt-4w")}>Mon CV</h3>
      {profil.cv ? (
        <p>
          <a href="/api/candidat/cv" download>
            Télécharger {profil.cv.nom}
          </a>{" "}
          — supprimé automatiquement le {dateLongue.format(new Date(profil.cv.expireLe))}.{" "}
          <Button
            priority="tertiary"
            size="small"
            onClick={() =>
              void agir(
                () => appelerApi("/api/candidat/cv", { methode: "DELETE" }),
                "Votre CV est retiré.",
              )
            }
          >
            Retirer mon CV
          </Button>
        </p>
      ) : (
        <p>Aucun CV déposé.</p>
      )}
      <Upload
        label="Déposer un CV"
        hint="Fichier PDF de 5 Mo au plus."
        nativeInputProps={{
          name: "cv",
          accept: "application/pdf",
          onChange: (e) => setCv(e.target.files?.[0]),
        }}
      />
      <Button
        className={fr.cx("fr-mt-2w")}
        priority="secondary"
        disabled={!cv}
        onClick={() =>
          void agir(
            async () => appelerApi("/api/candidat/cv", { methode: "PUT", corps: await lireCv(cv) }),
            "Votre CV est enregistré.",
          )
        }
      >
        Envoyer ce CV
      </Button>

      <h3 className={fr.cx("fr-mt-4w")}>Mes données</h3>
      <p>
        <a href="/api/candidat/donnees" download>
          Télécharger toutes mes données (JSON)
        </a>
      </p>
      {confirmerSuppression ? (
        <Alert
          severity="warning"
          title="Supprimer définitivement votre candidature ?"
          description={
            <>
              <p>
                Vos informations personnelles et votre CV seront effacés. Cette action est
                irréversible.
              </p>
              <Button
                onClick={() =>
                  void agir(async () => {
                    await appelerApi("/api/candidat/candidature", { methode: "DELETE" });
                    window.location.assign("/");
                  }, "Votre candidature est supprimée.")
                }
              >
                Oui, supprimer ma candidature
              </Button>{" "}
              <Button priority="secondary" onClick={() => setConfirmerSuppression(false)}>
                Annuler
              </Button>
            </>
          }
        />
      ) : (
        <Button priority="tertiary" onClick={() => setConfirmerSuppression(true)}>
          Supprimer ma candidature
        </Button>
      )}
    </section>
  );
}
