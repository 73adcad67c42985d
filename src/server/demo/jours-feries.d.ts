declare module "@socialgouv/jours-feries" {
  /** The French public holidays of a year, by name, as local-time dates. */
  export default function joursFeries(
    annee: number,
    options?: { alsace?: boolean },
  ): Record<string, Date>;
}
