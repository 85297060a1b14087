import { isIPv6 } from 'node:net';
import type { SmtpSettings } from '@reportmail/mailer';

/** What went wrong when verifying SMTP settings, stable for clients to switch on. */
export const SMTP_VERIFY_CODES = [
  'AUTH_FAILED',
  'TLS_MODE_MISMATCH',
  'STARTTLS_UNAVAILABLE',
  'CERTIFICATE',
  'CONNECTION_REFUSED',
  'HOST_NOT_FOUND',
  'TIMEOUT',
  'CONNECTION_CLOSED',
  'SERVER_REJECTED',
  'UNKNOWN',
] as const;
export type SmtpVerifyCode = (typeof SMTP_VERIFY_CODES)[number];

/** The settings form fields a hint can be about. */
export const SMTP_HINT_FIELDS = ['host', 'port', 'security', 'username', 'password'] as const;
export type SmtpHintField = (typeof SMTP_HINT_FIELDS)[number];

export type SmtpVerifyFailure = {
  code: SmtpVerifyCode;
  /** What the admin can change to make it work. */
  hint: string;
  /** The form field the hint is about, so a client can show it there; null when no one field is at fault. */
  field: SmtpHintField | null;
  /** The server's reply, or the network or TLS error, as text; never the password. */
  serverMessage: string;
};

export type HintSettings = Pick<SmtpSettings, 'host' | 'port' | 'security' | 'username' | 'password'>;

/** The parts of a nodemailer error the classification reads (see nodemailer's smtp-connection). */
type NodemailerError = {
  code?: string;
  /** The system or OpenSSL code behind nodemailer's own (`ECONNREFUSED`, `DEPTH_ZERO_SELF_SIGNED_CERT`…). */
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  /** `CONNECT_TIMEOUT`, `GREETING_TIMEOUT`, `SOCKET_TIMEOUT`. */
  timeoutType?: string;
  /** OpenSSL's short reason (`wrong version number`). */
  reason?: string;
  message?: string;
};

const TLS_PORTS = 'port 465 uses implicit TLS (security: tls); ports 587 and 25 use STARTTLS (security: starttls)';
const CERTIFICATE_CODES =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH/;
/** The certificate is fine but names another host (Node's `checkServerIdentity`: "Hostname/IP does not match"). */
const CERTIFICATE_NAME = /ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH|does not match certificate/i;
const NOT_TLS = /wrong version number|packet length too long|unknown protocol|WRONG_VERSION_NUMBER/i;
const GMAIL = /gmail|googlemail|google\.com|Application-specific password|5\.7\.9/i;
const SERVER_MESSAGE_MAX = 300;

/**
 * Turns a failed `transporter.verify()` into an actionable hint. Reads nodemailer's error shape:
 * `code` (EAUTH, ESOCKET, ETIMEDOUT, ECONNECTION, EDNS, ETLS…), `originalCode` for the system error,
 * `responseCode`/`response` for an SMTP reply and `timeoutType` for which wait ran out.
 */
export function smtpVerifyHint(error: unknown, settings: HintSettings): SmtpVerifyFailure {
  const smtp = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as NodemailerError;
  const code = classify(smtp, settings);
  return {
    code,
    hint: hintFor(code, smtp, settings),
    field: fieldFor(code, smtp),
    serverMessage: serverMessageOf(smtp, settings),
  };
}

function classify(smtp: NodemailerError, settings: HintSettings): SmtpVerifyCode {
  const text = `${smtp.originalCode ?? ''} ${smtp.reason ?? ''} ${smtp.message ?? ''}`;
  if (smtp.code === 'EAUTH' || smtp.responseCode === 535 || smtp.responseCode === 534) return 'AUTH_FAILED';
  if (smtp.code === 'ETLS' && smtp.command === 'STARTTLS' && smtp.responseCode) return 'STARTTLS_UNAVAILABLE';
  if (/does not support required STARTTLS/.test(text)) return 'STARTTLS_UNAVAILABLE';
  if (CERTIFICATE_CODES.test(smtp.originalCode ?? '') || /certificate/i.test(text)) return 'CERTIFICATE';
  if (NOT_TLS.test(text)) return 'TLS_MODE_MISMATCH';
  if (smtp.code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(text)) return 'HOST_NOT_FOUND';
  if (/ECONNREFUSED/.test(text)) return 'CONNECTION_REFUSED';
  if (smtp.code === 'ETIMEDOUT' || /ETIMEDOUT|EHOSTUNREACH|ENETUNREACH/.test(text)) return timeoutCode(smtp, settings);
  if (smtp.responseCode && smtp.responseCode >= 400) return 'SERVER_REJECTED';
  if (/ECONNRESET/.test(text) || smtp.code === 'ECONNECTION' || smtp.code === 'ETLS') {
    // A server that expects the other TLS mode often just hangs up on the first bytes.
    return wrongPortForMode(settings) ? 'TLS_MODE_MISMATCH' : 'CONNECTION_CLOSED';
  }
  return 'UNKNOWN';
}

