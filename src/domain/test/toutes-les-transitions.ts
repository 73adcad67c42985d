/** Every (status, event) pair of a machine: the allowed ones reach their target, all others are refused. */
export function toutesLesTransitions<S extends string, E extends string>(
  statuts: S[],
  evenements: E[],
  transition: (s: S, e: E) => { ok: boolean; valeur?: S; erreurs?: { message: string }[] },
  permises: Record<string, S>,
) {
  return statuts.flatMap((s) =>
    evenements.map((e) => {
      const r = transition(s, e);
      const attendu = permises[`${s}/${e}`];
      return {
        cas: `${s}/${e}`,
        attendu: attendu ?? "refus",
        obtenu: r.ok
          ? r.valeur
          : r.erreurs?.[0]?.message.startsWith("Impossible depuis le statut")
            ? "refus"
            : "message inattendu",
      };
    }),
  );
}
