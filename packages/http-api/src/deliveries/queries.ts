import { type Db, delivery, deliveryArtifact, reportSchedule } from '@reportmail/db';
import { type ReportEmailData, reportEmailData } from '@reportmail/emails';
import type { Delivery } from '@reportmail/ledger';
import { periodFromRange } from '@reportmail/reports';
import { and, count, desc, eq, getTableColumns, gte, lt, type SQL, sql } from 'drizzle-orm';
import { readSmtpSettingsRow } from '../smtp/settings-store.js';
import { deliveryErrorHint } from './error-hint.js';
import type { DeliveryDetail, DeliveryItem, DeliveryListQuery } from './schemas.js';

/** The schedule's current name; once it is deleted, the name the row kept from when it was written. */
const scheduleName = sql<string | null>`coalesce(${reportSchedule.name}, ${delivery.scheduleName})`;

/** What a list item needs (not the stored email content, the largest column). */
const itemColumns = {
  id: delivery.id,
  scheduleId: delivery.scheduleId,
  scheduleName,
  trigger: delivery.trigger,
  status: delivery.status,
  channel: delivery.channel,
  webhookLabel: delivery.webhookLabel,
  reportDeliveryId: delivery.reportDeliveryId,
  periodStart: delivery.periodStart,
  periodEnd: delivery.periodEnd,
  timezone: delivery.timezone,
  recipients: delivery.recipients,
  subject: delivery.subject,
  totalRevenue: delivery.totalRevenue,
  totalTransactions: delivery.totalTransactions,
  attempts: delivery.attempts,
  createdAt: delivery.createdAt,
  sentAt: delivery.sentAt,
  transport: delivery.transport,
};

type ItemRow = Pick<Delivery, Exclude<keyof typeof itemColumns, 'scheduleName'>> & { scheduleName: string | null };
type DetailRow = Delivery & { scheduleName: string | null; attachmentStored: boolean };

const iso = (instant: Date | null) => instant?.toISOString() ?? null;

function listFilter(query: DeliveryListQuery): SQL | undefined {
  return and(
    query.status ? eq(delivery.status, query.status) : undefined,
    query.scheduleId ? eq(delivery.scheduleId, query.scheduleId) : undefined,
    query.trigger ? eq(delivery.trigger, query.trigger) : undefined,
    query.channel ? eq(delivery.channel, query.channel) : undefined,
    query.transport ? eq(delivery.transport, query.transport) : undefined,
    query.from ? gte(delivery.createdAt, new Date(query.from)) : undefined,
    query.to ? lt(delivery.createdAt, new Date(query.to)) : undefined,
  );
}

/** One page of the delivery log, newest first (created_at, then id, so pages never overlap). */
export async function listDeliveries(
  db: Db,
  query: DeliveryListQuery,
): Promise<{ items: DeliveryItem[]; total: number }> {
  const where = listFilter(query);
  const [counted] = await db.select({ total: count() }).from(delivery).where(where);
  const rows = await db
    .select(itemColumns)
    .from(delivery)
    .leftJoin(reportSchedule, eq(reportSchedule.id, delivery.scheduleId))
    .where(where)
    .orderBy(desc(delivery.createdAt), desc(delivery.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(toItem), total: counted?.total ?? 0 };
}

/** A delivery with its schedule's name and whether its workbook is stored, or null. */
export async function findDeliveryDetail(db: Db, id: string): Promise<DeliveryDetail | null> {
  const [row] = await db
    .select({
      ...getTableColumns(delivery),
      scheduleName,
      attachmentStored: sql<boolean>`exists (select 1 from ${deliveryArtifact} where ${deliveryArtifact.deliveryId} = ${delivery.id})`,
    })
    .from(delivery)
    .leftJoin(reportSchedule, eq(reportSchedule.id, delivery.scheduleId))
    .where(eq(delivery.id, id));
  if (!row) return null;
  // Only a failed send needs the mail settings: what to change is said in their terms (host, port…).
  const smtp = row.errorMessage && row.channel === 'email' ? ((await readSmtpSettingsRow(db)) ?? null) : null;
  return toDetail(row, deliveryErrorHint(row, smtp));
}

/**
 * What a delivery's email showed: null when there is no such delivery, `content: null` while its
 * report is not generated (or it never was).
 */
export async function findEmailContent(db: Db, id: string): Promise<{ content: ReportEmailData | null } | null> {
  const [row] = await db.select({ emailContent: delivery.emailContent }).from(delivery).where(eq(delivery.id, id));
  if (!row) return null;
  const content = reportEmailData.safeParse(row.emailContent);
  return { content: content.success ? content.data : null };
}

export type StoredArtifact = { filename: string; contentType: string; sizeBytes: number; content: Buffer };

export async function findArtifact(db: Db, deliveryId: string): Promise<StoredArtifact | null> {
  const [artifact] = await db
    .select({
      filename: deliveryArtifact.filename,
      contentType: deliveryArtifact.contentType,
      sizeBytes: deliveryArtifact.sizeBytes,
      content: deliveryArtifact.content,
    })
    .from(deliveryArtifact)
    .where(eq(deliveryArtifact.deliveryId, deliveryId));
  return artifact ?? null;
}

function toItem(row: ItemRow): DeliveryItem {
  return {
    id: row.id,
    scheduleId: row.scheduleId,
    scheduleName: row.scheduleName,
    trigger: row.trigger,
    status: row.status,
    channel: row.channel,
    webhookLabel: row.webhookLabel,
    reportDeliveryId: row.reportDeliveryId,
    periodStart: row.periodStart.toISOString(),
    periodEnd: row.periodEnd.toISOString(),
    timezone: row.timezone,
    // The label the report itself carries for this stored period (`Mar 2, 2026`).
    periodLabel: periodFromRange(row.periodStart, row.periodEnd, row.timezone).label,
    recipients: row.recipients,
    subject: row.subject,
    totalRevenue: row.totalRevenue,
    totalTransactions: row.totalTransactions,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    sentAt: iso(row.sentAt),
    transport: row.transport,
  };
}

function toDetail(row: DetailRow, errorHint: string | null): DeliveryDetail {
  // The mail worker refuses content that does not match this shape; such a row showed no email at all.
  const content = reportEmailData.safeParse(row.emailContent);
  return {
    ...toItem(row),
    reportType: row.reportType,
    jobKey: row.jobKey,
    salesRevenue: row.salesRevenue,
    salesTransactions: row.salesTransactions,
    repairRevenue: row.repairRevenue,
    repairTransactions: row.repairTransactions,
    errorMessage: row.errorMessage,
    errorHint,
    messageId: row.messageId,
    acceptedRecipients: row.acceptedRecipients,
    rejectedRecipients: row.rejectedRecipients,
    outboxPath: row.outboxPath,
    attachmentFilename: row.attachmentFilename,
    attachmentSize: row.attachmentSize,
    attachmentOmitted: row.attachmentOmitted,
    attachmentStored: row.attachmentStored,
    emailContent: content.success ? content.data : null,
    generationStartedAt: iso(row.generationStartedAt),
    generatedAt: iso(row.generatedAt),
    attemptedAt: iso(row.attemptedAt),
    updatedAt: row.updatedAt.toISOString(),
    webhookId: row.webhookId,
    responseStatus: row.responseStatus,
    redeliveryOf: row.redeliveryOf,
  };
}
