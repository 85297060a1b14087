import { type Db, SMTP_PASSWORD_CONTEXT, smtpSettings } from '@reportmail/db';
import type { SecretBox } from '@reportmail/secrets';
import { eq } from 'drizzle-orm';

export { SMTP_PASSWORD_CONTEXT };

/** The outgoing mail server, with its password decrypted: keep it in memory only, never log it. */
export type SmtpSettings = {
  host: string;
  port: number;
  security: 'none' | 'starttls' | 'tls';
  username: string | null;
  password: string | null;
  fromAddress: string;
  fromName: string;
  /** Where failure notices go; null sends none. */
  adminAddress: string | null;
};

/** Reads the one settings row and decrypts its password, or null while SMTP is not configured. */
export async function loadSmtpSettings(db: Db, secrets: SecretBox): Promise<SmtpSettings | null> {
  const [row] = await db.select().from(smtpSettings).where(eq(smtpSettings.id, 1));
  if (!row) return null;
  return {
    host: row.host,
    port: row.port,
    security: row.security,
    username: row.username,
    password: row.passwordCiphertext ? secrets.decrypt(row.passwordCiphertext, SMTP_PASSWORD_CONTEXT) : null,
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    adminAddress: row.adminAddress,
  };
}

/** Who an email is from and where failure notices go: the SMTP settings' values, or the outbox's. */
export type MailSender = Pick<SmtpSettings, 'fromName' | 'fromAddress' | 'adminAddress'>;
