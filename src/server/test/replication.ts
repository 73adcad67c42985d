import { lignesSurServeur } from "../db/base-jetable.ts";
import { attendre } from "./attente.ts";

/** Until the replica has replayed everything the primary has written so far (10 s at most). */
export async function attendreRattrapage(primaire: string, replique: string): Promise<void> {
  const [position] = await lignesSurServeur<{ lsn: string }>(
    primaire,
    "select pg_current_wal_lsn()::text as lsn",
  );
  const rattrapee = await attendre(
    async () =>
      (
        await lignesSurServeur<{ ok: boolean }>(
          replique,
          "select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok",
          [position!.lsn],
        )
      )[0]?.ok === true,
    10_000,
    50,
  );
  if (!rattrapee) throw new Error("La réplique n'a pas rattrapé la primaire en 10 s.");
}
