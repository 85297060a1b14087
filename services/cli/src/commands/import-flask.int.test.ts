import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createDatabase } from '@reportmail/db';
import { SMTP_PASSWORD_CONTEXT } from '@reportmail/mailer';
import { buildReport, periodFromLocalDates } from '@reportmail/reports';
import { createSecretBox, generateKeyEntry } from '@reportmail/secrets';
import { createTestDatabase, databaseUrlWithName, type TestDatabase } from '@reportmail/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createOldPostgresDatabase,
  createOldSqliteDatabase,
  OLD_PASSWORD,
} from '../flask-import/old-database.test-helper.js';
import { oldFernetKey } from '../flask-import/old-key.js';
import { runImportFlaskCommand } from './import-flask.js';

const OLD_SECRET_KEY = 'the-old-flask-secret-key';
const fernetKey = oldFernetKey({ secretKey: OLD_SECRET_KEY }) as Buffer;
const secretsKey = generateKeyEntry('k1');
const importedAt = new Date('2026-03-09T02:00:00Z');

async function runImport(database: TestDatabase, argv: string[], env: Record<string, string> = {}) {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const stdout = stream as unknown as NodeJS.WriteStream;
  await runImportFlaskCommand(
    { sql: database.sql, timezone: 'Asia/Manila', env: { SECRETS_KEY: secretsKey, ...env }, stdout, now: importedAt },
    argv,
  );
  return text;
}

const paymentRows = (database: TestDatabase, table: 'sale_payment' | 'repair_payment') =>
  database.sql.unsafe(`select id, amount::text as amount, method,
      to_char(paid_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as paid_at_utc
    from ${table} order by id`);

const scheduleRow = async (database: TestDatabase) =>
  (
    await database.sql`
    select name, enabled, enabled_at, frequency, send_time, timezone, anchor_date::text as anchor_date, weekday::text as weekday,
      period_mode,
      recipients_to, recipients_cc, sender_name, empty_period_policy, last_sent_at from reportmail.report_schedule`
  )[0];

