// Money that qualified late or stopped counting after its report was emailed: every rule is read when a
// report runs, so a deposit on a ticket archived days later moves into a day already reported. These
// functions tell a later report of the same schedule what changed, payment by payment, with the reason.
import type { Row } from 'postgres';
import type { Cents } from './money.js';
import { periodFromRange, type ReportPeriod } from './period.js';
import {
  customerName,
  localTimeText,
  method,
  type PaymentCode,
  paymentStates,
  type Querier,
  type Range,
} from './queries.js';
import type { Totals } from './summary.js';

/** `[kind, payment id, centavos, code]`: kind 's' sale or 'r' repair, code '' when counted. */
export type StoredPayment = [kind: 's' | 'r', id: number, cents: string, code: PaymentCode];

export type ChangedPayment = {
  kind: 'sale' | 'repair';
  id: number;
  /** Invoice or ticket number; empty when the payment is gone. */
  reference: string;
  customer: string;
  method: string;
  /** `2026-03-02 10:00` in the report's zone; empty when the payment is gone. */
  localTime: string;
  /** What the payment adds to (positive) or takes from (negative) the period's total since it was sent. */
  effect: Cents;
  reason: string;
};

export type ReportChange = {
  period: ReportPeriod;
  /** When the figures now compared were sent (the period's report, or a later one that reported a change). */
  sentAt: Date;
  sentTotal: Cents;
  totalNow: Cents;
  payments: ChangedPayment[];
  /** The period's payments as they stand now: what the owner is told once this change is sent. */
  statesNow: StoredPayment[];
};

/** Every payment of the period with its code; its counted sum must be the summary's, or the rules drifted. */
export async function capturePayments(sql: Querier, range: Range, totals: Totals): Promise<StoredPayment[]> {
  const states = (await paymentStates(sql, range)).map(toStored);
  const counted = states.filter((state) => state[3] === '');
  const cents = counted.reduce((sum, state) => sum + BigInt(state[2]), 0n);
  if (cents !== totals.revenue || counted.length !== totals.transactions) {
    throw new Error(`Counted payments (${counted.length}, ${cents}) disagree with the summary's`);
  }
  return states;
}

type Baseline = Row & {
  start_ms: number;
  end_ms: number;
  timezone: string;
  payments: StoredPayment[];
  sent_ms: number;
};

/**
 * The schedule's earlier periods whose report went out since `since` and whose figures differ now from
 * the ones last sent for them (newest period first), each with the payments that explain the difference.
 */
export async function findReportChanges(
  sql: Querier,
  input: { scheduleId: string; before: Date; since: Date; timezone: string },
): Promise<ReportChange[]> {
  const baselines = await sql<Baseline[]>`
    select distinct on (ps.period_start, ps.period_end)
      (extract(epoch from ps.period_start) * 1000)::float8 as start_ms,
      (extract(epoch from ps.period_end) * 1000)::float8 as end_ms,
      ps.timezone, ps.payments, (extract(epoch from told.sent_at) * 1000)::float8 as sent_ms
    from reportmail.payment_snapshot ps
    -- The owner was told once the report's email, or one of its Slack or webhook posts, went out.
    cross join lateral (
      select min(t.sent_at) as sent_at from reportmail.delivery t
      where (t.id = ps.delivery_id or t.report_delivery_id = ps.delivery_id) and t.status = 'sent') told
    where told.sent_at is not null
      and ps.schedule_id = ${input.scheduleId} and ps.period_end <= ${input.before.toISOString()}::timestamptz
      and exists (
        select 1 from reportmail.delivery o
        where o.schedule_id = ps.schedule_id and o.status = 'sent' and o.period_start = ps.period_start
          and o.period_end = ps.period_end and o.sent_at >= ${input.since.toISOString()}::timestamptz)
    order by ps.period_start desc, ps.period_end desc, ps.created_at desc`;
  const changes: ReportChange[] = [];
  for (const baseline of baselines) {
    const period = periodFromRange(new Date(baseline.start_ms), new Date(baseline.end_ms), baseline.timezone);
    const statesNow = (await paymentStates(sql, period)).map(toStored);
    const differences = compareStates(baseline.payments, statesNow);
    if (differences.length === 0) continue;
    const payments = await explain(sql, differences, input.timezone);
    const sentTotal = countedCents(baseline.payments);
    changes.push({
      period,
      sentAt: new Date(baseline.sent_ms),
      sentTotal,
      totalNow: countedCents(statesNow),
      payments,
      statesNow,
    });
  }
  return changes;
}

const countedCents = (states: StoredPayment[]) =>
  states.reduce((sum, [, , cents, code]) => (code === '' ? sum + BigInt(cents) : sum), 0n);

const toStored = (row: { kind: 's' | 'r'; id: number; cents: string; code: PaymentCode }): StoredPayment => [
  row.kind,
  row.id,
  row.cents,
  row.code,
];

