import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "wouter";
import {
  craEnregistreSchema,
  craIdSchema,
  type LigneMesCra,
  pageMesCraSchema,
} from "../../domain/cra/api.ts";
import type { SaisieCra } from "../../domain/cra/cra.ts";
import {
  THEMATIQUES,
  type Thematique,
  TYPES_ACTIVITE,
  TYPES_LIEU,
} from "../../domain/cra/vocabulaire.ts";
import { jourParis } from "../../domain/temps.ts";
import { appeler, ErreurApi } from "../api.ts";
import { GabaritEspace } from "../espaces/GabaritEspace.tsx";
import { type Avis, AvisAction } from "../socle/AvisAction.tsx";
import { ChoixOrdre } from "../socle/ChoixOrdre.tsx";
import { Confirmation } from "../socle/Confirmation.tsx";
import { useEtatUrl } from "../socle/etat-url.ts";
import { dateLongue } from "../socle/format.ts";
import { LiensExport } from "../socle/LiensExport.tsx";
import { PaginationUrl, resumePage } from "../socle/PaginationUrl.tsx";
import { CraEnAttente, envoyerCra } from "./CraEnAttente.tsx";
import { etatVide, FormulaireCra } from "./FormulaireCra.tsx";
import { craEnAttente, mettreEnFile, retirerDeLaFile } from "./file-cra.ts";
import {
  dureesFrequentes,
  type EtatCra,
  etatDepuisEnregistre,
  thematiquesFrequentes,
} from "./saisie-cra.ts";

function useMesCra(filtres = "") {
  return useQuery({
    queryKey: ["mes-cra", filtres],
    queryFn: () => appeler(pageMesCraSchema, `/api/cra${filtres ? `?${filtres}` : ""}`),
    placeholderData: keepPreviousData,
  });
}

/** Download links of the reports in the reader's scope, streamed by the server. */
/** The reports' export, filtered like the list when `requete` is given, always oldest first. */
export function LiensExportCra(props: { requete?: string }) {
  return (
    <LiensExport
      chemin="/api/exports-cra"
      libelle={
        props.requete
          ? "Comptes rendus filtrés, du plus ancien au plus récent"
          : "Comptes rendus d'activité"
      }
      {...(props.requete ? { requete: props.requete } : {})}
    />
  );
}

const ORDRES_CRA: Record<string, string> = {
  recents: "Les plus récents d'abord",
  anciens: "Les plus anciens d'abord",
  duree: "Les plus longs d'abord",
};

