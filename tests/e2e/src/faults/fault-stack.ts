import { delivery } from '@reportmail/db';
import { createRedisConnection, QUEUES } from '@reportmail/queue';
import {
  type OwnPostgresServer,
  type OwnRedisServer,
  type ServiceProcess,
  startOwnPostgresServer,
  startOwnRedisServer,
} from '@reportmail/testing';
import { Queue } from 'bullmq';
import { inArray } from 'drizzle-orm';
import { createPipeline, createSchedule, type Pipeline, queueDaySend, type ServiceName } from '../harness.js';
import type { RunResult } from './scenario.js';

export type FaultStackOptions = {
  /** Redis keeps an AOF (true) or nothing across a restart (false). */
  redisAppendOnly?: boolean;
  /** A PostgreSQL cluster of the run's own (it can be stopped), else a database on DATABASE_URL's server. */
  ownPostgres?: boolean;
  /** Environment every service of the run gets, over the pipeline's. */
  env?: Record<string, string>;
  /** Leave SMTP unconfigured: the mail worker writes to its outbox. */
  smtpSettings?: boolean;
};

export type FaultStack = {
  pipeline: Pipeline;
  redisServer: OwnRedisServer;
  postgres: OwnPostgresServer | null;
  reports: Queue;
  scheduleId: string;
  /** Starts a service; one that exits on its own (not by `stop`/`kill`) is printed as a finding. */
  start: (name: ServiceName, env?: Record<string, string>) => ServiceProcess;
  /** Queues one send now per Manila day from Jan 1, 2025 on (`from` days later); returns the delivery ids. */
  queueSends: (count: number, from?: number) => Promise<string[]>;
  /** Waits until every row is final (or `deadline`); counts the sink's messages against the ledger. */
  settle: (
    ids: string[],
    deadline: number,
  ) => Promise<
    Pick<RunResult, 'expected' | 'accepted' | 'duplicates' | 'lost' | 'unknown'> & { unknownAccepted: number }
  >;
  /** Distinct delivery ids of the messages accepted so far. */
  acceptedIds: () => Set<string>;
  close: () => Promise<void>;
};

const FINAL = ['sent', 'failed', 'unknown', 'skipped'];
/** The watchdog re-drives within seconds a job whose retries ran out, or that Redis lost. */
const WATCHDOG = { LEDGER_STALL_MS: '5000', RECONCILE_INTERVAL_MS: '5000' };

export const deliveryIdOf = (messageId: string | undefined): string =>
  /^<([0-9a-f-]+)@/.exec(messageId ?? '')?.[1] ?? '';

export async function startFaultStack(options: FaultStackOptions = {}): Promise<FaultStack> {
  const [redisServer, postgres] = await Promise.all([
    startOwnRedisServer({ appendOnly: options.redisAppendOnly ?? true }),
    options.ownPostgres ? startOwnPostgresServer() : Promise.resolve(null),
  ]);
  const pipeline = await createPipeline({
    redisUrl: redisServer.url,
    // Under vitest (the smoke version) a clone of the run's template, as every other test; else one name.
    ...(process.env.VITEST && !postgres ? {} : { databaseName: 'reportmail_faults' }),
    ...(postgres ? { postgresAdminUrl: postgres.adminUrl } : {}),
    ...(options.smtpSettings === false ? { smtpSettings: false } : {}),
  });
  const connection = createRedisConnection(redisServer.url, 'worker', { onError: () => undefined });
  const reports = new Queue(QUEUES.reports, { connection, prefix: pipeline.redis.prefix });
  reports.on('error', () => undefined);
  const scheduleId = await createSchedule(pipeline.database, { enabled: false, name: 'Fault run' });
  const services = findingsStarter(pipeline, { ...WATCHDOG, ...options.env });
  const start = services.start;
  const acceptedCounts = () => {
    const counts = new Map<string, number>();
    for (const mail of pipeline.sink.received) {
      const id = deliveryIdOf(mail.parsed.messageId);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };
  return {
    pipeline,
    redisServer,
    postgres,
    reports,
    scheduleId,
    start,
    queueSends: async (count, from = 0) => {
      const ids: string[] = [];
      for (let n = from; n < from + count; n += 1) {
        const day = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        ids.push(await queueDaySend({ db: pipeline.database.db, reports }, scheduleId, day));
      }
      return ids;
    },
    settle: async (ids, deadline) => {
      const rows = await awaitFinal(pipeline, ids, deadline);
      const counts = acceptedCounts();
      return {
        expected: ids.length,
        accepted: ids.filter((id) => counts.has(id)).length,
        duplicates: [...counts.values()].reduce((sum, count) => sum + count - 1, 0),
        lost: rows.filter((row) => row.status !== 'sent' && row.status !== 'unknown').length,
        unknown: rows.filter((row) => row.status === 'unknown').length,
        unknownAccepted: rows.filter((row) => row.status === 'unknown' && counts.has(row.id)).length,
      };
    },
    acceptedIds: () => new Set(acceptedCounts().keys()),
    close: async () => {
      services.closing();
      await reports.close();
      connection.disconnect();
      await redisServer.start().catch(() => undefined);
      await postgres?.start().catch(() => undefined);
      await pipeline.close();
      await Promise.all([redisServer.remove(), postgres?.remove()]);
    },
  };
}

/**
 * Starts services of a run with `env`; one that exits on its own (not by `stop`/`kill`) is printed as a
 * finding (no supervisor restarts anything here). `closing()` silences that for the run's own teardown.
 */
export function findingsStarter(pipeline: Pipeline, env: Record<string, string>) {
  const ended = new Set<ServiceProcess>();
  let closing = false;
  const start = (name: ServiceName, extra: Record<string, string> = {}) => {
    const service = pipeline.start(name, { ...env, ...extra });
    const { kill, stop } = service;
    service.kill = () => {
      ended.add(service);
      return kill();
    };
    service.stop = () => {
      ended.add(service);
      // A stopped (SIGSTOP) process would not act on SIGTERM: it is continued first.
      service.child.kill('SIGCONT');
      return stop();
    };
    service.child.once('exit', (code, signal) => {
      if (closing || ended.has(service)) return;
      const last = service.logs.slice(-4).map((line) => JSON.stringify(line).slice(0, 400));
      process.stderr.write(`${name} exited (${code ?? signal}) during the run:\n${last.join('\n')}\n`);
    });
    return service;
  };
  return {
    start,
    closing: () => {
      closing = true;
    },
  };
}

/** Polls the ledger until every row is final, or the deadline passes; returns the rows. */
async function awaitFinal(
  pipeline: Pipeline,
  ids: string[],
  deadline: number,
): Promise<{ id: string; status: string }[]> {
  for (;;) {
    const rows = await pipeline.database.db
      .select({ id: delivery.id, status: delivery.status })
      .from(delivery)
      .where(inArray(delivery.id, ids));
    if (rows.every((row) => FINAL.includes(row.status)) || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Resolves with `work`'s value, or with null at `deadline` (epoch ms), so a run that stalls is counted. */
export async function byDeadline<T>(work: Promise<T>, deadline: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
