// One run of the pipeline benchmark: a fresh database, N daily schedules, the real services as processes
// (built bundles, as `pnpm start` runs them), an SMTP sink in a process of its own.
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createDatabase, type Database, smtpSettings } from '@reportmail/db';
import { SMTP_PASSWORD_CONTEXT } from '@reportmail/mailer';
import { createRedisConnection, QUEUES } from '@reportmail/queue';
import { reportPeriodForRun } from '@reportmail/schedules';
import { createSecretBox, generateKeyEntry } from '@reportmail/secrets';
import {
  createTestRedis,
  recreateMigratedDatabase,
  type ServiceProcess,
  startServiceProcess,
} from '@reportmail/testing';
import { Queue } from 'bullmq';
import { seedBenchDay, untilScheduled } from '../bench-support.js';
import { localTime } from '../harness.js';
import { commandCpuSeconds, machineBusySeconds, processCpuSeconds } from './cpu.js';
import { type Acceptance, type SinkProcess, startSinkProcess } from './sink-process.js';

export const ZONE = 'Asia/Manila';

export type PipelineRunOptions = {
  schedules: number;
  /** Each schedule due one minute after the previous: one delivery at a time on an idle stack. */
  oneAMinute: boolean;
  reportWorkers: number;
  mailWorkers: number;
  reportConcurrency: number;
  mailConcurrency: number;
  /** Seconds at least between the start and the first due instant (the scheduler's sync must fit). */
  leadSeconds: number;
  /** Where the workers write V8 CPU profiles (`<dir>/report-worker`, `<dir>/mail-worker`). */
  profileDir?: string;
};

/** CPU seconds used from the first due instant until the last acceptance was recorded. */
export type CpuUse = Record<'report' | 'mail' | 'scheduler' | 'postgres' | 'redis' | 'sink' | 'machine', number>;

export type PipelineRunResult = {
  expected: number;
  accepted: Acceptance[];
  /** Seconds from each message's scheduled instant to its acceptance, ascending. */
  delays: number[];
  duplicates: number;
  lost: number;
  ledgerSent: number;
  periodsDoubled: number;
  cpu: CpuUse;
};

type Stack = { processes: ServiceProcess[]; sink: SinkProcess };

export async function runPipeline(options: PipelineRunOptions): Promise<PipelineRunResult> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseUrl = await recreateMigratedDatabase(adminUrl, 'reportmail_bench_pipeline');
  const database = createDatabase(databaseUrl, { max: 4 });
  const [redis, sink] = await Promise.all([createTestRedis(), startSinkProcess()]);
  const stack: Stack = { processes: [], sink };
  try {
    const secretsKey = generateKeyEntry('bench');
    await saveSmtpSettings(database, secretsKey, sink.port);
    const instants = dueInstants(options);
    await seedSchedules(database, instants);
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      SECRETS_KEY: secretsKey,
      LOG_LEVEL: 'warn',
      CATCH_UP_WINDOW_HOURS: '0',
      REPORT_CONCURRENCY: String(options.reportConcurrency),
      MAIL_CONCURRENCY: String(options.mailConcurrency),
    };
    startServices(stack, env, options);
    const first = instants[0] as Date;
    await waitForJobSchedulers(redis.url, redis.prefix, instants.length, first);
    await delay(Math.max(0, first.getTime() - Date.now()));
    const before = cpuNow(stack);
    const last = (instants.at(-1) as Date).getTime();
    await sink.waitFor(instants.length, last + Math.max(180_000, instants.length * 60));
    await waitForLedger(database, sink.accepted.length);
    const cpu = cpuSince(before, cpuNow(stack));
    return { ...(await tally(database, sink.accepted, instants)), cpu };
  } finally {
    await Promise.all(stack.processes.map((service) => service.stop()));
    await database.close();
    await Promise.all([redis.cleanup(), sink.close()]);
  }
}

/** All at the first whole minute `leadSeconds` away, or one a minute from then. */
function dueInstants(options: PipelineRunOptions): Date[] {
  const first = Math.ceil((Date.now() + options.leadSeconds * 1000) / 60_000) * 60_000;
  return Array.from(
    { length: options.schedules },
    (_, index) => new Date(first + (options.oneAMinute ? index : 0) * 60_000),
  );
}

