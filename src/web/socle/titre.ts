import { useEffect } from "react";

/** Each page has its own title, read first by screen readers after navigation (RGAA 8.6). */
export function useTitre(titre: string): void {
  useEffect(() => {
    document.title = `${titre} – Conseillers numériques France Services`;
  }, [titre]);
}
