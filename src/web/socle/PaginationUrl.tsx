import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { useLocation } from "wouter";

/**
 * DSFR pagination of a list whose page is in the address: each link is a real address (opened in
 * a new tab, shared, bookmarked), a click changes it without reloading.
 */
export function PaginationUrl(props: {
  total: number;
  taillePage: number;
  page: number;
  adresse: (page: number) => string;
}) {
  const [, naviguer] = useLocation();
  const pages = Math.max(1, Math.ceil(props.total / props.taillePage));
  if (pages <= 1) return null;
  return (
    <Pagination
      count={pages}
      defaultPage={Math.min(props.page, pages)}
      getPageLinkProps={(n) => ({
        href: props.adresse(n),
        onClick: (e: { preventDefault: () => void }) => {
          e.preventDefault();
          naviguer(props.adresse(n));
        },
      })}
    />
  );
}
