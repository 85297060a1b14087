import { decryptFernet, looksLikeFernetToken } from './fernet.js';
import { naiveToInstant } from './naive-time.js';
import type { OldDatabase } from './source.js';

/** The old `smtp_settings` row, with its naive last_sent_at already an instant. */
export type OldSmtpSettings = {
  id: number;
  server: string;
  port: number | null;
  emailAddress: string;
  passwordStored: Buffer | null;
  recipientsStored: Buffer | null;
  useTls: boolean | null;
  enabled: boolean;
  /** `HH:MM`. */
  sendTime: string | null;
  frequency: string | null;
  lastSentAt: string | null;
};

export type OldSettingsRead = { settings: OldSmtpSettings | null; rows: number; emailReports: number };

/** The first row, as the old system's `query.first()` took it, and how many there were. */
export async function readOldSettings(source: OldDatabase): Promise<OldSettingsRead> {
  const has = await source.columns('smtp_settings');
  if (has.size === 0) return { settings: null, rows: 0, emailReports: 0 };
  const recipients = has.has('recipient_emails_encrypted') ? 'recipient_emails_encrypted' : 'null';
  const query = `select id, smtp_server, smtp_port, email_address, email_password_encrypted, use_tls, is_enabled,
      ${source.expr.timeOfDay('auto_send_time')} as auto_send_time, frequency,
      ${recipients} as recipient_emails_encrypted, ${source.expr.naive('last_sent_at')} as last_sent_at
    from smtp_settings order by id`;
  const rows = [];
  for await (const batch of source.batches(query, 100)) rows.push(...batch);
  const emailReports = (await source.columns('email_report')).size === 0 ? 0 : await countRows(source, 'email_report');
  const [first] = rows;
  if (!first) return { settings: null, rows: 0, emailReports };
  const settings: OldSmtpSettings = {
    id: Number(first.id),
    server: String(first.smtp_server),
    port: first.smtp_port === null ? null : Number(first.smtp_port),
    emailAddress: String(first.email_address),
    passwordStored: bytes(first.email_password_encrypted),
    recipientsStored: bytes(first.recipient_emails_encrypted),
    useTls: first.use_tls === null ? null : first.use_tls === true || first.use_tls === 1,
    enabled: first.is_enabled === true || first.is_enabled === 1,
    sendTime: first.auto_send_time === null ? null : String(first.auto_send_time),
    frequency: first.frequency === null ? null : String(first.frequency),
    lastSentAt: naiveToInstant(first.last_sent_at, 'manila', `smtp_settings id ${first.id} last_sent_at`),
  };
  return { settings, rows: rows.length, emailReports };
}

async function countRows(source: OldDatabase, table: string): Promise<number> {
  for await (const [row] of source.batches(`select count(*) as count from ${table}`, 1)) return Number(row?.count);
  return 0;
}

/** LargeBinary is a BLOB / bytea; a value someone wrote as text is read as its UTF-8 bytes. */
function bytes(value: unknown): Buffer | null {
  if (value === null || value === undefined) return null;
  return Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'utf8');
}

/** What became of one of the old system's encrypted values. */
export type OldSecret =
  | { kind: 'empty' }
  | { kind: 'decrypted' | 'plaintext'; value: string }
  | { kind: 'no-key' | 'wrong-key' };

/**
 * Opens a value the old system encrypted with Fernet. `key` undefined: no old key was given; null: one
 * was given but the old system could not have built a cipher from it. A value that is not a token was
 * stored as plaintext (the old system did so whenever it had no usable key) and is read the same way.
 */
export function openOldSecret(stored: Buffer | null, key: Buffer | null | undefined): OldSecret {
  if (!stored || stored.length === 0) return { kind: 'empty' };
  if (!looksLikeFernetToken(stored)) return { kind: 'plaintext', value: stored.toString('utf8') };
  if (key === undefined) return { kind: 'no-key' };
  if (key === null) return { kind: 'wrong-key' };
  const outcome = decryptFernet(stored, key);
  return outcome.ok ? { kind: 'decrypted', value: outcome.plaintext.toString('utf8') } : { kind: 'wrong-key' };
}
