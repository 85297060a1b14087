import { Readable } from 'node:stream';
import type { Transporter } from 'nodemailer';
import type { ComposedMessage } from './compose.js';
import { classifySmtpError, type SmtpFailure } from './smtp-errors.js';

export type SentMessage = { messageId: string; accepted: string[]; rejected: string[]; response: string };

/** A failed send, classified: retry it (`transient`), give up (`permanent`), or never resend (`unknown`). */
export class SendFailure extends Error {
  readonly failure: SmtpFailure;

  constructor(failure: SmtpFailure, cause: unknown) {
    super(failure.message, { cause });
    this.name = 'SendFailure';
    this.failure = failure;
  }
}

type SendInfo = { messageId?: string; accepted?: unknown[]; rejected?: unknown[]; response?: string };

/**
 * Sends a composed message. nodemailer reads the raw stream only after the server accepted DATA, so
 * "the stream ended" marks that the message data went out: a connection lost after that point may
 * have delivered it and is classified `unknown`.
 */
export async function sendComposed(transport: Transporter, message: ComposedMessage): Promise<SentMessage> {
  let dataSent = false;
  const raw = Readable.from([message.raw], { objectMode: false });
  raw.once('end', () => {
    dataSent = true;
  });
  try {
    const info = (await transport.sendMail({ envelope: message.envelope, raw })) as SendInfo;
    return {
      messageId: info.messageId ?? '',
      accepted: addresses(info.accepted),
      rejected: addresses(info.rejected),
      response: info.response ?? '',
    };
  } catch (error) {
    throw new SendFailure(classifySmtpError(error, { dataSent }), error);
  }
}

function addresses(list: unknown[] | undefined): string[] {
  return (list ?? []).map((entry) =>
    typeof entry === 'string' ? entry : String((entry as { address?: string }).address ?? ''),
  );
}
