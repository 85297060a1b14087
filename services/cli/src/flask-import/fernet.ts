import { createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Fernet (https://github.com/fernet/spec): version 0x80 | 8-byte big-endian timestamp | 16-byte IV |
 * AES-128-CBC ciphertext (PKCS7) | 32-byte HMAC-SHA256 over everything before it. The 32-byte key is
 * the signing key (first 16 bytes) followed by the encryption key (last 16 bytes).
 */
const VERSION = 0x80;
const HEADER_BYTES = 1 + 8 + 16;
const HMAC_BYTES = 32;
const BLOCK_BYTES = 16;
export const FERNET_KEY_BYTES = 32;

export type FernetOutcome = { ok: true; plaintext: Buffer } | { ok: false; reason: 'not-a-token' | 'wrong-key' };

/** Whether stored bytes have the shape of a Fernet token (the old system stored plaintext when it had no key). */
export function looksLikeFernetToken(stored: Buffer): boolean {
  return decodeToken(stored) !== null;
}

/**
 * Decrypts a token as the Python `cryptography` package does, minus the TTL check (the old system never
 * set one). A token whose HMAC does not match is `wrong-key`: with a genuine token that is the only cause.
 */
export function decryptFernet(stored: Buffer, key: Buffer): FernetOutcome {
  if (key.length !== FERNET_KEY_BYTES) throw new Error(`A Fernet key is ${FERNET_KEY_BYTES} bytes, got ${key.length}`);
  const token = decodeToken(stored);
  if (!token) return { ok: false, reason: 'not-a-token' };
  const signed = token.subarray(0, token.length - HMAC_BYTES);
  const expected = createHmac('sha256', key.subarray(0, 16)).update(signed).digest();
  if (!timingSafeEqual(expected, token.subarray(token.length - HMAC_BYTES))) return { ok: false, reason: 'wrong-key' };
  try {
    const decipher = createDecipheriv('aes-128-cbc', key.subarray(16), token.subarray(9, HEADER_BYTES));
    const ciphertext = token.subarray(HEADER_BYTES, token.length - HMAC_BYTES);
    return { ok: true, plaintext: Buffer.concat([decipher.update(ciphertext), decipher.final()]) };
  } catch {
    // A valid HMAC over bad padding means the signing half matched and the encrypting half did not.
    return { ok: false, reason: 'wrong-key' };
  }
}

/** The token bytes, or null when the text is not base64url of a well-formed token. */
function decodeToken(stored: Buffer): Buffer | null {
  const text = stored.toString('latin1').trim();
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) return null;
  const token = Buffer.from(text, 'base64url');
  const ciphertextBytes = token.length - HEADER_BYTES - HMAC_BYTES;
  if (token[0] !== VERSION || ciphertextBytes < BLOCK_BYTES || ciphertextBytes % BLOCK_BYTES !== 0) return null;
  return token;
}
