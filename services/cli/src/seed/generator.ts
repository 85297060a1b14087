import { addDays, startOfLocalDay } from '@reportmail/reports';
import { SHOP_COLUMNS } from '../shop-columns.js';
import { BUSINESSES, FIRST_NAMES, LAST_NAMES, METHODS, PRODUCTS } from './catalog.js';
import { centsText, copyLine } from './copy-format.js';
import { chunkSeed, createRandom, type Random } from './random.js';

export type SeedPlan = { payments: number; days: number; until: string; timezone: string; seed: number };

export type CopyBatch = { table: string; columns: string[]; lines: string[] };

/** Payments per generated chunk: a multiple of both block sizes (15 sale, 3 repair payments). */
export const CHUNK_PAYMENTS = 15_000;
/** 80% of payments are sale payments, the rest repair payments, as in the shop's real mix. */
const SALE_SHARE = 0.8;
/** Every 15 sale payments belong to 10 sales: six paid at once, three in two parts, one in three. */
const SALE_PAYMENT_COUNTS = [1, 1, 1, 1, 1, 1, 2, 2, 2, 3];
const OPEN_HOURS_SECONDS = { from: 8 * 3600, span: 12 * 3600 };

export type SeedLayout = { salePayments: number; repairPayments: number; customers: number };

export function seedLayout(plan: SeedPlan): SeedLayout {
  const salePayments = Math.round(plan.payments * SALE_SHARE);
  return {
    salePayments,
    repairPayments: plan.payments - salePayments,
    customers: Math.min(50_000, Math.max(50, Math.round(plan.payments / 20))),
  };
}

/** Local midnight of each seeded day, computed once: payments are offsets into these days. */
export type SeedClock = { dayStarts: number[]; days: string[] };

export function createSeedClock(plan: SeedPlan): SeedClock {
  const days = Array.from({ length: plan.days }, (_, index) => addDays(plan.until, index - plan.days + 1));
  return { days, dayStarts: days.map((day) => startOfLocalDay(day, plan.timezone).getTime()) };
}

export type Moment = { ms: number; day: number };

export function randomMoments(random: Random, clock: SeedClock, count: number): Moment[] {
  return Array.from({ length: count }, () => {
    const day = random.int(0, clock.days.length - 1);
    const seconds = OPEN_HOURS_SECONDS.from + random.int(0, OPEN_HOURS_SECONDS.span - 1);
    return { ms: (clock.dayStarts[day] as number) + seconds * 1000, day };
  }).sort((a, b) => a.ms - b.ms);
}

export const iso = (ms: number) => new Date(ms).toISOString();

export function generateCatalog(plan: SeedPlan, layout: SeedLayout): CopyBatch[] {
  const random = createRandom(chunkSeed(plan.seed, 0, 0));
  const customers = Array.from({ length: layout.customers }, (_, index) => {
    const person = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const business = random.chance(0.15) ? random.pick(BUSINESSES) : null;
    const name = business && random.chance(0.3) ? '' : person;
    const phone = `09${String(random.int(100_000_000, 999_999_999))}`;
    return copyLine([index + 1, name, business, null, phone]);
  });
  const products = PRODUCTS.map((product, index) => copyLine([index + 1, product.name]));
  return [
    { table: 'customer', columns: SHOP_COLUMNS.customer, lines: customers },
    { table: 'product', columns: SHOP_COLUMNS.product, lines: products },
  ];
}

type SaleContext = { random: Random; clock: SeedClock; layout: SeedLayout; out: Record<string, string[]> };

