// The db package's migration behaviour, tested here because this package builds test databases from it.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDatabase, defaultMigrationsFolder, explainDatabaseError, migrateDatabase } from '@reportmail/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './database.js';

describe('migrateDatabase', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('is idempotent, also when several processes run it at once', async () => {
    const others = [createDatabase(database.url, { max: 2 }), createDatabase(database.url, { max: 2 })];
    await Promise.all([migrateDatabase(database.sql), ...others.map((other) => migrateDatabase(other.sql))]);
    await Promise.all(others.map((other) => other.close()));
    const [row] = await database.sql<
      { count: number }[]
    >`select count(*)::int as count from drizzle.__drizzle_migrations`;
    const journal = JSON.parse(await readFile(join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8'));
    expect(row?.count).toBe(journal.entries.length);
    expect(journal.entries.length).toBeGreaterThanOrEqual(2);
  });

  it('creates the shop tables with the shop system names and a paid_at index', async () => {
    const tables = await database.sql<{ name: string }[]>`
      select table_name as name from information_schema.tables where table_schema = 'public' order by 1`;
    expect(tables.map((t) => t.name)).toEqual([
      'customer',
      'device',
      'product',
      'repair_payment',
      'sale',
      'sale_item',
      'sale_payment',
    ]);
    const indexes = await database.sql<{ name: string }[]>`
      select indexname as name from pg_indexes where indexname like '%paid_at%' order by 1`;
    expect(indexes.map((i) => i.name)).toEqual(['repair_payment_paid_at_idx', 'sale_payment_paid_at_idx']);
  });

  it('keeps one scheduled delivery per schedule and period', async () => {
    const [schedule] = await database.sql<{ id: string }[]>`
      insert into reportmail.report_schedule (name, frequency) values ('Daily', 'daily') returning id`;
    const insert = () => database.sql`
      insert into reportmail.delivery (schedule_id, trigger, report_type, period_start, period_end, timezone)
      values (${schedule?.id ?? ''}, 'scheduled', 'daily_sales', '2026-03-01T16:00:00Z', '2026-03-02T16:00:00Z', 'Asia/Manila')`;
    await insert();
    await expect(insert()).rejects.toThrow(/delivery_scheduled_period_uq/);
  });
});

describe('explainDatabaseError', () => {
  it('names the server, never the password, and says what to start', async () => {
    const url = 'postgres://admin:s3cret@127.0.0.1:1/reportmail';
    const unreachable = createDatabase(url, { max: 1, connectTimeoutSeconds: 2 });
    const error = await unreachable.sql`select 1`.catch((cause: unknown) => explainDatabaseError(cause, url));
    await unreachable.close();
    expect(String((error as Error).message)).toBe(
      'Cannot reach PostgreSQL at 127.0.0.1:1/reportmail (ECONNREFUSED). Start it (docker compose up -d postgres, ' +
        'or the Debian package postgresql) or set DATABASE_URL.',
    );
    expect(String((error as Error).message)).not.toContain('s3cret');
  });
});