let folder: string;
let sqlitePath: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'reportmail-flask-'));
  sqlitePath = join(folder, 'jc_icons_v2.db');
  createOldSqliteDatabase(sqlitePath, fernetKey);
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('pnpm import:flask from SQLite with the old key', () => {
  let database: TestDatabase;
  let output: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    output = await runImport(database, ['--from', sqlitePath, '--old-secret-key', OLD_SECRET_KEY]);
  });
  afterAll(() => database.drop());

  it('copies payments exactly: naive UTC read as UTC, money as numeric text, orphans left out', async () => {
    expect(await paymentRows(database, 'sale_payment')).toEqual([
      { id: 1, amount: '300.00', method: 'Cash', paid_at_utc: '2026-03-01T16:30:00.000000' },
      { id: 2, amount: '1234.50', method: 'GCash', paid_at_utc: '2026-03-01T15:59:59.999999' },
      { id: 3, amount: '9999999.99', method: '  Bank ', paid_at_utc: '2026-03-02T03:00:00.000000' },
    ]);
    expect(await paymentRows(database, 'repair_payment')).toEqual([
      { id: 1, amount: '500.00', method: 'Cash', paid_at_utc: '2026-02-28T02:00:00.000000' },
      { id: 2, amount: '1000.00', method: 'Bank Transfer', paid_at_utc: '2026-03-02T01:00:00.000000' },
    ]);
    const sales = await database.sql`
      select id, invoice_no, customer_id, status, total::text as total, created_at from sale order by id`;
    expect(sales).toEqual([
      {
        id: 1,
        invoice_no: 'INV-2026-00001',
        customer_id: 1,
        status: 'PAID',
        total: '300.00',
        created_at: '2026-03-01 16:29:00+00',
      },
      {
        id: 2,
        invoice_no: 'INV-2026-00002',
        customer_id: null,
        status: 'PARTIAL',
        total: '9999999.99',
        created_at: '2026-03-09 02:00:00+00',
      },
    ]);
    const [item] = await database.sql`select revoked_at from sale_item where id = 3`;
    expect(item?.revoked_at).toBe('2026-03-02 05:00:00+00');
    const [device] =
      await database.sql`select is_archived, actual_completion, deposit_paid::text as d from device where id = 1`;
    expect(device).toEqual({ is_archived: true, actual_completion: '2026-03-02', d: '500.00' });
  });

  it('puts the payment at naive 2026-03-01 16:30 (00:30 in Manila) in the Mar 2 report', async () => {
    const report = await buildReport(database.sql, periodFromLocalDates('2026-03-02', '2026-03-02', 'Asia/Manila'));
    expect(report.totals).toMatchObject({ salesRevenue: '10000299.99', repairRevenue: '1000.00', transactions: 3 });
    expect(
      report.sales.map((row) => [row.localTime, row.invoiceNo, row.customer, row.items, row.method, row.amount]),
    ).toEqual([
      ['2026-03-02 00:30', 'INV-2026-00001', 'Ana Cruz', '2× Phone case, 1× Charger', 'Cash', '300.00'],
      ['2026-03-02 11:00', 'INV-2026-00002', 'Walk-in', '', 'Bank', '9999999.99'],
    ]);
    expect(report.repairs.map((row) => [row.localTime, row.ticketNumber, row.customer])).toEqual([
      ['2026-03-02 09:00', 'JC-2026-001', 'Acme Corp'],
    ]);
    const march1 = await buildReport(database.sql, periodFromLocalDates('2026-03-01', '2026-03-01', 'Asia/Manila'));
    expect(march1.totals).toMatchObject({ salesRevenue: '1234.50', transactions: 1 });
  });

  it('imports the SMTP settings with the password re-encrypted under SECRETS_KEY', async () => {
    const [row] = await database.sql`select * from reportmail.smtp_settings`;
    expect(row).toMatchObject({
      id: 1,
      host: 'smtp.gmail.com',
      port: 587,
      security: 'starttls',
      username: 'owner@shop.example',
      from_address: 'owner@shop.example',
      from_name: 'Reports',
      admin_address: null,
      updated_at: '2026-03-09 02:00:00+00',
    });
    expect(row?.password_ciphertext).toMatch(/^v1\.k1\./);
    expect(createSecretBox(secretsKey).decrypt(row?.password_ciphertext, SMTP_PASSWORD_CONTEXT)).toBe(OLD_PASSWORD);
  });

  it('imports one schedule: frequency, send time, recipients, enabled, and last_sent_at as Manila wall clock', async () => {
    expect(await scheduleRow(database)).toEqual({
      name: 'Sales report (imported from the old system)',
      enabled: true,
      enabled_at: '2026-03-09 02:00:00+00',
      frequency: 'weekly',
      send_time: '09:00',
      timezone: 'Asia/Manila',
      // Last sent on Sunday Mar 1 (Manila): weekly goes on on Sundays.
      anchor_date: null,
      weekday: 'sunday',
      period_mode: 'previous_days',
      recipients_to: ['owner@shop.example', 'accountant@shop.example'],
      recipients_cc: [],
      sender_name: null,
      empty_period_policy: 'send',
      last_sent_at: '2026-03-01 00:59:02.123456+00',
    });
    const [audit] = await database.sql`select action, details from reportmail.audit_log`;
    expect(audit).toMatchObject({
      action: 'flask.import',
      details: { passwordSet: true, recipients: 2, enabled: true },
    });
  });

  it('moves the id sequences past the copied ids', async () => {
    const [row] = await database.sql`insert into customer (name) values ('New') returning id`;
    expect(row?.id).toBe(3);
  });

  it('says what it did, including what it left out', () => {
    expect(output).toContain(`Imported from SQLite ${sqlitePath}`);
    expect(output).toMatch(/sale_payment +3 copied \(1 skipped: its sale no longer exists\)/);
    expect(output).toContain('SMTP settings: smtp.gmail.com:587 (starttls) as owner@shop.example, password set');
    expect(output).toContain(': weekly on sunday at 09:00 Asia/Manila, previous_days, 2 recipient(s)');
    expect(output).toContain('2 recipient(s), enabled, last sent 2026-03-01T08:59:02.123456+08:00');
    expect(output).toContain('Old email_report history: 2 rows, not imported');
    expect(output).toContain('1 recipient address(es) were not valid and were left out.');
    expect(output).toContain('1 ticket(s) have money on them (deposit_paid or Paid) but no repair_payment row');
  });

  it('refuses a second run clearly, for shop data and for settings', async () => {
    await expect(runImport(database, ['--from', sqlitePath, '--shop-data'])).rejects.toThrow(
      'The shop tables already hold data: --shop-data copies into empty ones only',
    );
    await expect(
      runImport(database, ['--from', sqlitePath, '--settings', '--old-secret-key', OLD_SECRET_KEY]),
    ).rejects.toThrow('SMTP settings already exist here');
  });
});