/** The sales, their items and payments for sale payments [chunk × CHUNK_PAYMENTS, …). */
export function generateSaleChunk(plan: SeedPlan, clock: SeedClock, layout: SeedLayout, chunk: number): CopyBatch[] {
  const context: SaleContext = {
    random: createRandom(chunkSeed(plan.seed, 1, chunk)),
    clock,
    layout,
    out: { sale: [], sale_item: [], sale_payment: [] },
  };
  const first = chunk * CHUNK_PAYMENTS;
  const last = Math.min(first + CHUNK_PAYMENTS, layout.salePayments);
  for (let block = first / 15; block * 15 < last; block += 1) {
    let paymentIndex = block * 15;
    SALE_PAYMENT_COUNTS.forEach((count, slot) => {
      const available = Math.min(count, last - paymentIndex);
      if (available > 0) generateSale(context, block * 10 + slot + 1, paymentIndex + 1, available);
      paymentIndex += count;
    });
  }
  return [
    {
      table: 'sale',
      columns: SHOP_COLUMNS.sale,
      lines: context.out.sale ?? [],
    },
    {
      table: 'sale_item',
      columns: SHOP_COLUMNS.sale_item,
      lines: context.out.sale_item ?? [],
    },
    {
      table: 'sale_payment',
      columns: SHOP_COLUMNS.sale_payment,
      lines: context.out.sale_payment ?? [],
    },
  ];
}

function generateSale(context: SaleContext, saleId: number, firstPaymentId: number, paymentCount: number): void {
  const { random, clock, layout, out } = context;
  const moments = randomMoments(random, clock, paymentCount);
  const createdAt = (moments[0] as Moment).ms - random.int(1, 30) * 60_000;
  let subtotal = 0;
  const itemCount = random.weighted([
    [1, 60],
    [2, 30],
    [3, 10],
  ] as const);
  for (let item = 0; item < itemCount; item += 1) {
    const productIndex = random.int(0, PRODUCTS.length - 1);
    const qty = random.weighted([
      [1, 80],
      [2, 15],
      [3, 5],
    ] as const);
    const price = (PRODUCTS[productIndex] as { priceCents: number }).priceCents;
    const revoked = random.chance(0.02) && itemCount > 1;
    if (!revoked) subtotal += price * qty;
    out.sale_item?.push(
      copyLine([
        saleId * 4 + item,
        saleId,
        productIndex + 1,
        qty,
        centsText(price),
        centsText(price * qty),
        revoked ? iso(createdAt + 3_600_000) : null,
      ]),
    );
  }
  const discount = random.chance(0.1) ? Math.round((subtotal * 0.05) / 100) * 100 : 0;
  const total = Math.max(0, subtotal - discount);
  const { status, credit, paid } = saleOutcome(random, total, paymentCount);
  const customer = random.chance(0.3) ? null : random.int(1, layout.customers);
  const year = new Date(createdAt).getUTCFullYear();
  out.sale?.push(
    copyLine([
      saleId,
      `INV-${year}-${String(saleId).padStart(7, '0')}`,
      customer,
      status,
      credit,
      centsText(subtotal),
      centsText(discount),
      centsText(total),
      iso(createdAt),
    ]),
  );
  splitAmount(paid, paymentCount).forEach((amount, index) => {
    const method = random.weighted(METHODS);
    out.sale_payment?.push(
      copyLine([firstPaymentId + index, saleId, centsText(amount), method, iso((moments[index] as Moment).ms)]),
    );
  });
}

/** How a sale ended: mostly paid in full; some partial, credited, voided or overpaid in cash. */
function saleOutcome(random: Random, total: number, paymentCount: number) {
  const roll = random.next();
  if (roll < 0.03) return { status: 'VOID', credit: false, paid: total };
  if (roll < 0.05)
    return { status: 'PARTIAL', credit: true, paid: Math.max(paymentCount * 100, Math.round(total * 0.4)) };
  if (roll < 0.13)
    return { status: 'PARTIAL', credit: false, paid: Math.max(paymentCount * 100, Math.round(total * 0.6)) };
  if (paymentCount === 1 && random.chance(0.03))
    return { status: 'PAID', credit: false, paid: Math.ceil((total + 1) / 50_000) * 50_000 };
  return { status: 'PAID', credit: false, paid: total };
}

/** Splits centavos into `parts` positive whole-peso amounts (the last takes the remainder). */
export function splitAmount(total: number, parts: number): number[] {
  const amount = Math.max(total, parts * 100);
  const share = Math.floor(amount / parts / 100) * 100;
  return Array.from({ length: parts }, (_, index) => (index === parts - 1 ? amount - share * (parts - 1) : share));
}
