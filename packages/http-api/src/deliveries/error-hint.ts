import type { Delivery } from '@reportmail/ledger';
import { smtpVerifyHint } from '../smtp/hints.js';
import type { SmtpSettingsRow } from '../smtp/settings-store.js';

export const UNKNOWN_OUTCOME_HINT =
  'The connection broke after the message had been handed over, so it may have arrived: ask a recipient ' +
  'before resending, or they may get it twice.';

export const OUTBOX_HINT =
  'The mail worker could not save the email in its outbox folder (OUTBOX_DIR): check that the folder ' +
  'exists, that the service may write to it and that the disk has room, or configure a mail server.';

/** What to change after a webhook's failed post, by the HTTP status it got (null: no answer). */
export function webhookErrorHint(row: Pick<Delivery, 'status' | 'channel' | 'responseStatus'>): string | null {
  if (row.status === 'unknown') {
    return 'The Slack request went out but no answer came, so it may have been posted: look in the channel before resending.';
  }
  const status = row.responseStatus;
  if (status === 404 || status === 410 || status === 403) {
    return row.channel === 'slack'
      ? 'Slack no longer takes this URL (the webhook was removed, or its channel archived): create a new incoming webhook and paste its URL in the schedule.'
      : 'The receiver refused or does not know this URL: check the URL in the schedule, then resend.';
  }
  if (status === 401)
    return 'The receiver refused the request: check that it holds the same signing secret as the schedule.';
  if (status !== null && status >= 400 && status < 500) {
    return 'The receiver refused the request as sent (4xx answers are not retried): see its answer above, fix it, then resend.';
  }
  return 'The receiver did not answer, or answered with a server error, through every retry: check that it is up, then resend.';
}

/** What the mail worker appends to an SMTP failure (packages/mailer classifySmtpError, mail-worker). */
const SUFFIXES = / \((?:gave up after \d+ attempts|after the message data was sent)\)/g;
/** `SMTP 535: 5.7.8 Username and Password not accepted`: the server's reply code and text. */
const SMTP_REPLY = /^SMTP (\d{3})(?:: ([\s\S]*))?$/;
/** `ESOCKET: connect ECONNREFUSED 127.0.0.1:2525`: nodemailer's error code and message. */
const ERROR_CODE = /^([A-Z][A-Z0-9_]*): ([\s\S]*)$/;

type NodemailerShape = { code?: string; responseCode?: number; response?: string; message: string };

/** The nodemailer error a ledger `errorMessage` was written from, or null when it is not a mail error. */
function mailErrorOf(errorMessage: string): NodemailerShape | null {
  const text = errorMessage.replace(SUFFIXES, '');
  const reply = SMTP_REPLY.exec(text);
  if (reply) {
    const response = reply[2] ?? '';
    return { responseCode: Number(reply[1]), response, message: response };
  }
  const coded = ERROR_CODE.exec(text);
  return coded ? { code: coded[1], message: coded[2] ?? '' } : null;
}

/**
 * What to change after a failed send, in the words the mail settings screen uses for the same errors
 * (smtp/hints.ts), said against the settings saved now: those are what the next send uses. Null when
 * the message is not a mail error (a delivery that could not be built says what is missing itself).
 */
export function deliveryErrorHint(
  row: Pick<Delivery, 'status' | 'errorMessage'> & Partial<Pick<Delivery, 'channel' | 'responseStatus'>>,
  smtp: SmtpSettingsRow | null,
): string | null {
  if (!row.errorMessage) return null;
  if (row.channel && row.channel !== 'email') {
    return row.status === 'sending'
      ? null
      : webhookErrorHint({ ...row, channel: row.channel, responseStatus: row.responseStatus ?? null });
  }
  if (row.status === 'unknown') return UNKNOWN_OUTCOME_HINT;
  if (row.errorMessage.startsWith('Outbox: ')) return OUTBOX_HINT;
  const error = mailErrorOf(row.errorMessage);
  if (!error || !smtp) return null;
  // The hint only asks whether a password is saved (never what it is): the ciphertext stands in for it.
  const settings = { ...smtp, password: smtp.passwordCiphertext };
  return smtpVerifyHint(error, settings).hint;
}
