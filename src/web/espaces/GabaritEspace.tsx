import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { SideMenu } from "@codegouvfr/react-dsfr/SideMenu";
import { type FormEvent, type ReactNode, useState } from "react";
import { Link, useLocation } from "wouter";
import { PAGES_ESPACES } from "../../domain/espaces.ts";
import type { Role } from "../../domain/roles.ts";
import type { Moi } from "../../domain/session.ts";
import { moiSchema } from "../../domain/session.ts";
import { appeler, ErreurApi } from "../api.ts";
import { useMoi, useRafraichirMoi } from "../socle/moi.ts";
import { useLibellePerimetre } from "../socle/territoires.ts";
import { useTitre } from "../socle/titre.ts";

/** The frame of every signed-in space: who you are, as what, and a way to switch. */
export function GabaritEspace(props: {
  /** Absent: a page every signed-in habilitation may open (its content follows the scope). */
  roleAttendu?: Role;
  titre: string;
  children: (moi: Moi) => ReactNode;
}) {
  useTitre(props.titre);
  const { data: moi, isPending } = useMoi();
  if (isPending)
    return (
      <div className={fr.cx("fr-container", "fr-py-6w")}>
        <p>Chargement…</p>
      </div>
    );
  if (!moi) {
    return (
      <div className={fr.cx("fr-container", "fr-py-6w")}>
        <h1>{props.titre}</h1>
        <Alert
          severity="info"
          title="Connexion nécessaire"
          description="Connectez-vous pour accéder à cet espace."
          className={fr.cx("fr-mb-4w")}
        />
        <Button linkProps={{ href: "/connexion" }}>Se connecter</Button>
      </div>
    );
  }
  const estActive = props.roleAttendu
    ? moi.habilitation?.role === props.roleAttendu
    : moi.habilitation !== null;
  const contenu = (
    <>
      <h1>{props.titre}</h1>
      <BandeauHabilitation moi={moi} />
      {estActive ? (
        props.children(moi)
      ) : (
        <Alert
          severity="warning"
          title="Cet espace n'est pas celui de votre habilitation active"
          description={
            moi.habilitation ? (
              <>
                Votre espace est{" "}
                <Link href={moi.habilitation.accueil}>{moi.habilitation.libelle}</Link>.
              </>
            ) : (
              "Votre compte n'a aucune habilitation active."
            )
          }
        />
      )}
    </>
  );
  if (!estActive || !moi.habilitation)
    return <div className={fr.cx("fr-container", "fr-py-6w")}>{contenu}</div>;
  return (
    <div className={fr.cx("fr-container", "fr-py-4w")}>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
          <NavigationEspace role={moi.habilitation.role} />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-9")}>{contenu}</div>
      </div>
    </div>
  );
}

/**
 * The space's pages (DSFR side menu): the current one is marked, and a page below one of them
 * (a request's file under "Demandes") marks its parent.
 */
function NavigationEspace({ role }: { role: Role }) {
  const [chemin] = useLocation();
  const pages = PAGES_ESPACES[role];
  const actif = pages
    .filter((p) => chemin === p.chemin || chemin.startsWith(`${p.chemin}/`))
    .sort((a, b) => b.chemin.length - a.chemin.length)[0];
  return (
    <SideMenu
      align="left"
      burgerMenuButtonText="Pages de mon espace"
      title="Mon espace"
      items={pages.map((p) => ({
        text: p.libelle,
        isActive: p === actif,
        linkProps: { href: p.chemin },
      }))}
    />
  );
}

function BandeauHabilitation({ moi }: { moi: Moi }) {
  const libelle = useLibellePerimetre();
  const rafraichir = useRafraichirMoi();
  const [, naviguer] = useLocation();
  const [choix, setChoix] = useState(moi.habilitation?.id ?? "");
  const [erreur, setErreur] = useState<string>();

  const changer = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const nouveau = await appeler(moiSchema, "/api/moi/habilitation", {
        methode: "POST",
        corps: { habilitationId: choix },
      });
      rafraichir(nouveau);
      naviguer(nouveau.habilitation?.accueil ?? "/espace");
    } catch (err) {
      setErreur(err instanceof ErreurApi ? err.message : "Le changement a échoué.");
    }
  };

  return (
    <div className={fr.cx("fr-mb-4w")}>
      <p>
        Bonjour {moi.utilisateur.prenom} {moi.utilisateur.nom}.
        {moi.habilitation && (
          <>
            {" "}
            Vous agissez en tant que <strong>{moi.habilitation.libelle}</strong> –{" "}
            {libelle(moi.habilitation.perimetre)}.
          </>
        )}{" "}
        <Link href="/espace/notifications" className={fr.cx("fr-link", "fr-text--sm")}>
          Mes notifications
        </Link>
      </p>
      {moi.habilitations.length > 1 && (
        <form
          onSubmit={changer}
          className={fr.cx("fr-grid-row", "fr-grid-row--bottom", "fr-grid-row--gutters")}
        >
          <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
            <Select
              label="Changer d'habilitation"
              state={erreur ? "error" : "default"}
              stateRelatedMessage={erreur}
              nativeSelectProps={{
                value: choix,
                onChange: (e) => setChoix(e.target.value),
                name: "habilitation",
              }}
            >
              {moi.habilitations.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.libelle} – {libelle(h.perimetre)}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
            <Button type="submit" priority="secondary">
              Changer
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
