import {
  createShopFactory,
  createTestDatabase,
  FORMULA_NAME,
  seedManilaScenario,
  type TestDatabase,
} from '@reportmail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodFromLocalDates } from './period.js';
import { largestPayments } from './queries.js';
import { buildReport, withReportSnapshot } from './report.js';

describe('buildReport', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedManilaScenario(database);
  });
  afterAll(() => database.drop());

  it('counts only money received in the period, to the centavo', async () => {
    const report = await buildReport(database.sql, periodFromLocalDates('2026-03-02', '2026-03-02', 'Asia/Manila'));
    expect(report.period).toEqual({
      start: '2026-03-01T16:00:00.000Z',
      end: '2026-03-02T16:00:00.000Z',
      timezone: 'Asia/Manila',
      label: 'Mar 2, 2026',
      firstDay: '2026-03-02',
      lastDay: '2026-03-02',
    });
    expect(report.totals).toEqual({
      revenue: '3715.00',
      salesRevenue: '1715.00',
      repairRevenue: '2000.00',
      transactions: 9,
      salesTransactions: 7,
      repairTransactions: 2,
    });
    expect(report.breakdown).toEqual([
      {
        method: 'Bank Transfer',
        count: 1,
        total: '1500.00',
        salesTotal: '0.00',
        repairsTotal: '1500.00',
      },
      {
        method: 'Card',
        count: 1,
        total: '1000.00',
        salesTotal: '1000.00',
        repairsTotal: '0.00',
      },
      {
        method: 'Cash',
        count: 3,
        total: '950.00',
        salesTotal: '450.00',
        repairsTotal: '500.00',
      },
      {
        method: 'GCash',
        count: 2,
        total: '250.00',
        salesTotal: '250.00',
        repairsTotal: '0.00',
      },
      {
        method: 'Unknown',
        count: 2,
        total: '15.00',
        salesTotal: '15.00',
        repairsTotal: '0.00',
      },
    ]);
  });

  it('compares with the previous day', async () => {
    const report = await buildReport(database.sql, periodFromLocalDates('2026-03-02', '2026-03-02', 'Asia/Manila'));
    expect(report.previous).toEqual({
      start: '2026-02-28T16:00:00.000Z',
      end: '2026-03-01T16:00:00.000Z',
      label: 'Mar 1, 2026',
      totals: {
        revenue: '500.00',
        salesRevenue: '500.00',
        repairRevenue: '0.00',
        transactions: 2,
        salesTransactions: 2,
        repairTransactions: 0,
      },
    });
    expect(report.comparison).toEqual({
      revenueDelta: '3215.00',
      revenuePercent: 643,
      transactionsDelta: 7,
      transactionsPercent: 350,
    });
  });

  it('lists detail rows in local time, oldest first, with items, customers and methods', async () => {
    const report = await buildReport(database.sql, periodFromLocalDates('2026-03-02', '2026-03-02', 'Asia/Manila'));
    expect(report.sales.map((row) => [row.localTime, row.invoiceNo, row.customer, row.method, row.amount])).toEqual([
      ['2026-03-02 00:00', 'INV-B', 'Walk-in', 'GCash', '200.00'],
      ['2026-03-02 07:30', 'INV-B', 'Walk-in', 'GCash', '50.00'],
      ['2026-03-02 10:00', 'INV-A', 'Ana Cruz', 'Cash', '300.00'],
      ['2026-03-02 11:00', 'INV-OVER', FORMULA_NAME, 'Card', '1000.00'],
      ['2026-03-02 12:00', 'INV-UNKNOWN', 'Blue Shop Inc.', 'Unknown', '10.00'],
      ['2026-03-02 12:30', 'INV-UNKNOWN', 'Blue Shop Inc.', 'Unknown', '5.00'],
      ['2026-03-02 13:00', 'INV-REVOKED', 'Ben Reyes', 'Cash', '150.00'],
    ]);
    expect(report.sales[2]).toEqual({
      paidAt: '2026-03-02T02:00:00.000Z',
      localTime: '2026-03-02 10:00',
      invoiceNo: 'INV-A',
      customer: 'Ana Cruz',
      items: '2× Phone case, 1× Charger',
      method: 'Cash',
      amount: '300.00',
      status: 'PARTIAL',
    });
    expect(report.sales[6]?.items).toBe('1× Earbuds');
    expect(report.repairs).toEqual([
      {
        paidAt: '2026-03-02T01:00:00.000Z',
        localTime: '2026-03-02 09:00',
        ticketNumber: 'JC-2026-001',
        customer: 'Acme Corp',
        deviceType: 'Laptop',
        method: 'Cash',
        amount: '500.00',
        status: 'Paid',
      },
      {
        paidAt: '2026-03-02T07:00:00.000Z',
        localTime: '2026-03-02 15:00',
        ticketNumber: 'JC-2026-001',
        customer: 'Acme Corp',
        deviceType: 'Laptop',
        method: 'Bank Transfer',
        amount: '1500.00',
        status: 'Paid',
      },
    ]);
  });

  it('lists the largest payments first, sales and repairs together', async () => {
    const period = periodFromLocalDates('2026-03-02', '2026-03-02', 'Asia/Manila');
    const largest = await withReportSnapshot(database.sql, (tx) => largestPayments(tx, period, period.timezone, 3));
    expect(largest.map(({ id: _id, ...row }) => row)).toEqual([
      {
        kind: 'repair',
        local_time: '2026-03-02 15:00',
        reference: 'JC-2026-001',
        customer: 'Acme Corp',
        method: 'Bank Transfer',
        amount: '1500.00',
      },
      {
        kind: 'sale',
        local_time: '2026-03-02 11:00',
        reference: 'INV-OVER',
        customer: FORMULA_NAME,
        method: 'Card',
        amount: '1000.00',
      },
      {
        kind: 'repair',
        local_time: '2026-03-02 09:00',
        reference: 'JC-2026-001',
        customer: 'Acme Corp',
        method: 'Cash',
        amount: '500.00',
      },
    ]);
  });

  it('gives an empty period zero totals and no rows', async () => {
    const report = await buildReport(database.sql, periodFromLocalDates('2025-01-01', '2025-01-07', 'Asia/Manila'));
    expect(report.totals).toEqual({
      revenue: '0.00',
      salesRevenue: '0.00',
      repairRevenue: '0.00',
      transactions: 0,
      salesTransactions: 0,
      repairTransactions: 0,
    });
    expect([report.breakdown, report.sales, report.repairs]).toEqual([[], [], []]);
    expect(report.comparison.revenuePercent).toBeNull();
  });
});

