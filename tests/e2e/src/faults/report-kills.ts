import { createRedisConnection, QUEUES } from '@reportmail/queue';
import type { ServiceProcess } from '@reportmail/testing';
import { QueueEvents } from 'bullmq';
import { type FaultStack, startFaultStack } from './fault-stack.js';
import type { RunResult, Scenario, ScenarioOptions } from './scenario.js';

/** Payments on each Manila day from Jan 1, 2025 (the days `queueSends` reports), one sale each. */
async function seedDays(stack: FaultStack, days: number, perDay: number): Promise<void> {
  await stack.pipeline.database.sql`
    with day as (
      select d, '2024-12-31T16:00:00Z'::timestamptz + d * interval '1 day' as starts from generate_series(0, ${days - 1}) d
    ), sale_rows as (
      insert into sale (invoice_no, status, total, created_at)
      select 'INV-' || d || '-' || g, 'PAID', 10, starts from day, generate_series(1, ${perDay}) g
      returning id, created_at
    )
    insert into sale_payment (sale_id, amount, method, paid_at)
    select id, 10.00, 'Cash', created_at + (id % 86000) * interval '1 second' from sale_rows`;
}

/** Stored workbooks that are not whole: size or checksum off, or no zip end record (a half-written file). */
async function brokenArtifacts(stack: FaultStack): Promise<number> {
  const [row] = await stack.pipeline.database.sql<{ broken: number }[]>`
    select count(*)::int as broken from reportmail.delivery_artifact
    where size_bytes <> length(content) or sha256 <> encode(sha256(content), 'hex')
       or position('\\x504b0506'::bytea in substring(content from greatest(length(content) - 65557, 1))) = 0`;
  return row?.broken ?? 0;
}

/** Resolves on the next progress report between 25 % and 95 % (mid-workbook), or false after `ms`. */
function midWorkbook(events: QueueEvents, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onProgress = ({ data }: { data: unknown }) => {
      if (typeof data !== 'number' || data < 25 || data > 95) return;
      done(true);
    };
    const timer = setTimeout(() => done(false), ms);
    const done = (value: boolean) => {
      clearTimeout(timer);
      events.off('progress', onProgress);
      resolve(value);
    };
    events.on('progress', onProgress);
  });
}

/**
 * Scenario 2: the report worker SIGKILLed 20 times while it writes 60,000-row workbooks (10 reports of
 * 60,000 payments each), started again at once each time. Every report must go out once, with exactly
 * one whole stored workbook each.
 */
async function runReportKills(options: ScenarioOptions): Promise<RunResult> {
  const [days, perDay, kills] = options.smoke ? [2, 20_000, 2] : [10, 60_000, 20];
  const stack = await startFaultStack();
  const connection = createRedisConnection(stack.redisServer.url, 'worker', { onError: () => undefined });
  const events = new QueueEvents(QUEUES.reports, { connection, prefix: stack.pipeline.redis.prefix });
  try {
    await seedDays(stack, days, perDay);
    await events.waitUntilReady();
    stack.start('scheduler');
    stack.start('mail-worker');
    let worker: ServiceProcess = stack.start('report-worker');
    const ids = await stack.queueSends(days);
    const recoveryMs: number[] = [];
    let landed = 0;
    for (; landed < kills; landed += 1) {
      if (!(await midWorkbook(events, 120_000))) break;
      const killedAt = Date.now();
      await worker.kill();
      worker = stack.start('report-worker');
      await midWorkbook(events, 60_000);
      recoveryMs.push(Date.now() - killedAt);
    }
    options.log(`${landed} kills mid-workbook`);
    const counts = await stack.settle(ids, Date.now() + 300_000);
    const broken = await brokenArtifacts(stack);
    const [stored] = await stack.pipeline.database.sql<{ count: number }[]>`
      select count(*)::int from reportmail.delivery_artifact`;
    const violations: string[] = [];
    if (counts.lost > 0) violations.push(`${counts.lost} deliveries lost`);
    if (counts.duplicates > 0) violations.push(`${counts.duplicates} messages sent twice`);
    if (broken > 0) violations.push(`${broken} stored workbooks not whole`);
    if (stored?.count !== days) violations.push(`${stored?.count} stored workbooks for ${days} reports`);
    if (landed < kills) violations.push(`only ${landed} of ${kills} kills landed mid-workbook`);
    return {
      ...counts,
      recoveryMs,
      notes: [
        `${landed} kills mid-workbook (${perDay.toLocaleString('en')} rows); ${stored?.count} stored workbooks, ${broken} not whole; recovery: kill → the job is writing again`,
      ],
      violations,
    };
  } finally {
    await events.close();
    connection.disconnect();
    await stack.close();
  }
}

export const reportWorkerKills: Scenario = {
  id: '2',
  name: 'Report worker SIGKILLed 20 times mid-workbook',
  run: runReportKills,
};
