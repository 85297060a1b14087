import { createShopFactory, createTestDatabase, type TestDatabase } from '@reportmail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDecimal } from './money.js';
import { periodBetween, periodFromLocalDates } from './period.js';
import { withReportSnapshot } from './report.js';
import { revenueTrend, trendDays } from './trend.js';

const asText = (trend: Awaited<ReturnType<typeof revenueTrend>>) =>
  trend && {
    kind: trend.kind,
    days: trend.days.map((day) => [day.day, formatDecimal(day.sales), formatDecimal(day.repairs)]),
  };

describe('revenueTrend', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const shop = createShopFactory(database.sql);
    // Mondays in Manila: Feb 9, 16 and Mar 2 have money; Feb 23 none. Mar 3 and 4 are in the week below.
    await shop.createSale({ payments: [{ amount: '100.00', paidAt: '2026-02-09T01:00:00Z' }] });
    await shop.createSale({ payments: [{ amount: '250.50', paidAt: '2026-02-16T15:59:59Z' }] }); // 23:59:59 local
    await shop.createSale({ payments: [{ amount: '999.00', paidAt: '2026-02-16T16:00:00Z' }] }); // Tue 00:00 local
    await shop.createSale({ payments: [{ amount: '300.00', paidAt: '2026-03-02T02:00:00Z' }] });
    await shop.createDevice({ payments: [{ amount: '700.00', paidAt: '2026-03-02T03:00:00Z' }] });
    await shop.createDevice({ isArchived: false, payments: [{ amount: '5000.00', paidAt: '2026-03-02T04:00:00Z' }] });
    await shop.createSale({ status: 'VOID', payments: [{ amount: '800.00', paidAt: '2026-03-03T02:00:00Z' }] });
    await shop.createSale({ payments: [{ amount: '40.00', paidAt: '2026-03-04T02:00:00Z' }] });
  });
  afterAll(() => database.drop());

  const trendOf = (period: Parameters<typeof revenueTrend>[1]) =>
    withReportSnapshot(database.sql, (tx) => revenueTrend(tx, period)).then(asText);

  it('gives a daily report the same weekday over the four weeks before it, by the counting rules', async () => {
    expect(await trendOf(periodFromLocalDates('2026-03-02', '2026-03-02', 'Asia/Manila'))).toEqual({
      kind: 'weekday',
      days: [
        ['2026-02-02', '0.00', '0.00'],
        ['2026-02-09', '100.00', '0.00'],
        ['2026-02-16', '250.50', '0.00'],
        ['2026-02-23', '0.00', '0.00'],
        ['2026-03-02', '300.00', '700.00'],
      ],
    });
  });

  it('gives a longer period every one of its local days, summing to its totals', async () => {
    expect(await trendOf(periodFromLocalDates('2026-03-01', '2026-03-04', 'Asia/Manila'))).toEqual({
      kind: 'days',
      days: [
        ['2026-03-01', '0.00', '0.00'],
        ['2026-03-02', '300.00', '700.00'],
        ['2026-03-03', '0.00', '0.00'],
        ['2026-03-04', '40.00', '0.00'],
      ],
    });
  });

  it('has no chart for a period too long to draw', async () => {
    expect(await trendOf(periodFromLocalDates('2026-01-01', '2026-03-31', 'Asia/Manila'))).toBeNull();
  });

  it('clips the first and last day to a period that starts or ends inside them', () => {
    const period = periodBetween(new Date('2026-03-02T04:00:00Z'), new Date('2026-03-03T04:00:00Z'), 'Asia/Manila');
    expect(
      trendDays(period)?.ranges.map((range) => [range.day, range.start.toISOString(), range.end.toISOString()]),
    ).toEqual([
      ['2026-03-02', '2026-03-02T04:00:00.000Z', '2026-03-02T16:00:00.000Z'],
      ['2026-03-03', '2026-03-02T16:00:00.000Z', '2026-03-03T04:00:00.000Z'],
    ]);
  });
});
