import { AppError } from '@reportmail/errors';
import { SHOP_COLUMNS } from '../shop-columns.js';
import { naiveToInstant, oldDate } from './naive-time.js';
import type { OldRow, SourceExpressions } from './source.js';

export type CopyValue = string | number | boolean | null;
/** A row for our table, possibly with a note on what was changed; or why it was left out. */
export type Mapped = { values: CopyValue[]; note?: string } | { skip: string };
/** Ids already copied, so a row pointing at a missing parent (SQLite never enforced the keys) is caught. */
export type CopiedIds = Record<'customer' | 'product' | 'sale' | 'device', Set<number>>;

export type ShopTable = {
  table: keyof typeof SHOP_COLUMNS;
  /** Columns the old table may lack (older versions of the old system): the others it must have. */
  optional?: string[];
  select(e: SourceExpressions, has: Set<string>): string;
  map(row: OldRow, copied: CopiedIds, importedAt: string): Mapped;
};

const int = (value: unknown): number => Number(value);
const bool = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 't';
const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
/** Money arrives as text from the old database (see SourceExpressions.money); null means the ORM default 0. */
const money = (value: unknown): string => (value === null || value === undefined ? '0' : String(value));
const where = (table: string, row: OldRow, column: string) => `${table} id ${String(row.id)} ${column}`;

/** The old tables we copy, parents first, with the old system's names (ours keep them). */
export const SHOP_TABLE_COPIES: ShopTable[] = [
  {
    table: 'customer',
    select: () => 'select id, name, business_name, email, phone from customer order by id',
    map: (row) => ({
      values: [
        int(row.id),
        String(row.name),
        textOrNull(row.business_name),
        textOrNull(row.email),
        textOrNull(row.phone),
      ],
    }),
  },
  {
    table: 'product',
    select: () => 'select id, name from product order by id',
    map: (row) => ({ values: [int(row.id), String(row.name)] }),
  },
  {
    table: 'sale',
    select: (e) =>
      `select id, invoice_no, customer_id, status, claimed_on_credit, ${e.money('subtotal')} as subtotal,
        ${e.money('discount')} as discount, ${e.money('total')} as total, ${e.naive('created_at')} as created_at
       from sale order by id`,
    map: (row, copied, importedAt) => {
      const known = row.customer_id === null || copied.customer.has(int(row.customer_id));
      const values = [
        int(row.id),
        String(row.invoice_no),
        known && row.customer_id !== null ? int(row.customer_id) : null,
        textOrNull(row.status) ?? 'PAID',
        bool(row.claimed_on_credit),
        money(row.subtotal),
        money(row.discount),
        money(row.total),
        naiveToInstant(row.created_at, 'utc', where('sale', row, 'created_at')) ?? importedAt,
      ];
      return known ? { values } : { values, note: 'customer no longer exists: imported as walk-in' };
    },
  },
  {
    table: 'sale_item',
    optional: ['revoked_at'],
    select: (e, has) =>
      `select id, sale_id, product_id, qty, ${e.money('unit_price')} as unit_price, ${e.money('line_total')} as line_total,
        ${has.has('revoked_at') ? e.naive('revoked_at') : 'null'} as revoked_at
       from sale_item order by id`,
    map: (row, copied) => {
      if (!copied.sale.has(int(row.sale_id))) return { skip: 'its sale no longer exists' };
      const known = row.product_id !== null && copied.product.has(int(row.product_id));
      const values = [
        int(row.id),
        int(row.sale_id),
        known ? int(row.product_id) : null,
        int(row.qty),
        money(row.unit_price),
        money(row.line_total),
        naiveToInstant(row.revoked_at, 'utc', where('sale_item', row, 'revoked_at')),
      ];
      return known ? { values } : { values, note: 'product no longer exists: imported without a product' };
    },
  },
  {
    table: 'sale_payment',
    select: (e) =>
      `select id, sale_id, ${e.money('amount')} as amount, method, ${e.naive('paid_at')} as paid_at
       from sale_payment order by id`,
    map: (row, copied) => payment(row, 'sale_payment', copied.sale.has(int(row.sale_id)), int(row.sale_id)),
  },
  {
    table: 'device',
    select: (e) =>
      `select id, ticket_number, customer_id, device_type, status, is_archived,
        ${e.date('actual_completion')} as actual_completion, ${e.money('total_cost')} as total_cost,
        ${e.money('deposit_paid')} as deposit_paid, payment_status, claimed_on_credit, charge_waived,
        ${e.naive('created_at')} as created_at
       from device order by id`,
    map: (row, copied, importedAt) => {
      if (!copied.customer.has(int(row.customer_id))) return { skip: 'its customer no longer exists' };
      return {
        values: [
          int(row.id),
          String(row.ticket_number),
          int(row.customer_id),
          String(row.device_type),
          textOrNull(row.status) ?? 'Received',
          bool(row.is_archived),
          oldDate(row.actual_completion, where('device', row, 'actual_completion')),
          money(row.total_cost),
          money(row.deposit_paid),
          textOrNull(row.payment_status) ?? 'Pending',
          bool(row.claimed_on_credit),
          bool(row.charge_waived),
          naiveToInstant(row.created_at, 'utc', where('device', row, 'created_at')) ?? importedAt,
        ],
      };
    },
  },
  {
    table: 'repair_payment',
    select: (e) =>
      `select id, device_id, ${e.money('amount')} as amount, method, ${e.naive('paid_at')} as paid_at
       from repair_payment order by id`,
    map: (row, copied) => payment(row, 'repair_payment', copied.device.has(int(row.device_id)), int(row.device_id)),
  },
];

/** A sale or repair payment: its paid_at is utcnow() wall clock, so it is read as UTC. */
function payment(row: OldRow, table: string, parentExists: boolean, parentId: number): Mapped {
  if (!parentExists) return { skip: `its ${table === 'sale_payment' ? 'sale' : 'ticket'} no longer exists` };
  if (row.paid_at === null) return { skip: 'no paid_at (no report ever counted it)' };
  if (row.amount === null) return { skip: 'no amount' };
  const paidAt = naiveToInstant(row.paid_at, 'utc', where(table, row, 'paid_at'));
  return { values: [int(row.id), parentId, String(row.amount), textOrNull(row.method), paidAt] };
}

/** Stops with the column the old table lacks: an older old system; its own migrations bring it up to date. */
export function assertColumns(copy: ShopTable, has: Set<string>): void {
  const missing = SHOP_COLUMNS[copy.table].filter((column) => !has.has(column) && !copy.optional?.includes(column));
  if (missing.length === 0) return;
  throw new AppError(
    'VALIDATION',
    `--from: the old table ${copy.table} lacks ${missing.join(', ')}: run the old system's migrations (v2.0.6 or later) first`,
  );
}
