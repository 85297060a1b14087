// The accounting rules of the product, in one place. Every number in a report comes from these filters.
import type { PendingQuery, Row, TransactionSql } from 'postgres';

/** A pool or a transaction: a transaction's type has every member the queries use. */
export type Querier = TransactionSql;

export type Range = { start: Date; end: Date };

/**
 * Instants travel as ISO text both ways: drizzle's postgres-js driver swaps the shared client's
 * timestamp serialisers and parsers, so these queries must not depend on them.
 */
const instant = (date: Date) => date.toISOString();

/** Method trimmed of blanks; empty or missing → `Unknown`. */
export const method = (sql: Querier, column: 'sp' | 'rp' | 'top') =>
  sql`coalesce(nullif(btrim(${sql(column)}.method, E' \\t\\r\\n'), ''), 'Unknown')`;

/**
 * The WHERE condition over `sale_payment sp join sale s`.
 * Sales revenue: every sale payment of a positive amount received in [start, end) on a sale that is
 * PAID or PARTIAL and not claimed on credit. VOID and DRAFT sales contribute nothing.
 */
export const countedSalePayments = (sql: Querier, range: Range) => sql`
  sp.paid_at >= ${instant(range.start)}::timestamptz and sp.paid_at < ${instant(range.end)}::timestamptz
    and ${countedSaleRule(sql)}`;

/** The rule of countedSalePayments apart from the time range (for queries that bound time themselves). */
export const countedSaleRule = (sql: Querier) => sql`
  sp.amount > 0 and s.status in ('PAID', 'PARTIAL') and s.claimed_on_credit = false`;

/**
 * The WHERE condition over `repair_payment rp join device d`.
 * Repair revenue: every repair payment of a positive amount received in [start, end) on a ticket that is
 * archived (completed or pulled out), not waived and not claimed on credit.
 */
export const countedRepairPayments = (sql: Querier, range: Range) => sql`
  rp.paid_at >= ${instant(range.start)}::timestamptz and rp.paid_at < ${instant(range.end)}::timestamptz
    and ${countedRepairRule(sql)}`;

/** The rule of countedRepairPayments apart from the time range. */
export const countedRepairRule = (sql: Querier) => sql`
  rp.amount > 0 and d.is_archived = true and d.charge_waived = false and d.claimed_on_credit = false`;

export type MethodTotalRow = {
  kind: 'sale' | 'repair';
  method: string;
  count: number;
  total: string;
};

/** Count and exact sum (numeric rendered as text) per kind and payment method. */
export function methodTotals(sql: Querier, range: Range): PendingQuery<MethodTotalRow[]> {
  return sql<MethodTotalRow[]>`
    select 'sale' as kind, ${method(sql, 'sp')} as method, count(*)::int as count, sum(sp.amount)::text as total
    from sale_payment sp join sale s on s.id = sp.sale_id
    where ${countedSalePayments(sql, range)}
    group by 2
    union all
    select 'repair' as kind, ${method(sql, 'rp')} as method, count(*)::int as count, sum(rp.amount)::text as total
    from repair_payment rp join device d on d.id = rp.device_id
    where ${countedRepairPayments(sql, range)}
    group by 2`;
}

/** Customer shown on a row: name, else business name, else walk-in. */
export const customerName = (sql: Querier, table: 'c' | 'top' = 'c') =>
  sql`coalesce(nullif(btrim(${sql(table)}.name), ''), nullif(btrim(${sql(table)}.business_name), ''), 'Walk-in')`;

/** paid_at as local wall-clock text (`2026-03-02 10:00`) in the report's zone. */
export const localTimeText = (sql: Querier, column: 'sp' | 'rp' | 'top', timezone: string) =>
  sql`to_char(${sql(column)}.paid_at at time zone ${timezone}, 'YYYY-MM-DD HH24:MI')`;

/** Local wall-clock fields of paid_at in the report's zone, computed by PostgreSQL's zone database. */
const localTime = (sql: Querier, column: 'sp' | 'rp', timezone: string, detail: DetailShape) =>
  detail === 'json'
    ? sql`
      to_char(${sql(column)}.paid_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as paid_at,
      ${localTimeText(sql, column, timezone)} as local_time,
      (extract(epoch from ${sql(column)}.paid_at at time zone ${timezone}) * 1000)::float8 as local_ms`
    : sql`(extract(epoch from ${sql(column)}.paid_at at time zone ${timezone}) * 1000)::float8 as local_ms`;

/** `json` rows carry the instant and local time as text; `sheet` rows only what a cell needs. */
export type DetailShape = 'json' | 'sheet';

export type SaleDetailRow = Row & {
  /** Only in `json` rows. */
  paid_at: string;
  /** Only in `json` rows. */
  local_time: string;
  local_ms: number;
  invoice_no: string;
  customer: string;
  /** `qty:productId` pairs, comma-separated, for formatSaleItems. */
  items_code: string;
  method: string;
  amount: string;
  status: string;
};

