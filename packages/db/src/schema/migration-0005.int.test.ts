// Migration 0005 on rows written before it: weekly schedules get the weekday of their anchor date, and
// deliveries the name of their schedule. The database here is built step by step (not the test template),
// so rows can be inserted between migrations.

import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from '../client.js';
import { defaultMigrationsFolder, migrateDatabase } from '../migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

const BEFORE = 4;

/** A copy of the migrations folder whose journal ends at migration `last`. */
async function migrationsUpTo(last: number): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'reportmail-migrations-'));
  await cp(defaultMigrationsFolder(), folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= last);
  await writeFile(journalPath, JSON.stringify(journal));
  return folder;
}

describe('migration 0005 (weekday, delivery schedule name)', () => {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `reportmail_m5_${randomBytes(6).toString('hex')}`;
  let database: Database;
  let folder: string;

  beforeAll(async () => {
    const admin = createDatabase(adminUrl, { max: 1 });
    await admin.sql.unsafe(`create database "${name}"`);
    await admin.close();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    database = createDatabase(url.toString(), { max: 2 });
    folder = await migrationsUpTo(BEFORE);
    await migrateDatabase(database.sql, folder);
  });

  afterAll(async () => {
    await database.close();
    await rm(folder, { recursive: true, force: true });
    const admin = createDatabase(adminUrl, { max: 1 });
    await admin.sql.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.close();
  });

  it('gives weekly rows the weekday of their anchor, clears it, and names existing deliveries', async () => {
    const { sql } = database;
    await sql`
      insert into reportmail.report_schedule (name, frequency, anchor_date, timezone, created_at) values
        ('Wednesdays', 'weekly', '2026-03-04', 'Asia/Manila', '2026-01-01T00:00:00Z'),
        ('Sundays', 'weekly', '2026-03-08', 'Asia/Manila', '2026-01-01T00:00:00Z'),
        ('No anchor', 'weekly', null, 'Asia/Manila', '2026-03-01T17:00:00Z'),
        ('Every 3 days', 'every_3_days', '2026-03-02', 'Asia/Manila', '2026-01-01T00:00:00Z'),
        ('Daily', 'daily', null, 'Asia/Manila', '2026-01-01T00:00:00Z')`;
    await sql`
      insert into reportmail.delivery (schedule_id, trigger, report_type, period_start, period_end, timezone)
      select id, 'manual', 'daily_sales', '2026-03-01T16:00:00Z', '2026-03-02T16:00:00Z', 'Asia/Manila'
      from reportmail.report_schedule where name = 'Wednesdays'`;

    await migrateDatabase(sql);

    const schedules = await sql`
      select name, anchor_date::text as anchor_date, weekday::text as weekday
      from reportmail.report_schedule order by name`;
    expect(schedules).toEqual([
      { name: 'Daily', anchor_date: null, weekday: null },
      { name: 'Every 3 days', anchor_date: '2026-03-02', weekday: null },
      // Created 01:00 on Monday Mar 2 in Manila (Sunday in UTC): its own zone's day.
      { name: 'No anchor', anchor_date: null, weekday: 'monday' },
      { name: 'Sundays', anchor_date: null, weekday: 'sunday' },
      { name: 'Wednesdays', anchor_date: null, weekday: 'wednesday' },
    ]);
    const deliveries = await sql`select schedule_name from reportmail.delivery`;
    expect(deliveries).toEqual([{ schedule_name: 'Wednesdays' }]);
  });

  it('refuses a weekly row without a weekday and a weekday on any other frequency', async () => {
    const { sql } = database;
    await expect(sql`insert into reportmail.report_schedule (name, frequency) values ('W', 'weekly')`).rejects.toThrow(
      /report_schedule_weekday_check/,
    );
    await expect(
      sql`insert into reportmail.report_schedule (name, frequency, weekday) values ('D', 'daily', 'monday')`,
    ).rejects.toThrow(/report_schedule_weekday_check/);
  });
});
