import type { ReactNode } from "react";

/**
 * A link another site opens in a new window: it says so in its title (RGAA 13.2) and gives
 * that site no hold on this page nor our address.
 */
export function LienExterne(props: {
  href: string;
  titre: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a
      className={props.className}
      href={props.href}
      target="_blank"
      rel="noopener noreferrer"
      title={`${props.titre} – nouvelle fenêtre`}
    >
      {props.children}
    </a>
  );
}
