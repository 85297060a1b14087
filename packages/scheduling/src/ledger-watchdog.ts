import { type Db, delivery } from '@reportmail/db';
import type { LeaderLock } from '@reportmail/leader';
import type { Logger } from '@reportmail/logger';
import { deliverWebhookJobId, enqueue, JOBS, sendEmailJobId } from '@reportmail/queue';
import type { Queue } from 'bullmq';
import { and, inArray, isNotNull, lt } from 'drizzle-orm';

/**
 * How long a row may sit in one state before its job is looked for: long enough that a row is never
 * re-driven in the moment between its write and its job's (a manual run, a stored report).
 */
export const LEDGER_STALL_MS = 120_000;
/** Rows looked at per pass: a backlog is worked through over the next passes. */
const BATCH = 200;
/** Job states in which BullMQ will still run the job: the row is moving, nothing to do. */
const ALIVE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export type WatchdogDeps = {
  db: Db;
  reports: Queue;
  mail: Queue;
  lock: Pick<LeaderLock, 'isLeader'>;
  logger: Logger;
  now: Date;
  stallMs?: number;
};

export type Redriven = { deliveryId: string; status: string; jobId: string };

type StalledRow = Pick<
  typeof delivery.$inferSelect,
  'id' | 'status' | 'jobKey' | 'scheduleId' | 'trigger' | 'periodEnd' | 'channel'
>;

/**
 * The ledger is the source of truth: a row that has not moved past the deadline while the job that moves
 * it is gone (Redis restarted empty, a flush, a job removed or failed for good in Bull Board) gets that job
 * again under the same deterministic id, so a live job is never doubled. A `sending` row whose message
 * data had begun is re-driven too: its job ends it `unknown` (see the mail worker), never sends it again.
 */
export async function redriveStalledDeliveries(deps: WatchdogDeps): Promise<Redriven[]> {
  const deadline = new Date(deps.now.getTime() - (deps.stallMs ?? LEDGER_STALL_MS));
  const rows: StalledRow[] = await deps.db
    .select({
      id: delivery.id,
      status: delivery.status,
      jobKey: delivery.jobKey,
      scheduleId: delivery.scheduleId,
      trigger: delivery.trigger,
      periodEnd: delivery.periodEnd,
      channel: delivery.channel,
    })
    .from(delivery)
    .where(
      and(
        inArray(delivery.status, ['pending', 'generating', 'sending']),
        lt(delivery.updatedAt, deadline),
        isNotNull(delivery.scheduleId),
      ),
    )
    .orderBy(delivery.updatedAt)
    .limit(BATCH);
  const redriven: Redriven[] = [];
  for (const row of rows) {
    if (!deps.lock.isLeader()) break;
    const again = await redrive(deps, row);
    if (again) redriven.push(again);
  }
  if (redriven.length > 0) deps.logger.warn({ redriven }, 'ledger watchdog queued lost jobs again');
  return redriven;
}

/** The job that moves a `sending` row on: its email's, or its webhook's post. */
const sendingJob = (row: StalledRow) =>
  row.channel === 'email'
    ? { name: JOBS.sendEmail, jobId: sendEmailJobId(row.id) }
    : { name: JOBS.deliverWebhook, jobId: deliverWebhookJobId(row.id) };

async function redrive(deps: WatchdogDeps, row: StalledRow): Promise<Redriven | null> {
  const sending = row.status === 'sending';
  const jobId = sending ? sendingJob(row).jobId : row.jobKey;
  if (!jobId || !row.scheduleId) return null;
  const queue = sending ? deps.mail : deps.reports;
  const job = await queue.getJob(jobId);
  if (job && ALIVE.has(await job.getState())) return null;
  // A job that failed or completed for good while its row stayed open is replaced under the same id.
  if (job) await job.remove();
  if (sending) {
    await enqueue(deps.mail, sendingJob(row).name, { deliveryId: row.id }, { jobId });
  } else {
    // The period ends at the run's instant for every frequency and mode, as manual runs are queued.
    const payload = { scheduleId: row.scheduleId, scheduledAt: row.periodEnd.toISOString(), trigger: row.trigger };
    const manual = row.trigger === 'manual' || row.trigger === 'test';
    await enqueue(deps.reports, JOBS.generateReport, manual ? { ...payload, deliveryId: row.id } : payload, { jobId });
  }
  return { deliveryId: row.id, status: row.status, jobId };
}
