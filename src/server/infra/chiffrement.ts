import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const IV = 12;
const TAG = 16;

/** AES-256-GCM: nonce, then authentication tag, then ciphertext, in one buffer. */
export function chiffrer(cle: Buffer, clair: Buffer): Buffer {
  const iv = randomBytes(IV);
  const c = createCipheriv("aes-256-gcm", cle, iv);
  const corps = Buffer.concat([c.update(clair), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), corps]);
}

/** Throws when the data was altered or the key is wrong. */
export function dechiffrer(cle: Buffer, chiffre: Buffer): Buffer {
  const d = createDecipheriv("aes-256-gcm", cle, chiffre.subarray(0, IV));
  d.setAuthTag(chiffre.subarray(IV, IV + TAG));
  return Buffer.concat([d.update(chiffre.subarray(IV + TAG)), d.final()]);
}
