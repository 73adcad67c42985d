/** The day test databases are generated and test clocks start: demo dates are relative to it. */
export const DEPART_HORLOGE_TEST = new Date("2026-03-02T09:00:00Z");

/** A clock the test moves by hand, to cross expiry limits without waiting. */
export function horlogeReglable(depart = DEPART_HORLOGE_TEST) {
  let maintenant = depart.getTime();
  return {
    maintenant: () => new Date(maintenant),
    avancer: (ms: number) => {
      maintenant += ms;
    },
  };
}
