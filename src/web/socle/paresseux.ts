import { type ComponentType, type LazyExoticComponent, lazy } from "react";

/**
 * A page loaded with its own chunk the first time it is shown: the home page does not carry every
 * role's space nor the map (docs/scaling.md, static assets).
 */
/** Zod speaks French before any page that validates is shown: the forms live in lazy chunks. */
const zodEnFrancais = import("../../domain/zod-fr.ts").then((m) => m.configurerZodEnFrancais());

// biome-ignore lint/suspicious/noExplicitAny: the same bound as React's own lazy(), any page's props
export function paresseux<K extends string, C extends ComponentType<any>>(
  charger: () => Promise<Record<K, C>>,
  nom: K,
): LazyExoticComponent<C> {
  return lazy(() => Promise.all([charger(), zodEnFrancais]).then(([m]) => ({ default: m[nom] })));
}
