import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Db, reportSchedule, scheduleWebhook, smtpSettings } from '@reportmail/db';
import { queueManualDelivery } from '@reportmail/ledger';
import { SMTP_PASSWORD_CONTEXT } from '@reportmail/mailer';
import { periodFromLocalDates } from '@reportmail/reports';
import { createSecretBox, generateKeyEntry } from '@reportmail/secrets';
import {
  createSmtpSink,
  createTestDatabase,
  createTestRedis,
  type LogLine,
  recreateMigratedDatabase,
  type ServiceProcess,
  type SmtpSink,
  type SmtpSinkOptions,
  startServiceProcess,
  type TestDatabase,
  type TestRedis,
} from '@reportmail/testing';
import { sealWebhookSecrets } from '@reportmail/webhooks';
import type { Queue } from 'bullmq';

export type ServiceName = 'api' | 'scheduler' | 'report-worker' | 'mail-worker' | 'all-in-one';

/** The whole pipeline as separate processes over one test database, Redis prefix and SMTP sink. */
export type Pipeline = {
  database: TestDatabase;
  redis: TestRedis;
  sink: SmtpSink;
  /** The services' SECRETS_KEY: what a test encrypts stored secrets (webhook URLs) with. */
  secretsKey: string;
  start: (name: ServiceName, env?: Record<string, string>) => ServiceProcess;
  close: () => Promise<void>;
};

/** Short lock and lease timings, as BullMQ's own tests use, so takeovers happen within seconds. */
const FAST_TIMINGS = {
  WORKER_LOCK_DURATION_MS: '2000',
  WORKER_STALLED_INTERVAL_MS: '500',
  LEADER_TTL_MS: '1500',
  LOG_LEVEL: 'info',
};

export type PipelineOptions = {
  /** False leaves SMTP unconfigured (the console's tests save it through the form). */
  smtpSettings?: boolean;
  sink?: SmtpSinkOptions;
  /** A scripts' database by name (recreated, migrated, kept afterwards) instead of a test run's clone. */
  databaseName?: string;
  /** A Redis server of the test's own (one it stops and starts) instead of REDIS_URL's. */
  redisUrl?: string;
  /** With `databaseName`: the server to create it on (a cluster of the test's own), else DATABASE_URL's. */
  postgresAdminUrl?: string;
};

/** Outside a test run (benchmarks, screenshots) there is no template to clone: a named database instead. */
async function namedDatabase(name: string, serverUrl?: string): Promise<TestDatabase> {
  const adminUrl = serverUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = await recreateMigratedDatabase(adminUrl, name);
  const database = createDatabase(url, { max: 4 });
  return { ...database, url, name, drop: () => database.close() };
}

export async function createPipeline(options: PipelineOptions = {}): Promise<Pipeline> {
  const [database, redis, sink] = await Promise.all([
    options.databaseName ? namedDatabase(options.databaseName, options.postgresAdminUrl) : createTestDatabase(),
    createTestRedis(options.redisUrl),
    createSmtpSink(options.sink),
  ]);
  const secretsKey = generateKeyEntry('e2e');
  const password = createSecretBox(secretsKey).encrypt('e2e-smtp-password', SMTP_PASSWORD_CONTEXT);
  if (options.smtpSettings !== false)
    await database.db.insert(smtpSettings).values({
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      username: 'reports@shop.example',
      passwordCiphertext: password,
      fromAddress: 'reports@shop.example',
      fromName: 'Shop Reports',
    });
  const env = {
    ...FAST_TIMINGS,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    SECRETS_KEY: secretsKey,
  };
  const processes: ServiceProcess[] = [];
  return {
    database,
    redis,
    sink,
    secretsKey,
    start: (name, extra = {}) => {
      const service = startServiceProcess(name, { ...env, ...extra });
      processes.push(service);
      return service;
    },
    close: async () => {
      await Promise.all(processes.map((service) => service.stop()));
      await Promise.all([redis.cleanup(), sink.close()]);
      await database.drop();
    },
  };
}

export type ScheduleValues = Partial<typeof reportSchedule.$inferInsert>;

export type WebhookValues = { kind: 'slack' | 'webhook'; label: string; url: string; signingSecret?: string };

/** Gives a schedule webhooks as the API stores them: URL and secret encrypted with the services' key. */
export async function addWebhooks(pipeline: Pipeline, scheduleId: string, webhooks: WebhookValues[]): Promise<void> {
  const secrets = createSecretBox(pipeline.secretsKey);
  for (const webhook of webhooks) {
    const id = randomUUID();
    const { kind, label, url } = webhook;
    const sealed = sealWebhookSecrets(secrets, id, webhook);
    await pipeline.database.db.insert(scheduleWebhook).values({ id, scheduleId, kind, label, urlHint: url, ...sealed });
  }
}

export async function createSchedule(database: { db: Db }, values: ScheduleValues): Promise<string> {
  const [row] = await database.db
    .insert(reportSchedule)
    .values({
      name: 'Daily report',
      enabled: true,
      enabledAt: new Date(Date.now() - 48 * 3_600_000),
      frequency: 'daily',
      timezone: 'Asia/Manila',
      recipientsTo: ['owner@shop.example'],
      recipientsCc: ['books@shop.example'],
      ...values,
    })
    .returning({ id: reportSchedule.id });
  return row?.id as string;
}

/** Queues a send now of one Manila day's report to owner@shop.example, as the API's Send now does. */
export function queueDaySend(deps: { db: Db; reports: Queue }, scheduleId: string, day: string): Promise<string> {
  return queueManualDelivery(deps, {
    scheduleId,
    trigger: 'manual',
    reportType: 'daily_sales',
    period: periodFromLocalDates(day, day, 'Asia/Manila'),
    recipients: { to: ['owner@shop.example'], cc: [], bcc: [] },
  });
}

/** `HH:MM` of an instant in a zone. */
export function localTime(instant: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** Matches a log line by its message and, optionally, some of its fields. */
export const logged =
  (msg: string, fields: Record<string, unknown> = {}) =>
  (line: LogLine) =>
    line.msg === msg && Object.entries(fields).every(([key, value]) => line[key] === value);

/** A port nobody listens on right now, from 20000–40000 (the API logs its URL, not an ephemeral port). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `pnpm start` the way a terminal runs it: the leader of its own process group, so a signal to the group
 * reaches pnpm, its shell and the CLI at once, as Ctrl-C does.
 */
export function pnpmStartInProcessGroup(args: string[], extraEnv: Record<string, string>) {
  const child = spawn('pnpm', ['start', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const waiter of waiters.filter((w) => output.includes(w.text))) waiter.resolve();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (output.includes(text)) return resolve();
      waiters.push({ text, resolve });
      void exited.then(([code]) => reject(new Error(`pnpm start exited (${code}) before "${text}":\n${output}`)));
    });
  const signalGroup = (signal: NodeJS.Signals) => process.kill(-(child.pid as number), signal);
  return { pid: child.pid as number, output: () => output, waitFor, signalGroup, exited };
}
