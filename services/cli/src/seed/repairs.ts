import { SHOP_COLUMNS } from '../shop-columns.js';
import { DEVICE_TYPES, METHODS } from './catalog.js';
import { centsText, copyLine } from './copy-format.js';
import {
  CHUNK_PAYMENTS,
  type CopyBatch,
  iso,
  type Moment,
  randomMoments,
  type SeedClock,
  type SeedLayout,
  type SeedPlan,
} from './generator.js';
import { chunkSeed, createRandom, type Random } from './random.js';

type RepairOut = { device: string[]; repair_payment: string[] };

/**
 * Repair tickets and their payments for repair payments [chunk × CHUNK_PAYMENTS, …): every 3 payments
 * belong to 2 tickets, one paid by deposit then settlement, one paid once on release.
 */
export function generateRepairChunk(plan: SeedPlan, clock: SeedClock, layout: SeedLayout, chunk: number): CopyBatch[] {
  const random = createRandom(chunkSeed(plan.seed, 2, chunk));
  const out: RepairOut = { device: [], repair_payment: [] };
  const first = chunk * CHUNK_PAYMENTS;
  const last = Math.min(first + CHUNK_PAYMENTS, layout.repairPayments);
  for (let block = first / 3; block * 3 < last; block += 1) {
    const index = block * 3;
    generateDevice({ random, clock, layout, out }, block * 2 + 1, index + 1, Math.min(2, last - index));
    if (index + 2 < last) generateDevice({ random, clock, layout, out }, block * 2 + 2, index + 3, 1);
  }
  return [
    {
      table: 'device',
      columns: SHOP_COLUMNS.device,
      lines: out.device,
    },
    { table: 'repair_payment', columns: SHOP_COLUMNS.repair_payment, lines: out.repair_payment },
  ];
}

type DeviceContext = { random: Random; clock: SeedClock; layout: SeedLayout; out: RepairOut };

function generateDevice(context: DeviceContext, deviceId: number, firstPaymentId: number, paymentCount: number): void {
  const { random, clock, layout, out } = context;
  const moments = randomMoments(random, clock, paymentCount);
  const cost = random.int(10, 160) * 5_000;
  const deposit = paymentCount === 2 ? Math.round((cost * 0.4) / 5_000) * 5_000 : 0;
  const outcome = deviceOutcome(random);
  const lastMoment = moments[moments.length - 1] as Moment;
  const amounts = paymentCount === 2 ? [deposit, cost - deposit] : [cost];
  if (outcome.overpaid) amounts[amounts.length - 1] = Math.ceil(((amounts.at(-1) ?? 0) + 1) / 10_000) * 10_000;
  const year = new Date(lastMoment.ms).getUTCFullYear();
  out.device.push(
    copyLine([
      deviceId,
      `JC-${year}-${String(deviceId).padStart(6, '0')}`,
      random.int(1, layout.customers),
      random.pick(DEVICE_TYPES),
      outcome.status,
      outcome.archived,
      outcome.archived ? (clock.days[lastMoment.day] as string) : null,
      centsText(outcome.waived ? 0 : cost),
      centsText(outcome.waived ? 0 : deposit),
      outcome.paymentStatus,
      outcome.credit,
      outcome.waived,
      iso((moments[0] as Moment).ms - random.int(1, 72) * 3_600_000),
    ]),
  );
  amounts.forEach((amount, index) => {
    const method = random.weighted(METHODS);
    out.repair_payment.push(
      copyLine([firstPaymentId + index, deviceId, centsText(amount), method, iso((moments[index] as Moment).ms)]),
    );
  });
}

/** Most tickets are completed and paid; some are waived (pulled out), on credit, or not yet released. */
function deviceOutcome(random: Random) {
  const roll = random.next();
  const base = {
    archived: true,
    credit: false,
    waived: false,
    overpaid: false,
    paymentStatus: 'Paid',
    status: 'Completed',
  };
  if (roll < 0.05) return { ...base, waived: true, status: 'Pulled out' };
  if (roll < 0.08) return { ...base, credit: true, paymentStatus: 'Partial' };
  if (roll < 0.15) return { ...base, archived: false, status: 'Ready', paymentStatus: 'Partial' };
  return { ...base, overpaid: random.chance(0.02) };
}
