import { type Database, deliveryArtifact, reportSchedule } from '@reportmail/db';
import {
  formatGeneratedAt,
  type PdfPageSize,
  type ReportEmailData,
  renderReportEmail,
  renderReportPdf,
  reportEmailData,
} from '@reportmail/emails';
import type { Delivery } from '@reportmail/ledger';
import { type MailSender, messageIdFor, type OutgoingMessage } from '@reportmail/mailer';
import { UnrecoverableError } from 'bullmq';
import { eq } from 'drizzle-orm';

import { type AttachmentLinks, signedWorkbookLink } from './workbook-link.js';

export type { AttachmentLinks } from './workbook-link.js';

/**
 * The email of a generated delivery: its stored content rendered with React Email (HTML and text), the
 * stored workbook unless it was left out (then, with `links`, its note carries a signed download link),
 * the recipients captured on the ledger row, and a Message-ID derived from the row's id.
 */
export async function buildDeliveryMessage(
  database: Database,
  delivery: Delivery,
  sender: MailSender,
  links?: AttachmentLinks,
): Promise<OutgoingMessage> {
  const content = reportEmailData.safeParse(delivery.emailContent);
  if (!content.success) throw new UnrecoverableError(`Delivery ${delivery.id} has no stored email content`);
  const recipients = delivery.recipients;
  if (!recipients || recipients.to.length === 0) {
    throw new UnrecoverableError(`Delivery ${delivery.id} has no "to" recipient`);
  }
  const data = links ? withDownloadLink(content.data, delivery, links) : content.data;
  const rendered = await renderReportEmail(data);
  const options = await scheduleOptions(database, delivery, sender);
  const workbook = delivery.attachmentOmitted ? [] : [await loadWorkbook(database, delivery.id)];
  const pdf = options.pdfPageSize ? [await reportPdf(data, delivery, options.fromName, options.pdfPageSize)] : [];
  return {
    from: { name: options.fromName, address: sender.fromAddress },
    to: recipients.to,
    cc: recipients.cc,
    bcc: recipients.bcc,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    messageId: messageIdFor(delivery.id, sender.fromAddress),
    headers: { 'X-Reportmail-Delivery-Id': delivery.id },
    attachments: [...workbook, ...pdf],
  };
}

/**
 * The PDF of the report, made from the same stored data as the email (so it says what the email says),
 * named like the workbook. The shop's name on it is the email's From name.
 */
async function reportPdf(data: ReportEmailData, delivery: Delivery, shopName: string, pageSize: PdfPageSize) {
  const base = (delivery.attachmentFilename ?? 'Sales_Report.xlsx').replace(/\.xlsx$/, '');
  const content = await renderReportPdf(data, { pageSize, shopName });
  return { filename: `${base}.pdf`, contentType: 'application/pdf', content };
}

/**
 * Adds a signed, expiring link to the note that names the left-out workbook. Signed at send time, so the
 * link runs its full time from when the email goes out. Notes are plain text: mail clients make the URL
 * clickable, and the text part carries it as is. Other notes (an empty period's) are left alone.
 */
function withDownloadLink(data: ReportEmailData, delivery: Delivery, links: AttachmentLinks): ReportEmailData {
  const filename = delivery.attachmentFilename;
  if (!delivery.attachmentOmitted || !filename) return data;
  const { url, expiresAt } = signedWorkbookLink(delivery.id, links);
  const until = `${formatGeneratedAt(expiresAt, delivery.timezone)} (${delivery.timezone})`;
  const notes = data.notes.map((note) =>
    note.includes(filename) ? `${note} Download it until ${until}: ${url}` : note,
  );
  return { ...data, notes };
}

/** The From name (the schedule's, else the SMTP settings'), and the PDF's page size when one goes with it. */
async function scheduleOptions(
  database: Database,
  delivery: Delivery,
  sender: MailSender,
): Promise<{ fromName: string; pdfPageSize: PdfPageSize | null }> {
  if (!delivery.scheduleId) return { fromName: sender.fromName, pdfPageSize: null };
  const [schedule] = await database.db
    .select({
      senderName: reportSchedule.senderName,
      attachPdf: reportSchedule.attachPdf,
      pdfPageSize: reportSchedule.pdfPageSize,
    })
    .from(reportSchedule)
    .where(eq(reportSchedule.id, delivery.scheduleId));
  return {
    fromName: schedule?.senderName || sender.fromName,
    pdfPageSize: schedule?.attachPdf ? schedule.pdfPageSize : null,
  };
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
