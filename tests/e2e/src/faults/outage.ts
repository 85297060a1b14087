import { delivery } from '@reportmail/db';
import { createRedisConnection, QUEUES } from '@reportmail/queue';
import { startOwnPostgresServer, startOwnRedisServer } from '@reportmail/testing';
import { Queue } from 'bullmq';
import { inArray } from 'drizzle-orm';
import { createPipeline, createSchedule, queueDaySend } from '../harness.js';

export type FaultRow = {
  scenario: string;
  runs: number;
  expected: number;
  accepted: number;
  duplicates: number;
  lost: number;
  unknown: number;
  /** From the server's return to the next message accepted, per run. */
  recoveryMs: number[];
};

export type Outage = { server: 'redis' | 'postgres'; outageMs: number; deliveries: number };

const FINAL = ['sent', 'failed', 'unknown', 'skipped'];

/** Waits (polling the ledger) until every row is final, or the deadline passes; returns the final rows. */
async function awaitFinal(
  db: Awaited<ReturnType<typeof createPipeline>>['database']['db'],
  ids: string[],
  deadline: number,
): Promise<{ id: string; status: string }[]> {
  for (;;) {
    const rows = await db
      .select({ id: delivery.id, status: delivery.status })
      .from(delivery)
      .where(inArray(delivery.id, ids));
    if (rows.every((row) => FINAL.includes(row.status)) || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * One run: the scheduler and both workers on a Redis and a PostgreSQL of the run's own; `deliveries` sends
 * queued at once; the chosen server stopped as soon as the first email is accepted, for `outageMs`, then
 * started again; counted when every row is final (or 3 minutes after the server's return).
 */
export async function runOutage(outage: Outage): Promise<Omit<FaultRow, 'scenario' | 'runs'> & { recovery: number }> {
  const [redisServer, postgres] = await Promise.all([
    startOwnRedisServer({ appendOnly: true }),
    startOwnPostgresServer(),
  ]);
  const pipeline = await createPipeline({
    redisUrl: redisServer.url,
    postgresAdminUrl: postgres.adminUrl,
    databaseName: 'reportmail_faults',
  });
  const connection = createRedisConnection(redisServer.url, 'worker', { onError: () => undefined });
  const reports = new Queue(QUEUES.reports, { connection, prefix: pipeline.redis.prefix });
  reports.on('error', () => undefined);
  try {
    const scheduleId = await createSchedule(pipeline.database, { enabled: false, name: 'Fault run' });
    let settled = false;
    // The watchdog re-drives within seconds a job whose retries ran out while a server was away.
    const watchdog = { LEDGER_STALL_MS: '5000', RECONCILE_INTERVAL_MS: '5000' };
    for (const name of ['scheduler', 'report-worker', 'mail-worker'] as const) {
      const service = pipeline.start(name, watchdog);
      // No supervisor here: a service that exits is a finding, printed with its last words.
      service.child.once('exit', (code, signal) => {
        if (settled) return;
        const last = service.logs.slice(-4).map((line) => JSON.stringify(line).slice(0, 400));
        process.stderr.write(`${name} exited (${code ?? signal}) during the run:\n${last.join('\n')}\n`);
      });
    }
    const ids: string[] = [];
    for (let n = 0; n < outage.deliveries; n += 1) {
      const day = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      ids.push(await queueDaySend({ db: pipeline.database.db, reports }, scheduleId, day));
    }
    await pipeline.sink.waitForMessages(1);
    const server = outage.server === 'redis' ? redisServer : postgres;
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, outage.outageMs));
    const acceptedBefore = pipeline.sink.received.length;
    await server.start();
    const back = Date.now();
    // Bounded: a run where nothing more goes out is counted (as lost), not waited on forever.
    const settleBy = back + 180_000;
    const next = await Promise.race([
      pipeline.sink.waitForMessages(acceptedBefore + 1),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), settleBy - Date.now())),
    ]);
    const recovery = next ? (next.at(-1)?.receivedAt ?? back) - back : Number.NaN;
    const rows = await awaitFinal(pipeline.database.db, ids, settleBy);
    settled = true;
    const perDelivery = new Map<string, number>();
    for (const mail of pipeline.sink.received) {
      const id = /^<([0-9a-f-]+)@/.exec(mail.parsed.messageId ?? '')?.[1] ?? '';
      perDelivery.set(id, (perDelivery.get(id) ?? 0) + 1);
    }
    return {
      expected: ids.length,
      accepted: perDelivery.size,
      duplicates: [...perDelivery.values()].reduce((sum, count) => sum + count - 1, 0),
      lost: rows.filter((row) => row.status !== 'sent' && row.status !== 'unknown').length,
      unknown: rows.filter((row) => row.status === 'unknown').length,
      recoveryMs: [recovery],
      recovery,
    };
  } finally {
    await reports.close();
    connection.disconnect();
    await redisServer.start().catch(() => undefined);
    await postgres.start().catch(() => undefined);
    await pipeline.close();
    await Promise.all([redisServer.remove(), postgres.remove()]);
  }
}
