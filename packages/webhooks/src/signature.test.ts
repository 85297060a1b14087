import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './signature.js';

const SECRET = 'whsec-0123456789abcdefghijklmn';
const BODY = '{"type":"report.delivered","total":"1800.00"}';
const AT = 1_772_500_000;
const now = new Date(AT * 1000);

describe('webhook signatures', () => {
  it('is v1= and the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', SECRET).update(`${AT}.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, AT, BODY)).toBe(`v1=${expected}`);
  });

  it.each([
    ['the signed request', SECRET, String(AT), BODY, 'valid'],
    ['a changed body', SECRET, String(AT), BODY.replace('1800', '1900'), 'invalid'],
    ['a changed timestamp', SECRET, String(AT + 1), BODY, 'invalid'],
    ['another secret', `${SECRET}x`, String(AT), BODY, 'invalid'],
    ['no timestamp', SECRET, undefined, BODY, 'invalid'],
  ] as const)('checks %s as %s', (_what, secret, timestamp, body, check) => {
    const signature = signWebhook(SECRET, AT, BODY);
    expect(verifyWebhookSignature({ secret, timestamp, signature, body, now })).toBe(check);
  });

  it('refuses a genuine signature older or newer than five minutes (a replay)', () => {
    const signature = signWebhook(SECRET, AT, BODY);
    const at = (seconds: number) => new Date((AT + seconds) * 1000);
    const checks = [300, 301, -301].map((offset) =>
      verifyWebhookSignature({ secret: SECRET, timestamp: String(AT), signature, body: BODY, now: at(offset) }),
    );
    expect(checks).toEqual(['valid', 'expired', 'expired']);
  });
});
