// The shop system's tables, with its exact names, so the service can read that system's database.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';

const money = (name: string) => numeric(name, { precision: 12, scale: 2 });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const customer = pgTable('customer', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  businessName: text('business_name'),
  email: text('email'),
  phone: text('phone'),
});

export const product = pgTable('product', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
});

export const sale = pgTable(
  'sale',
  {
    id: serial('id').primaryKey(),
    invoiceNo: varchar('invoice_no', { length: 30 }).notNull().unique(),
    customerId: integer('customer_id').references(() => customer.id),
    status: text('status').notNull().default('PAID'),
    claimedOnCredit: boolean('claimed_on_credit').notNull().default(false),
    subtotal: money('subtotal').notNull().default('0'),
    discount: money('discount').notNull().default('0'),
    total: money('total').notNull().default('0'),
    createdAt: instant('created_at').notNull().default(sql`now()`),
  },
  (table) => [index('sale_customer_id_idx').on(table.customerId)],
);

export const saleItem = pgTable(
  'sale_item',
  {
    id: serial('id').primaryKey(),
    saleId: integer('sale_id')
      .notNull()
      .references(() => sale.id, { onDelete: 'cascade' }),
    productId: integer('product_id').references(() => product.id),
    qty: integer('qty').notNull(),
    unitPrice: money('unit_price').notNull(),
    lineTotal: money('line_total').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (table) => [index('sale_item_sale_id_idx').on(table.saleId)],
);

export const salePayment = pgTable(
  'sale_payment',
  {
    id: serial('id').primaryKey(),
    saleId: integer('sale_id')
      .notNull()
      .references(() => sale.id, { onDelete: 'cascade' }),
    amount: money('amount').notNull(),
    method: varchar('method', { length: 30 }),
    paidAt: instant('paid_at').notNull(),
  },
  (table) => [
    index('sale_payment_paid_at_idx').on(table.paidAt, table.id),
    index('sale_payment_sale_id_idx').on(table.saleId),
  ],
);

export const device = pgTable(
  'device',
  {
    id: serial('id').primaryKey(),
    ticketNumber: varchar('ticket_number', { length: 30 }).notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customer.id),
    deviceType: text('device_type').notNull(),
    status: text('status').notNull().default('Received'),
    isArchived: boolean('is_archived').notNull().default(false),
    actualCompletion: date('actual_completion', { mode: 'string' }),
    totalCost: money('total_cost').notNull().default('0'),
    depositPaid: money('deposit_paid').notNull().default('0'),
    paymentStatus: text('payment_status').notNull().default('Pending'),
    claimedOnCredit: boolean('claimed_on_credit').notNull().default(false),
    chargeWaived: boolean('charge_waived').notNull().default(false),
    createdAt: instant('created_at').notNull().default(sql`now()`),
  },
  (table) => [index('device_customer_id_idx').on(table.customerId)],
);

export const repairPayment = pgTable(
  'repair_payment',
  {
    id: serial('id').primaryKey(),
    deviceId: integer('device_id')
      .notNull()
      .references(() => device.id, { onDelete: 'cascade' }),
    amount: money('amount').notNull(),
    method: varchar('method', { length: 30 }),
    paidAt: instant('paid_at').notNull(),
  },
  (table) => [
    index('repair_payment_paid_at_idx').on(table.paidAt, table.id),
    index('repair_payment_device_id_idx').on(table.deviceId),
  ],
);
