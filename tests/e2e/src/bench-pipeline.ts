// `pnpm bench:pipeline`: N schedules due at the same instant, delivered through the real services
// (separate processes) to a local SMTP sink. Prints throughput, delay percentiles, duplicates and losses.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDatabase, smtpSettings } from '@reportmail/db';
import { SMTP_PASSWORD_CONTEXT } from '@reportmail/mailer';
import { createRedisConnection, QUEUES } from '@reportmail/queue';
import { reportPeriodForRun } from '@reportmail/schedules';
import { createSecretBox, generateKeyEntry } from '@reportmail/secrets';
import {
  createSmtpSink,
  createTestRedis,
  recreateMigratedDatabase,
  type ServiceProcess,
  startServiceProcess,
} from '@reportmail/testing';
import { Queue } from 'bullmq';
import type { Sql } from 'postgres';
import { seedBenchDay, summarise } from './bench-support.js';
import { localTime } from './harness.js';

const HELP = `Usage: pnpm bench:pipeline [--schedules 1000] [--lead 40] [--report-workers 2] [--report-concurrency 2]
                           [--mail-workers 2] [--mail-concurrency 8]

Creates a fresh database (reportmail_bench_pipeline on DATABASE_URL's server), N daily schedules all due
at the first whole minute at least --lead seconds away (Asia/Manila), and starts the scheduler, report
workers and mail workers as separate processes, sending to an in-process SMTP sink. Prints deliveries/s,
p50/p95/max delay from the scheduled instant to SMTP acceptance, duplicates and lost deliveries.`;

const ZONE = 'Asia/Manila';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      schedules: { type: 'string', default: '1000' },
      lead: { type: 'string', default: '40' },
      'report-workers': { type: 'string', default: '2' },
      'report-concurrency': { type: 'string', default: '2' },
      'mail-workers': { type: 'string', default: '2' },
      'mail-concurrency': { type: 'string', default: '8' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const count = Number(values.schedules);
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseUrl = await recreateMigratedDatabase(adminUrl, 'reportmail_bench_pipeline');
  const database = createDatabase(databaseUrl, { max: 4 });
  const [redis, sink] = await Promise.all([createTestRedis(), createSmtpSink()]);
  const processes: ServiceProcess[] = [];
  try {
    const secretsKey = generateKeyEntry('bench');
    await database.db.insert(smtpSettings).values({
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      username: 'bench',
      passwordCiphertext: createSecretBox(secretsKey).encrypt('bench-password', SMTP_PASSWORD_CONTEXT),
      fromAddress: 'reports@shop.example',
    });
    const instant = new Date(Math.ceil((Date.now() + Number(values.lead) * 1000) / 60_000) * 60_000);
    const timing = { frequency: 'daily' as const, sendTime: localTime(instant, ZONE), timezone: ZONE };
    await seedBenchDay(database.sql, reportPeriodForRun({ ...timing, periodMode: 'previous_days' }, instant).start);
    await database.sql`
      insert into reportmail.report_schedule
        (name, enabled, enabled_at, frequency, send_time, timezone, recipients_to)
      select 'Bench ' || g, true, now() - interval '1 day', 'daily', ${localTime(instant, ZONE)}, ${ZONE},
        array['owner' || g || '@shop.example']
      from generate_series(1, ${count}) g`;
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      SECRETS_KEY: secretsKey,
      LOG_LEVEL: 'warn',
      CATCH_UP_WINDOW_HOURS: '0',
      REPORT_CONCURRENCY: values['report-concurrency'],
      MAIL_CONCURRENCY: values['mail-concurrency'],
    };
    processes.push(startServiceProcess('scheduler', env));
    for (let i = 0; i < Number(values['report-workers']); i += 1)
      processes.push(startServiceProcess('report-worker', env));
    for (let i = 0; i < Number(values['mail-workers']); i += 1) processes.push(startServiceProcess('mail-worker', env));
    const syncedAt = await waitForSchedulers(redis.url, redis.prefix, count, instant);
    process.stdout.write(
      `${count} schedules due at ${instant.toISOString()}; job schedulers ready ${((instant.getTime() - syncedAt) / 1000).toFixed(1)} s before\n`,
    );
    const deadline = instant.getTime() + 180_000;
    await Promise.race([
      sink.waitForMessages(count),
      new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now()))),
    ]);
    await waitForLedger(database.sql, sink.received.length);
    process.stdout.write(`${await summarise(database.sql, sink.received, instant, count)}\n`);
    process.stdout.write(`${cpuReport(processes)}\n`);
  } finally {
    await Promise.all(processes.map((service) => service.stop()));
    await database.close();
    await Promise.all([redis.cleanup(), sink.close()]);
  }
}

/** CPU seconds each process used (Linux /proc), to show where the time goes; the sink runs in this one. */
function cpuReport(processes: ServiceProcess[]): string {
  const ticksPerSecond = 100;
  const cpuOf = (pid: number | undefined) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    } catch {
      return Number.NaN;
    }
  };
  const own = process.cpuUsage();
  const parts = processes.map((service) => `${service.name} ${cpuOf(service.child.pid).toFixed(1)}`);
  return `CPU seconds: ${parts.join(', ')}, bench + SMTP sink ${((own.user + own.system) / 1e6).toFixed(1)}`;
}

/** Polls Redis until every schedule has its delayed job (the scheduler's sync has no other outward signal). */
async function waitForSchedulers(url: string, prefix: string, count: number, instant: Date): Promise<number> {
  const connection = createRedisConnection(url, 'worker');
  const queue = new Queue(QUEUES.reports, { connection, prefix });
  try {
    while (Date.now() < instant.getTime()) {
      if ((await queue.getDelayedCount()) >= count) return Date.now();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`The scheduler did not create ${count} job schedulers before the due instant`);
  } finally {
    await queue.close();
    await connection.quit();
  }
}

/** The last acceptances reach the ledger a moment after the sink: wait (bounded) for their rows. */
async function waitForLedger(sql: Sql, sent: number): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const [row] = await sql<
      { sent: number }[]
    >`select count(*)::int as sent from reportmail.delivery where status = 'sent'`;
    if ((row?.sent ?? 0) >= sent) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:pipeline: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
