import type { Sql } from 'postgres';

/** Test data builders for the shop tables. Amounts are decimal strings, instants ISO strings. */
export type ShopFactory = ReturnType<typeof createShopFactory>;

export type PaymentInput = {
  amount: string;
  paidAt: string;
  method?: string | null;
};
export type ItemInput = {
  product: string;
  qty: number;
  unitPrice: string;
  revoked?: boolean;
};

export type SaleInput = {
  customer?: { name: string; businessName?: string | null } | null;
  status?: 'DRAFT' | 'PAID' | 'PARTIAL' | 'VOID';
  claimedOnCredit?: boolean;
  items?: ItemInput[];
  payments?: PaymentInput[];
  invoiceNo?: string;
};

export type DeviceInput = {
  customer?: { name: string; businessName?: string | null };
  deviceType?: string;
  isArchived?: boolean;
  chargeWaived?: boolean;
  claimedOnCredit?: boolean;
  paymentStatus?: string;
  totalCost?: string;
  payments?: PaymentInput[];
  ticketNumber?: string;
};

export function createShopFactory(sql: Sql) {
  let sequence = 0;
  const next = () => ++sequence;

  async function customerId(customer: { name: string; businessName?: string | null }): Promise<number> {
    const [row] = await sql<{ id: number }[]>`
      insert into customer (name, business_name) values (${customer.name}, ${customer.businessName ?? null})
      returning id`;
    return (row as { id: number }).id;
  }

  async function productId(name: string): Promise<number> {
    const [existing] = await sql<{ id: number }[]>`select id from product where name = ${name}`;
    if (existing) return existing.id;
    const [row] = await sql<{ id: number }[]>`insert into product (name) values (${name}) returning id`;
    return (row as { id: number }).id;
  }

  async function createSale(input: SaleInput = {}): Promise<{ id: number; invoiceNo: string }> {
    const invoiceNo = input.invoiceNo ?? `INV-2026-${String(next()).padStart(5, '0')}`;
    const owner = input.customer ? await customerId(input.customer) : null;
    const [sale] = await sql<{ id: number }[]>`
      insert into sale (invoice_no, customer_id, status, claimed_on_credit)
      values (${invoiceNo}, ${owner}, ${input.status ?? 'PAID'}, ${input.claimedOnCredit ?? false})
      returning id`;
    const saleId = (sale as { id: number }).id;
    for (const item of input.items ?? []) {
      await sql`
        insert into sale_item (sale_id, product_id, qty, unit_price, line_total, revoked_at)
        values (${saleId}, ${await productId(item.product)}, ${item.qty}, ${item.unitPrice},
                ${item.unitPrice}::numeric * ${item.qty}, ${item.revoked ? '2026-01-01T00:00:00Z' : null}::timestamptz)`;
    }
    await sql`
      update sale set subtotal = coalesce((select sum(line_total) from sale_item
        where sale_id = ${saleId} and revoked_at is null), 0), total = subtotal where id = ${saleId}`;
    for (const payment of input.payments ?? []) {
      await sql`insert into sale_payment (sale_id, amount, method, paid_at)
        values (${saleId}, ${payment.amount}, ${payment.method === undefined ? 'Cash' : payment.method}, ${payment.paidAt})`;
    }
    return { id: saleId, invoiceNo };
  }

  async function createDevice(input: DeviceInput = {}): Promise<{ id: number; ticketNumber: string }> {
    const ticketNumber = input.ticketNumber ?? `JC-2026-${String(next()).padStart(3, '0')}`;
    const owner = await customerId(input.customer ?? { name: `Customer ${sequence}` });
    const [device] = await sql<{ id: number }[]>`
      insert into device (ticket_number, customer_id, device_type, status, is_archived, total_cost,
                          payment_status, claimed_on_credit, charge_waived)
      values (${ticketNumber}, ${owner}, ${input.deviceType ?? 'Laptop'},
              ${input.isArchived === false ? 'Repairing' : 'Completed'}, ${input.isArchived ?? true},
              ${input.totalCost ?? '0'}, ${input.paymentStatus ?? 'Paid'}, ${input.claimedOnCredit ?? false},
              ${input.chargeWaived ?? false})
      returning id`;
    const deviceId = (device as { id: number }).id;
    for (const payment of input.payments ?? []) {
      await sql`insert into repair_payment (device_id, amount, method, paid_at)
        values (${deviceId}, ${payment.amount}, ${payment.method === undefined ? 'Cash' : payment.method}, ${payment.paidAt})`;
    }
    return { id: deviceId, ticketNumber };
  }

  return { createSale, createDevice };
}
