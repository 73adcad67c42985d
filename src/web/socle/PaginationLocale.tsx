import { Pagination } from "@codegouvfr/react-dsfr/Pagination";

/**
 * DSFR pagination of a list held in the page's state: each link keeps its address (an anchor
 * back to the list's title) for keyboard and screen readers, the click changes the page.
 */
export function PaginationLocale(props: {
  pages: number;
  page: number;
  ancre: string;
  changer: (page: number) => void;
}) {
  if (props.pages <= 1) return null;
  return (
    <Pagination
      count={props.pages}
      defaultPage={props.page}
      getPageLinkProps={(n) => ({
        href: `#${props.ancre}`,
        onClick: (e: { preventDefault: () => void }) => {
          e.preventDefault();
          props.changer(n);
        },
      })}
    />
  );
}
