import { buildReport, periodFromLocalDates } from '@reportmail/reports';
import { seedManilaScenario } from '@reportmail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

/** How the errors plugin names a query parameter (after Fastify's validation context). */
const queryField = (name: string) => `querystring.${name}`;

describe('report data', () => {
  let fixture: ApiFixture;
  const get = (query: string, caller: 'viewer' | 'anonymous' = 'viewer') =>
    fixture.call(caller, 'GET', `/v1/report-data${query}`);
  /** What `pnpm report --format json` prints for these days: the same package function, same data. */
  const cliJson = async (from: string, to: string, timezone: string) =>
    JSON.parse(JSON.stringify(await buildReport(fixture.database.sql, periodFromLocalDates(from, to, timezone))));

  beforeAll(async () => {
    fixture = await createApiFixture({ REPORT_TIMEZONE: 'Asia/Manila' });
    await seedManilaScenario(fixture.database);
  });
  afterAll(async () => fixture.close());

  it('answers exactly what the CLI prints for one Manila day, to the centavo', async () => {
    const reply = await get('?from=2026-03-02&tz=Asia/Manila');
    expect(reply.statusCode).toBe(200);
    const body = reply.json();
    expect(body).toEqual(await cliJson('2026-03-02', '2026-03-02', 'Asia/Manila'));
    expect(body.period).toEqual({
      start: '2026-03-01T16:00:00.000Z',
      end: '2026-03-02T16:00:00.000Z',
      timezone: 'Asia/Manila',
      label: 'Mar 2, 2026',
      firstDay: '2026-03-02',
      lastDay: '2026-03-02',
    });
    expect(body.totals).toEqual({
      revenue: '3715.00',
      salesRevenue: '1715.00',
      repairRevenue: '2000.00',
      transactions: 9,
      salesTransactions: 7,
      repairTransactions: 2,
    });
    expect(body.comparison).toEqual({
      revenueDelta: '3215.00',
      revenuePercent: 643,
      transactionsDelta: 7,
      transactionsPercent: 350,
    });
    expect([body.sales.length, body.repairs.length]).toEqual([7, 2]);
    expect(body.sales[2]).toEqual({
      paidAt: '2026-03-02T02:00:00.000Z',
      localTime: '2026-03-02 10:00',
      invoiceNo: 'INV-A',
      customer: 'Ana Cruz',
      items: '2× Phone case, 1× Charger',
      method: 'Cash',
      amount: '300.00',
      status: 'PARTIAL',
    });
  });

  it('takes the zone from REPORT_TIMEZONE when none is given, and ranges of days', async () => {
    expect((await get('?from=2026-03-02')).json()).toEqual(await cliJson('2026-03-02', '2026-03-02', 'Asia/Manila'));
    const range = await get('?from=2026-03-01&to=2026-03-03');
    expect(range.json()).toEqual(await cliJson('2026-03-01', '2026-03-03', 'Asia/Manila'));
    expect(range.json().period.label).toBe('Mar 1 – Mar 3, 2026');
  });

  it('reads the days in the zone asked for', async () => {
    const utc = (await get('?from=2026-03-02&tz=UTC')).json();
    expect(utc).toEqual(await cliJson('2026-03-02', '2026-03-02', 'UTC'));
    expect(utc.period.start).toBe('2026-03-02T00:00:00.000Z');
  });

  it('leaves the payment rows out with rows=false, the totals and methods unchanged', async () => {
    const full = await cliJson('2026-03-01', '2026-03-03', 'Asia/Manila');
    const reply = await get('?from=2026-03-01&to=2026-03-03&rows=false');
    expect(reply.statusCode).toBe(200);
    const { sales, repairs, ...summary } = full;
    expect([sales.length > 0, repairs.length > 0]).toEqual([true, true]);
    expect(reply.json()).toEqual(summary);
    expect((await get('?from=2026-03-02&rows=true')).json()).toEqual(
      await cliJson('2026-03-02', '2026-03-02', 'Asia/Manila'),
    );
    const wrong = await get('?from=2026-03-02&rows=no');
    expect([wrong.statusCode, wrong.json().details[0]?.field]).toEqual([400, queryField('rows')]);
  });

  it('accepts a whole leap year (366 days)', async () => {
    const reply = await get('?from=2028-01-01&to=2028-12-31&tz=UTC');
    expect([reply.statusCode, reply.json().totals.transactions]).toEqual([200, 0]);
  });

  it.each([
    ['', 'from', 'is required: a calendar date as YYYY-MM-DD'],
    ['?from=2026-3-2', 'from', 'expected a calendar date as YYYY-MM-DD, got "2026-3-2"'],
    ['?from=2026-02-30', 'from', 'expected a calendar date as YYYY-MM-DD, got "2026-02-30"'],
    ['?from=2026-03-02&to=tomorrow', 'to', 'expected a calendar date as YYYY-MM-DD, got "tomorrow"'],
    ['?from=2026-03-02&to=2026-03-01', 'to', 'must be on or after from (2026-03-02)'],
    ['?from=2026-01-01&to=2027-01-02', 'to', 'must be within 365 days after from (366 days in all)'],
    ['?from=2026-03-02&tz=Mars/Olympus', 'tz', 'must be an IANA time zone such as Asia/Manila'],
  ])('answers %j with a 400 naming the query parameter %s', async (query, field, message) => {
    const reply = await get(query);
    expect([reply.statusCode, reply.json().error, reply.json().details]).toEqual([
      400,
      'VALIDATION',
      [{ field: queryField(field), message }],
    ]);
  });

  it('refuses unknown parameters and anonymous callers', async () => {
    expect((await get('?from=2026-03-02&format=xlsx')).statusCode).toBe(400);
    expect((await get('?from=2026-03-02', 'anonymous')).statusCode).toBe(401);
  });
});
