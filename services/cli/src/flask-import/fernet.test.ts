import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptFernet, looksLikeFernetToken } from './fernet.js';
import { encryptFernet } from './fernet.test-helper.js';
import { oldFernetKey, pythonUrlsafeB64Decode } from './old-key.js';

const ascii = (text: string) => Buffer.from(text, 'latin1');
const specKey = Buffer.from('cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=', 'base64url');
const specToken = ascii(
  'gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==',
);

describe('decryptFernet', () => {
  it('decrypts the Fernet spec vector', () => {
    expect(decryptFernet(specToken, specKey)).toEqual({ ok: true, plaintext: Buffer.from('hello') });
  });

  it('decrypts a token made by Python cryptography 48 with a key derived from SECRET_KEY', () => {
    const token = ascii(
      'gAAAAABrD1F5HdJOc0nwUCXkHSyoUMYYigKZeUAVMtYWU0jUtWmwiOUsOyUUUT8MwR4zCSoscrmWktOM2etUzjOX96aPrYyN4A==',
    );
    const key = oldFernetKey({ secretKey: 'dev-secret-key' }) as Buffer;
    const outcome = decryptFernet(token, key);
    expect(outcome.ok && outcome.plaintext.toString('utf8')).toBe('app-password ñ');
  });

  it('round-trips with the test encrypt helper, unpadded and padded', () => {
    const key = randomBytes(32);
    const token = encryptFernet('päss word', key);
    expect(decryptFernet(token, key)).toEqual({ ok: true, plaintext: Buffer.from('päss word') });
    expect(decryptFernet(ascii(`${token.toString('latin1').replace(/=+$/, '')}\n`), key).ok).toBe(true);
  });

  it('says wrong-key for another key and for any changed byte, not-a-token for plaintext', () => {
    const key = randomBytes(32);
    const token = encryptFernet('secret', key);
    expect(decryptFernet(token, randomBytes(32))).toEqual({ ok: false, reason: 'wrong-key' });
    const bytes = Buffer.from(token.toString('latin1'), 'base64url');
    bytes[30] = (bytes[30] ?? 0) ^ 1;
    expect(decryptFernet(ascii(bytes.toString('base64url')), key)).toEqual({ ok: false, reason: 'wrong-key' });
    expect(decryptFernet(ascii('hunter2'), key)).toEqual({ ok: false, reason: 'not-a-token' });
    expect(looksLikeFernetToken(ascii('my gmail app password'))).toBe(false);
    expect(looksLikeFernetToken(token)).toBe(true);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => decryptFernet(specToken, Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});

// Expected keys printed by the old get_cipher() logic run under Python 3.11 with cryptography 48.
describe('oldFernetKey', () => {
  it.each([
    [{ secretKey: 'dev-secret-key' }, 'BTff0inM1kTinILwwnobOwdaFYn6daGG7UCrwlv80kg='],
    [{ emailEncryptionKey: 'short-passphrase' }, 'c2hvcnQtcGFzc3BocmFzZSAgICAgICAgICAgICAgICA='],
    [{ emailEncryptionKey: 'pässwörd' }, 'cMOkc3N3w7ZyZCAgICAgICAgICAgICAgICAgICAgICA='],
    [{ emailEncryptionKey: 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=' }, specKey.toString('base64')],
    [
      { emailEncryptionKey: 'this is a long passphrase that is not base64 at all!!' },
      'ndN7HFu1WyRc5epnUwlX8PvBlJDCQso57OwkR5yHXXA=',
    ],
    [
      { emailEncryptionKey: 'this is a long passphrase that is not base64 at all!' },
      'm0Y3OmVkCaBlKIZhBj/k2RpuTdj2jFP+j5rEcO5bVko=',
    ],
    [{ emailEncryptionKey: 'A'.repeat(45) }, 'rHUs7UUgacVcdWegcXuHYVgkxWjcmMhiashfw0sjTDs='],
  ])('derives %j the way the old system did', (setting, expected) => {
    expect(oldFernetKey(setting)?.toString('base64')).toBe(expected);
  });

  it.each([['x'.repeat(40)], ['0123456789abcdef'.repeat(4)]])(
    'is null for %s, a key the old system could not use (it stored plaintext)',
    (value) => {
      expect(oldFernetKey({ emailEncryptionKey: value })).toBeNull();
    },
  );

  it('decodes base64 leniently like Python', () => {
    expect(pythonUrlsafeB64Decode(ascii('aGVs bG8='))?.toString()).toBe('hello');
    expect(pythonUrlsafeB64Decode(ascii('aGVsbG8=trailing'))?.toString()).toBe('hello');
    expect(pythonUrlsafeB64Decode(ascii('aGVsbG8'))).toBeNull();
  });
});
