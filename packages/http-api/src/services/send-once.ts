import { createHash } from 'node:crypto';
import { AppError } from '@reportmail/errors';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** How long an Idempotency-Key keeps its answer, and how long a send-now answers for a repeat press. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
export const SEND_NOW_WINDOW_SECONDS = 60;
/** Queueing a send takes well under this; a request whose process died mid-way frees its key after it. */
const PENDING_TTL_SECONDS = 120;
/** Printable ASCII, as in the IETF draft and the payment APIs that use the header. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Set on a reply that repeats an earlier answer instead of sending again. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/** The send routes' headers: other headers pass untouched. */
export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY, 'must be 1 to 255 printable characters, e.g. a UUID')
    .optional()
    .describe(
      `Repeating a send with the same key (for ${IDEMPOTENCY_TTL_SECONDS / 3600} h) answers as the first time, ` +
        `with \`${REPLAYED_HEADER}: true\`, and sends nothing more; the same key with another request is a 409`,
    ),
});

type Stored<T> = { state: 'pending'; fingerprint: string } | { state: 'done'; fingerprint: string; value: T };

export type Reservation = {
  /** Redis key (already prefixed). */
  key: string;
  /** What the request asked for: a repeat asking for something else is refused, not answered. */
  fingerprint: string;
  ttlSeconds: number;
  /** Why a repeat with another fingerprint is refused (null: any repeat gets the first answer). */
  mismatch: string | null;
};

/**
 * Runs `work` once per reservation: a repeat within its time gets the first answer (`replayed`), a repeat
 * while the first is still running gets 409, and a failed first try frees the reservation for a retry.
 * The reservation is taken with SET NX, so two presses at the same instant cannot both send.
 */
export async function runOnce<T>(
  redis: Redis,
  reservation: Reservation,
  work: () => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  const { key, fingerprint, ttlSeconds } = reservation;
  const pending: Stored<T> = { state: 'pending', fingerprint };
  const taken = await redis.set(key, JSON.stringify(pending), 'EX', Math.min(ttlSeconds, PENDING_TTL_SECONDS), 'NX');
  if (taken !== 'OK') return { value: await earlierAnswer<T>(redis, reservation), replayed: true };
  try {
    const value = await work();
    const done: Stored<T> = { state: 'done', fingerprint, value };
    await redis.set(key, JSON.stringify(done), 'EX', ttlSeconds);
    return { value, replayed: false };
  } catch (error) {
    await redis.del(key);
    throw error;
  }
}

async function earlierAnswer<T>(redis: Redis, reservation: Reservation): Promise<T> {
  const raw = await redis.get(reservation.key);
  const stored = raw ? (JSON.parse(raw) as Stored<T>) : null;
  if (stored && reservation.mismatch && stored.fingerprint !== reservation.fingerprint) {
    throw new AppError('CONFLICT', reservation.mismatch);
  }
  if (stored?.state !== 'done') {
    throw new AppError('CONFLICT', 'The same send is being queued right now: look for it in the delivery log');
  }
  return stored.value;
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/** The reservation an `Idempotency-Key` header names, per user; null without the header. */
export function idempotencyReservation(
  prefix: string,
  input: { userId: string; header: string | string[] | undefined; route: string; body: unknown },
): Reservation | null {
  if (input.header === undefined) return null;
  const key = Array.isArray(input.header) ? input.header.join(',') : input.header;
  return {
    key: `${prefix}:idempotency:${input.userId}:${digest(key)}`,
    fingerprint: digest(`${input.route}\n${JSON.stringify(input.body ?? null)}`),
    ttlSeconds: IDEMPOTENCY_TTL_SECONDS,
    mismatch: 'This Idempotency-Key was already used for another request: use a new key for a new send',
  };
}

/** One send-now per schedule and period within the window, whoever presses (unless `force`). */
export function sendNowReservation(
  prefix: string,
  input: { scheduleId: string; period: { start: Date; end: Date } },
): Reservation {
  const period = `${input.period.start.toISOString()}/${input.period.end.toISOString()}`;
  return {
    key: `${prefix}:send-now:${input.scheduleId}:${period}`,
    fingerprint: period,
    ttlSeconds: SEND_NOW_WINDOW_SECONDS,
    mismatch: null,
  };
}

/** Runs `work` under each reservation in turn (outermost first); replayed when any of them answered. */
export async function runOnceUnder<T>(
  redis: Redis,
  reservations: (Reservation | null)[],
  work: () => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  const [outer, ...inner] = reservations;
  if (reservations.length === 0) return { value: await work(), replayed: false };
  if (!outer) return runOnceUnder(redis, inner, work);
  let innerReplayed = false;
  const result = await runOnce(redis, outer, async () => {
    const answer = await runOnceUnder(redis, inner, work);
    innerReplayed = answer.replayed;
    return answer.value;
  });
  return { value: result.value, replayed: result.replayed || innerReplayed };
}
