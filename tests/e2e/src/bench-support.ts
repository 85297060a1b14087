import type { ReceivedMail } from '@reportmail/testing';
import type { Sql } from 'postgres';

/** A realistic day for every report: 300 sale and 60 repair payments within the reported day. */
export async function seedBenchDay(sql: Sql, periodStart: Date): Promise<void> {
  const dayStart = periodStart.toISOString();
  await sql`
    insert into sale (invoice_no, status, total)
    select 'INV-' || g, 'PAID', 100 + g from generate_series(1, 300) g`;
  await sql`
    insert into sale_payment (sale_id, amount, method, paid_at)
    select id, (100 + id)::numeric(12,2), (array['Cash','GCash','Card'])[1 + id % 3],
      ${dayStart}::timestamptz + (id * 97 % 43200) * interval '1 second'
    from sale`;
  await sql`
    insert into customer (name) values ('Bench Customer')`;
  await sql`
    insert into device (ticket_number, customer_id, device_type, total_cost)
    select 'JC-' || g, (select min(id) from customer), 'Laptop', 500 from generate_series(1, 60) g`;
  await sql`
    insert into repair_payment (device_id, amount, method, paid_at)
    select id, 500.00, 'Bank Transfer', ${dayStart}::timestamptz + (id * 131 % 43200) * interval '1 second'
    from device`;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** The bench's report: throughput, delays from the instant, duplicates (mail and ledger) and losses. */
export async function summarise(sql: Sql, received: ReceivedMail[], instant: Date, expected: number): Promise<string> {
  const ids = received.map((mail) => String(mail.parsed.headers.get('x-reportmail-delivery-id')));
  const unique = new Set(ids);
  const delays = received.map((mail) => (mail.receivedAt - instant.getTime()) / 1000).sort((a, b) => a - b);
  const [ledger] = await sql<{ sent: number; periods_doubled: number }[]>`
    select count(*) filter (where status = 'sent')::int as sent,
      (select count(*) from (select 1 from reportmail.delivery group by schedule_id, period_start, period_end
        having count(*) > 1) d)::int as periods_doubled
    from reportmail.delivery`;
  const last = delays.at(-1) ?? Number.NaN;
  const rate = received.length / Math.max(last, 0.001);
  return [
    `delivered ${unique.size}/${expected}  duplicates ${ids.length - unique.size} (ledger: ${ledger?.periods_doubled} periods doubled)  lost ${expected - unique.size}  ledger sent ${ledger?.sent}`,
    `delay from the scheduled instant to SMTP acceptance: p50 ${percentile(delays, 50).toFixed(2)} s  p95 ${percentile(delays, 95).toFixed(2)} s  max ${last.toFixed(2)} s`,
    `throughput ${rate.toFixed(1)} deliveries/s (all ${received.length} within ${last.toFixed(1)} s of the instant)`,
  ].join('\n');
}
