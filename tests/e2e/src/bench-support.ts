import type { Queue } from 'bullmq';
import type { Sql } from 'postgres';

/**
 * A busy shop's day for every report: 420 sale and 80 repair payments (500 counted: paid sales, repairs
 * on archived tickets) within the reported day.
 */
export async function seedBenchDay(sql: Sql, periodStart: Date): Promise<void> {
  const dayStart = periodStart.toISOString();
  await sql`
    insert into sale (invoice_no, status, total)
    select 'INV-' || g, 'PAID', 100 + g from generate_series(1, 420) g`;
  await sql`
    insert into sale_payment (sale_id, amount, method, paid_at)
    select id, (100 + id)::numeric(12,2), (array['Cash','GCash','Card'])[1 + id % 3],
      ${dayStart}::timestamptz + (id * 97 % 43200) * interval '1 second'
    from sale`;
  await sql`
    insert into customer (name) values ('Bench Customer')`;
  await sql`
    insert into device (ticket_number, customer_id, device_type, total_cost, is_archived)
    select 'JC-' || g, (select min(id) from customer), 'Laptop', 500, true from generate_series(1, 80) g`;
  await sql`
    insert into repair_payment (device_id, amount, method, paid_at)
    select id, 500.00, 'Bank Transfer', ${dayStart}::timestamptz + (id * 131 % 43200) * interval '1 second'
    from device`;
}

/** The value at percentile `p` (0–100) of ascending `sorted` (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Polls until every schedule has its delayed job (the sync has no other outward sign); when that was. */
export async function untilScheduled(reports: Queue, count: number, instant: Date): Promise<number> {
  while ((await reports.getDelayedCount()) < count) {
    if (Date.now() > instant.getTime()) throw new Error(`${count} job schedulers were not ready by the instant`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now();
}
