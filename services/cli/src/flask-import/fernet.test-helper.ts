import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

/** Fernet encryption as the old system's `cryptography` did it, for building old-style test databases. */
export function encryptFernet(plaintext: string, key: Buffer, at = new Date(), iv = randomBytes(16)): Buffer {
  const header = Buffer.alloc(9);
  header[0] = 0x80;
  header.writeBigUInt64BE(BigInt(Math.floor(at.getTime() / 1000)), 1);
  const cipher = createCipheriv('aes-128-cbc', key.subarray(16), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const signed = Buffer.concat([header, iv, ciphertext]);
  const hmac = createHmac('sha256', key.subarray(0, 16)).update(signed).digest();
  // Python's urlsafe_b64encode keeps the `=` padding; the old system stored those ASCII bytes.
  const text = Buffer.concat([signed, hmac]).toString('base64').replaceAll('+', '-').replaceAll('/', '_');
  return Buffer.from(text, 'latin1');
}
