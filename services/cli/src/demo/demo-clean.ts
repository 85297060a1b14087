import { readdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createDatabase, describeDatabaseUrl } from '@reportmail/db';
import { createRedisConnection, publishScheduleChange } from '@reportmail/queue';
import type { Sql } from 'postgres';
import { SHOP_TABLES, shopHoldsData } from '../seed/loader.js';
import { databaseName, demoDatabaseState, dropDemoDatabase } from './demo-database.js';
import { DEMO_SCHEDULE_NAME } from './demo-schedule.js';

export type DemoRows = { scheduleFound: boolean; deliveries: { id: string; outboxPath: string | null }[] };

/**
 * Deletes, in one transaction, the demo schedule, its deliveries (their workbooks go with them) and the
 * shop data: the demo seeds only an empty shop or its own (assertShopIsDemoOrEmpty), so while its
 * schedule exists the shop rows are the demo's. Without the schedule nothing is the demo's to delete.
 */
export async function deleteDemoRows(sql: Sql): Promise<DemoRows> {
  const [migrated] = await sql<{ ok: boolean }[]>`select to_regclass('reportmail.report_schedule') is not null as ok`;
  if (!migrated?.ok) return { scheduleFound: false, deliveries: [] };
  return sql.begin(async (tx) => {
    const schedules = await tx<{ id: string }[]>`
      select id from reportmail.report_schedule where name = ${DEMO_SCHEDULE_NAME} for update`;
    if (schedules.length === 0) return { scheduleFound: false, deliveries: [] };
    const ids = schedules.map((row) => row.id);
    const deliveries = await tx<{ id: string; outboxPath: string | null }[]>`
      delete from reportmail.delivery where schedule_id in ${tx(ids)} returning id, outbox_path as "outboxPath"`;
    await tx`delete from reportmail.report_schedule where id in ${tx(ids)}`;
    await tx`truncate ${tx(SHOP_TABLES)} restart identity`;
    return { scheduleFound: true, deliveries };
  });
}

/** Whether anything but the demo's rows is left: then the database is not the demo's to drop. */
export async function holdsOtherRows(sql: Sql): Promise<boolean> {
  const [row] = await sql<{ held: boolean }[]>`
    select exists (select 1 from reportmail.report_schedule) or exists (select 1 from reportmail.delivery)
        or exists (select 1 from reportmail.admin_user) or exists (select 1 from reportmail.smtp_settings)
        or exists (select 1 from reportmail.audit_log) as held`;
  return row?.held === true || (await shopHoldsData(sql));
}

/** The outbox files of those deliveries: `<time>_<id>.*` and their failure notices `<time>_notice-<id>.*`. */
export async function removeOutboxFiles(folders: string[], deliveryIds: string[]): Promise<number> {
  const marks = deliveryIds.flatMap((id) => [`_${id}.`, `_notice-${id}.`]);
  let removed = 0;
  for (const folder of new Set(folders)) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((file) => marks.some((mark) => file.includes(mark)))) {
      await rm(`${folder}/${name}`, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/**
 * The demo's workers use a Redis prefix of their own: its finished jobs are the demo's too. A scheduler
 * on the database (`pnpm start`, when the demo shared its database) hears that the schedule is gone.
 */
async function cleanQueues(deps: CleanDeps, scheduleDeleted: boolean): Promise<void> {
  const redis = createRedisConnection(deps.redisUrl, 'worker');
  try {
    for await (const keys of redis.scanStream({ match: `${deps.redisPrefix}:*`, count: 500 })) {
      if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
    }
    if (scheduleDeleted) await publishScheduleChange(redis, deps.schedulerPrefix);
  } finally {
    redis.disconnect();
  }
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export type CleanDeps = {
  url: string;
  redisUrl: string;
  /** The demo workers' queues. */
  redisPrefix: string;
  /** `pnpm start`'s queues, where its scheduler listens for schedule changes. */
  schedulerPrefix: string;
  outboxDir: string;
};

/** `pnpm demo --clean`: the demo's rows, files and jobs, then its own database if nothing else is in it. */
export async function cleanDemo(deps: CleanDeps, stdout: NodeJS.WriteStream): Promise<void> {
  const where = describeDatabaseUrl(deps.url);
  const state = await demoDatabaseState(deps.url);
  if (!state.exists) {
    stdout.write(`Nothing to clean: there is no database ${where}.\n`);
    return;
  }
  const database = createDatabase(deps.url, { max: 1, applicationName: 'reportmail-demo' });
  let rows: DemoRows;
  let others: boolean;
  try {
    rows = await deleteDemoRows(database.sql);
    others = state.madeByDemo ? await holdsOtherRows(database.sql) : true;
  } finally {
    await database.close();
  }
  const folders = [
    deps.outboxDir,
    ...rows.deliveries.flatMap((row) => (row.outboxPath ? [dirname(row.outboxPath)] : [])),
  ];
  const files = await removeOutboxFiles(
    folders,
    rows.deliveries.map((row) => row.id),
  );
  await cleanQueues(deps, rows.scheduleFound);
  stdout.write(
    rows.scheduleFound
      ? `Deleted from ${where}: the schedule "${DEMO_SCHEDULE_NAME}", its deliveries (${rows.deliveries.length}, workbooks included) and the demo shop data; removed ${count(files, 'outbox file', 'outbox files')}.\n`
      : `No demo schedule in ${where}: no rows deleted.\n`,
  );
  if (state.madeByDemo && !others) {
    await dropDemoDatabase(deps.url);
    stdout.write(`Dropped the database ${databaseName(deps.url)}: the demo created it and nothing else was in it.\n`);
  } else if (state.madeByDemo) {
    stdout.write(`Kept the database ${databaseName(deps.url)}: it holds rows the demo did not make.\n`);
  }
}
