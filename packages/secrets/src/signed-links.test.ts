import * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { generateKeyEntry } from './index.js';

// A pass-through spy: proves signatures are compared in constant time, the real function still decides.
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});
// Test files share a module cache (vitest.config.ts: isolate false): one loaded before this file holds the real
// node:crypto. A fresh copy of the module under test sees the spy.
vi.resetModules();
const { createLinkSigner, deliveryAttachmentResource } = await import('./signed-links.js');

const oldKey = generateKeyEntry('k1');
const newKey = generateKeyEntry('k2');
const resource = deliveryAttachmentResource('0b7c5f0e-8a51-4c3e-9d43-5d1f1c0e2a77');
const now = new Date('2026-03-03T01:00:00Z');
const inAWeek = new Date('2026-03-10T01:00:00Z');

/** The same base64url string with one character changed (to one that changes the decoded bytes). */
function flip(text: string, index: number): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
}

describe('createLinkSigner', () => {
  it('signs a resource until an instant and verifies it as valid until then', () => {
    const signer = createLinkSigner(oldKey);
    const link = signer.sign(resource, inAWeek);
    expect(link.expires).toBe(Date.parse('2026-03-10T01:00:00Z') / 1000);
    expect(link.signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signer.verify(resource, link.expires, link.signature, now)).toBe('valid');
    expect(signer.verify(resource, link.expires, link.signature, new Date(inAWeek.getTime() - 1000))).toBe('valid');
  });

  it('says expired for a genuine link from its expiry instant on', () => {
    const signer = createLinkSigner(oldKey);
    const link = signer.sign(resource, inAWeek);
    expect(signer.verify(resource, link.expires, link.signature, inAWeek)).toBe('expired');
    expect(signer.verify(resource, link.expires, link.signature, new Date('2027-01-01T00:00:00Z'))).toBe('expired');
  });

  it('refuses a link whose resource, expiry or signature was changed', () => {
    const signer = createLinkSigner(oldKey);
    const link = signer.sign(resource, inAWeek);
    const otherDelivery = deliveryAttachmentResource('0b7c5f0e-8a51-4c3e-9d43-5d1f1c0e2a78');
    expect(signer.verify(otherDelivery, link.expires, link.signature, now)).toBe('invalid');
    expect(signer.verify(resource, link.expires + 86_400, link.signature, now)).toBe('invalid');
    // An expired link moved back into the future is not genuine either (not merely "expired").
    expect(signer.verify(resource, link.expires - 1, link.signature, inAWeek)).toBe('invalid');
    expect(signer.verify(resource, link.expires, flip(link.signature, 0), now)).toBe('invalid');
    expect(signer.verify(resource, link.expires, flip(link.signature, 41), now)).toBe('invalid');
  });

  it('refuses malformed signatures and expiries without throwing', () => {
    const signer = createLinkSigner(oldKey);
    const { expires, signature } = signer.sign(resource, inAWeek);
    for (const bad of ['', signature.slice(0, 42), `${signature}A`, `${signature}=`, signature.replace(/.$/, '+')]) {
      expect(signer.verify(resource, expires, bad, now)).toBe('invalid');
    }
    // The last character carries 2 unused bits: a string decoding to the same bytes is still refused.
    const last = signature.at(-1) as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1] as string;
    expect(signer.verify(resource, expires, `${signature.slice(0, 42)}${sibling}`, now)).toBe('invalid');
    for (const badExpiry of [Number.NaN, 1.5, -1, Number.MAX_SAFE_INTEGER + 2]) {
      expect(signer.verify(resource, badExpiry, signature, now)).toBe('invalid');
    }
  });

  it('compares signatures in constant time, over the full 32 bytes', () => {
    const signer = createLinkSigner(oldKey);
    const link = signer.sign(resource, inAWeek);
    const compare = vi.mocked(crypto.timingSafeEqual);
    compare.mockClear();
    expect(signer.verify(resource, link.expires, flip(link.signature, 0), now)).toBe('invalid');
    expect(compare).toHaveBeenCalledTimes(1);
    const [expected, given] = compare.mock.calls[0] as [Buffer, Buffer];
    expect([expected.length, given.length]).toEqual([32, 32]);
  });

  it('keeps links signed with an older key valid while that key is listed, and only then', () => {
    const link = createLinkSigner(oldKey).sign(resource, inAWeek);
    const rotated = createLinkSigner(`${newKey},${oldKey}`);
    expect(rotated.verify(resource, link.expires, link.signature, now)).toBe('valid');
    expect(rotated.sign(resource, inAWeek).signature).toBe(createLinkSigner(newKey).sign(resource, inAWeek).signature);
    expect(createLinkSigner(newKey).verify(resource, link.expires, link.signature, now)).toBe('invalid');
  });

  it('derives its key rather than using the encryption key itself', () => {
    const [, encoded = ''] = oldKey.split(':');
    const link = createLinkSigner(oldKey).sign(resource, inAWeek);
    const withRawKey = crypto
      .createHmac('sha256', Buffer.from(encoded, 'base64'))
      .update(`${resource}:${link.expires}`)
      .digest('base64url');
    expect(link.signature).not.toBe(withRawKey);
  });

  it('rejects a malformed SECRETS_KEY', () => {
    expect(() => createLinkSigner('k1:c2hvcnQ=')).toThrow(/32-byte keys/);
    expect(() => createLinkSigner('')).toThrow(/32-byte keys/);
  });
});
