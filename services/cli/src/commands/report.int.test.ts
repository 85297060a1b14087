import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '@reportmail/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReportCommand } from './report.js';
import { runSeedCommand } from './seed.js';

function captureStdout() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { stdout: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe('pnpm db:seed and pnpm report', () => {
  let database: TestDatabase;
  const currency = { symbol: '₱', locale: 'en-PH' };
  beforeAll(async () => {
    database = await createTestDatabase();
    const { stdout } = captureStdout();
    await runSeedCommand({ sql: database.sql, timezone: 'Asia/Manila', stdout }, [
      '--payments',
      '3000',
      '--days',
      '7',
      '--until',
      '2026-03-07',
    ]);
  });
  afterAll(() => database.drop());

  it('seeds deterministic data the engine reports exactly as SQL sums it', async () => {
    const { stdout, text } = captureStdout();
    await runReportCommand({ sql: database.sql, timezone: 'Asia/Manila', currency, stdout }, [
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-07',
    ]);
    const report = JSON.parse(text());
    const [expected] = await database.sql<{ sales: string; repairs: string }[]>`
      select
        (select sum(sp.amount)::text from sale_payment sp join sale s on s.id = sp.sale_id
          where sp.amount > 0 and s.status in ('PAID', 'PARTIAL') and not s.claimed_on_credit) as sales,
        (select sum(rp.amount)::text from repair_payment rp join device d on d.id = rp.device_id
          where rp.amount > 0 and d.is_archived and not d.charge_waived and not d.claimed_on_credit) as repairs`;
    expect(report.totals.salesRevenue).toBe(expected?.sales);
    expect(report.totals.repairRevenue).toBe(expected?.repairs);
    expect(report.sales).toHaveLength(report.totals.salesTransactions);
    expect(report.totals.transactions).toBeLessThan(3000);
    expect(report.totals.transactions).toBeGreaterThan(2500);
  });

  it('refuses to seed over existing data without --reset', async () => {
    const { stdout } = captureStdout();
    await expect(
      runSeedCommand({ sql: database.sql, timezone: 'Asia/Manila', stdout }, ['--payments', '10']),
    ).rejects.toThrow('The shop tables already hold data: pass --reset to replace them.');
  });

  it('writes the workbook to --out and nothing else in the folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'reportmail-cli-'));
    const out = join(folder, 'week.xlsx');
    const { stdout, text } = captureStdout();
    await runReportCommand({ sql: database.sql, timezone: 'Asia/Manila', currency, stdout }, [
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-07',
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(await readdir(folder)).toEqual(['week.xlsx']);
    expect(text()).toMatch(
      /^Wrote .*week\.xlsx: Mar 1 – Mar 7, 2026 \(Asia\/Manila\), revenue ₱[\d,]+\.\d{2} from \d+ payments/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Sales', 'Repairs']);
  });

  it.each([
    [['--from', '2026-02-30'], 'from: expected a calendar date as YYYY-MM-DD, got "2026-02-30"'],
    [['--from', '2026-03-02', '--to', '2026-03-01'], 'to: must be on or after from (2026-03-02)'],
    [['--from', '2026-03-01', '--tz', 'Mars/Base'], '--tz: unknown IANA time zone "Mars/Base"'],
    [['--from', '2026-03-01', '--format', 'csv'], '--format: must be json or xlsx'],
    [['--to', '2026-03-01'], '--from: is required (YYYY-MM-DD)'],
    [['--from', '2026-03-01', '--colour'], "Unknown option '--colour'"],
  ])('rejects %j with a message naming the field', async (argv, message) => {
    const { stdout } = captureStdout();
    await expect(
      runReportCommand({ sql: database.sql, timezone: 'Asia/Manila', currency, stdout }, argv),
    ).rejects.toThrow(message);
  });
});
