import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  computeReportPeriod,
  computeReportSummary,
  createMoneyFormatter,
  withReportSnapshot,
} from '@reportmail/reports';
import { generateKeyEntry } from '@reportmail/secrets';
import {
  createTestDatabase,
  createTestRedis,
  databaseUrlWithName,
  startServiceProcess,
  type TestDatabase,
  type TestRedis,
} from '@reportmail/testing';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';

const money = createMoneyFormatter({ symbol: '₱', locale: 'en-PH' });
let database: TestDatabase;
let redis: TestRedis;
let outbox: string;
let env: Record<string, string>;

beforeAll(async () => {
  [database, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
  outbox = await mkdtemp(join(tmpdir(), 'reportmail-outbox-'));
  env = {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    OUTBOX_DIR: outbox,
    SECRETS_KEY: generateKeyEntry('k1'),
    JWT_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'warn',
  };
});
afterAll(async () => {
  await Promise.all([database.close(), redis.cleanup(), rm(outbox, { recursive: true, force: true })]);
});

/** Runs a CLI command to its end; its whole output as text. */
async function runCli(args: string[], extraEnv: Record<string, string> = {}) {
  const cli = startServiceProcess('cli', { ...env, ...extraEnv }, args);
  const [code] = (await once(cli.child, 'exit')) as [number | null];
  return { code, output: cli.logs.map((line) => line.msg ?? JSON.stringify(line)).join('\n') };
}

const field = (output: string, label: string) => new RegExp(`^ {2}${label} +(.+)$`, 'm').exec(output)?.[1];

describe('pnpm demo', () => {
  it('seeds a shop, sends yesterday’s report to the outbox and prints the engine’s totals and the files', async () => {
    const { code, output } = await runCli(['demo', '--payments', '1500']);
    expect(code, output).toBe(0);
    const period = computeReportPeriod({ frequency: 'daily', scheduledAt: new Date(), timezone: 'Asia/Manila' });
    const { totals } = await withReportSnapshot(database.sql, (tx) => computeReportSummary(tx, period));
    expect(totals.transactions).toBeGreaterThan(0);
    expect(field(output, 'Revenue')).toBe(`${money(totals.revenue)}  (${totals.transactions} payments)`);
    expect(field(output, 'Sales')).toBe(`${money(totals.salesRevenue)}  (${totals.salesTransactions})`);
    expect(field(output, 'Repairs')).toBe(`${money(totals.repairRevenue)}  (${totals.repairTransactions})`);

    const eml = field(output, 'Email') as string;
    expect(eml.startsWith(`${outbox}/`) && eml.endsWith('.eml')).toBe(true);
    const mail = await simpleParser(await readFile(eml));
    expect(mail.subject).toBe(`Daily Sales Report - ${period.label}`);
    expect(mail.text).toContain(money(totals.revenue));
    const workbookPath = field(output, 'Workbook') as string;
    const attachment = mail.attachments.find((part) => part.filename?.endsWith('.xlsx'));
    expect((await readFile(workbookPath)).equals(attachment?.content as Buffer)).toBe(true);
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(workbookPath);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Sales', 'Repairs']);
    expect(await readFile(field(output, 'Email \\(HTML\\)') as string, 'utf8')).toContain(money(totals.revenue));
  });

  it('works again on a second run: one more email, the same schedule, to the --to address', async () => {
    const { code, output } = await runCli(['demo', '--payments', '1500', '--to', 'boss@shop.example']);
    expect(code, output).toBe(0);
    expect((await readdir(outbox)).filter((name) => name.endsWith('.eml'))).toHaveLength(2);
    const mail = await simpleParser(await readFile(field(output, 'Email') as string));
    expect(mail.to).toMatchObject({ text: 'boss@shop.example' });
    const schedules = await database.sql`select name, recipients_to from reportmail.report_schedule`;
    expect(schedules.map((row) => [row.name, row.recipients_to])).toEqual([
      ['Demo: daily revenue report', ['boss@shop.example']],
    ]);
  });

  it('refuses a --to that is not one email address', async () => {
    const { code, output } = await runCli(['demo', '--to', 'boss@shop.example\r\nBcc: thief@evil.example']);
    expect(code).toBe(2);
    expect(output).toContain('--to: "boss@shop.example');
  });

  it('refuses to replace shop data it did not seed', async () => {
    await database.sql`delete from reportmail.delivery`;
    await database.sql`delete from reportmail.report_schedule`;
    const { code, output } = await runCli(['demo']);
    expect(code).toBe(2);
    expect(output).toContain('already holds shop data that the demo did not make');
  });
});

describe('pnpm start', () => {
  it('creates the database, starts all four services, answers /ready, and one SIGINT stops every one', async () => {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const fresh = `reportmail_start_${port}`;
    const freshUrl = databaseUrlWithName(database.url, fresh);
    const start = startServiceProcess('cli', { ...env, DATABASE_URL: freshUrl, PORT: port, LOG_LEVEL: 'info' }, [
      'start',
    ]);
    onTestFinished(() => database.sql.unsafe(`drop database if exists "${fresh}" with (force)`).then(() => {}));
    await start.waitForLog((line) => line.msg === 'PostgreSQL and Redis answer; database created, migrations applied.');
    await start.waitForLog((line) => line.msg === 'reportmail is running.', 'the banner');
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(200);
    const output = () => start.logs.map((line) => line.msg ?? '').join('\n');
    for (const service of ['api', 'scheduler', 'report-worker', 'mail-worker']) {
      expect(output()).toMatch(new RegExp(`^${service} *\\|`, 'm'));
    }
    start.child.kill('SIGINT');
    const [code] = (await once(start.child, 'exit')) as [number | null];
    expect(code, output()).toBe(0);
    for (const service of ['api', 'scheduler', 'report-worker', 'mail-worker']) {
      expect(output()).toMatch(new RegExp(`^${service} *\\| .*stopped`, 'm'));
    }
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('says what to run when PostgreSQL does not answer', async () => {
    const { code, output } = await runCli(['start'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:9/reportmail' });
    expect(code).toBe(3);
    expect(output).toContain('Cannot reach PostgreSQL at 127.0.0.1:9/reportmail');
    expect(output).toContain('docker compose up -d postgres redis');
    expect(output).toContain('sudo apt-get install -y postgresql redis-server');
  });

  it('says what to run when Redis does not answer', async () => {
    const { code, output } = await runCli(['start'], { REDIS_URL: 'redis://127.0.0.1:9' });
    expect(code).toBe(3);
    expect(output).toContain('Cannot reach Redis at 127.0.0.1:9');
    expect(output).toContain('docker compose up -d postgres redis');
  });
});
