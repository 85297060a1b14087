// What `pnpm bench:one-box` measures besides time: the memory of a process tree, and deliveries to drive.
import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { createDatabase, delivery } from '@reportmail/db';
import { createRedisConnection, QUEUES } from '@reportmail/queue';
import { Queue } from 'bullmq';
import { inArray } from 'drizzle-orm';
import { seedBenchDay } from './bench-support.js';
import { createSchedule, queueDaySend } from './harness.js';

export type TreeMemory = { rssMb: number; pssMb: number; processes: number };

/** The process ids whose parent is `pid`, from /proc (Linux). */
export async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The command name (field 2) may hold spaces: the parent id is the second field after its ')'.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === pid) children.push(Number(entry));
  }
  return children;
}

async function kilobytes(file: string, field: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
}

/**
 * Resident memory of `pid` and all its descendants. RSS counts the pages Node's own executable shares
 * between the processes once per process; PSS splits shared pages between their users, so its sum is
 * what the tree costs the machine.
 */
export async function treeMemory(pid: number): Promise<TreeMemory> {
  const pids = [pid];
  for (let index = 0; index < pids.length; index += 1) pids.push(...(await childrenOf(pids[index] as number)));
  let rss = 0;
  let pss = 0;
  for (const each of pids) {
    rss += await kilobytes(`/proc/${each}/status`, 'VmRSS');
    pss += await kilobytes(`/proc/${each}/smaps_rollup`, 'Pss');
  }
  return { rssMb: rss / 1024, pssMb: pss / 1024, processes: pids.length };
}

/**
 * `count` deliveries of one busy day (500 payments), each of a schedule of its own, queued as the API's
 * Send now queues them; resolves once every one is recorded sent (to the outbox here), with the seconds.
 */
export async function driveDeliveries(
  env: { DATABASE_URL: string; REDIS_URL: string; REDIS_PREFIX: string },
  count: number,
  day: string,
): Promise<number> {
  const database = createDatabase(env.DATABASE_URL, { max: 2 });
  const connection = createRedisConnection(env.REDIS_URL, 'producer');
  const reports = new Queue(QUEUES.reports, { connection, prefix: env.REDIS_PREFIX });
  try {
    await seedBenchDay(database.sql, new Date(`${day}T00:00:00+08:00`));
    const started = performance.now();
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const scheduleId = await createSchedule(database, { name: `Footprint ${index}` });
      ids.push(await queueDaySend({ db: database.db, reports }, scheduleId, day));
    }
    for (;;) {
      const rows = await database.db
        .select({ status: delivery.status })
        .from(delivery)
        .where(inArray(delivery.id, ids));
      if (rows.filter((row) => row.status === 'sent').length === count) break;
      const failed = rows.filter((row) => row.status === 'failed');
      if (failed.length > 0) throw new Error(`${failed.length} of the ${count} deliveries failed`);
      await delay(250);
    }
    return (performance.now() - started) / 1000;
  } finally {
    await reports.close();
    connection.disconnect();
    await database.close();
  }
}