describe('buildReport on sums a float gets wrong', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const { sql } = database;
    await sql`insert into sale (invoice_no, status, total) values ('INV-BIG', 'PAID', 9999999999.99)`;
    await sql`insert into sale_payment (sale_id, amount, method, paid_at)
      select s.id, 9999999999.99, 'Bank Transfer', '2026-04-01T10:00:00+08:00'::timestamptz + (g * interval '1 second')
      from sale s, generate_series(1, 1000) g where s.invoice_no = 'INV-BIG'`;
  });
  afterAll(() => database.drop());

  it('adds 1,000 × 9,999,999,999.99 exactly', async () => {
    const floatSum = Array.from({ length: 1000 }, () => 9999999999.99).reduce((sum, amount) => sum + amount, 0);
    expect(floatSum.toFixed(2)).not.toBe('9999999999990.00');
    const report = await buildReport(database.sql, periodFromLocalDates('2026-04-01', '2026-04-01', 'Asia/Manila'));
    expect(report.totals.revenue).toBe('9999999999990.00');
    expect(report.breakdown).toEqual([
      {
        method: 'Bank Transfer',
        count: 1000,
        total: '9999999999990.00',
        salesTotal: '9999999999990.00',
        repairsTotal: '0.00',
      },
    ]);
  });
});

describe('buildReport across DST in America/New_York', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const shop = createShopFactory(database.sql);
    await shop.createSale({
      invoiceNo: 'INV-DST',
      payments: [
        { amount: '1.00', paidAt: '2026-03-08T04:59:00Z' }, // Mar 7, 23:59 EST
        { amount: '2.00', paidAt: '2026-03-08T05:30:00Z' }, // Mar 8, 00:30 EST
        { amount: '4.00', paidAt: '2026-03-09T03:30:00Z' }, // Mar 8, 23:30 EDT
        { amount: '8.00', paidAt: '2026-03-09T04:00:00Z' }, // Mar 9, 00:00 EDT
        { amount: '16.00', paidAt: '2026-11-01T05:30:00Z' }, // Nov 1, 01:30 EDT
        { amount: '32.00', paidAt: '2026-11-01T06:30:00Z' }, // Nov 1, 01:30 EST (the hour repeats)
        { amount: '64.00', paidAt: '2026-11-02T04:30:00Z' }, // Nov 1, 23:30 EST
      ],
    });
  });
  afterAll(() => database.drop());

  it('covers the 23-hour spring-forward day exactly', async () => {
    const report = await buildReport(
      database.sql,
      periodFromLocalDates('2026-03-08', '2026-03-08', 'America/New_York'),
    );
    expect(report.totals.revenue).toBe('6.00');
    expect(report.sales.map((row) => row.localTime)).toEqual(['2026-03-08 00:30', '2026-03-08 23:30']);
  });

  it('covers the 25-hour fall-back day exactly, the repeated hour twice', async () => {
    const report = await buildReport(
      database.sql,
      periodFromLocalDates('2026-11-01', '2026-11-01', 'America/New_York'),
    );
    expect(report.totals.revenue).toBe('112.00');
    expect(report.sales.map((row) => row.localTime)).toEqual([
      '2026-11-01 01:30',
      '2026-11-01 01:30',
      '2026-11-01 23:30',
    ]);
  });
});
