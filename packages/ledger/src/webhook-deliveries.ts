import type { Db } from '@reportmail/db';
import { type SQL, sql } from 'drizzle-orm';

/** What a webhook row copies from the row it stems from: the report's period, trigger, subject and figures. */
const COPIED = [
  'schedule_id',
  'schedule_name',
  'report_type',
  'period_start',
  'period_end',
  'timezone',
  'subject',
  'total_revenue',
  'total_transactions',
  'sales_revenue',
  'sales_transactions',
  'repair_revenue',
  'repair_transactions',
  'attachment_filename',
  'attachment_size',
  'attachment_omitted',
];
const copiedColumns = sql.raw(COPIED.join(', '));
const copiedFrom = (alias: string): SQL => sql.raw(COPIED.map((column) => `${alias}.${column}`).join(', '));

/**
 * Gives each enabled webhook of a report's schedule its own ledger row for that report (status `sending`,
 * the report's period, trigger and figures), once: the unique (report, webhook) index makes a second run
 * (a retried report job, the watchdog) a no-op. Returns the report's webhook rows still to deliver, so
 * their jobs can be queued (again, under deterministic ids). One statement: the rows it adds are not yet
 * visible to its second half, so none is listed twice.
 */
export async function fanOutToWebhooks(db: Db, reportDeliveryId: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    with added as (
      insert into reportmail.delivery (${copiedColumns}, trigger, status, channel, report_delivery_id, webhook_id, webhook_label)
      select ${copiedFrom('r')}, r.trigger, 'sending', w.kind::text::reportmail.delivery_channel, r.id, w.id, w.label
      from reportmail.delivery r
      join reportmail.schedule_webhook w on w.schedule_id = r.schedule_id and w.enabled
      where r.id = ${reportDeliveryId} and r.channel = 'email'
      order by w.created_at, w.id
      on conflict (report_delivery_id, webhook_id) where report_delivery_id is not null and redelivery_of is null
      do nothing
      returning id)
    select id from added
    union all
    select id from reportmail.delivery
    where report_delivery_id = ${reportDeliveryId} and status = 'sending' and redelivery_of is null
    order by id`);
  return rows.map((row) => row.id);
}

/**
 * A new webhook row that delivers the report of `original` (a webhook row) again to the same webhook: an
 * admin's resend. Returns its id, or null when the original is not a webhook row or its webhook is gone.
 */
export async function redeliverWebhook(db: Db, originalId: string): Promise<string | null> {
  const [row] = await db.execute<{ id: string }>(sql`
    insert into reportmail.delivery (${copiedColumns}, trigger, status, channel, report_delivery_id, webhook_id, webhook_label, redelivery_of)
    select ${copiedFrom('o')}, 'manual', 'sending', o.channel, o.report_delivery_id, o.webhook_id, w.label, o.id
    from reportmail.delivery o
    join reportmail.schedule_webhook w on w.id = o.webhook_id
    where o.id = ${originalId} and o.channel <> 'email'
    returning id`);
  return row?.id ?? null;
}
