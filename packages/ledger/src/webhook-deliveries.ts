import { type Db, delivery } from '@reportmail/db';
import { and, eq, isNull, sql } from 'drizzle-orm';

/**
 * Gives each enabled webhook of a report's schedule its own ledger row for that report (status `sending`,
 * the report's period, trigger and figures), once: the unique (report, webhook) index makes a second run
 * (a retried report job, the watchdog) a no-op. Returns the report's webhook rows still to deliver, so
 * their jobs can be queued (again, under deterministic ids).
 */
export async function fanOutToWebhooks(db: Db, reportDeliveryId: string): Promise<string[]> {
  await db.execute(sql`
    insert into reportmail.delivery (
      schedule_id, schedule_name, trigger, report_type, period_start, period_end, timezone, status, subject,
      total_revenue, total_transactions, sales_revenue, sales_transactions, repair_revenue, repair_transactions,
      attachment_filename, attachment_size, attachment_omitted,
      channel, report_delivery_id, webhook_id, webhook_label)
    select r.schedule_id, r.schedule_name, r.trigger, r.report_type, r.period_start, r.period_end, r.timezone,
      'sending', r.subject,
      r.total_revenue, r.total_transactions, r.sales_revenue, r.sales_transactions, r.repair_revenue,
      r.repair_transactions, r.attachment_filename, r.attachment_size, r.attachment_omitted,
      w.kind::text::reportmail.delivery_channel, r.id, w.id, w.label
    from reportmail.delivery r
    join reportmail.schedule_webhook w on w.schedule_id = r.schedule_id and w.enabled
    where r.id = ${reportDeliveryId} and r.channel = 'email'
    order by w.created_at, w.id
    on conflict (report_delivery_id, webhook_id) where report_delivery_id is not null and redelivery_of is null
    do nothing`);
  const rows = await db
    .select({ id: delivery.id })
    .from(delivery)
    .where(
      and(
        eq(delivery.reportDeliveryId, reportDeliveryId),
        eq(delivery.status, 'sending'),
        isNull(delivery.redeliveryOf),
      ),
    )
    .orderBy(delivery.createdAt, delivery.id);
  return rows.map((row) => row.id);
}

/**
 * A new webhook row that delivers the report of `original` (a webhook row) again to the same webhook: an
 * admin's resend. Returns its id, or null when the original is not a webhook row or its webhook is gone.
 */
export async function redeliverWebhook(db: Db, originalId: string): Promise<string | null> {
  const [row] = await db.execute<{ id: string }>(sql`
    insert into reportmail.delivery (
      schedule_id, schedule_name, trigger, report_type, period_start, period_end, timezone, status, subject,
      total_revenue, total_transactions, sales_revenue, sales_transactions, repair_revenue, repair_transactions,
      attachment_filename, attachment_size, attachment_omitted,
      channel, report_delivery_id, webhook_id, webhook_label, redelivery_of)
    select o.schedule_id, o.schedule_name, 'manual', o.report_type, o.period_start, o.period_end, o.timezone,
      'sending', o.subject,
      o.total_revenue, o.total_transactions, o.sales_revenue, o.sales_transactions, o.repair_revenue,
      o.repair_transactions, o.attachment_filename, o.attachment_size, o.attachment_omitted,
      o.channel, o.report_delivery_id, o.webhook_id, w.label, o.id
    from reportmail.delivery o
    join reportmail.schedule_webhook w on w.id = o.webhook_id
    where o.id = ${originalId} and o.channel <> 'email'
    returning id`);
  return row?.id ?? null;
}
