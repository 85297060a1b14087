import { describe, expect, it } from 'vitest';
import { createSecretBox, generateKeyEntry, needsReencryption } from './index.js';

const oldKey = generateKeyEntry('k1');
const newKey = generateKeyEntry('k2');

describe('createSecretBox', () => {
  it('round-trips and never contains the plaintext', () => {
    const box = createSecretBox(oldKey);
    const sealed = box.encrypt('app password ñ', 'smtp.password');
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(sealed).not.toContain('app password');
    expect(box.decrypt(sealed, 'smtp.password')).toBe('app password ñ');
  });

  it('uses a fresh IV each time', () => {
    const box = createSecretBox(oldKey);
    expect(box.encrypt('same', 'c')).not.toBe(box.encrypt('same', 'c'));
  });

  it('decrypts old ciphertexts after rotation and flags them for re-encryption', () => {
    const sealedWithOld = createSecretBox(oldKey).encrypt('secret', 'smtp.password');
    const rotated = createSecretBox(`${newKey},${oldKey}`);
    expect(rotated.decrypt(sealedWithOld, 'smtp.password')).toBe('secret');
    expect(needsReencryption(rotated, sealedWithOld)).toBe(true);
    expect(needsReencryption(rotated, rotated.encrypt('secret', 'smtp.password'))).toBe(false);
  });

  it('fails loudly on tampering, wrong context, unknown key or plaintext', () => {
    const box = createSecretBox(oldKey);
    const sealed = box.encrypt('secret', 'smtp.password');
    const parts = sealed.split('.');
    const data = Buffer.from(parts[4] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    const tampered = [...parts.slice(0, 4), data.toString('base64url')].join('.');
    expect(() => box.decrypt(tampered, 'smtp.password')).toThrow(/could not be decrypted/);
    expect(() => box.decrypt(sealed, 'other.context')).toThrow(/could not be decrypted/);
    expect(() => createSecretBox(newKey).decrypt(sealed, 'smtp.password')).toThrow(/key "k1", not in SECRETS_KEY/);
    expect(() => box.decrypt('hunter2', 'smtp.password')).toThrow(/not in the expected encrypted format/);
  });

  it('rejects malformed keys', () => {
    expect(() => createSecretBox('k1:c2hvcnQ=')).toThrow(/32-byte keys/);
    expect(() => createSecretBox(`${oldKey},${oldKey}`)).toThrow(/twice/);
  });
});
