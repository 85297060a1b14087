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

/** Whether the username and password were tried: `not_tested` when the server offers no login at all. */
export type SmtpLoginOutcome = 'accepted' | 'not_tested' | 'not_used';
export type SmtpVerifyResult =
  | { ok: true; login: SmtpLoginOutcome; note: string | null }
  | ({ ok: false } & SmtpVerifyFailure);

/** What a server that knows no AUTH answers to one: "command not recognized / not implemented". */
const NO_AUTH_REPLIES = new Set([500, 502, 503, 504]);
const LOGIN_NOT_TESTED =
  'Connected, but the server offers no login (AUTH), so the username and password were not tested: mail ' +
  'will go out without them. That is right for a relay that trusts this machine; if your provider needs a ' +
  'login, it usually offers AUTH only after STARTTLS (port 587) or with TLS (port 465): check the security setting.';

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
  // nodemailer skips the login where the server offers no AUTH, and would answer ok: force it to try.
  const transport = createSmtpTransport(settings, timeouts, { forceAuth: Boolean(settings.username) });
  try {
    await transport.verify();
    return { ok: true, login: settings.username ? 'accepted' : 'not_used', note: null };
  } catch (error) {
    if (isAuthNotOffered(error)) return { ok: true, login: 'not_tested', note: LOGIN_NOT_TESTED };
    return { ok: false, ...smtpVerifyHint(error, settings) };
  } finally {
    transport.close();
  }
}

/** The login was refused as an unknown command (not as bad credentials): the server has no AUTH. */
function isAuthNotOffered(error: unknown): boolean {
  const { code, command, responseCode } = (error ?? {}) as {
    code?: unknown;
    command?: unknown;
    responseCode?: unknown;
  };
  return (
    code === 'EAUTH' &&
    typeof command === 'string' &&
    command.startsWith('AUTH') &&
    typeof responseCode === 'number' &&
    NO_AUTH_REPLIES.has(responseCode)
  );
}
