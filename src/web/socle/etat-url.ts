import { useLocation, useSearch } from "wouter";

/**
 * A list's state (filters, sort, page) kept in the address: the back button returns to the
 * previous state and a shared link opens the same list. Values equal to their default are left
 * out of the address. Changing anything but the page goes back to page 1.
 */
export function useEtatUrl<T extends Record<string, string>>(
  defauts: T,
): [T, (changement: Partial<T>) => void, (changement: Partial<T>) => string] {
  const recherche = useSearch();
  const [chemin, naviguer] = useLocation();
  const lus = new URLSearchParams(recherche);
  const etat = Object.fromEntries(
    Object.entries(defauts).map(([cle, defaut]) => [cle, lus.get(cle) ?? defaut]),
  ) as T;
  const adresse = (changement: Partial<T>) => {
    const suivant: Record<string, string> = { ...etat, ...changement };
    if (!("page" in changement) && "page" in defauts) suivant.page = defauts.page as string;
    const params = new URLSearchParams(
      Object.entries(suivant).filter(([cle, v]) => v !== "" && v !== defauts[cle]),
    ).toString();
    return params ? `${chemin}?${params}` : chemin;
  };
  return [etat, (changement) => naviguer(adresse(changement)), adresse];
}

/**
 * The list's filters and order as its export takes them: the address without its page, so the
 * file holds the whole filtered set in the order on screen.
 */
export function useRequeteExport(): string {
  const lus = new URLSearchParams(useSearch());
  lus.delete("page");
  return lus.toString();
}
