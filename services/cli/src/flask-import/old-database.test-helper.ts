import Sqlite from 'better-sqlite3';
import type { Sql } from 'postgres';
import { encryptFernet } from './fernet.test-helper.js';

/**
 * The old Flask system's tables as SQLAlchemy created them (the columns the import reads, plus a few it
 * ignores). SQLite spelling; `forPostgres` swaps the type names the two disagree on.
 */
const OLD_SCHEMA = `
create table customer (id integer primary key, customer_code varchar(20) not null unique, name varchar(100) not null,
  email varchar(100), phone varchar(20) not null, business_name varchar(100), created_at DATETIME);
create table product (id integer primary key, name varchar(150) not null, is_service boolean not null,
  sell_price numeric(10, 2), created_at DATETIME);
create table sale (id integer primary key, invoice_no varchar(30) not null unique, customer_id integer,
  status varchar(20), claimed_on_credit boolean not null, subtotal numeric(10, 2), discount numeric(10, 2),
  tax numeric(10, 2), total numeric(10, 2), created_at DATETIME);
create table sale_item (id integer primary key, sale_id integer not null, product_id integer not null,
  qty integer not null, unit_price numeric(10, 2), line_total numeric(10, 2), revoked_at DATETIME,
  revoke_reason text, revoked_by varchar(100));
create table sale_payment (id integer primary key, sale_id integer not null, amount numeric(10, 2) not null,
  method varchar(20), paid_at DATETIME not null);
create table device (id integer primary key, ticket_number varchar(20) not null unique, customer_id integer not null,
  device_type varchar(50) not null, issue_description text not null, status varchar(50), is_archived boolean not null,
  actual_completion date, total_cost numeric(10, 2), deposit_paid numeric(10, 2), deposit_paid_at DATETIME,
  payment_status varchar(20), full_payment_at DATETIME, claimed_on_credit boolean not null,
  charge_waived boolean not null, created_at DATETIME);
create table repair_payment (id integer primary key, device_id integer not null, amount numeric(10, 2) not null,
  method varchar(20), paid_at DATETIME not null, recorded_by_user_id integer);
create table smtp_settings (id integer primary key, smtp_server varchar(255) not null, smtp_port integer,
  email_address varchar(255) not null, email_password_encrypted BLOB not null, use_tls boolean, is_enabled boolean,
  auto_send_time time, frequency varchar(20), recipient_emails_encrypted BLOB, last_sent_at DATETIME,
  created_at DATETIME, updated_at DATETIME);
create table email_report (id integer primary key, smtp_settings_id integer not null, report_type varchar(50),
  recipient_email varchar(255) not null, subject varchar(255) not null, total_revenue numeric(12, 2),
  status varchar(20), attempted_at DATETIME, sent_at DATETIME, report_date_start date, report_date_end date);
`;

const forPostgres = (ddl: string) => ddl.replaceAll('DATETIME', 'timestamp').replaceAll('BLOB', 'bytea');

export const OLD_PASSWORD = 'gmail app pässword';
export const OLD_RECIPIENTS = ' Owner@Shop.example, accountant@shop.example,,not-an-address ';

/**
 * The rows: times as the old system wrote them (naive; UTC for payments, Manila for last_sent_at), money
 * as SQLite held it (REAL) or PostgreSQL (numeric text). Payment 1 is 2026-03-01 16:30 UTC, so Mar 2
 * 00:30 in Manila; payment 2 is the last microsecond of Mar 1 in Manila; payment 4 has no sale.
 */
