import { invalidField } from '@reportmail/errors';
import { createSmtpTransport, type SmtpSettings, type SmtpTimeouts } from '@reportmail/mailer';
import type { SecretBox } from '@reportmail/secrets';
import { type SmtpVerifyFailure, smtpVerifyHint } from './hints.js';
import type { SmtpVerifyBody } from './schemas.js';
import {
  decryptSavedPassword,
  givenPassword,
  passwordToUse,
  type SmtpSettingsRow,
  usernameOf,
} from './settings-store.js';

/** An admin is waiting for the answer: fail in seconds, not after the sender's long timeouts. */
export const VERIFY_TIMEOUTS: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 15_000 };

export type SmtpVerifyResult = { ok: true } | ({ ok: false } & SmtpVerifyFailure);

const requiredWithoutSaved = (field: string) =>
  invalidField(`body.${field}`, 'is required: SMTP is not configured yet, so there are no saved settings to test');

/** The saved settings with what the request gives laid over them (blank password: the saved one). */
export function settingsToVerify(
  body: SmtpVerifyBody,
  saved: SmtpSettingsRow | undefined,
  secretBox: SecretBox,
): SmtpSettings {
  const host = body.host ?? saved?.host;
  const port = body.port ?? saved?.port;
  const security = body.security ?? saved?.security;
  if (host === undefined) throw requiredWithoutSaved('host');
  if (port === undefined) throw requiredWithoutSaved('port');
  if (security === undefined) throw requiredWithoutSaved('security');
  const username = body.username === undefined ? (saved?.username ?? null) : usernameOf(body.username);
  const savedCiphertext = saved?.passwordCiphertext ?? null;
  const password = passwordToUse(
    { username, password: givenPassword(body.password), host },
    saved && { host: saved.host, password: () => savedCiphertext && decryptSavedPassword(savedCiphertext, secretBox) },
  );
  return {
    host,
    port,
    security,
    username,
    password,
    fromAddress: body.fromAddress ?? saved?.fromAddress ?? '',
    fromName: body.fromName ?? saved?.fromName ?? '',
    adminAddress: body.adminAddress === undefined ? (saved?.adminAddress ?? null) : body.adminAddress,
  };
}

/** Connects, upgrades to TLS as configured and logs in (nodemailer's verify), then hangs up. */
export async function verifySmtpConnection(
  settings: SmtpSettings,
  timeouts: SmtpTimeouts = VERIFY_TIMEOUTS,
): Promise<SmtpVerifyResult> {
  const transport = createSmtpTransport(settings, timeouts);
  try {
    await transport.verify();
    return { ok: true };
  } catch (error) {
    return { ok: false, ...smtpVerifyHint(error, settings) };
  } finally {
    transport.close();
  }
}