/** A payment counted when sent or today, but not both, or counted both times for a different amount. */
type Difference = { kind: 's' | 'r'; id: number; sent?: StoredPayment; today?: StoredPayment; effect: Cents };

function compareStates(sent: StoredPayment[], today: StoredPayment[]): Difference[] {
  const key = ([kind, id]: StoredPayment) => `${kind}${id}`;
  const before = new Map(sent.map((state) => [key(state), state]));
  const after = new Map(today.map((state) => [key(state), state]));
  const differences: Difference[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(id);
    const is = after.get(id);
    const wasCents = was?.[3] === '' ? BigInt(was[2]) : null;
    const isCents = is?.[3] === '' ? BigInt(is[2]) : null;
    if (wasCents === isCents) continue;
    const [kind, paymentId] = (is ?? was) as StoredPayment;
    differences.push({ kind, id: paymentId, sent: was, today: is, effect: (isCents ?? 0n) - (wasCents ?? 0n) });
  }
  return differences;
}

type PaymentDetail = Row & {
  kind: 's' | 'r';
  id: number;
  reference: string;
  customer: string;
  method: string;
  local_time: string;
  local_day: string;
};

/** Each difference with what the owner needs to find the payment, and why it moved. */
async function explain(sql: Querier, differences: Difference[], timezone: string): Promise<ChangedPayment[]> {
  const ids = (kind: 's' | 'r') => differences.filter((d) => d.kind === kind).map((d) => d.id);
  const details = await sql<PaymentDetail[]>`
    select 's' as kind, sp.id, s.invoice_no as reference, ${customerName(sql)} as customer,
      ${method(sql, 'sp')} as method, ${localTimeText(sql, 'sp', timezone)} as local_time,
      to_char(sp.paid_at at time zone ${timezone}, 'YYYY-MM-DD') as local_day
    from sale_payment sp join sale s on s.id = sp.sale_id left join customer c on c.id = s.customer_id
    where sp.id = any(${sql.array(ids('s'))}::int[])
    union all
    select 'r', rp.id, d.ticket_number, ${customerName(sql)}, ${method(sql, 'rp')},
      ${localTimeText(sql, 'rp', timezone)}, to_char(rp.paid_at at time zone ${timezone}, 'YYYY-MM-DD')
    from repair_payment rp join device d on d.id = rp.device_id left join customer c on c.id = d.customer_id
    where rp.id = any(${sql.array(ids('r'))}::int[])`;
  const byKey = new Map(details.map((detail) => [`${detail.kind}${detail.id}`, detail]));
  return differences
    .map((difference) => {
      const detail = byKey.get(`${difference.kind}${difference.id}`);
      return {
        kind: difference.kind === 's' ? ('sale' as const) : ('repair' as const),
        id: difference.id,
        reference: detail?.reference ?? '',
        customer: detail?.customer ?? '',
        method: detail?.method ?? '',
        localTime: detail?.local_time ?? '',
        effect: difference.effect,
        reason: reasonFor(difference, detail?.local_day),
      };
    })
    .sort((a, b) => (a.localTime === b.localTime ? a.id - b.id : a.localTime < b.localTime ? -1 : 1));
}

/** Why a payment stopped counting: the rule it fails now. */
const NO_LONGER: Record<Exclude<PaymentCode, ''>, { s: string; r: string }> = {
  amount: { s: 'amount set to zero', r: 'amount set to zero' },
  void: { s: 'sale voided', r: 'sale voided' },
  draft: { s: 'sale set back to draft', r: 'sale set back to draft' },
  status: { s: 'sale no longer paid', r: 'sale no longer paid' },
  credit: { s: 'sale put on credit', r: 'repair put on credit' },
  waived: { s: 'repair waived', r: 'repair waived' },
  open: { s: 'ticket reopened', r: 'ticket reopened' },
};

/** Why a payment counts now: the rule it failed when the report was sent. */
const NOW_COUNTED: Record<Exclude<PaymentCode, ''>, string> = {
  amount: 'amount corrected',
  void: 'sale no longer void',
  draft: 'sale finalised (was a draft)',
  status: 'sale now paid',
  credit: 'credit cleared',
  waived: 'waiver removed',
  open: 'ticket archived',
};

function reasonFor({ kind, sent, today }: Difference, localDay: string | undefined): string {
  const counted = (state: StoredPayment | undefined) => state?.[3] === '';
  if (counted(sent) && counted(today)) return 'amount changed';
  if (counted(today)) {
    return sent ? NOW_COUNTED[sent[3] as Exclude<PaymentCode, ''>] : 'recorded after the report was sent';
  }
  if (today) return NO_LONGER[today[3] as Exclude<PaymentCode, ''>][kind];
  return localDay ? `payment date moved to ${localDay}` : 'payment deleted';
}
