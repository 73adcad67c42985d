import { useQuery } from "@tanstack/react-query";
import { type AdresseSuggeree, adressesSuggereesSchema } from "../../domain/territoire.ts";
import { appeler } from "../api.ts";
import { Combobox, useDiffere } from "./Combobox.tsx";

export type { AdresseSuggeree };

/**
 * An address field (number and street) that suggests addresses of the national address base as
 * one types, when the platform has a geocoder; without one, or when nothing matches, it stays a
 * plain field: what was typed is the value. Picking a suggestion also gives its commune.
 */
export function ChoixAdresse(props: {
  valeur: string;
  onChange: (adresse: string) => void;
  onChoisir: (a: AdresseSuggeree) => void;
  /** Narrows suggestions to the commune already chosen. */
  communeCode?: string;
  erreur: string | undefined;
  libelle?: string;
}) {
  const saisie = useDiffere(props.valeur.trim(), 250);
  const { data, isFetching } = useQuery({
    queryKey: ["adresses", saisie, props.communeCode ?? ""],
    queryFn: () =>
      appeler(
        adressesSuggereesSchema,
        `/api/adresses?${new URLSearchParams({
          q: saisie,
          ...(props.communeCode ? { communeCode: props.communeCode } : {}),
        })}`,
      ),
    enabled: saisie.length >= 3,
    staleTime: 60_000,
  });
  return (
    <Combobox
      label={props.libelle ?? "Adresse"}
      hint="Numéro et voie (ex. 12 place Jean Jaurès)"
      name="adresse"
      texte={props.valeur}
      onTexte={props.onChange}
      suggestions={props.valeur.trim().length >= 3 ? (data ?? []) : []}
      cle={(a) => `${a.libelle}|${a.communeCode}`}
      libelle={(a) => a.libelle}
      onChoisir={(a) => props.onChoisir(a)}
      erreur={props.erreur}
      enChargement={isFetching}
    />
  );
}
