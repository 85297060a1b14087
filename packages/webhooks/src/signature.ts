import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers every generic webhook request carries (names as sent; HTTP reads them in any case). */
export const WEBHOOK_HEADERS = {
  /** The ledger row: the same on every retry of one delivery, so a receiver can drop repeats. */
  delivery: 'X-Reportmail-Delivery',
  /** Unix seconds when this attempt was signed. */
  timestamp: 'X-Reportmail-Timestamp',
  /** `v1=` and the hex HMAC-SHA256, keyed with the webhook's signing secret, of `<timestamp>.<body>`. */
  signature: 'X-Reportmail-Signature',
} as const;

/** Who every webhook request says it comes from. */
export const WEBHOOK_USER_AGENT = 'reportmail-webhooks/1';

/** The headers of one signed attempt of a generic webhook: its delivery id, the instant, the signature. */
export function signedHeaders(
  secret: string,
  deliveryId: string,
  body: string,
  now = new Date(),
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'User-Agent': WEBHOOK_USER_AGENT,
    [WEBHOOK_HEADERS.delivery]: deliveryId,
    [WEBHOOK_HEADERS.timestamp]: String(timestamp),
    [WEBHOOK_HEADERS.signature]: signWebhook(secret, timestamp, body),
  };
}

/** How old a signed timestamp a receiver should still accept (a replay window, not a clock-skew guess). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** `v1=<hex>`: HMAC-SHA256 over the timestamp, a dot and the exact body bytes. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export type SignatureCheck = 'valid' | 'invalid' | 'expired';

/**
 * What a receiver does with a request: recompute the signature over the raw body it got (before any JSON
 * parsing), compare in constant time, and refuse timestamps older (or newer) than the tolerance.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
  now?: Date;
  toleranceSeconds?: number;
}): SignatureCheck {
  const timestamp = Number(input.timestamp);
  if (!input.signature || !Number.isSafeInteger(timestamp)) return 'invalid';
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body));
  const given = Buffer.from(input.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  return Math.abs(nowSeconds - timestamp) > tolerance ? 'expired' : 'valid';
}
