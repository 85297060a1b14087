import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '@reportmail/errors';

export { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
export * from './signed-links.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export type SecretBox = {
  /** Encrypts with the active key; `context` binds the ciphertext to its use (e.g. `smtp.password`). */
  encrypt(plaintext: string, context: string): string;
  /** Decrypts with the key named inside the ciphertext; any tampering or unknown key is an error. */
  decrypt(ciphertext: string, context: string): string;
  readonly activeKeyId: string;
};

/**
 * Builds an AES-256-GCM secret box from SECRETS_KEY (`keyId:base64key[,keyId:base64key…]`).
 * The first key encrypts; every listed key decrypts, so keys rotate by prepending a new one.
 * Ciphertext format: `v1.<keyId>.<iv>.<tag>.<data>` (base64url parts).
 */
export function createSecretBox(secretsKey: string): SecretBox {
  const keys = parseKeys(secretsKey);
  const activeKeyId = keys.keys().next().value as string;

  return {
    activeKeyId,
    encrypt(plaintext, context) {
      const key = keys.get(activeKeyId) as Buffer;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(additionalData(activeKeyId, context));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url'));
      return [VERSION, activeKeyId, ...parts].join('.');
    },
    decrypt(ciphertext, context) {
      const [version, keyId, iv, tag, data, ...rest] = ciphertext.split('.');
      if (version !== VERSION || !keyId || iv === undefined || tag === undefined || data === undefined || rest.length) {
        throw new AppError('INTERNAL', 'Stored secret is not in the expected encrypted format');
      }
      const key = keys.get(keyId);
      if (!key) throw new AppError('INTERNAL', `Stored secret was encrypted with key "${keyId}", not in SECRETS_KEY`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(additionalData(keyId, context));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new AppError('INTERNAL', `Stored secret could not be decrypted with key "${keyId}"`, { cause });
      }
    },
  };
}

/** True when the ciphertext was written with another key than the active one (re-encrypt it). */
export function needsReencryption(box: SecretBox, ciphertext: string): boolean {
  return ciphertext.split('.')[1] !== box.activeKeyId;
}

/** A fresh key entry for SECRETS_KEY. */
export function generateKeyEntry(keyId: string): string {
  return `${keyId}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

function additionalData(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}|${keyId}|${context}`, 'utf8');
}

function parseKeys(secretsKey: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of secretsKey.split(',')) {
    const [keyId, encoded] = entry.trim().split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!keyId || key.length !== KEY_BYTES) {
      throw new AppError('VALIDATION', 'SECRETS_KEY entries must be keyId:base64key with 32-byte keys');
    }
    if (keys.has(keyId)) throw new AppError('VALIDATION', `SECRETS_KEY lists key "${keyId}" twice`);
    keys.set(keyId, key);
  }
  return keys;
}