function oldRows(fernetKey: Buffer) {
  const bool = (value: boolean) => (value ? 1 : 0);
  return {
    customer: [
      [1, 'JC-CUST-001', 'Ana Cruz', 'ana@example.com', '0917', null, '2026-01-05 02:00:00.000000'],
      [2, 'JC-CUST-002', '', null, '0918', 'Acme Corp', '2026-01-06 02:00:00.000000'],
    ],
    product: [
      [1, 'Phone case', bool(false), 100, '2026-01-01 00:00:00.000000'],
      [2, 'Charger', bool(false), 100, '2026-01-01 00:00:00.000000'],
    ],
    sale: [
      [1, 'INV-2026-00001', 1, 'PAID', bool(false), 300, 0, 0, 300, '2026-03-01 16:29:00.000000'],
      [2, 'INV-2026-00002', null, 'PARTIAL', bool(false), 9999999.99, 0, 0, 9999999.99, null],
    ],
    sale_item: [
      [1, 1, 1, 2, 100, 200, null, null, null],
      [2, 1, 2, 1, 100, 100, null, null, null],
      [3, 2, 2, 1, 50, 50, '2026-03-02 05:00:00.000000', 'wrong item', 'admin'],
    ],
    sale_payment: [
      [1, 1, 300, 'Cash', '2026-03-01 16:30:00.000000'],
      [2, 2, 1234.5, 'GCash', '2026-03-01 15:59:59.999999'],
      [3, 2, 9999999.99, '  Bank ', '2026-03-02 03:00:00'],
      [4, 99, 50, 'Cash', '2026-03-02 03:00:00.000000'],
    ],
    device: [
      [
        1,
        'JC-2026-001',
        2,
        'Laptop',
        'no power',
        'Completed',
        bool(true),
        '2026-03-02',
        1500,
        500,
        '2026-02-28 10:00:00',
        'Paid',
        '2026-03-02 01:00:00.000000',
        bool(false),
        bool(false),
        '2026-02-27 01:00:00.000000',
      ],
      [
        2,
        'JC-2026-002',
        1,
        'Printer',
        'jams',
        'Repairing',
        bool(false),
        null,
        800,
        200,
        '2026-03-01 10:00:00',
        'Partial',
        null,
        bool(false),
        bool(false),
        '2026-03-01 02:00:00.000000',
      ],
    ],
    repair_payment: [
      [1, 1, 500, 'Cash', '2026-02-28 02:00:00.000000', null],
      [2, 1, 1000, 'Bank Transfer', '2026-03-02 01:00:00.000000', null],
    ],
    smtp_settings: [
      [
        1,
        'SMTP.Gmail.com',
        587,
        'owner@shop.example',
        encryptFernet(OLD_PASSWORD, fernetKey),
        bool(true),
        bool(true),
        '09:00:00.000000',
        'weekly',
        encryptFernet(OLD_RECIPIENTS, fernetKey),
        '2026-03-01 08:59:02.123456',
        '2026-02-25 01:00:00.000000',
        '2026-03-01 00:59:02.000000',
      ],
    ],
    email_report: [
      [
        1,
        1,
        'weekly_sales',
        'owner@shop.example',
        'Weekly Sales Report',
        1234.5,
        'sent',
        '2026-03-01 00:59:00',
        '2026-03-01 08:59:02',
        '2026-02-23',
        '2026-03-01',
      ],
      [
        2,
        1,
        'weekly_sales',
        'owner@shop.example',
        'Weekly Sales Report',
        0,
        'failed',
        '2026-02-22 00:59:00',
        null,
        '2026-02-16',
        '2026-02-22',
      ],
    ],
  } as Record<string, unknown[][]>;
}

/** A SQLite file like the old system's instance/jc_icons_v2.db. */
export function createOldSqliteDatabase(path: string, fernetKey: Buffer): void {
  const database = new Sqlite(path);
  try {
    database.exec(OLD_SCHEMA);
    for (const [table, rows] of Object.entries(oldRows(fernetKey))) {
      const marks = (rows[0] ?? []).map(() => '?').join(', ');
      const insert = database.prepare(`insert into ${table} values (${marks})`);
      for (const row of rows) insert.run(...row);
    }
  } finally {
    database.close();
  }
}

/** The same database in PostgreSQL (the old system's production option); money goes in as numeric text. */
export async function createOldPostgresDatabase(sql: Sql, fernetKey: Buffer): Promise<void> {
  await sql.unsafe(forPostgres(OLD_SCHEMA));
  const booleanColumns: Record<string, number[]> = {
    product: [2],
    sale: [4],
    device: [6, 13, 14],
    smtp_settings: [5, 6],
  };
  for (const [table, rows] of Object.entries(oldRows(fernetKey))) {
    for (const row of rows) {
      const values = row.map((value, index) =>
        booleanColumns[table]?.includes(index) ? value === 1 : typeof value === 'number' ? String(value) : value,
      );
      const marks = values.map((_, index) => `$${index + 1}`).join(', ');
      await sql.unsafe(`insert into ${table} values (${marks})`, values as never[]);
    }
  }
}
