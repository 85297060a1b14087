import { readdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createDatabase, DEMO_SCHEDULE_NAME, type DemoRows, deleteDemoRows, describeDatabaseUrl } from '@reportmail/db';
import { createRedisConnection, publishScheduleChange } from '@reportmail/queue';
import type { Sql } from 'postgres';
import { shopHoldsData } from '../seed/loader.js';
import { databaseName, demoDatabaseState, dropDemoDatabase } from './demo-database.js';

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
