import MailComposer from 'nodemailer/lib/mail-composer';

export type OutgoingMessage = {
  from: { name: string; address: string };
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html?: string;
  text: string;
  /** Stable across retries, so receiving servers and clients can spot a repeat. */
  messageId: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
};

export type ComposedMessage = { raw: Buffer; envelope: { from: string; to: string[] } };

/**
 * The message as RFC 5322 bytes plus its SMTP envelope (every To, Cc and Bcc address; Bcc stays out
 * of the headers). Composing first lets the sender tell exactly when the data has gone out.
 */
export async function composeMessage(message: OutgoingMessage): Promise<ComposedMessage> {
  const node = new MailComposer({
    from: message.from,
    to: message.to,
    cc: message.cc,
    bcc: message.bcc,
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: message.messageId,
    headers: message.headers,
    attachments: message.attachments,
    // The choice nodemailer makes for this mostly-ASCII text anyway; naming it skips the scan (~2 ms a message).
    textEncoding: 'quoted-printable',
  }).compile();
  const envelope = node.getEnvelope();
  const raw = await node.build();
  return { raw, envelope: { from: envelope.from || message.from.address, to: envelope.to } };
}

/** `<delivery-id@sender-domain>`: derived from the ledger id, the same on every attempt. */
export function messageIdFor(deliveryId: string, fromAddress: string): string {
  const domain = fromAddress.split('@').pop() || 'reportmail.invalid';
  return `<${deliveryId}@${domain}>`;
}
