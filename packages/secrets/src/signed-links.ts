import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '@reportmail/errors';

/** HKDF label: link keys are never the keys that encrypt secrets, and change when this does. */
const LINK_KEY_INFO = 'reportmail signed-link v1';
const KEY_BYTES = 32;
/** base64url of a 32-byte HMAC-SHA256, unpadded. */
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

export type SignedLink = { expires: number; signature: string };

/** `valid`; `expired` (the signature is genuine, its time is up); `invalid` (forged, tampered, or signed with a key no longer listed). */
export type LinkCheck = 'valid' | 'expired' | 'invalid';

export type LinkSigner = {
  /** Signs `<resource>:<expires>` with the active key; `expires` is in whole unix seconds. */
  sign(resource: string, expiresAt: Date): SignedLink;
  /** Checks a link against every listed key (so links outlive a key rotation while the old key is listed). */
  verify(resource: string, expires: number, signature: string, now?: Date): LinkCheck;
};

/** What a delivery's attachment link signs: the delivery it opens. */
export function deliveryAttachmentResource(deliveryId: string): string {
  return `delivery-attachment:${deliveryId}`;
}

/**
 * Signs links that grant access to one resource until an instant (bearer credentials in a URL). The
 * HMAC-SHA256 keys are derived with HKDF from SECRETS_KEY's entries: the first signs, all verify.
 */
export function createLinkSigner(secretsKey: string): LinkSigner {
  const [activeKey, ...olderKeys] = linkKeys(secretsKey);
  const keys = [activeKey as Buffer, ...olderKeys];
  return {
    sign(resource, expiresAt) {
      const expires = Math.floor(expiresAt.getTime() / 1000);
      return { expires, signature: mac(keys[0] as Buffer, resource, expires).toString('base64url') };
    },
    verify(resource, expires, signature, now = new Date()) {
      if (!Number.isSafeInteger(expires) || expires < 0 || !SIGNATURE.test(signature)) return 'invalid';
      const given = Buffer.from(signature, 'base64url');
      // Several strings decode to the same bytes (unused low bits): only the canonical one is accepted.
      if (given.toString('base64url') !== signature) return 'invalid';
      const genuine = keys.some((key) => timingSafeEqual(mac(key, resource, expires), given));
      if (!genuine) return 'invalid';
      return now.getTime() >= expires * 1000 ? 'expired' : 'valid';
    },
  };
}

function mac(key: Buffer, resource: string, expires: number): Buffer {
  return createHmac('sha256', key).update(`${resource}:${expires}`, 'utf8').digest();
}

/** One derived link key per SECRETS_KEY entry (`keyId:base64key`), in the listed order. */
function linkKeys(secretsKey: string): Buffer[] {
  return secretsKey.split(',').map((entry) => {
    const [keyId, encoded] = entry.trim().split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!keyId || key.length !== KEY_BYTES) {
      throw new AppError('VALIDATION', 'SECRETS_KEY entries must be keyId:base64key with 32-byte keys');
    }
    return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), LINK_KEY_INFO, KEY_BYTES));
  });
}
