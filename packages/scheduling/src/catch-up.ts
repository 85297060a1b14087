import { type Db, delivery, reportSchedule } from '@reportmail/db';
import type { LeaderLock } from '@reportmail/leader';
import type { Logger } from '@reportmail/logger';
import { enqueue, JOBS } from '@reportmail/queue';
import { latestRunAtOrBefore, reportPeriodForRun } from '@reportmail/schedules';
import type { Queue } from 'bullmq';
import { and, eq, inArray } from 'drizzle-orm';
import { catchUpJobId, schedulerIdFor, slotJobId } from './job-ids.js';
import { activeSince, periodInputOf, type ScheduleRow, scheduleColumns, timingOf } from './schedule-rows.js';

export type CatchUpDeps = {
  db: Db;
  queue: Queue;
  lock: Pick<LeaderLock, 'confirm'>;
  logger: Logger;
  /** How late a missed run may still be sent; 0 never catches up. */
  windowMs: number;
};

export type CatchUpJob = { scheduleId: string; scheduledAt: string; jobId: string };

/** `enqueued`: the catch-up jobs added by this call (a run already asked for is not added again). */
export type CatchUpOutcome = { outcome: 'checked'; enqueued: CatchUpJob[] } | { outcome: 'stale' };

/** A run that should have happened: its slot and the period it reports on. */
type MissedRun = { schedule: ScheduleRow; slot: Date; periodStart: Date; periodEnd: Date };

/**
 * A run due less than this long ago belongs to the job scheduler: its job may not exist yet (BullMQ
 * creates a slot's job only when the previous one starts), so catching it up would race the real run.
 */
const GRACE_MS = 60_000;

/** Job states in which the scheduler's own job for a slot will still run. */
const PENDING_STATES = new Set(['delayed', 'waiting', 'prioritized', 'active', 'waiting-children']);

/**
 * Sends each enabled schedule's latest run if it was missed (the scheduler was down, Redis lost its
 * data) and is still within the window. At most that one run: older missed periods are not sent, so
 * an outage never ends in a burst of back-to-back reports. The ledger stays the guarantee against
 * duplicates; the checks here only avoid queueing work that would be a no-op.
 */
export async function enqueueMissedRuns(deps: CatchUpDeps, now = new Date()): Promise<CatchUpOutcome> {
  if (deps.windowMs <= 0) return { outcome: 'checked', enqueued: [] };
  if (!(await deps.lock.confirm())) {
    deps.logger.warn('no longer the leader: catch-up skipped');
    return { outcome: 'stale' };
  }
  const schedules = await deps.db.select(scheduleColumns).from(reportSchedule).where(eq(reportSchedule.enabled, true));
  const missed = schedules.flatMap((schedule) => missedRun(deps.logger, schedule, now, deps.windowMs) ?? []);
  const delivered = await deliveredPeriods(deps.db, missed);
  const enqueued: CatchUpJob[] = [];
  for (const run of missed) {
    if (delivered.has(periodKey(run.schedule.id, run.periodStart, run.periodEnd))) continue;
    const slotJob = slotJobId(schedulerIdFor(run.schedule.id), run.slot.getTime());
    if (PENDING_STATES.has(await deps.queue.getJobState(slotJob))) continue;
    // Asked for by an earlier reconcile (BullMQ would merge it anyway; this keeps logs and counts honest).
    if ((await deps.queue.getJobState(catchUpJobId(run.schedule.id, run.slot))) !== 'unknown') continue;
    enqueued.push(await enqueueCatchUp(deps, run));
  }
  return { outcome: 'checked', enqueued };
}

/** The schedule's latest run at or before `now`, if it is recent enough and after the schedule was switched on. */
function missedRun(logger: Logger, schedule: ScheduleRow, now: Date, windowMs: number): MissedRun | null {
  try {
    const slot = latestRunAtOrBefore(timingOf(schedule), now);
    const age = slot ? now.getTime() - slot.getTime() : 0;
    if (!slot || slot < activeSince(schedule) || age > windowMs || age < GRACE_MS) return null;
    const period = reportPeriodForRun(periodInputOf(schedule), slot);
    return { schedule, slot, periodStart: period.start, periodEnd: period.end };
  } catch (error) {
    // An invalid timing is reported by the sync; it has no run to catch up.
    logger.debug({ scheduleId: schedule.id, err: error }, 'no catch-up for a schedule whose timing is invalid');
    return null;
  }
}

/** The periods among `runs` that already have a scheduled or catch-up delivery, as periodKey strings. */
async function deliveredPeriods(db: Db, runs: MissedRun[]): Promise<Set<string>> {
  if (runs.length === 0) return new Set();
  const rows = await db
    .select({ scheduleId: delivery.scheduleId, periodStart: delivery.periodStart, periodEnd: delivery.periodEnd })
    .from(delivery)
    .where(
      and(
        inArray(delivery.trigger, ['scheduled', 'catch_up']),
        inArray(
          delivery.scheduleId,
          runs.map((run) => run.schedule.id),
        ),
        inArray(
          delivery.periodStart,
          runs.map((run) => run.periodStart),
        ),
      ),
    );
  return new Set(rows.map((row) => periodKey(row.scheduleId ?? '', row.periodStart, row.periodEnd)));
}

async function enqueueCatchUp(deps: CatchUpDeps, run: MissedRun): Promise<CatchUpJob> {
  const scheduleId = run.schedule.id;
  const scheduledAt = run.slot.toISOString();
  const jobId = catchUpJobId(scheduleId, run.slot);
  await enqueue(deps.queue, JOBS.generateReport, { scheduleId, scheduledAt, trigger: 'catch_up' }, { jobId });
  deps.logger.info(
    { scheduleId, scheduledAt, jobId, periodStart: run.periodStart.toISOString() },
    'missed run queued for catch-up',
  );
  return { scheduleId, scheduledAt, jobId };
}

const periodKey = (scheduleId: string, start: Date, end: Date) => `${scheduleId}|${start.getTime()}|${end.getTime()}`;
