import { type Db, smtpSettings } from '@reportmail/db';
import { invalidField } from '@reportmail/errors';
import { SMTP_PASSWORD_CONTEXT } from '@reportmail/mailer';
import type { SecretBox } from '@reportmail/secrets';
import { eq } from 'drizzle-orm';
import { type DbExecutor, recordAudit } from '../audit.js';
import type { SmtpSettingsBody, SmtpSettingsReply } from './schemas.js';

export type SmtpSettingsRow = typeof smtpSettings.$inferSelect;

/** The one settings row (id 1), or undefined while SMTP is not configured. */
export async function readSmtpSettingsRow(db: DbExecutor): Promise<SmtpSettingsRow | undefined> {
  const [row] = await db.select().from(smtpSettings).where(eq(smtpSettings.id, 1));
  return row;
}

/** The settings as the API shows them: whether a password is saved, never the password or its ciphertext. */
export function smtpSettingsReplyOf(row: SmtpSettingsRow): SmtpSettingsReply {
  return {
    host: row.host,
    port: row.port,
    security: row.security,
    username: row.username,
    passwordSet: row.passwordCiphertext !== null,
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    adminAddress: row.adminAddress,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** Blank and null both mean "none". */
export const usernameOf = (value: string | null | undefined): string | null => value?.trim() || null;
export const givenPassword = (value: string | null | undefined): string | null => (value?.trim() ? value : null);

/** The saved password in clear text; one encrypted under a key SECRETS_KEY no longer holds must be entered again. */
export function decryptSavedPassword(ciphertext: string, secretBox: SecretBox): string {
  try {
    return secretBox.decrypt(ciphertext, SMTP_PASSWORD_CONTEXT);
  } catch {
    throw invalidField(
      'body.password',
      'the saved password can no longer be decrypted (SECRETS_KEY changed): enter it again',
    );
  }
}

const passwordRequired = () => invalidField('body.username', 'is required with a password (SMTP AUTH needs both)');
const passwordForOtherHost = () =>
  invalidField(
    'body.password',
    'must be entered again for a different host: the saved one is only sent to the saved host',
  );

/**
 * The password a request leaves in place. Omitted or blank keeps the saved one, but only for the saved
 * host: otherwise anyone able to change the host could have the write-only password sent to a server of
 * their own. No username means no SMTP AUTH, so the password goes too.
 */
export function passwordToUse(
  request: { username: string | null; password: string | null; host: string },
  saved: { host: string; password: () => string | null } | undefined,
): string | null {
  if (!request.username) {
    if (request.password) throw passwordRequired();
    return null;
  }
  if (request.password) return request.password;
  const savedPassword = saved?.password() ?? null;
  if (!saved || !savedPassword)
    throw invalidField('body.password', 'is required with a username (SMTP AUTH needs both)');
  if (saved.host !== request.host) throw passwordForOtherHost();
  return savedPassword;
}

/** Whether the saved ciphertext holds exactly this password (an undecryptable one holds nothing). */
function holds(ciphertext: string | null, password: string, secretBox: SecretBox): boolean {
  if (!ciphertext) return false;
  try {
    return secretBox.decrypt(ciphertext, SMTP_PASSWORD_CONTEXT) === password;
  } catch {
    return false;
  }
}

/** The ciphertext to store for a request, re-encrypted only when the password really changes. */
function nextPassword(
  request: { username: string | null; password: string | null; host: string },
  saved: SmtpSettingsRow | undefined,
  secretBox: SecretBox,
): { passwordCiphertext: string | null; passwordChanged: boolean } {
  const savedCiphertext = saved?.passwordCiphertext ?? null;
  const password = passwordToUse(
    request,
    saved && { host: saved.host, password: () => savedCiphertext && decryptSavedPassword(savedCiphertext, secretBox) },
  );
  if (request.password === null) {
    // Kept (same ciphertext) or dropped along with the username.
    return {
      passwordCiphertext: password === null ? null : savedCiphertext,
      passwordChanged: password === null && savedCiphertext !== null,
    };
  }
  if (holds(savedCiphertext, request.password, secretBox))
    return { passwordCiphertext: savedCiphertext, passwordChanged: false };
  return { passwordCiphertext: secretBox.encrypt(request.password, SMTP_PASSWORD_CONTEXT), passwordChanged: true };
}

const AUDITED_FIELDS = ['host', 'port', 'security', 'username', 'fromAddress', 'fromName', 'adminAddress'] as const;

/** Saves the one settings row and its `smtp.update` audit entry (changed field names, never values) together. */
export async function saveSmtpSettings(
  deps: { db: Db; secretBox: SecretBox },
  body: SmtpSettingsBody,
  actorId: string,
): Promise<SmtpSettingsRow> {
  return deps.db.transaction(async (tx) => {
    const before = await tx.select().from(smtpSettings).where(eq(smtpSettings.id, 1)).for('update');
    const saved = before[0];
    const values = {
      host: body.host,
      port: body.port,
      security: body.security,
      username: usernameOf(body.username),
      fromAddress: body.fromAddress,
      fromName: body.fromName,
      adminAddress: body.adminAddress,
    };
    const { passwordCiphertext, passwordChanged } = nextPassword(
      { username: values.username, password: givenPassword(body.password), host: values.host },
      saved,
      deps.secretBox,
    );
    const row = { ...values, passwordCiphertext, updatedAt: new Date(), updatedBy: actorId };
    const [written] = await tx
      .insert(smtpSettings)
      .values({ id: 1, ...row })
      .onConflictDoUpdate({ target: smtpSettings.id, set: row })
      .returning();
    const changed = AUDITED_FIELDS.filter((field) => saved?.[field] !== values[field]);
    await recordAudit(tx, {
      actorId,
      action: 'smtp.update',
      target: 'smtp_settings',
      details: { changed, passwordChanged },
    });
    return written as SmtpSettingsRow;
  });
}
