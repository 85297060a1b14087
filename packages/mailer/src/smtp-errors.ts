/** What a failed send means for the delivery. */
export type SmtpFailure =
  /** Worth retrying with backoff: the server or network said "not now". */
  | { kind: 'transient'; message: string }
  /** Retrying cannot help: fail at once (UnrecoverableError) with this message. */
  | { kind: 'permanent'; message: string }
  /** The message may have been delivered: record `unknown`, never resend automatically. */
  | { kind: 'unknown'; message: string };

type SmtpError = { code?: string; responseCode?: number; response?: string; command?: string; message?: string };

const NETWORK = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'EPROXY',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
]);
const CONFIGURATION = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ECONFIG', 'ETLS', 'EREQUIRETLS', 'EMAXRECIPIENTS']);

/**
 * Classifies a nodemailer failure. 5xx replies (but a 552 to RCPT TO, see below), authentication and
 * configuration errors are permanent; 4xx replies and network errors (timeouts, the session deadline
 * included) before the message went out are transient; a connection lost or timed out after the message
 * data was sent, before the server's reply, is unknown (it may have been delivered).
 *
 * `dataSent` must come from the sender itself (the raw message stream was fully read): nodemailer
 * labels a timeout while waiting for the final reply `command: 'CONN'`, so its error cannot tell.
 */
export function classifySmtpError(error: unknown, { dataSent }: { dataSent: boolean }): SmtpFailure {
  const smtp = (error ?? {}) as SmtpError;
  const reply = smtp.responseCode ? `SMTP ${smtp.responseCode}${smtp.response ? `: ${smtp.response}` : ''}` : '';
  const text = reply || `${smtp.code ?? 'Error'}: ${smtp.message ?? String(error)}`;
  if (smtp.responseCode === 552 && smtp.command === 'RCPT TO') {
    // RFC 5321 4.5.3.1.10: 552 to RCPT is RFC 821's old "too many recipients" (now 452), which clients
    // SHOULD treat as temporary; Postfix's client does the same.
    return { kind: 'transient', message: `${text} (552 to RCPT TO counts as 452)` };
  }
  if (smtp.responseCode && smtp.responseCode >= 500) return { kind: 'permanent', message: text };
  if (smtp.responseCode && smtp.responseCode >= 400) return { kind: 'transient', message: text };
  if (smtp.code && CONFIGURATION.has(smtp.code)) return { kind: 'permanent', message: text };
  if (smtp.code === 'EENVELOPE') return { kind: 'permanent', message: text };
  if (smtp.code && NETWORK.has(smtp.code)) {
    return dataSent
      ? { kind: 'unknown', message: `${text} (after the message data was sent)` }
      : { kind: 'transient', message: text };
  }
  return { kind: 'transient', message: text };
}
