/** A whole number the French way, with a narrow no-break space between thousands (2 500). */
export function nombreFr(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}