async function saveSmtpSettings(database: Database, secretsKey: string, port: number): Promise<void> {
  await database.db.insert(smtpSettings).values({
    host: '127.0.0.1',
    port,
    security: 'none',
    username: 'bench',
    passwordCiphertext: createSecretBox(secretsKey).encrypt('bench-password', SMTP_PASSWORD_CONTEXT),
    fromAddress: 'reports@shop.example',
  });
}

/** One daily schedule per instant, and the busy day each of them reports on. */
async function seedSchedules(database: Database, instants: Date[]): Promise<void> {
  const first = instants[0] as Date;
  const timing = { frequency: 'daily' as const, sendTime: localTime(first, ZONE), timezone: ZONE };
  await seedBenchDay(database.sql, reportPeriodForRun({ ...timing, periodMode: 'previous_days' }, first).start);
  const sendTimes = instants.map((instant) => localTime(instant, ZONE));
  await database.sql`
    insert into reportmail.report_schedule (name, enabled, enabled_at, frequency, send_time, timezone, recipients_to)
    select 'Bench ' || g, true, now() - interval '1 day', 'daily', (${sendTimes}::text[])[g], ${ZONE},
      array['owner' || g || '@shop.example']
    from generate_series(1, ${instants.length}) g`;
}

function startServices(stack: Stack, env: Record<string, string>, options: PipelineRunOptions): void {
  const profile = (role: string) =>
    options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(options.profileDir, role)}`] : [];
  stack.processes.push(startServiceProcess('scheduler', env));
  for (let i = 0; i < options.reportWorkers; i += 1)
    stack.processes.push(startServiceProcess('report-worker', env, [], profile('report-worker')));
  for (let i = 0; i < options.mailWorkers; i += 1)
    stack.processes.push(startServiceProcess('mail-worker', env, [], profile('mail-worker')));
}

function cpuNow({ processes, sink }: Stack): CpuUse {
  const of = (name: string) =>
    processes
      .filter((service) => service.name === name)
      .reduce((sum, s) => sum + processCpuSeconds(s.child.pid ?? 0), 0);
  return {
    report: of('report-worker'),
    mail: of('mail-worker'),
    scheduler: of('scheduler'),
    postgres: commandCpuSeconds('postgres'),
    redis: commandCpuSeconds('redis-server'),
    sink: processCpuSeconds(sink.pid),
    machine: machineBusySeconds(),
  };
}

function cpuSince(before: CpuUse, after: CpuUse): CpuUse {
  const keys = Object.keys(before) as (keyof CpuUse)[];
  return Object.fromEntries(keys.map((key) => [key, after[key] - before[key]])) as CpuUse;
}

/** Waits, through a Redis connection of its own, until every schedule has its delayed job. */
async function waitForJobSchedulers(url: string, prefix: string, count: number, first: Date): Promise<void> {
  const connection = createRedisConnection(url, 'worker');
  const queue = new Queue(QUEUES.reports, { connection, prefix });
  try {
    await untilScheduled(queue, count, first);
  } finally {
    await queue.close();
    await connection.quit();
  }
}

/** The last acceptances reach the ledger a moment after the sink: wait (bounded) for their rows. */
async function waitForLedger(database: Database, sent: number): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const [row] = await database.sql<{ sent: number }[]>`
      select count(*)::int as sent from reportmail.delivery where status = 'sent'`;
    if ((row?.sent ?? 0) >= sent) return;
    await delay(100);
  }
}

async function tally(database: Database, accepted: Acceptance[], instants: Date[]) {
  const unique = new Set(accepted.map((mail) => mail.deliveryId));
  const due = [...new Set(instants.map((instant) => instant.getTime()))];
  // Each message is timed from the latest instant at or before it (one a minute: its own schedule's).
  const delays = accepted
    .map(({ acceptedAt }) => (acceptedAt - Math.max(...due.filter((at) => at <= acceptedAt), due[0] ?? 0)) / 1000)
    .sort((a, b) => a - b);
  const [ledger] = await database.sql<{ sent: number; periods_doubled: number }[]>`
    select count(*) filter (where status = 'sent')::int as sent,
      (select count(*) from (select 1 from reportmail.delivery group by schedule_id, period_start, period_end
        having count(*) > 1) d)::int as periods_doubled
    from reportmail.delivery`;
  return {
    expected: instants.length,
    accepted,
    delays,
    duplicates: accepted.length - unique.size,
    lost: instants.length - unique.size,
    ledgerSent: ledger?.sent ?? 0,
    periodsDoubled: ledger?.periods_doubled ?? 0,
  };
}
