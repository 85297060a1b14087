import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createDatabase } from '@reportmail/db';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@reportmail/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeedCommand } from '../commands/seed.js';
import { shopHoldsData } from '../seed/loader.js';
import { cleanDemo } from './demo-clean.js';
import { upsertDemoSchedule } from './demo-schedule.js';

function captureStdout() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { stdout: stream as unknown as NodeJS.WriteStream, text: () => text };
}

let database: TestDatabase;
let redis: TestRedis;
let outbox: string;
beforeAll(async () => {
  [database, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
  outbox = await mkdtemp(join(tmpdir(), 'reportmail-demo-clean-'));
});
afterAll(async () => {
  await Promise.all([database.drop(), redis.cleanup(), rm(outbox, { recursive: true, force: true })]);
});

/** A delivery of a schedule with its outbox files, the way the mail worker names them. */
async function sentDelivery(scheduleId: string): Promise<string> {
  const [row] = await database.sql<{ id: string }[]>`
    insert into reportmail.delivery (schedule_id, trigger, report_type, period_start, period_end, timezone)
    values (${scheduleId}, 'manual', 'daily_sales', now() - interval '1 day', now(), 'Asia/Manila')
    returning id`;
  const id = (row as { id: string }).id;
  const stem = join(outbox, `2026-03-08T01-00-00Z_${id}`);
  await database.sql`
    update reportmail.delivery set status = 'sent', transport = 'outbox', outbox_path = ${`${stem}.eml`} where id = ${id}`;
  for (const ext of ['eml', 'html', 'xlsx']) await writeFile(`${stem}.${ext}`, ext);
  await writeFile(join(outbox, `2026-03-08T01-00-01Z_notice-${id}.eml`), 'notice');
  return id;
}

describe('pnpm demo --clean on a database that holds other data', () => {
  it('deletes the demo schedule, its deliveries, workbooks, files, jobs and the shop, and nothing else', async () => {
    const { stdout, text } = captureStdout();
    await runSeedCommand({ sql: database.sql, timezone: 'Asia/Manila', stdout }, ['--payments', '200']);
    const demo = await upsertDemoSchedule(database.db, {
      timezone: 'Asia/Manila',
      recipient: 'a@shop.example',
      now: new Date(),
    });
    const [other] = await database.sql<{ id: string }[]>`
      insert into reportmail.report_schedule (name, frequency) values ('Owner: daily', 'daily') returning id`;
    const demoDelivery = await sentDelivery(demo.id);
    const otherDelivery = await sentDelivery((other as { id: string }).id);
    await database.sql`
      insert into reportmail.delivery_artifact (delivery_id, filename, content_type, size_bytes, sha256, content)
      values (${demoDelivery}, 'r.xlsx', 'application/octet-stream', 1, 'x', '\\x00')`;
    const keys = new Redis(redis.url);
    await keys.set(`${redis.prefix}-demo:reports:1`, 'demo job');
    await keys.set(`${redis.prefix}:reports:1`, 'product job');

    await cleanDemo(
      {
        url: database.url,
        redisUrl: redis.url,
        redisPrefix: `${redis.prefix}-demo`,
        schedulerPrefix: redis.prefix,
        outboxDir: outbox,
      },
      stdout,
    );

    expect(text()).toContain(
      `the schedule "Demo: daily revenue report", its deliveries (1, workbooks included) and the demo shop data; removed 4 outbox files.`,
    );
    expect(text()).not.toContain('Dropped');
    const schedules = await database.sql`select name from reportmail.report_schedule`;
    expect(schedules.map((row) => row.name)).toEqual(['Owner: daily']);
    const deliveries = await database.sql`select id from reportmail.delivery`;
    expect(deliveries.map((row) => row.id)).toEqual([otherDelivery]);
    expect(await database.sql`select 1 from reportmail.delivery_artifact`).toHaveLength(0);
    expect(await shopHoldsData(database.sql)).toBe(false);
    expect((await readdir(outbox)).sort()).toEqual([
      `2026-03-08T01-00-00Z_${otherDelivery}.eml`,
      `2026-03-08T01-00-00Z_${otherDelivery}.html`,
      `2026-03-08T01-00-00Z_${otherDelivery}.xlsx`,
      `2026-03-08T01-00-01Z_notice-${otherDelivery}.eml`,
    ]);
    expect([await keys.get(`${redis.prefix}-demo:reports:1`), await keys.get(`${redis.prefix}:reports:1`)]).toEqual([
      null,
      'product job',
    ]);
    keys.disconnect();
    const server = createDatabase(database.url, { max: 1 });
    expect(await server.sql`select 1 from pg_database where datname = ${database.name}`).toHaveLength(1);
    await server.close();
  });
});
