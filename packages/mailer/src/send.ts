import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { ComposedMessage } from './compose.js';
import type { SmtpSettings } from './settings.js';
import { classifySmtpError, type SmtpFailure } from './smtp-errors.js';
import { DEFAULT_SMTP_TIMEOUTS, type SmtpTimeouts, smtpConnectionOptions } from './transport.js';

export type SentMessage = { accepted: string[]; rejected: string[]; response: string };

/** A failed send, classified: retry it (`transient`), give up (`permanent`), or never resend (`unknown`). */
export class SendFailure extends Error {
  readonly failure: SmtpFailure;

  constructor(failure: SmtpFailure, cause: unknown) {
    super(failure.message, { cause });
    this.name = 'SendFailure';
    this.failure = failure;
  }
}

export type SendHooks = {
  /**
   * Runs once the server has accepted DATA (354), before the first byte of the message goes out; the data
   * waits for it, and when it fails no data is sent (the send fails as a transient error).
   */
  beforeData?: () => Promise<void>;
};

/**
 * The message bytes, asked for by nodemailer's SMTPConnection only after the server accepted DATA, and
 * held back until `beforeData` has run.
 */
function dataAfter(bytes: Buffer, beforeData: SendHooks['beforeData']): Readable {
  let asked = false;
  return new Readable({
    read() {
      if (asked) return;
      asked = true;
      Promise.resolve(beforeData?.()).then(
        () => {
          this.push(bytes);
          this.push(null);
        },
        (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
}

/**
 * One SMTP session as nodemailer's SMTP transport runs it (connect, STARTTLS as configured, log in when the
 * server offers AUTH, MAIL, RCPT, DATA), driven directly so the message data is read only after DATA's 354.
 */
function transact(
  connection: SMTPConnection,
  settings: SmtpSettings,
  envelope: ComposedMessage['envelope'],
  data: Readable,
): Promise<SMTPConnection.SentMessageInfo> {
  return new Promise((resolve, reject) => {
    connection.once('error', reject);
    const send = () => connection.send(envelope, data, (error, info) => (error ? reject(error) : resolve(info)));
    connection.connect((error) => {
      if (error) return reject(error);
      if (!settings.username || !connection.allowsAuth) return send();
      connection.login({ user: settings.username, pass: settings.password ?? '' }, (loginError) =>
        loginError ? reject(loginError) : send(),
      );
    });
  });
}

/**
 * Settles with `work`, or rejects as a timeout (ETIMEDOUT, so it is classified like nodemailer's own)
 * once the session has run `ms` in all, tearing the connection down at once: `close()` alone would end
 * the socket politely and wait for a server that may never close its side.
 */
function withinDeadline<T>(work: Promise<T>, connection: SMTPConnection, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const socket = connection._socket;
      connection.close();
      if (socket) socket.destroy();
      reject(Object.assign(new Error(`SMTP session still running after its ${ms} ms deadline`), { code: 'ETIMEDOUT' }));
    }, ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/**
 * Sends a composed message in a session of its own. "The data stream ended" marks that the message went
 * out: a connection lost after that point may have delivered it and is classified `unknown`. The session
 * as a whole is bounded by `timeouts.sessionMs` (the inactivity timeouts alone never end a trickled reply).
 */
export async function sendComposed(
  settings: SmtpSettings,
  message: ComposedMessage,
  options: SendHooks & { timeouts?: SmtpTimeouts } = {},
): Promise<SentMessage> {
  let dataSent = false;
  const data = dataAfter(message.raw, options.beforeData);
  data.once('end', () => {
    dataSent = true;
  });
  const timeouts = options.timeouts ?? DEFAULT_SMTP_TIMEOUTS;
  const connection = new SMTPConnection(smtpConnectionOptions(settings, timeouts));
  try {
    const sessionMs = timeouts.sessionMs ?? DEFAULT_SMTP_TIMEOUTS.sessionMs;
    const info = await withinDeadline(transact(connection, settings, message.envelope, data), connection, sessionMs);
    return { accepted: addresses(info.accepted), rejected: addresses(info.rejected), response: info.response ?? '' };
  } catch (error) {
    throw new SendFailure(classifySmtpError(error, { dataSent }), error);
  } finally {
    connection.close();
  }
}

function addresses(list: unknown[] | undefined): string[] {
  return (list ?? []).map((entry) =>
    typeof entry === 'string' ? entry : String((entry as { address?: string }).address ?? ''),
  );
}
