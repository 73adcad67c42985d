import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

/** One HTTP request a simulated client sends again and again. */
export type RequeteCharge = {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

export type Charge = {
  url: string;
  /** Concurrent connections; connection i sends requetes[i % requetes.length]. */
  connexions: number;
  /** Total number of requests. */
  total: number;
  /** Requests per second for all connections together; as fast as answered when absent. */
  parSecondeVisees?: number;
  requetes: RequeteCharge[];
};

export type ResultatCharge = {
  latences: number[];
  parSeconde: number;
  erreurs: number;
  non2xx: number;
};

/**
 * Runs autocannon in a child process, so that the load generator does not share the server's
 * event loop (it still shares the machine's cores, as a client on the same host would).
 */
export function chargerEnParallele(charge: Charge): Promise<ResultatCharge> {
  const enfant = fork(fileURLToPath(import.meta.url), ["--enfant"], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resoudre, rejeter) => {
    enfant.once("message", (m) => {
      resoudre(m as ResultatCharge);
      enfant.kill();
    });
    enfant.once("error", rejeter);
    enfant.once("exit", (code) => {
      if (code) rejeter(new Error(`Le générateur de charge s'est arrêté (code ${code}).`));
    });
    enfant.send(charge);
  });
}

async function executer(charge: Charge): Promise<ResultatCharge> {
  const latences: number[] = [];
  let suivante = 0;
  const r = await new Promise<autocannon.Result>((resoudre, rejeter) => {
    const instance = autocannon(
      {
        url: charge.url,
        connections: charge.connexions,
        amount: charge.total,
        ...(charge.parSecondeVisees ? { overallRate: charge.parSecondeVisees } : {}),
        requests: [
          {
            // The context lives as long as the connection: it keeps the request it was given.
            setupRequest: (requete, contexte: { requete?: RequeteCharge }) => {
              contexte.requete ??= charge.requetes[suivante++ % charge.requetes.length];
              return { ...requete, ...contexte.requete };
            },
          },
        ],
      },
      (erreur, resultat) => (erreur ? rejeter(erreur) : resoudre(resultat)),
    );
    instance.on("response", (_client, _statut, _octets, duree) => {
      latences.push(duree);
    });
  });
  return { latences, parSeconde: r.requests.average, erreurs: r.errors, non2xx: r.non2xx };
}

if (process.argv.includes("--enfant")) {
  process.once("message", async (charge) => {
    process.send?.(await executer(charge as Charge));
  });
}
