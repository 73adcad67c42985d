import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { type PersonneSemblable, semblablesSchema } from "../../domain/beneficiaires/api.ts";
import { appeler } from "../api.ts";
import { useDiffere } from "../socle/Combobox.tsx";

const RAISONS: Record<PersonneSemblable["raison"], string> = {
  telephone: "même téléphone",
  email: "même adresse électronique",
  nom: "nom proche",
};

export const nomComplet = (p: { prenom: string | null; nom: string }) =>
  p.prenom ? `${p.prenom} ${p.nom}` : p.nom;

/** The followed persons that look like a name, phone or e-mail, except the file `sauf`. */
export function useSemblables(q: {
  prenom: string;
  nom: string;
  telephone: string;
  email: string;
  sauf?: string;
}) {
  const parametres = useDiffere(
    new URLSearchParams(
      Object.entries({
        nom: q.nom.trim(),
        prenom: q.prenom.trim(),
        telephone: q.telephone.trim(),
        email: q.email.trim(),
      }).filter(([, v]) => v !== ""),
    ).toString(),
    300,
  );
  const { data } = useQuery({
    queryKey: ["semblables", parametres],
    queryFn: () => appeler(semblablesSchema, `/api/beneficiaires/semblables?${parametres}`),
    enabled: (new URLSearchParams(parametres).get("nom") ?? "").length >= 2,
  });
  return (data ?? []).filter((s) => s.id !== q.sauf);
}

/**
 * Told while typing, never blocking: the person may already be followed. The conseiller opens
 * their file, or goes on (two homonyms are two persons).
 */
export function PersonnesSemblables(props: {
  prenom: string;
  nom: string;
  telephone: string;
  email: string;
  sauf?: string;
}) {
  const semblables = useSemblables(props);
  return (
    <div aria-live="polite">
      {semblables.length > 0 && (
        <div className={fr.cx("fr-notice", "fr-notice--info", "fr-mb-3w")}>
          <div className={fr.cx("fr-container")}>
            <div className={fr.cx("fr-notice__body")}>
              <p className={fr.cx("fr-notice__title")}>
                Cette personne est peut-être déjà suivie :
              </p>
              <ul>
                {semblables.map((s) => (
                  <li key={s.id}>
                    <Link href={`/espace/conseiller/personnes/${s.id}`}>{nomComplet(s)}</Link>
                    {s.commune ? ` (${s.commune})` : ""} – {RAISONS[s.raison]}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