/** Counted sale payments, oldest first, with the items of their sale (revoked items left out). */
export function saleDetailRows(
  sql: Querier,
  range: Range,
  timezone: string,
  detail: DetailShape,
): PendingQuery<SaleDetailRow[]> {
  return sql<SaleDetailRow[]>`
    select ${localTime(sql, 'sp', timezone, detail)}, s.invoice_no, ${customerName(sql)} as customer,
      coalesce(items.code, '') as items_code, ${method(sql, 'sp')} as method, sp.amount::text as amount,
      s.status
    from sale_payment sp
    join sale s on s.id = sp.sale_id
    left join customer c on c.id = s.customer_id
    left join lateral (
      -- qty:product_id pairs; names are joined in JS from the catalog, which costs PostgreSQL far less.
      select string_agg(si.qty || ':' || coalesce(si.product_id, 0), ',' order by si.id) as code
      from sale_item si
      where si.sale_id = s.id and si.revoked_at is null
    ) items on true
    where ${countedSalePayments(sql, range)}
    order by sp.paid_at, sp.id`;
}

export type RepairDetailRow = Row & {
  /** Only in `json` rows. */
  paid_at: string;
  /** Only in `json` rows. */
  local_time: string;
  local_ms: number;
  ticket_number: string;
  customer: string;
  device_type: string;
  method: string;
  amount: string;
  status: string;
};

/** Counted repair payments, oldest first. */
export function repairDetailRows(
  sql: Querier,
  range: Range,
  timezone: string,
  detail: DetailShape,
): PendingQuery<RepairDetailRow[]> {
  return sql<RepairDetailRow[]>`
    select ${localTime(sql, 'rp', timezone, detail)}, d.ticket_number, ${customerName(sql)} as customer,
      d.device_type, ${method(sql, 'rp')} as method, rp.amount::text as amount, d.payment_status as status
    from repair_payment rp
    join device d on d.id = rp.device_id
    left join customer c on c.id = d.customer_id
    where ${countedRepairPayments(sql, range)}
    order by rp.paid_at, rp.id`;
}

/** The product catalog, to name sale items. */
export async function productNames(sql: Querier): Promise<Map<number, string>> {
  const rows = await sql<{ id: number; name: string }[]>`select id, name from product`;
  return new Map(rows.map((row) => [row.id, row.name]));
}

export type LargestPaymentRow = Row & {
  kind: 'sale' | 'repair';
  /** The payment row's id, unique within its kind. */
  id: number;
  local_time: string;
  reference: string;
  customer: string;
  method: string;
  amount: string;
};

/**
 * The largest counted payments of a period, sales and repairs together (for the email's table). The
 * union carries raw columns only; the `limit` rows alone are formatted (every row used to be, 5 ms a day).
 */
export function largestPayments(
  sql: Querier,
  range: Range,
  timezone: string,
  limit: number,
): PendingQuery<LargestPaymentRow[]> {
  return sql<LargestPaymentRow[]>`
    select kind, top.id, ${localTimeText(sql, 'top', timezone)} as local_time, reference,
      ${customerName(sql, 'top')} as customer, ${method(sql, 'top')} as method, top.amount::text as amount
    from (
      select 'sale' as kind, sp.id, sp.paid_at, sp.amount, sp.method, s.invoice_no as reference, c.name, c.business_name
      from sale_payment sp
      join sale s on s.id = sp.sale_id
      left join customer c on c.id = s.customer_id
      where ${countedSalePayments(sql, range)}
      union all
      select 'repair', rp.id, rp.paid_at, rp.amount, rp.method, d.ticket_number, c.name, c.business_name
      from repair_payment rp
      join device d on d.id = rp.device_id
      left join customer c on c.id = d.customer_id
      where ${countedRepairPayments(sql, range)}
      order by amount desc, paid_at, kind, id
      limit ${limit}
    ) top
    order by top.amount desc, top.paid_at, kind, top.id`;
}

/**
 * Why a payment of the period is not counted, '' when it is: the same rules as countedSalePayments and
 * countedRepairPayments, told apart so a later report can say what changed (see report-changes.ts).
 */
export type PaymentCode = '' | 'amount' | 'void' | 'draft' | 'status' | 'credit' | 'waived' | 'open';

export type PaymentStateRow = Row & { kind: 's' | 'r'; id: number; cents: string; code: PaymentCode };

/** Every sale and repair payment received in [start, end), counted or not, with its code. */
export function paymentStates(sql: Querier, range: Range): PendingQuery<PaymentStateRow[]> {
  return sql<PaymentStateRow[]>`
    select 's' as kind, sp.id, (sp.amount * 100)::bigint::text as cents,
      case when sp.amount <= 0 then 'amount' when s.status = 'VOID' then 'void' when s.status = 'DRAFT' then 'draft'
        when s.status not in ('PAID', 'PARTIAL') then 'status' when s.claimed_on_credit then 'credit' else '' end as code
    from sale_payment sp join sale s on s.id = sp.sale_id
    where sp.paid_at >= ${instant(range.start)}::timestamptz and sp.paid_at < ${instant(range.end)}::timestamptz
    union all
    select 'r', rp.id, (rp.amount * 100)::bigint::text,
      case when rp.amount <= 0 then 'amount' when d.charge_waived then 'waived' when d.claimed_on_credit then 'credit'
        when not d.is_archived then 'open' else '' end
    from repair_payment rp join device d on d.id = rp.device_id
    where rp.paid_at >= ${instant(range.start)}::timestamptz and rp.paid_at < ${instant(range.end)}::timestamptz`;
}
