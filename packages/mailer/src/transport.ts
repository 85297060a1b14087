import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SmtpSettings } from './settings.js';

export type SmtpTransport = Transporter;

export type SmtpTimeouts = {
  /** TCP (and implicit TLS) connection. */
  connectionMs: number;
  /**
   * The server's greeting after connecting. nodemailer times it with a timer of its own that incoming
   * bytes do not restart, so a greeting trickled a byte at a time still fails after this long.
   */
  greetingMs: number;
  /** Any silence on an open connection, including the wait for the reply to the message data. */
  socketMs: number;
  /**
   * The whole session, from connecting to the final reply (a send only). `socketMs` restarts with every
   * byte, so a server trickling a byte a second would otherwise hold a send open for good.
   */
  sessionMs?: number;
};

export const DEFAULT_SMTP_TIMEOUTS: Required<SmtpTimeouts> = {
  connectionMs: 30_000,
  greetingMs: 30_000,
  socketMs: 120_000,
  sessionMs: 300_000,
};

/**
 * How to reach the server: implicit TLS for `tls` (port 465), STARTTLS required for `starttls` (never falls
 * back to plain text), no TLS for `none`; bounded timeouts instead of nodemailer's 10-minute default. The
 * same options drive the verify (a transport) and every send (an SMTPConnection).
 */
export function smtpConnectionOptions(settings: SmtpSettings, timeouts: SmtpTimeouts): SMTPConnection.Options {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    logger: false,
    debug: false,
  };
}

/** A nodemailer SMTP transport for the settings (used to verify them: connect and log in, send nothing). */
export function createSmtpTransport(
  settings: SmtpSettings,
  timeouts: SmtpTimeouts = DEFAULT_SMTP_TIMEOUTS,
  /** `forceAuth`: log in even where the server offers no AUTH (a verify that must test the login). */
  options: { forceAuth?: boolean } = {},
): Transporter {
  return nodemailer.createTransport({
    ...smtpConnectionOptions(settings, timeouts),
    auth: settings.username ? { user: settings.username, pass: settings.password ?? '' } : undefined,
    forceAuth: options.forceAuth ?? false,
  });
}