function MesComptesRendus() {
  const [etat, naviguer, adresse] = useEtatUrl({
    du: "",
    au: "",
    type: "",
    thematique: "",
    tri: "recents",
    page: "1",
  });
  // The export streams in chronological order whatever the screen's order: filters only.
  const filtresExport = new URLSearchParams(
    Object.entries(etat).filter(([k, v]) => v !== "" && k !== "page" && k !== "tri"),
  ).toString();
  const [saisie, setSaisie] = useState({
    du: etat.du,
    au: etat.au,
    type: etat.type,
    thematique: etat.thematique,
  });
  const { data } = useMesCra(
    new URLSearchParams(Object.entries(etat).filter(([, v]) => v !== "")).toString(),
  );
  const client = useQueryClient();
  const [message, setMessage] = useState<Avis>();
  const supprimer = async (c: LigneMesCra) => {
    if (!window.confirm(`Supprimer le compte rendu du ${dateLongue.format(new Date(c.date))} ?`))
      return;
    try {
      await appeler(craIdSchema, `/api/cra/${c.id}`, { methode: "DELETE" });
      setMessage({ ok: true, texte: "Compte rendu supprimé." });
      await client.invalidateQueries();
    } catch (e) {
      setMessage({
        ok: false,
        texte: e instanceof ErreurApi ? e.message : "La suppression a échoué.",
      });
    }
  };
  return (
    <>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
        <li>
          <Button linkProps={{ href: "/espace/conseiller/cra/nouveau" }}>
            Nouveau compte rendu
          </Button>
        </li>
        <li>
          <Button priority="secondary" linkProps={{ href: "/espace/statistiques" }}>
            Mes statistiques
          </Button>
        </li>
      </ul>
      <LiensExportCra requete={filtresExport} />
      <form
        className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}
        onSubmit={(e) => {
          e.preventDefault();
          naviguer(saisie);
        }}
      >
        {(["du", "au"] as const).map((cle) => (
          <div key={cle} className={fr.cx("fr-col-12", "fr-col-md-2")}>
            <Input
              label={cle === "du" ? "Du" : "Au"}
              nativeInputProps={{
                type: "date",
                value: saisie[cle],
                onChange: (e) => setSaisie({ ...saisie, [cle]: e.target.value }),
              }}
            />
          </div>
        ))}
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <Select
            label="Type d'activité"
            nativeSelectProps={{
              value: saisie.type,
              onChange: (e) => setSaisie({ ...saisie, type: e.target.value }),
            }}
          >
            <option value="">Tous</option>
            {Object.entries(TYPES_ACTIVITE).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <Select
            label="Thématique"
            nativeSelectProps={{
              value: saisie.thematique,
              onChange: (e) => setSaisie({ ...saisie, thematique: e.target.value }),
            }}
          >
            <option value="">Toutes</option>
            {Object.entries(THEMATIQUES).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
          <Button type="submit" priority="secondary" className={fr.cx("fr-mt-4w")}>
            Filtrer
          </Button>
        </div>
      </form>
      <AvisAction avis={message} />
      <ChoixOrdre ordres={ORDRES_CRA} valeur={etat.tri} changer={(tri) => naviguer({ tri })} />
      <p aria-live="polite">
        {data ? resumePage(data, "compte rendu", "comptes rendus") : "Chargement…"}
      </p>
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>
            Mes comptes rendus d'activité, {(ORDRES_CRA[etat.tri] ?? "").toLowerCase()}
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Activité</th>
              <th scope="col">Lieu</th>
              <th scope="col">Durée</th>
              <th scope="col">Thématiques</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data?.cras.map((c) => (
              <tr key={c.id}>
                <td>{dateLongue.format(new Date(c.date))}</td>
                <td>
                  {TYPES_ACTIVITE[c.type]}
                  {c.type === "collectif" ? ` (${c.nbParticipants} participants)` : ""}
                  {c.titreAtelier ? ` – ${c.titreAtelier}` : ""}
                </td>
                <td>{c.lieu ?? c.commune ?? TYPES_LIEU[c.typeLieu]}</td>
                <td>{c.dureeMinutes} min</td>
                <td>{c.thematiques.map((t) => THEMATIQUES[t as Thematique] ?? t).join(", ")}</td>
                <td>
                  <Link href={`/espace/conseiller/cra/${c.id}`}>Modifier</Link> ·{" "}
                  <Link href={`/espace/conseiller/cra/${c.id}?dupliquer=oui`}>Dupliquer</Link> ·{" "}
                  <button
                    type="button"
                    className={fr.cx("fr-link")}
                    onClick={() => void supprimer(c)}
                    aria-label={`Supprimer le compte rendu du ${dateLongue.format(new Date(c.date))}`}
                  >
                    Supprimer
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PaginationUrl donnees={data} adresse={adresse} />
    </>
  );
}

export function PageMesCra() {
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Mes comptes rendus d'activité">
      {(moi) => (
        <>
          <CraEnAttente conseillerId={moi.utilisateur.id} />
          <MesComptesRendus />
        </>
      )}
    </GabaritEspace>
  );
}

type CraEnregistre = {
  n: number;
  id: string;
  date: string;
  type: string;
  suite: EtatCra;
  /** Kept on the device: the network was down, it goes when it comes back. */
  enAttente: boolean;
};

/** The report the link « Corriger » names, from this device's file (absent: a new report). */
function useCorrection(conseillerId: string, id: string | null) {
  return useQuery({
    queryKey: ["file-cra", conseillerId, id],
    queryFn: async () => (await craEnAttente(conseillerId)).find((c) => c.id === id) ?? null,
    enabled: id !== null,
    networkMode: "always",
  });
}

/**
 * A new report; once saved, the confirmation comes into view with the next useful actions, and
 * the next form keeps the type and the place of the last one. Without a network, it is kept on
 * the device with the id made here, and sent when the network comes back (cra.md §8).
 */
function NouveauCra({ conseillerId }: { conseillerId: string }) {
  const { data } = useMesCra();
  const client = useQueryClient();
  const [enregistre, setEnregistre] = useState<CraEnregistre>();
  const [attente, setAttente] = useState(() =>
    new URLSearchParams(window.location.search).get("attente"),
  );
  const { data: correction, isPending } = useCorrection(conseillerId, attente);
  const saisirUnAutre = () =>
    document
      .getElementById("formulaire-cra")
      ?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea")
      ?.focus();
  if (attente && isPending) return <p>Chargement…</p>;
  const envoyer = async (saisie: SaisieCra, etat: EtatCra) => {
    const id = correction?.id ?? crypto.randomUUID();
    const corps = { ...saisie, id };
    let enAttente = false;
    try {
      await envoyerCra(corps);
      if (correction) await retirerDeLaFile(id);
    } catch (e) {
      // Refused: the form says why. Unreachable: kept here, sent when the network returns.
      if (!(e instanceof ErreurApi) || e.statut !== 0) throw e;
      await mettreEnFile({
        id,
        conseillerId,
        saisie: corps,
        etat,
        enregistreLe: new Date().toISOString(),
        refus: null,
      });
      enAttente = true;
    }
    // Offline, a refetch would wait for the network: only the device's file is read again.
    await client.invalidateQueries(enAttente ? { queryKey: ["file-cra"] } : undefined);
    setAttente(null);
    setEnregistre((avant) => ({
      n: (avant?.n ?? 0) + 1,
      id,
      date: String(saisie.date),
      type: String(saisie.type ?? ""),
      enAttente,
      suite: {
        ...etatVide(),
        type: saisie.type ?? "",
        typeLieu: saisie.typeLieu ?? "lieu_activite",
        lieuId: saisie.lieuId ?? "",
      },
    }));
  };
  return (
    <>
      <CraEnAttente conseillerId={conseillerId} />
      {enregistre && (
        <Confirmation
          cle={enregistre.n}
          titre={
            enregistre.enAttente
              ? "Compte rendu gardé sur cet appareil, en attente d'envoi"
              : "Compte rendu enregistré"
          }
        >
          <p>
            {TYPES_ACTIVITE[enregistre.type as keyof typeof TYPES_ACTIVITE] ?? enregistre.type} du{" "}
            {dateLongue.format(new Date(enregistre.date))}.
            {enregistre.enAttente &&
              " Le réseau ne répond pas : il partira dès son retour, une seule fois."}
          </p>
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-mt-2w")}>
            <li>
              <Button size="small" onClick={saisirUnAutre}>
                Saisir un autre compte rendu
              </Button>
            </li>
            {!enregistre.enAttente && (
              <li>
                <Link
                  className={fr.cx("fr-btn", "fr-btn--secondary", "fr-btn--sm")}
                  href={`/espace/conseiller/cra/${enregistre.id}?dupliquer=oui`}
                >
                  Dupliquer celui-ci
                </Link>
              </li>
            )}
            <li>
              <Link
                className={fr.cx("fr-btn", "fr-btn--tertiary", "fr-btn--sm")}
                href="/espace/conseiller/cra"
              >
                Voir mes comptes rendus
              </Link>
            </li>
          </ul>
        </Confirmation>
      )}
      {!enregistre && new URLSearchParams(window.location.search).has("orientation") && (
        <Alert
          severity="info"
          small
          className={fr.cx("fr-mb-2w")}
          description="Ce compte rendu répond à une orientation reçue : une fois enregistré, l'orientation est close « personne accompagnée », et la personne qui l'a envoyée le voit."
        />
      )}
      {correction?.refus && (
        <Alert
          severity="warning"
          small
          className={fr.cx("fr-mb-2w")}
          description={`Le service a refusé ce compte rendu : ${correction.refus.map((e) => e.message).join(" ")}`}
        />
      )}
      <div id="formulaire-cra">
        <FormulaireCra
          key={enregistre?.n ?? 0}
          initial={enregistre?.suite ?? correction?.etat ?? depuisOrientation(etatVide())}
          libelleEnvoi="Enregistrer le compte rendu"
          dureesFrequentes={dureesFrequentes(data?.cras)}
          thematiquesFrequentes={thematiquesFrequentes(data?.cras)}
          envoyer={envoyer}
        />
      </div>
      <p className={fr.cx("fr-mt-3w")}>
        <Link href="/espace/conseiller/cra">Voir mes comptes rendus</Link>
      </p>
    </>
  );
}

/**
 * Opened from an orientation of the queue (docs/domaine/orientations.md §4): an individual
 * accompaniment at its place, for its needs, that records where the person came from.
 */
function depuisOrientation(e: EtatCra): EtatCra {
  const q = new URLSearchParams(window.location.search);
  const orientationId = q.get("orientation");
  if (!orientationId) return e;
  return {
    ...e,
    type: "individuel",
    lieuId: q.get("lieu") ?? e.lieuId,
    thematiques: (q.get("thematiques") ?? "").split(",").filter(Boolean) as Thematique[],
    orientationId,
  };
}

export function PageNouveauCra() {
  return (
    <GabaritEspace roleAttendu="conseiller" titre="Nouveau compte rendu d'activité">
      {(moi) => <NouveauCra conseillerId={moi.utilisateur.id} />}
    </GabaritEspace>
  );
}

function ModifierCra({ id, duplique }: { id: string; duplique: boolean }) {
  const client = useQueryClient();
  // Each save is confirmed here, with the focus: a silent return to the list would leave the
  // conseiller wondering whether it was saved, and saving twice.
  const [enregistre, setEnregistre] = useState(0);
  const { data, error } = useQuery({
    queryKey: ["cra", id],
    queryFn: () => appeler(craEnregistreSchema, `/api/cra/${id}`),
    retry: false,
  });
  if (error)
    return <Alert severity="error" title="Compte rendu introuvable" description={error.message} />;
  if (!data) return <p>Chargement…</p>;
  if (enregistre > 0)
    return (
      <Confirmation
        cle={enregistre}
        titre={duplique ? "Copie du compte rendu enregistrée" : "Modifications enregistrées"}
      >
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-mt-2w")}>
          <li>
            <Button linkProps={{ href: "/espace/conseiller/cra" }}>Voir mes comptes rendus</Button>
          </li>
          {duplique && (
            <li>
              <Button priority="secondary" onClick={() => setEnregistre(0)}>
                Dupliquer encore
              </Button>
            </li>
          )}
          <li>
            <Button priority="secondary" linkProps={{ href: "/espace/conseiller/cra/nouveau" }}>
              Saisir un autre compte rendu
            </Button>
          </li>
        </ul>
      </Confirmation>
    );
  return (
    <FormulaireCra
      initial={etatDepuisEnregistre(data, duplique ? jourParis(new Date()) : null)}
      libelleEnvoi={duplique ? "Enregistrer la copie" : "Enregistrer les modifications"}
      dureesFrequentes={[]}
      thematiquesFrequentes={[]}
      envoyer={async (saisie) => {
        await appeler(craIdSchema, duplique ? "/api/cra" : `/api/cra/${id}`, {
          methode: duplique ? "POST" : "PUT",
          corps: saisie,
        });
        await client.invalidateQueries();
        setEnregistre((n) => n + 1);
      }}
    />
  );
}

export function PageModifierCra() {
  const { id } = useParams<{ id: string }>();
  const duplique = new URLSearchParams(window.location.search).get("dupliquer") === "oui";
  return (
    <GabaritEspace
      roleAttendu="conseiller"
      titre={duplique ? "Dupliquer un compte rendu" : "Modifier un compte rendu"}
    >
      {() => <ModifierCra id={id ?? ""} duplique={duplique} />}
    </GabaritEspace>
  );
}
