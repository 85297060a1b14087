import { type Database, deliveryArtifact, reportSchedule } from '@reportmail/db';
import { renderReportEmail, reportEmailData } from '@reportmail/emails';
import type { Delivery } from '@reportmail/ledger';
import { messageIdFor, type OutgoingMessage, type SmtpSettings } from '@reportmail/mailer';
import { UnrecoverableError } from 'bullmq';
import { eq } from 'drizzle-orm';

/**
 * The email of a generated delivery: its stored content rendered with React Email (HTML and text), the
 * stored workbook unless it was left out, the recipients captured on the ledger row, and a Message-ID
 * derived from the row's id.
 */
export async function buildDeliveryMessage(
  database: Database,
  delivery: Delivery,
  settings: SmtpSettings,
): Promise<OutgoingMessage> {
  const content = reportEmailData.safeParse(delivery.emailContent);
  if (!content.success) throw new UnrecoverableError(`Delivery ${delivery.id} has no stored email content`);
  const recipients = delivery.recipients;
  if (!recipients || recipients.to.length === 0) {
    throw new UnrecoverableError(`Delivery ${delivery.id} has no "to" recipient`);
  }
  const rendered = await renderReportEmail(content.data);
  return {
    from: { name: await senderName(database, delivery, settings), address: settings.fromAddress },
    to: recipients.to,
    cc: recipients.cc,
    bcc: recipients.bcc,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    messageId: messageIdFor(delivery.id, settings.fromAddress),
    headers: { 'X-Reportmail-Delivery-Id': delivery.id },
    attachments: delivery.attachmentOmitted ? [] : [await loadWorkbook(database, delivery.id)],
  };
}

async function senderName(database: Database, delivery: Delivery, settings: SmtpSettings): Promise<string> {
  if (!delivery.scheduleId) return settings.fromName;
  const [schedule] = await database.db
    .select({ senderName: reportSchedule.senderName })
    .from(reportSchedule)
    .where(eq(reportSchedule.id, delivery.scheduleId));
  return schedule?.senderName || settings.fromName;
}

async function loadWorkbook(database: Database, deliveryId: string) {
  const [artifact] = await database.db
    .select({
      filename: deliveryArtifact.filename,
      contentType: deliveryArtifact.contentType,
      content: deliveryArtifact.content,
    })
    .from(deliveryArtifact)
    .where(eq(deliveryArtifact.deliveryId, deliveryId));
  if (!artifact) throw new UnrecoverableError(`Delivery ${deliveryId} has no stored workbook`);
  return artifact;
}
