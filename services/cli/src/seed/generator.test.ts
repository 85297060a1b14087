import { describe, expect, it } from 'vitest';
import { createSeedClock, generateSaleChunk, type SeedPlan, seedLayout, splitAmount } from './generator.js';
import { generateRepairChunk } from './repairs.js';

const plan: SeedPlan = { payments: 1_000, days: 7, until: '2026-03-07', timezone: 'Asia/Manila', seed: 1 };

describe('seed generator', () => {
  const layout = seedLayout(plan);
  const clock = createSeedClock(plan);

  it('splits payments 80/20 between sales and repairs', () => {
    expect(layout).toEqual({ salePayments: 800, repairPayments: 200, customers: 50 });
  });

  it('is deterministic for the same plan and differs for another seed', () => {
    const once = generateSaleChunk(plan, clock, layout, 0);
    expect(generateSaleChunk(plan, clock, layout, 0)).toEqual(once);
    expect(generateSaleChunk({ ...plan, seed: 2 }, clock, layout, 0)).not.toEqual(once);
  });

  it('writes exactly the requested number of payments, inside the seeded days', () => {
    const [, , salePayments] = generateSaleChunk(plan, clock, layout, 0);
    const [, repairPayments] = generateRepairChunk(plan, clock, layout, 0);
    expect(salePayments?.lines).toHaveLength(800);
    expect(repairPayments?.lines).toHaveLength(200);
    const instants = [...(salePayments?.lines ?? []), ...(repairPayments?.lines ?? [])].map(
      (line) => line.trimEnd().split('\t')[4] as string,
    );
    expect(instants.every((at) => at >= '2026-02-28T16:00:00.000Z' && at < '2026-03-07T16:00:00.000Z')).toBe(true);
  });

  it('includes the rows the accounting rules must exclude', () => {
    const [sales] = generateSaleChunk(
      { ...plan, payments: 20_000 },
      clock,
      seedLayout({ ...plan, payments: 20_000 }),
      0,
    );
    const statuses = new Set(sales?.lines.map((line) => line.split('\t')[3]));
    expect(statuses).toEqual(new Set(['PAID', 'PARTIAL', 'VOID']));
    expect(sales?.lines.some((line) => line.split('\t')[4] === 'true')).toBe(true);
  });

  it.each([
    [100_000, 1, [100_000]],
    [100_000, 3, [33_300, 33_300, 33_400]],
    [50, 2, [100, 100]],
  ])('splitAmount(%s, %s) → %j', (total, parts, expected) => {
    expect(splitAmount(total, parts)).toEqual(expected);
  });
});
