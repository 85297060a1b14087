import { AppError } from '@reportmail/errors';
import { DateTime } from 'luxon';

/**
 * The clocks the old system wrote naive timestamps in. `utc`: datetime.utcnow() (payments, created_at,
 * revoked_at). `manila`: its fixed UTC+8 "now" (last_sent_at, sent_at), an offset and not the IANA zone,
 * which is the same thing for Manila (no DST since 1978).
 */
export const OLD_CLOCKS = { utc: '+00:00', manila: '+08:00' } as const;
export type OldClock = keyof typeof OLD_CLOCKS;

const NAIVE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?$/;

/**
 * A naive timestamp read as a wall clock of `clock`, as ISO 8601 text with that explicit offset
 * (microseconds kept), for PostgreSQL to store as timestamptz. Null stays null; anything else that is
 * not a timestamp stops the import and names the row, since a guessed instant would misplace money.
 */
export function naiveToInstant(value: unknown, clock: OldClock, where: string): string | null {
  if (value === null || value === undefined) return null;
  const match = NAIVE.exec(String(value).trim());
  const [, date, minutes, seconds = '00', fraction = ''] = match ?? [];
  const iso = `${date}T${minutes}:${seconds}.${fraction.padEnd(6, '0')}${OLD_CLOCKS[clock]}`;
  if (!match || !DateTime.fromISO(iso, { setZone: true }).isValid) {
    throw new AppError('VALIDATION', `${where}: "${String(value)}" is not a timestamp (YYYY-MM-DD HH:MM:SS)`);
  }
  return iso;
}

/** A date column as YYYY-MM-DD (a local date: the old system's server-local day), or null. */
export function oldDate(value: unknown, where: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value);
  if (!DateTime.fromISO(text).isValid || !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    throw new AppError('VALIDATION', `${where}: "${text}" is not a date (YYYY-MM-DD)`);
  }
  return text;
}
