/**
 * Values computed from the database, kept while the version the database gives for them is the
 * one they were computed at (a trigger raises it on every write to their sources): exact on
 * every instance, without a time to live. The least recently used entry goes first.
 */
export class CacheVersionne<T> {
  private readonly entrees = new Map<string, { version: number; valeur: T }>();

  constructor(private readonly max: number) {}

  async obtenir(cle: string, version: number, calculer: () => Promise<T>): Promise<T> {
    const trouvee = this.entrees.get(cle);
    this.entrees.delete(cle);
    if (trouvee?.version === version) {
      this.entrees.set(cle, trouvee);
      return trouvee.valeur;
    }
    const valeur = await calculer();
    this.entrees.set(cle, { version, valeur });
    while (this.entrees.size > this.max)
      this.entrees.delete(this.entrees.keys().next().value as string);
    return valeur;
  }
}
