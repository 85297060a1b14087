import { createHash } from 'node:crypto';
import { FERNET_KEY_BYTES } from './fernet.js';

/** What the old deployment had: its EMAIL_ENCRYPTION_KEY, or (when that was unset) its Flask SECRET_KEY. */
export type OldKeySetting = { emailEncryptionKey: string } | { secretKey: string };

/**
 * The Fernet key the old `SMTPSettings.get_cipher()` built from its settings, or null when it could not
 * build one (it then stored the password and recipients as plaintext). Mirrors the Python byte for byte:
 * SECRET_KEY → urlsafe_b64(sha256); a key under 44 characters → urlsafe_b64 of it space-padded to 32
 * bytes; otherwise the text itself, hashed when it is not base64; Fernet then needs exactly 32 bytes.
 */
export function oldFernetKey(setting: OldKeySetting): Buffer | null {
  let keyText: Buffer;
  if ('secretKey' in setting) {
    keyText = urlsafeB64(sha256(Buffer.from(setting.secretKey, 'utf8')));
  } else {
    const value = setting.emailEncryptionKey;
    const utf8 = Buffer.from(value, 'utf8');
    // Python's len() counts code points, not UTF-16 units; bytes.ljust pads with spaces.
    keyText = [...value].length < 44 ? urlsafeB64(padWithSpaces(utf8, FERNET_KEY_BYTES)) : utf8;
    if (pythonUrlsafeB64Decode(keyText) === null) keyText = urlsafeB64(sha256(keyText));
  }
  const key = pythonUrlsafeB64Decode(keyText);
  return key?.length === FERNET_KEY_BYTES ? key : null;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Python's `base64.urlsafe_b64decode` (binascii.a2b_base64, non-strict): `-_` read as `+/`, other
 * characters outside the alphabet skipped, decoding stops at the first complete padding, and a
 * dangling quad is an error (null). Accepting what Python accepted keeps old keys deriving the same.
 */
export function pythonUrlsafeB64Decode(input: Buffer): Buffer | null {
  const out: number[] = [];
  let quadPos = 0;
  let left = 0;
  let pads = 0;
  for (const byte of input) {
    const char = byte === 0x2d ? '+' : byte === 0x5f ? '/' : String.fromCharCode(byte);
    if (char === '=') {
      pads += 1;
      if (quadPos >= 2 && quadPos + pads >= 4) return Buffer.from(out);
      continue;
    }
    const value = ALPHABET.indexOf(char);
    if (value < 0) continue;
    pads = 0;
    if (quadPos === 1) out.push(((left << 2) | (value >> 4)) & 0xff);
    if (quadPos === 2) out.push(((left << 4) | (value >> 2)) & 0xff);
    if (quadPos === 3) out.push(((left << 6) | value) & 0xff);
    left = quadPos === 0 ? value : value & (quadPos === 1 ? 0x0f : 0x03);
    quadPos = (quadPos + 1) % 4;
  }
  return quadPos === 0 ? Buffer.from(out) : null;
}

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

/** Python's urlsafe_b64encode: base64url with `=` padding. */
function urlsafeB64(data: Buffer): Buffer {
  return Buffer.from(data.toString('base64').replaceAll('+', '-').replaceAll('/', '_'), 'latin1');
}

function padWithSpaces(data: Buffer, length: number): Buffer {
  return data.length >= length ? data : Buffer.concat([data, Buffer.alloc(length - data.length, 0x20)]);
}
