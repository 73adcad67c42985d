/** Luhn checksum over a string of digits (SIRET keys, SIREN keys). */
export function cleLuhnValide(chiffres: string): boolean {
  let somme = 0;
  for (let i = 0; i < chiffres.length; i++) {
    let n = Number(chiffres[chiffres.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    somme += n;
  }
  return somme % 10 === 0;
}

/**
 * A SIRET is 14 digits with a valid Luhn key. La Poste's establishments (SIREN 356 000 000)
 * follow another rule, the sum of their digits being a multiple of 5.
 */
export function siretValide(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith("356000000")) {
    return [...siret].reduce((s, c) => s + Number(c), 0) % 5 === 0;
  }
  return cleLuhnValide(siret);
}

/** RIDET (New Caledonia): 6 or 7 digits for the company, optionally 3 for the establishment. */
export function ridetValide(ridet: string): boolean {
  return /^\d{6,7}(\d{3})?$/.test(ridet);
}

/** Appends the Luhn key to 13 digits: a valid SIRET for generated data. */
export function completerSiret(treizeChiffres: string): string {
  for (let cle = 0; cle <= 9; cle++) {
    if (cleLuhnValide(`${treizeChiffres}${cle}`)) return `${treizeChiffres}${cle}`;
  }
  throw new Error("Inatteignable : une clé de Luhn existe toujours");
}
