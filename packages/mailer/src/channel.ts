import type { Db } from '@reportmail/db';
import type { SecretBox } from '@reportmail/secrets';
import type { ComposedMessage, OutgoingMessage } from './compose.js';
import { OUTBOX_SENDER, saveToOutbox } from './outbox.js';
import { sendComposed } from './send.js';
import { loadSmtpSettings, type MailSender, type SmtpSettings } from './settings.js';
import type { SmtpTimeouts } from './transport.js';

export type MailTransportKind = 'smtp' | 'outbox';

/** A message ready to leave: `id` names its outbox files (a delivery id or `notice-<id>`). */
export type MailToDeliver = {
  id: string;
  message: OutgoingMessage;
  composed: ComposedMessage;
  /** Over SMTP: runs after the server accepted DATA, before the message data (see SendHooks). */
  beforeData?: () => Promise<void>;
};

/** Where it went: recipients as the server (or the outbox) took them, and the `.eml` for the outbox. */
export type DeliveredMail = {
  transport: MailTransportKind;
  accepted: string[];
  rejected: string[];
  outboxPath: string | null;
};

/** How mail leaves right now: over SMTP when settings are saved, else into the local outbox. */
export type MailChannel = {
  transport: MailTransportKind;
  sender: MailSender;
  /** Throws a classified SendFailure when it cannot deliver. */
  deliver: (mail: MailToDeliver) => Promise<DeliveredMail>;
  close: () => void;
};

export type MailChannelOptions = { outboxDir: string; smtpTimeouts?: SmtpTimeouts };

/**
 * Reads the SMTP settings now (call it per send, so saving settings switches the next send to SMTP)
 * and opens the matching channel.
 */
export async function openMailChannel(db: Db, secrets: SecretBox, options: MailChannelOptions): Promise<MailChannel> {
  const settings = await loadSmtpSettings(db, secrets);
  return settings ? smtpChannel(settings, options.smtpTimeouts) : outboxChannel(options.outboxDir);
}

function smtpChannel(settings: SmtpSettings, timeouts?: SmtpTimeouts): MailChannel {
  return {
    transport: 'smtp',
    sender: settings,
    deliver: async ({ composed, beforeData }) => {
      const sent = await sendComposed(settings, composed, { beforeData, timeouts });
      return { transport: 'smtp', accepted: sent.accepted, rejected: sent.rejected, outboxPath: null };
    },
    // Each send is a session of its own, closed when it ends.
    close: () => undefined,
  };
}

/** The outbox keeps the message, its HTML and its first attachment (the workbook) as files. */
export function outboxChannel(outboxDir: string): MailChannel {
  return {
    transport: 'outbox',
    sender: OUTBOX_SENDER,
    deliver: async ({ id, message, composed }) => {
      const workbook = message.attachments?.[0];
      const saved = await saveToOutbox(outboxDir, { id, composed, html: message.html, workbook });
      return { transport: 'outbox', accepted: saved.accepted, rejected: [], outboxPath: saved.path };
    },
    close: () => undefined,
  };
}
