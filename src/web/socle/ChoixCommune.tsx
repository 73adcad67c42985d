import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { type CommuneVue, communesVuesSchema, communeVueSchema } from "../../domain/territoire.ts";
import { appeler } from "../api.ts";
import { Combobox, useDiffere } from "./Combobox.tsx";

const libelleCommune = (c: CommuneVue) =>
  `${c.nom} (${c.codesPostaux.slice(0, 3).join(", ")}${c.codesPostaux.length > 3 ? "…" : ""})`;

const chercher = (q: string) =>
  appeler(communesVuesSchema, `/api/communes?${new URLSearchParams({ q: q.trim() })}`);

/**
 * Picks a commune of the official reference by name or postcode, suggested as one types (from
 * two characters, accents, hyphens and "St" ignored). Its value is the INSEE code.
 */
export function ChoixCommune(props: {
  libelle?: string;
  valeur: string;
  onChange: (code: string) => void;
  erreur: string | undefined;
  /** A filter rather than a required field: emptying the field selects every commune. */
  optionnelle?: boolean;
}) {
  const [texte, setTexte] = useState<string | null>(null);
  // A commune set from outside (an address suggestion carries its commune) replaces the text.
  const emise = useRef(props.valeur);
  useEffect(() => {
    if (props.valeur !== emise.current) {
      emise.current = props.valeur;
      setTexte(null);
    }
  }, [props.valeur]);
  const emettre = (code: string) => {
    emise.current = code;
    props.onChange(code);
  };
  // A value set before any typing (an edit form) is shown by its name.
  const { data: actuelle } = useQuery({
    queryKey: ["commune", props.valeur],
    queryFn: () => appeler(communeVueSchema, `/api/communes/${encodeURIComponent(props.valeur)}`),
    enabled: texte === null && /^(\d{5}|2[AB]\d{3})$/.test(props.valeur),
  });
  const saisie = useDiffere(texte ?? "");
  const { data, isFetching } = useQuery({
    queryKey: ["communes", saisie.trim()],
    queryFn: () => chercher(saisie),
    enabled: saisie.trim().length >= 2,
  });
  return (
    <Combobox
      label={props.libelle ?? "Commune"}
      hint={`Nom ou code postal, au moins deux caractères (ex. Béthune, 62400)${props.optionnelle ? " ; vide : toutes les communes" : ""}`}
      name="communeCode"
      texte={texte ?? (actuelle ? libelleCommune(actuelle) : "")}
      onTexte={(t) => {
        setTexte(t);
        // Typing again undoes the previous choice: the value is only ever a commune picked.
        if (props.valeur) emettre("");
      }}
      suggestions={(texte ?? "").trim().length >= 2 ? (data ?? []) : []}
      cle={(c) => c.code}
      libelle={libelleCommune}
      onChoisir={(c) => {
        setTexte(libelleCommune(c));
        emettre(c.code);
      }}
      erreur={props.erreur}
      enChargement={isFetching}
    />
  );
}
