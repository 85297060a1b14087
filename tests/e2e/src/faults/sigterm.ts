import { createRedisConnection, QUEUES } from '@reportmail/queue';
import type { ServiceProcess } from '@reportmail/testing';
import { Queue } from 'bullmq';
import type { ServiceName } from '../harness.js';
import { type FaultStack, startFaultStack } from './fault-stack.js';
import type { RunResult, Scenario, ScenarioOptions } from './scenario.js';

const GRACE_MS = 10_000;

/** Jobs a worker holds right now, in both queues. */
async function activeJobs(stack: FaultStack, mail: Queue): Promise<number> {
  return (await stack.reports.getActiveCount()) + (await mail.getActiveCount());
}

/** SIGTERM; resolves with how long the process took to exit and its exit code. */
async function terminate(service: ServiceProcess): Promise<{ name: string; ms: number; code: number | null }> {
  const started = Date.now();
  const code = await service.stop();
  return { name: service.name, ms: Date.now() - started, code };
}

/**
 * Scenario 10: SIGTERM to the scheduler and every worker (two of each kind) while 50 sends are in flight,
 * five of them 20,000-payment workbooks (4,000 in the smoke version). Each process must finish or hand back what it holds and exit
 * within its grace period (SHUTDOWN_GRACE_MS, 10 s here) with status 0; a new set of workers must then
 * send everything once.
 */
async function runSigterm(options: ScenarioOptions): Promise<RunResult> {
  const deliveries = options.smoke ? 10 : 50;
  const stack = await startFaultStack({ env: { SHUTDOWN_GRACE_MS: String(GRACE_MS) } });
  const connection = createRedisConnection(stack.redisServer.url, 'worker', { onError: () => undefined });
  const mail = new Queue(QUEUES.mail, { connection, prefix: stack.pipeline.redis.prefix });
  try {
    await stack.pipeline.database.sql`
      insert into sale (invoice_no, status, total, created_at)
      select 'INV-' || g, 'PAID', 10, '2025-01-02T16:00:00Z'::timestamptz + (g % 5) * interval '1 day'
      from generate_series(1, ${options.smoke ? 20_000 : 100_000}) g`;
    await stack.pipeline.database.sql`
      insert into sale_payment (sale_id, amount, method, paid_at)
      select id, 10.00, 'Cash', created_at + (id % 80000) * interval '1 second' from sale`;
    const names: ServiceName[] = ['scheduler', 'report-worker', 'report-worker', 'mail-worker', 'mail-worker'];
    const services = names.map((name) => stack.start(name));
    const ids = await stack.queueSends(deliveries);
    await stack.pipeline.sink.waitForMessages(2);
    const held = await activeJobs(stack, mail);
    const exits = await Promise.all(services.map(terminate));
    const left = await activeJobs(stack, mail);
    options.log(
      `SIGTERM with ${held} jobs active; exits: ${exits.map((e) => `${e.name} ${e.ms} ms (${e.code})`).join(', ')}`,
    );
    const restarted = Date.now();
    for (const name of ['scheduler', 'report-worker', 'mail-worker'] as const) stack.start(name);
    const counts = await stack.settle(ids, Date.now() + 180_000);
    const violations: string[] = [];
    if (counts.lost > 0) violations.push(`${counts.lost} deliveries lost`);
    if (counts.duplicates > 0) violations.push(`${counts.duplicates} messages sent twice`);
    if (left > 0) violations.push(`${left} jobs still active after every worker exited`);
    for (const exit of exits.filter((e) => e.code !== 0 || e.ms > GRACE_MS)) {
      violations.push(`${exit.name} exited ${exit.code} after ${exit.ms} ms (grace ${GRACE_MS} ms)`);
    }
    const slowest = Math.max(...exits.map((exit) => exit.ms));
    return {
      ...counts,
      recoveryMs: exits.map((exit) => exit.ms),
      notes: [
        `${held} jobs active at SIGTERM, ${left} left active; every process exited 0, slowest in ${(slowest / 1000).toFixed(1)} s (grace ${GRACE_MS / 1000} s); recovery: SIGTERM → exit; all sent ${((Date.now() - restarted) / 1000).toFixed(0)} s after the restart`,
      ],
      violations,
    };
  } finally {
    await mail.close();
    connection.disconnect();
    await stack.close();
  }
}

export const sigtermInFlight: Scenario = {
  id: '10',
  name: 'SIGTERM to every service with 50 sends in flight',
  run: runSigterm,
};
