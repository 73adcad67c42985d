import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { Link } from "wouter";
import { craIdSchema } from "../../domain/cra/api.ts";
import { TYPES_ACTIVITE } from "../../domain/cra/vocabulaire.ts";
import { quantite } from "../../domain/format.ts";
import { appeler } from "../api.ts";
import { type Avis, AvisAction } from "../socle/AvisAction.tsx";
import { dateLongue } from "../socle/format.ts";
import { type BilanEnvoi, craEnAttente, envoyerFile, retirerDeLaFile } from "./file-cra.ts";

export const envoyerCra = (saisie: unknown) =>
  appeler(craIdSchema, "/api/cra", { methode: "POST", corps: saisie });

/** The conseiller's reports waiting on this device for the network. */
export function useFileCra(conseillerId: string) {
  return useQuery({
    queryKey: ["file-cra", conseillerId],
    queryFn: () => craEnAttente(conseillerId),
    // Read from the device, never from the network: available offline.
    networkMode: "always",
  });
}

/** One round at a time on the page, whatever asked for it (the network back, a click). */
let enCours: Promise<BilanEnvoi> | null = null;

/**
 * Sends the waiting reports when the page opens and each time the network comes back; the
 * returned function sends them on demand.
 */
export function useEnvoiFileCra(conseillerId: string): () => Promise<BilanEnvoi> {
  const client = useQueryClient();
  const envoyer = useCallback(async () => {
    enCours ??= envoyerFile(conseillerId, envoyerCra).finally(() => {
      enCours = null;
    });
    const bilan = await enCours;
    await client.invalidateQueries({ queryKey: ["file-cra"] });
    if (bilan.envoyes > 0) await client.invalidateQueries();
    return bilan;
  }, [conseillerId, client]);
  useEffect(() => {
    void envoyer();
    const auRetour = () => void envoyer();
    window.addEventListener("online", auRetour);
    return () => window.removeEventListener("online", auRetour);
  }, [envoyer]);
  return envoyer;
}

const libelleBilan = (b: BilanEnvoi): Avis => {
  const parties = [
    b.envoyes > 0 && `${quantite(b.envoyes, "compte rendu envoyé", "comptes rendus envoyés")}`,
    b.refuses > 0 && `${quantite(b.refuses, "compte rendu refusé", "comptes rendus refusés")}`,
    b.injoignable && "le service est injoignable : les autres restent en attente",
  ].filter(Boolean);
  return {
    ok: !b.injoignable && b.refuses === 0,
    texte: parties.length > 0 ? `${parties.join(", ")}.` : "Rien à envoyer.",
  };
};

/**
 * The reports saved on this device and not yet on the server: sent when the network comes back
 * or on demand; one the server refused shows its message and can be corrected or dropped.
 */
export function CraEnAttente({ conseillerId }: { conseillerId: string }) {
  const { data: file } = useFileCra(conseillerId);
  const envoyer = useEnvoiFileCra(conseillerId);
  const client = useQueryClient();
  const [avis, setAvis] = useState<Avis>();
  if (!file || (file.length === 0 && !avis)) return null;
  const abandonner = async (id: string, libelle: string) => {
    if (!window.confirm(`Abandonner le compte rendu ${libelle} ? Il ne sera jamais envoyé.`))
      return;
    await retirerDeLaFile(id);
    setAvis({ ok: true, texte: `Compte rendu ${libelle} abandonné.` });
    await client.invalidateQueries({ queryKey: ["file-cra"] });
  };
  return (
    <section className={fr.cx("fr-mb-4w")} aria-labelledby="cra-en-attente">
      <h2 id="cra-en-attente" className={fr.cx("fr-h4")}>
        En attente d'envoi ({file.length})
      </h2>
      {file.length > 0 && (
        <>
          <p className={fr.cx("fr-text--sm")}>
            Ces comptes rendus sont gardés sur cet appareil : ils partent dès que le réseau revient.
            Ils ne comptent dans vos statistiques qu'une fois reçus.
          </p>
          <ul>
            {file.map((c) => {
              const type = TYPES_ACTIVITE[c.saisie.type as keyof typeof TYPES_ACTIVITE];
              const libelle = `${type ?? c.saisie.type} du ${dateLongue.format(new Date(c.saisie.date))}`;
              return (
                <li key={c.id} className={fr.cx("fr-mb-1w")}>
                  {libelle} —{" "}
                  {c.refus ? (
                    <>
                      <strong>refusé</strong> : {c.refus.map((e) => e.message).join(" ")}{" "}
                      <Link href={`/espace/conseiller/cra/nouveau?attente=${c.id}`}>
                        Corriger le compte rendu {libelle}
                      </Link>
                    </>
                  ) : (
                    "en attente d'envoi"
                  )}{" "}
                  <button
                    type="button"
                    className={fr.cx("fr-link", "fr-link--sm")}
                    onClick={() => void abandonner(c.id, libelle)}
                  >
                    Abandonner le compte rendu {libelle}
                  </button>
                </li>
              );
            })}
          </ul>
          <Button
            size="small"
            priority="secondary"
            onClick={async () => setAvis(libelleBilan(await envoyer()))}
          >
            Envoyer maintenant
          </Button>
        </>
      )}
      <AvisAction avis={avis} />
    </section>
  );
}