/**
 * Connected but no SMTP greeting: the server is waiting for a TLS handshake (e.g. `starttls` or
 * `none` on 465). A timeout while still connecting is the network's (host, port, firewall).
 */
function timeoutCode(smtp: NodemailerError, settings: HintSettings): SmtpVerifyCode {
  const connected = smtp.timeoutType === 'GREETING_TIMEOUT' || smtp.timeoutType === 'SOCKET_TIMEOUT';
  if (connected && settings.security !== 'tls') return 'TLS_MODE_MISMATCH';
  return wrongPortForMode(settings) ? 'TLS_MODE_MISMATCH' : 'TIMEOUT';
}

const wrongPortForMode = ({ port, security }: HintSettings) =>
  (port === 465 && security !== 'tls') || ((port === 587 || port === 25) && security === 'tls');

function hintFor(code: SmtpVerifyCode, smtp: NodemailerError, settings: HintSettings): string {
  const where = isIPv6(settings.host) ? `[${settings.host}]:${settings.port}` : `${settings.host}:${settings.port}`;
  switch (code) {
    case 'AUTH_FAILED':
      return authHint(smtp, settings);
    case 'TLS_MODE_MISMATCH':
      return `The connection to ${where} failed with security "${settings.security}": ${TLS_PORTS}.`;
    case 'STARTTLS_UNAVAILABLE':
      return `${where} does not offer STARTTLS: ${TLS_PORTS}.`;
    case 'CERTIFICATE':
      // The certificate error itself is the serverMessage beside the hint: not repeated here.
      return `The TLS certificate of ${where} was not accepted: use the host name the certificate was issued for, or fix the server's certificate.`;
    case 'CONNECTION_REFUSED':
      return `Nothing accepts connections on ${where}: check the host and the port (${TLS_PORTS}).`;
    case 'HOST_NOT_FOUND':
      return `${settings.host} does not resolve: check the spelling of the mail server's name.`;
    case 'TIMEOUT':
      return `No answer from ${where}: check the host and the port, and that a firewall lets outgoing connections to that port through (many hosting providers block port 25).`;
    case 'CONNECTION_CLOSED':
      return `${where} closed the connection: check the port and the security setting (${TLS_PORTS}).`;
    case 'SERVER_REJECTED':
      return `The server refused the session (${smtp.responseCode}); its message below says why.`;
    case 'UNKNOWN':
      return 'The mail server could not be reached; the message below has the details.';
  }
}

/**
 * Which field the hint asks to change. A refused login is most often the password (the username is usually
 * the address itself); a certificate for another name means the host was typed differently from it, while a
 * self-signed or expired one is the server's to fix; a refused or silent connection points at the port (the
 * host resolved). SERVER_REJECTED and UNKNOWN name no field: the server's message is all there is.
 */
function fieldFor(code: SmtpVerifyCode, smtp: NodemailerError): SmtpHintField | null {
  switch (code) {
    case 'AUTH_FAILED':
      return 'password';
    case 'TLS_MODE_MISMATCH':
    case 'STARTTLS_UNAVAILABLE':
      return 'security';
    case 'CERTIFICATE':
      return CERTIFICATE_NAME.test(`${smtp.originalCode ?? ''} ${smtp.message ?? ''}`) ? 'host' : null;
    case 'HOST_NOT_FOUND':
      return 'host';
    case 'CONNECTION_REFUSED':
    case 'TIMEOUT':
    case 'CONNECTION_CLOSED':
      return 'port';
    case 'SERVER_REJECTED':
    case 'UNKNOWN':
      return null;
  }
}

function authHint(smtp: NodemailerError, settings: HintSettings): string {
  if (!settings.password) return 'A username is set but no password: enter the password for the mail account.';
  const base = 'The server rejected the username or password.';
  if (GMAIL.test(`${settings.host} ${smtp.response ?? ''}`)) {
    return `${base} Gmail and Google Workspace need an App Password (Google Account → Security → 2-Step Verification → App passwords), not the account's normal password.`;
  }
  return `${base} Check both; providers with two-step sign-in (Gmail, Google Workspace, Outlook) need an app password, and some need SMTP AUTH switched on for the mailbox.`;
}

/** The server's words (or the error's), one line, bounded, with the password and its encodings cut out. */
function serverMessageOf(smtp: NodemailerError, settings: HintSettings): string {
  const text = (smtp.response ?? smtp.reason ?? smtp.message ?? '').replace(/\s+/g, ' ').trim();
  return redactPassword(text, settings).slice(0, SERVER_MESSAGE_MAX);
}

/** A server may echo what it was sent: the password itself, base64 of it or of the AUTH PLAIN token. */
function redactPassword(text: string, { username, password }: HintSettings): string {
  if (!password) return text;
  const forms = [
    password,
    Buffer.from(password).toString('base64'),
    Buffer.from(`\u0000${username ?? ''}\u0000${password}`).toString('base64'),
  ];
  return forms.reduce((redacted, form) => redacted.split(form).join('[redacted]'), text);
}
