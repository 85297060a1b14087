import { createDatabase, type Database, explainDatabaseError } from '@reportmail/db';
import { AppError, invalidField } from '@reportmail/errors';
import { queueManualDelivery } from '@reportmail/ledger';
import { createRedisConnection, publishScheduleChange, QUEUES } from '@reportmail/queue';
import { type CurrencyOptions, computeReportPeriod } from '@reportmail/reports';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { integerFlag, parseFlags } from '../args.js';
import { awaitFinalDelivery } from '../demo/await-delivery.js';
import { cleanDemo } from '../demo/demo-clean.js';
import { databaseName, demoDatabaseUrl, prepareDemoDatabase } from '../demo/demo-database.js';
import {
  assertShopIsDemoOrEmpty,
  DEMO_RECIPIENT,
  DEMO_SCHEDULE_NAME,
  type DemoSchedule,
  upsertDemoSchedule,
} from '../demo/demo-schedule.js';
import { describeDelivery } from '../demo/demo-summary.js';
import { demoRedisPrefix, startDemoWorkers } from '../demo/demo-workers.js';
import type { StackEnvironment } from '../stack/stack-env.js';
import { runSeedCommand } from './seed.js';

export const DEMO_HELP = `Usage: pnpm demo [--payments N] [--to EMAIL] [--database NAME|URL]
       pnpm demo --clean [--database NAME|URL]

Shows the whole service at work on this machine, in a database of its own (reportmail_demo on
DATABASE_URL's server, created and migrated when missing), so nothing it makes lands in the product's
database: seeds a realistic shop (3,000 payments over the 60 days up to yesterday, by default), saves a
daily schedule "Demo: daily revenue report" switched off (it never sends by itself), sends yesterday's
report now through report and mail workers of its own, waits for it, and prints its totals and where the
email and workbook are. Until SMTP is configured in that database, mail goes to var/outbox/.
Safe to run again; it refuses to replace shop data it did not seed.
  --payments  payment rows to seed, 100 … 100,000 (default 3,000)
  --to        who gets the demo email (default owner@shop.example, a reserved domain: with real SMTP
              configured, give your own address)
  --database  the database to use instead: a name on DATABASE_URL's server, or a postgres:// URL
  --clean     remove what the demo made: its schedule, deliveries, workbooks, shop data and outbox files.
              A database the demo created is then dropped, unless something else was put in it; any
              other database (--database) loses only the demo's rows`;

export type DemoDeps = {
  stack: StackEnvironment;
  timezone: string;
  currency: CurrencyOptions;
  stdout: NodeJS.WriteStream;
};

type DemoTarget = { databaseUrl: string; redisUrl: string; prefix: string; demoPrefix: string };

async function sendNow(database: Database, redis: Redis, prefix: string, schedule: DemoSchedule) {
  const period = computeReportPeriod({
    frequency: schedule.frequency,
    scheduledAt: new Date(),
    timezone: schedule.timezone,
  });
  const reports = new Queue(QUEUES.reports, { connection: redis, prefix });
  try {
    const deliveryId = await queueManualDelivery(
      { db: database.db, reports },
      {
        scheduleId: schedule.id,
        trigger: 'manual',
        reportType: 'daily_sales',
        period,
        recipients: { to: [schedule.recipient], cc: [], bcc: [] },
      },
    );
    return { deliveryId, period };
  } finally {
    await reports.close();
  }
}

/** Seeds the shop and saves the schedule, switched off; a scheduler reading this database hears of it. */
async function prepareShop(deps: DemoDeps, database: Database, redis: Redis, run: DemoRun): Promise<DemoSchedule> {
  await assertShopIsDemoOrEmpty(database.db, database.sql);
  await runSeedCommand({ sql: database.sql, timezone: deps.timezone, stdout: deps.stdout }, [
    ...['--payments', String(run.payments), '--days', '60', '--reset'],
  ]);
  const schedule = await upsertDemoSchedule(database.db, {
    timezone: deps.timezone,
    recipient: run.recipient,
    now: new Date(),
  });
  // Only `pnpm start`'s scheduler could hold this schedule, and only when the demo shares its database.
  if (run.target.databaseUrl === deps.stack.env.DATABASE_URL) {
    await publishScheduleChange(redis, run.target.prefix, schedule.id);
  }
  deps.stdout.write(`Saved the schedule "${DEMO_SCHEDULE_NAME}" switched off: it sends nothing by itself.\n`);
  return schedule;
}

type DemoRun = { payments: number; recipient: string; target: DemoTarget };

async function runDemo(deps: DemoDeps, run: DemoRun): Promise<void> {
  const { databaseUrl, redisUrl, demoPrefix } = run.target;
  const database = createDatabase(databaseUrl, { max: 2, applicationName: 'reportmail-demo' });
  const redis = createRedisConnection(redisUrl, 'worker');
  let workers: ReturnType<typeof startDemoWorkers> | undefined;
  try {
    const schedule = await prepareShop(deps, database, redis, run);
    deps.stdout.write('Starting report-worker and mail-worker for the demo…\n');
    workers = startDemoWorkers(deps.stack, { databaseUrl, redisPrefix: demoPrefix }, deps.stdout);
    const { deliveryId, period } = await sendNow(database, redis, demoPrefix, schedule);
    deps.stdout.write(`Sending the report for ${period.label} (delivery ${deliveryId})…\n`);
    const delivered = awaitFinalDelivery(database.db, deliveryId, {
      timeoutMs: 180_000,
      onStatus: (status) => deps.stdout.write(`  ${status}\n`),
    });
    // A worker that cannot even start (bad configuration) ends the wait at once, with its reason.
    const workerFailure = workers.failure.then((error) => Promise.reject(error));
    const row = await Promise.race([delivered, workerFailure]);
    deps.stdout.write(await describeDelivery(row, period.label, deps.currency));
    if (row.status !== 'sent') throw new AppError('INTERNAL', `the demo report ended "${row.status}"`);
    deps.stdout.write(`Nothing more will be sent. Remove what the demo made with: pnpm demo --clean\n`);
  } catch (error) {
    throw explainDatabaseError(error, databaseUrl);
  } finally {
    await workers?.stop();
    redis.disconnect();
    await database.close();
  }
}

export async function runDemoCommand(deps: DemoDeps, argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    payments: { type: 'string' },
    to: { type: 'string' },
    database: { type: 'string' },
    clean: { type: 'boolean', default: false },
  });
  const { env } = deps.stack;
  const databaseUrl = demoDatabaseUrl(env.DATABASE_URL as string, flags.database);
  const prefix = env.REDIS_PREFIX ?? 'reportmail';
  const target: DemoTarget = {
    databaseUrl,
    redisUrl: env.REDIS_URL as string,
    prefix,
    demoPrefix: demoRedisPrefix(prefix, databaseName(databaseUrl)),
  };
  if (flags.clean) {
    const { redisUrl, demoPrefix } = target;
    const clean = { url: databaseUrl, redisUrl, redisPrefix: demoPrefix, schedulerPrefix: prefix };
    return cleanDemo({ ...clean, outboxDir: deps.stack.outboxDir }, deps.stdout);
  }
  const payments = integerFlag('payments', flags.payments, 3_000, 100, 100_000);
  const recipient = flags.to ?? DEMO_RECIPIENT;
  if (!z.email().safeParse(recipient).success) throw invalidField('--to', `"${recipient}" is not an email address`);
  await prepareDemoDatabase(databaseUrl, target.redisUrl, deps.stdout);
  await runDemo(deps, { payments, recipient, target });
}
