import { createDatabase, type Database } from '@reportmail/db';
import { AppError, invalidField } from '@reportmail/errors';
import { queueManualDelivery } from '@reportmail/ledger';
import { createRedisConnection, publishScheduleChange, QUEUES } from '@reportmail/queue';
import { type CurrencyOptions, computeReportPeriod } from '@reportmail/reports';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { integerFlag, parseFlags } from '../args.js';
import { awaitFinalDelivery } from '../demo/await-delivery.js';
import {
  assertShopIsDemoOrEmpty,
  DEMO_RECIPIENT,
  type DemoSchedule,
  upsertDemoSchedule,
} from '../demo/demo-schedule.js';
import { describeDelivery } from '../demo/demo-summary.js';
import { missingWorkers, startDemoWorkers } from '../demo/demo-workers.js';
import { prepareServers } from '../stack/preflight.js';
import type { StackEnvironment } from '../stack/stack-env.js';
import { runSeedCommand } from './seed.js';

export const DEMO_HELP = `Usage: pnpm demo [--payments N] [--to EMAIL]

Shows the whole service at work on this machine: seeds a realistic shop (3,000 payments over the 60 days
up to yesterday, by default), creates a daily schedule "Demo: daily revenue report", sends yesterday's
report now, waits for it, and prints its totals and where the email and workbook are. Until SMTP is
configured mail goes to var/outbox/. It starts the workers it needs unless \`pnpm start\` runs already.
Safe to run again; it refuses to replace shop data it did not seed.
  --payments  payment rows to seed, 100 … 100,000 (default 3,000)
  --to        who gets the demo email (default owner@shop.example, a reserved domain: with real SMTP
              configured, give your own address)`;

export type DemoDeps = {
  stack: StackEnvironment;
  timezone: string;
  currency: CurrencyOptions;
  stdout: NodeJS.WriteStream;
};

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

export async function runDemoCommand(deps: DemoDeps, argv: string[]): Promise<void> {
  const flags = parseFlags(argv, { payments: { type: 'string' }, to: { type: 'string' } });
  const payments = integerFlag('payments', flags.payments, 3_000, 100, 100_000);
  const recipient = flags.to ?? DEMO_RECIPIENT;
  if (!z.email().safeParse(recipient).success) throw invalidField('--to', `"${recipient}" is not an email address`);
  const { env } = deps.stack;
  const [databaseUrl, redisUrl, prefix] = [
    env.DATABASE_URL as string,
    env.REDIS_URL as string,
    env.REDIS_PREFIX ?? 'reportmail',
  ];
  await prepareServers({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl });
  const database = createDatabase(databaseUrl, { max: 2, applicationName: 'reportmail-demo' });
  const redis = createRedisConnection(redisUrl, 'worker');
  let workers: ReturnType<typeof startDemoWorkers> | undefined;
  try {
    await assertShopIsDemoOrEmpty(database.db, database.sql);
    await runSeedCommand({ sql: database.sql, timezone: deps.timezone, stdout: deps.stdout }, [
      '--payments',
      String(payments),
      '--days',
      '60',
      '--reset',
    ]);
    const schedule = await upsertDemoSchedule(database.db, { timezone: deps.timezone, recipient, now: new Date() });
    await publishScheduleChange(redis, prefix, schedule.id);
    const missing = await missingWorkers(redis, prefix);
    if (missing.length > 0) {
      deps.stdout.write(`Starting ${missing.join(' and ')} for the demo…\n`);
      workers = startDemoWorkers(deps.stack, missing, deps.stdout);
    }
    const { deliveryId, period } = await sendNow(database, redis, prefix, schedule);
    deps.stdout.write(`Sending the report for ${period.label} (delivery ${deliveryId})…\n`);
    const delivered = awaitFinalDelivery(database.db, deliveryId, {
      timeoutMs: 180_000,
      onStatus: (status) => deps.stdout.write(`  ${status}\n`),
    });
    // A worker that cannot even start (bad configuration) ends the wait at once, with its reason.
    const workerFailure = workers?.failure.then((error) => Promise.reject(error)) ?? new Promise<never>(() => {});
    const row = await Promise.race([delivered, workerFailure]);
    deps.stdout.write(await describeDelivery(row, period.label, deps.currency));
    if (row.status !== 'sent') throw new AppError('INTERNAL', `the demo report ended "${row.status}"`);
  } finally {
    await workers?.stop();
    redis.disconnect();
    await database.close();
  }
}
