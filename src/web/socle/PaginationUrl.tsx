import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { useLocation } from "wouter";
import { quantite } from "../../domain/format.ts";

/** A page of a server-paged list, as every paged route answers it. */
export type PageServeur = { total: number; page: number; taillePage: number };

const nombreDePages = (p: PageServeur) => Math.max(1, Math.ceil(p.total / p.taillePage));

/** "1 204 demandes — page 2 sur 25": the exact total and where the reader stands. */
export const resumePage = (p: PageServeur, singulier: string, pluriel: string) =>
  `${quantite(p.total, singulier, pluriel)} — page ${p.page} sur ${nombreDePages(p)}`;

/**
 * DSFR pagination of a list whose page is in the address: each link is a real address (opened in
 * a new tab, shared, bookmarked), a click changes it without reloading.
 */
export function PaginationUrl(props: {
  donnees: PageServeur | undefined;
  adresse: (changement: { page: string }) => string;
}) {
  const [, naviguer] = useLocation();
  if (!props.donnees) return null;
  const pages = nombreDePages(props.donnees);
  if (pages <= 1) return null;
  const lien = (n: number) => props.adresse({ page: String(n) });
  return (
    <Pagination
      count={pages}
      defaultPage={Math.min(props.donnees.page, pages)}
      getPageLinkProps={(n) => ({
        href: lien(n),
        onClick: (e: { preventDefault: () => void }) => {
          e.preventDefault();
          naviguer(lien(n));
        },
      })}
    />
  );
}