describe('pnpm import:flask, other cases', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('dry run writes nothing and prints what it would do', async () => {
    const output = await runImport(database, ['--from', sqlitePath, '--dry-run', '--old-secret-key', OLD_SECRET_KEY]);
    expect(output).toMatch(/^Dry run \(nothing was written\): SQLite /);
    expect(output).toMatch(/sale_payment +3 copied/);
    const [counts] = await database.sql`
      select (select count(*) from sale_payment)::int as payments, (select count(*) from customer)::int as customers,
        (select count(*) from reportmail.smtp_settings)::int as smtp,
        (select count(*) from reportmail.report_schedule)::int as schedules,
        (select count(*) from reportmail.audit_log)::int as audit`;
    expect(counts).toEqual({ payments: 0, customers: 0, smtp: 0, schedules: 0, audit: 0 });
  });

  it('with the wrong key imports the settings without the password or recipients, switched off, and says so', async () => {
    const output = await runImport(database, ['--from', sqlitePath, '--settings', '--old-key', 'not-the-old-key']);
    const [smtp] = await database.sql`select host, password_ciphertext from reportmail.smtp_settings`;
    expect(smtp).toEqual({ host: 'smtp.gmail.com', password_ciphertext: null });
    expect(await scheduleRow(database)).toMatchObject({
      enabled: false,
      enabled_at: null,
      recipients_to: [],
      frequency: 'weekly',
    });
    expect(output).toContain('password NOT set');
    expect(output).toContain('The old key does not decrypt the password: it is the wrong key');
    expect(output).toContain('The SMTP password is not set: enter it with PUT /v1/smtp-settings.');
    expect(output).toContain('The schedule is imported switched off');
    const [shop] = await database.sql`select count(*)::int as n from sale`;
    expect(shop?.n).toBe(0);
  });
});

describe('pnpm import:flask from PostgreSQL', () => {
  const adminUrl = inject('adminDatabaseUrl');
  const oldName = `reportmail_flask_${process.pid}_${Date.now()}`;
  let database: TestDatabase;
  beforeAll(async () => {
    const admin = createDatabase(adminUrl, { max: 1 });
    await admin.sql.unsafe(`create database "${oldName}"`);
    await admin.close();
    const old = createDatabase(databaseUrlWithName(adminUrl, oldName), { max: 1 });
    await createOldPostgresDatabase(old.sql, fernetKey);
    await old.close();
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
    const admin = createDatabase(adminUrl, { max: 1 });
    await admin.sql.unsafe(`drop database if exists "${oldName}" with (force)`);
    await admin.close();
  });

  it('imports the same rows, with the key given through OLD_SECRET_KEY', async () => {
    const output = await runImport(database, ['--from', databaseUrlWithName(adminUrl, oldName)], {
      OLD_SECRET_KEY,
    });
    expect(output).toMatch(/^Imported from PostgreSQL /);
    expect((await paymentRows(database, 'sale_payment')).map((row) => [row.amount, row.paid_at_utc])).toEqual([
      ['300.00', '2026-03-01T16:30:00.000000'],
      ['1234.50', '2026-03-01T15:59:59.999999'],
      ['9999999.99', '2026-03-02T03:00:00.000000'],
    ]);
    const report = await buildReport(database.sql, periodFromLocalDates('2026-03-02', '2026-03-02', 'Asia/Manila'));
    expect(report.totals.revenue).toBe('10001299.99');
    const [row] = await database.sql`select password_ciphertext from reportmail.smtp_settings`;
    expect(createSecretBox(secretsKey).decrypt(row?.password_ciphertext, SMTP_PASSWORD_CONTEXT)).toBe(OLD_PASSWORD);
    expect(await scheduleRow(database)).toMatchObject({ last_sent_at: '2026-03-01 00:59:02.123456+00' });
  });
});

describe('pnpm import:flask input checks', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it.each([
    [[], '--from: is required'],
    [['--from', '/nowhere/jc_icons_v2.db'], '--from: no such file "/nowhere/jc_icons_v2.db"'],
    [['--from', 'x.db', '--tz', 'Mars/Base'], '--tz: unknown IANA time zone "Mars/Base"'],
    [['--from', 'x.db', '--period-mode', 'today'], '--period-mode: must be previous_days or to_date'],
    [
      ['--from', 'x.db', '--old-key', 'a', '--old-secret-key', 'b'],
      '--old-key: give --old-key or --old-secret-key, not both',
    ],
    [['--from', 'x.db', '--colour'], "Unknown option '--colour'"],
  ])('rejects %j naming the flag', async (argv, message) => {
    await expect(runImport(database, argv)).rejects.toThrow(message);
  });

  it('needs SECRETS_KEY for --settings, and names it', async () => {
    await expect(runImport(database, ['--from', sqlitePath], { SECRETS_KEY: '' })).rejects.toThrow(/SECRETS_KEY/);
  });
});
