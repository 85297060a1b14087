import { z } from '@reportmail/config';
import { weekday as weekdayEnum } from '@reportmail/db';
import { DateTime } from 'luxon';
import { type OldSecret, type OldSmtpSettings, openOldSecret } from './old-settings.js';

export const IMPORTED_SCHEDULE_NAME = 'Sales report (imported from the old system)';
/** The API's limit for one schedule's recipients. */
const MAX_RECIPIENTS = 50;
const OLD_FREQUENCIES = ['daily', 'every_3_days', 'weekly'] as const;
const emailAddress = z.email();

export type SettingsPlan = {
  smtp: { host: string; port: number; security: 'none' | 'starttls' | 'tls'; username: string; fromAddress: string };
  /** In clear text, in memory only, until it is sealed with our SecretBox; null leaves passwordSet false. */
  password: string | null;
  schedule: {
    name: string;
    enabled: boolean;
    frequency: (typeof OLD_FREQUENCIES)[number];
    sendTime: string;
    timezone: string;
    /** every_3_days only: runs are counted from it. */
    anchorDate: string | null;
    /** weekly only: the day it runs on. */
    weekday: (typeof weekdayEnum.enumValues)[number] | null;
    periodMode: 'previous_days' | 'to_date';
    recipientsTo: string[];
    lastSentAt: string | null;
  };
  notices: string[];
};

export type PlanOptions = {
  /** The old Fernet key; undefined when none was given, null when the given one could not have worked. */
  key: Buffer | null | undefined;
  timezone: string;
  periodMode: 'previous_days' | 'to_date';
  /** The import's own instant (ISO): today's date for an anchor when the old row never sent. */
  importedAt: string;
};

/** Our SMTP settings and one schedule from the old row; every change of meaning is a notice. */
export function planSettings(old: OldSmtpSettings, options: PlanOptions): SettingsPlan {
  const notices: string[] = [];
  const password = secretText(openOldSecret(old.passwordStored, options.key), 'password', notices);
  const recipients = recipientList(openOldSecret(old.recipientsStored, options.key), notices);
  const frequency = frequencyOf(old.frequency, notices);
  const enabled = old.enabled && recipients.length > 0 && password !== null;
  if (old.enabled && !enabled) {
    notices.push('The schedule is imported switched off: enable it once the password and recipients are set.');
  }
  return {
    smtp: { ...serverOf(old, notices), username: old.emailAddress.trim(), fromAddress: old.emailAddress.trim() },
    password,
    schedule: {
      name: IMPORTED_SCHEDULE_NAME,
      enabled,
      frequency,
      sendTime: old.sendTime ?? '09:00',
      timezone: options.timezone,
      ...rhythmOf(frequency, localDate(old.lastSentAt ?? options.importedAt, options.timezone)),
      periodMode: options.periodMode,
      recipientsTo: recipients,
      lastSentAt: old.lastSentAt,
    },
    notices,
  };
}

/** The old system always used STARTTLS when use_tls was on; port 465 can only have worked as implicit TLS. */
function serverOf(old: OldSmtpSettings, notices: string[]): Pick<SettingsPlan['smtp'], 'host' | 'port' | 'security'> {
  const port = old.port ?? 587;
  const host = old.server.trim().toLowerCase();
  if (port === 465) {
    notices.push('Port 465 speaks implicit TLS: imported with security "tls" (the old system could only STARTTLS).');
    return { host, port, security: 'tls' };
  }
  return { host, port, security: old.useTls === false ? 'none' : 'starttls' };
}

function secretText(secret: OldSecret, what: string, notices: string[]): string | null {
  if (secret.kind === 'decrypted') return secret.value;
  if (secret.kind === 'plaintext') {
    notices.push(`The old ${what} was stored unencrypted (the old system had no usable key); it is now encrypted.`);
    return secret.value;
  }
  if (secret.kind === 'no-key') {
    notices.push(`The old ${what} is encrypted and no old key was given (--old-key or --old-secret-key).`);
  }
  if (secret.kind === 'wrong-key') {
    notices.push(
      `The old key does not decrypt the ${what}: it is the wrong key (check EMAIL_ENCRYPTION_KEY / SECRET_KEY).`,
    );
  }
  if (what === 'password' && secret.kind !== 'empty') {
    notices.push('The SMTP password is not set: enter it with PUT /v1/smtp-settings.');
  }
  return null;
}

/** The old comma-joined list: trimmed, lower-cased, valid and each once; at most the API's limit. */
function recipientList(secret: OldSecret, notices: string[]): string[] {
  const text = secretText(secret, 'recipient list', notices);
  if (text === null) {
    if (secret.kind !== 'empty') notices.push('The schedule has no recipients: add them with PUT /v1/schedules/{id}.');
    return [];
  }
  const all = [...new Set(text.split(',').map((address) => address.trim().toLowerCase()))].filter(Boolean);
  const valid = all.filter((address) => emailAddress.safeParse(address).success);
  if (valid.length < all.length)
    notices.push(`${all.length - valid.length} recipient address(es) were not valid and were left out.`);
  if (valid.length > MAX_RECIPIENTS) notices.push(`Only the first ${MAX_RECIPIENTS} recipients were kept.`);
  return valid.slice(0, MAX_RECIPIENTS);
}

/** The old system never validated it: anything else ran as daily (86,400 s, a one-day period). */
function frequencyOf(raw: string | null, notices: string[]): SettingsPlan['schedule']['frequency'] {
  const value = (raw ?? 'daily').trim().toLowerCase();
  const known = OLD_FREQUENCIES.find((frequency) => frequency === value);
  if (known) return known;
  notices.push(`The old frequency "${raw}" was not one it knew, so it ran daily: imported as daily.`);
  return 'daily';
}

/**
 * The old system ran every N days from its last send: every_3_days counts from that day and weekly runs on
 * its weekday, so the old rhythm goes on.
 */
function rhythmOf(
  frequency: SettingsPlan['schedule']['frequency'],
  lastDay: string,
): Pick<SettingsPlan['schedule'], 'anchorDate' | 'weekday'> {
  if (frequency === 'every_3_days') return { anchorDate: lastDay, weekday: null };
  if (frequency === 'weekly') {
    // The enum is declared Monday first: luxon's ISO weekday (1–7) indexes it.
    const weekday = weekdayEnum.enumValues[DateTime.fromISO(lastDay, { zone: 'UTC' }).weekday - 1] ?? null;
    return { anchorDate: null, weekday };
  }
  return { anchorDate: null, weekday: null };
}

function localDate(instant: string, timezone: string): string {
  return DateTime.fromISO(instant, { zone: timezone }).toISODate() as string;
}
