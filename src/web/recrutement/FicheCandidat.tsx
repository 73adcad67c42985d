import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation, useParams } from "wouter";
import { ficheCandidatSchema } from "../../domain/recrutement/api.ts";
import { SITUATIONS } from "../../domain/recrutement/candidature.ts";
import { COMPETENCES_PIX, type CompetencePix } from "../../domain/recrutement/formation.ts";
import { STATUTS_MISE_EN_RELATION } from "../../domain/recrutement/mise-en-relation.ts";
import { appeler, appelerApi } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { dateLongue } from "../socle/format.ts";
import { libelleDistance } from "./FormulaireCandidat.tsx";
import { FormulaireContrat } from "./FormulaireContrat.tsx";
import { useAvis } from "./Vivier.tsx";

function Fiche({ id }: { id: string }) {
  const [erreur, setErreur] = useState<string>();
  const avis = useAvis(setErreur);
  const [, naviguer] = useLocation();
  const { data: c, error } = useQuery({
    queryKey: ["candidat-vivier", id],
    queryFn: () => appeler(ficheCandidatSchema, `/api/structure/candidats/${id}`),
    retry: false,
  });
  if (error)
    return <Alert severity="error" title="Candidat introuvable" description={error.message} />;
  if (!c) return <p>Chargement…</p>;
  return (
    <>
      <p>
        <Link href="/espace/structure/vivier">← Retour au vivier</Link>
      </p>
      <h2>
        {c.prenom} {c.nom}{" "}
        {c.relation && (
          <Badge severity={c.relation === "preselectionnee" ? "success" : "info"}>
            {STATUTS_MISE_EN_RELATION[c.relation]}
          </Badge>
        )}
      </h2>
      <div aria-live="polite">
        {erreur && <Alert small severity="error" description={erreur} />}
      </div>
      <dl>
        <dt>Adresse électronique</dt>
        <dd>
          <a href={`mailto:${c.email}`}>{c.email}</a>
        </dd>
        <dt>Téléphone</dt>
        <dd>{c.telephone}</dd>
        <dt>Situation</dt>
        <dd>
          {c.situations.map((s) => SITUATIONS[s]).join(", ")}
          {c.diplome ? ` (${c.diplome})` : ""}
        </dd>
        <dt>Disponible à partir du</dt>
        <dd>{dateLongue.format(new Date(c.dateDisponibilite))}</dd>
        <dt>Distance maximale</dt>
        <dd>{libelleDistance(c.distanceMaxKm)}</dd>
        <dt>Pix</dt>
        <dd>
          {c.pix
            ? (Object.keys(COMPETENCES_PIX) as CompetencePix[])
                .map((k) => `${k} ${COMPETENCES_PIX[k]} : niveau ${c.pix?.[k]}`)
                .join(" ; ")
            : "Non partagé"}
        </dd>
        <dt>Motivation</dt>
        <dd style={{ whiteSpace: "pre-wrap" }}>{c.motivation}</dd>
      </dl>
      <p>
        <a href={`/api/structure/candidats/${c.id}/cv`} download>
          Télécharger le CV
        </a>{" "}
        (s'il a été déposé)
      </p>
      {c.relation !== "preselectionnee" && c.relation !== "retenue" && (
        <Button
          onClick={() => void avis(c.id, c.relation === "ecartee" ? "reconsiderer" : "interesse")}
        >
          {c.relation === "ecartee" ? "Reconsidérer ce candidat" : "Je suis intéressé"}
        </Button>
      )}
      {c.relation === "preselectionnee" && (
        <section aria-labelledby="titre-recrutement" className={fr.cx("fr-mt-4w")}>
          <h2 id="titre-recrutement">Déclarer le recrutement</h2>
          <p>
            Le contrat doit être signé dans les 15 jours suivant la déclaration ; l'ANCT valide
            ensuite le recrutement.
          </p>
          <FormulaireContrat
            libelleEnvoi="Déclarer le recrutement"
            envoyer={async (recrutement) => {
              await appelerApi("/api/structure/recrutements", {
                methode: "POST",
                corps: { candidatureId: c.id, recrutement },
              });
              naviguer("/espace/structure/recrutements");
            }}
          />
          <Button
            className={fr.cx("fr-mt-2w")}
            priority="tertiary"
            onClick={() => void avis(c.id, "pas_interesse")}
          >
            Je ne suis finalement pas intéressé
          </Button>
        </section>
      )}
    </>
  );
}

export function PageFicheCandidat() {
  const { id } = useParams<{ id: string }>();
  return (
    <GabaritEspace roleAttendu="structure" titre="Fiche du candidat">
      {() => <Fiche id={id ?? ""} />}
    </GabaritEspace>
  );
}
