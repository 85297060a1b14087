import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '@reportmail/db';
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
import { pnpmStartInProcessGroup } from './harness.js';

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
  // A name of the test's own: `reportmail_demo` (the default) may be a developer's real demo database.
  const demoName = `reportmail_demo_${randomBytes(4).toString('hex')}`;
  const inDemoDatabase = async <T>(work: (sql: TestDatabase['sql']) => Promise<T>) => {
    const demo = createDatabase(databaseUrlWithName(database.url, demoName), { max: 1 });
    try {
      return await work(demo.sql);
    } finally {
      await demo.close();
    }
  };
  afterAll(() => database.sql.unsafe(`drop database if exists "${demoName}" with (force)`).then(() => {}));

  it('sends yesterday’s report from a database of its own, prints the engine’s totals and files, leaves the schedule off', async () => {
    const { code, output } = await runCli(['demo', '--payments', '1500', '--database', demoName]);
    expect(code, output).toBe(0);
    expect(output).toContain(`Demo database: 127.0.0.1:5432/${demoName} (created and migrated;`);
    const period = computeReportPeriod({ frequency: 'daily', scheduledAt: new Date(), timezone: 'Asia/Manila' });
    const { totals } = await inDemoDatabase((sql) => withReportSnapshot(sql, (tx) => computeReportSummary(tx, period)));
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

    // Nothing left to send by itself, and nothing in the product's database (DATABASE_URL).
    expect(output).toContain(
      'Saved the schedule "Demo: daily revenue report" switched off: it sends nothing by itself.',
    );
    const schedules = await inDemoDatabase((sql) => sql`select name, enabled from reportmail.report_schedule`);
    expect(schedules.map((row) => [row.name, row.enabled])).toEqual([['Demo: daily revenue report', false]]);
    expect(await database.sql`select 1 from reportmail.report_schedule`).toHaveLength(0);
    expect(await database.sql`select 1 from reportmail.delivery`).toHaveLength(0);
    expect(await database.sql`select 1 from customer union all select 1 from sale_payment`).toHaveLength(0);
  });

  it('works again on a second run: one more email, the same schedule, to the --to address', async () => {
    const args = ['demo', '--payments', '1500', '--to', 'boss@shop.example', '--database', demoName];
    const { code, output } = await runCli(args);
    expect(code, output).toBe(0);
    expect(output).toContain(`Demo database: 127.0.0.1:5432/${demoName} (migrated;`);
    expect((await readdir(outbox)).filter((name) => name.endsWith('.eml'))).toHaveLength(2);
    const mail = await simpleParser(await readFile(field(output, 'Email') as string));
    expect(mail.to).toMatchObject({ text: 'boss@shop.example' });
    const schedules = await inDemoDatabase((sql) => sql`select name, recipients_to from reportmail.report_schedule`);
    expect(schedules.map((row) => [row.name, row.recipients_to])).toEqual([
      ['Demo: daily revenue report', ['boss@shop.example']],
    ]);
  });

  it('--clean drops the database it created and deletes the outbox files it wrote', async () => {
    const { code, output } = await runCli(['demo', '--clean', '--database', demoName]);
    expect(code, output).toBe(0);
    expect(output).toContain(`its deliveries (2, workbooks included) and the demo shop data; removed 6 outbox files.`);
    expect(output).toContain(`Dropped the database ${demoName}: the demo created it and nothing else was in it.`);
    expect(await database.sql`select 1 from pg_database where datname = ${demoName}`).toHaveLength(0);
    expect(await readdir(outbox)).toEqual([]);
  });

  it('refuses a --to that is not one email address', async () => {
    const { code, output } = await runCli(['demo', '--to', 'boss@shop.example\r\nBcc: thief@evil.example']);
    expect(code).toBe(2);
    expect(output).toContain('--to: "boss@shop.example');
  });

  it('refuses to replace shop data it did not seed', async () => {
    await database.sql`insert into customer (name) values ('A real customer')`;
    onTestFinished(() => database.sql`delete from customer`.then(() => {}));
    const { code, output } = await runCli(['demo', '--database', database.url]);
    expect(code).toBe(2);
    expect(output).toContain('already holds shop data that the demo did not make');
  });
});

describe('pnpm start', () => {
  it('creates the database, starts all four services, answers /ready, and Ctrl-C stops every one with status 0', async () => {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const fresh = `reportmail_start_${port}`;
    const freshUrl = databaseUrlWithName(database.url, fresh);
    const start = pnpmStartInProcessGroup([], { ...env, DATABASE_URL: freshUrl, PORT: port, LOG_LEVEL: 'info' });
    onTestFinished(async () => {
      if (start.output().includes('\nStopped.')) return;
      start.signalGroup('SIGTERM');
      await start.exited;
    });
    onTestFinished(() => database.sql.unsafe(`drop database if exists "${fresh}" with (force)`).then(() => {}));
    await start.waitFor('PostgreSQL and Redis answer; database created, migrations applied.');
    await start.waitFor('reportmail is running.');
    expect(start.output()).toContain(`\n  Outbox         ${outbox}   (mail goes here until SMTP is configured)\n`);
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(200);
    for (const service of ['api', 'scheduler', 'report-worker', 'mail-worker']) {
      expect(start.output()).toMatch(new RegExp(`^${service} *\\|`, 'm'));
    }
    start.signalGroup('SIGINT');
    const [code, signal] = await start.exited;
    expect([code, signal], start.output()).toEqual([0, null]);
    expect(start.output()).toMatch(/\nStopped\.\n$/);
    expect(start.output()).not.toContain('Command failed');
    for (const service of ['api', 'scheduler', 'report-worker', 'mail-worker']) {
      expect(start.output()).toMatch(new RegExp(`^${service} *\\| .*stopped`, 'm'));
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
