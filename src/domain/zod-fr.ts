import { z } from "zod";

/** Zod's own messages (for checks without a message of ours) in French, on both sides. */
export function configurerZodEnFrancais(): void {
  z.config(z.locales.fr());
}
