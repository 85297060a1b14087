import { isDeepStrictEqual } from 'node:util';
import { type Db, reportSchedule } from '@reportmail/db';
import type { LeaderLock } from '@reportmail/leader';
import type { Logger } from '@reportmail/logger';
import { encodeTiming, JOB_OPTIONS, JOBS } from '@reportmail/queue';
import { nextRunAfter, type ScheduleTiming } from '@reportmail/schedules';
import type { JobSchedulerJson, JobSchedulerTemplateOptions, Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { claimFence, type Transaction } from './fence.js';
import { SCHEDULER_ID_PREFIX, schedulerIdFor, slotJobId } from './job-ids.js';
import { type ScheduleRow, scheduleColumns, timingOf } from './schedule-rows.js';

export type SyncDeps = {
  db: Db;
  queue: Queue;
  lock: Pick<LeaderLock, 'confirm' | 'fence'>;
  logger: Logger;
};

/** `invalid`: enabled schedules whose timing cannot run; they get no job scheduler (any old one is removed). */
export type SyncSummary = { upserted: number; removed: number; unchanged: number; invalid: number };

/** `storedFence`: when refused by PostgreSQL, the newer fence it holds. */
export type SyncOutcome =
  | ({ outcome: 'synced' } & SyncSummary)
  | { outcome: 'stale'; reason: string; storedFence?: number };

type Template = {
  name: typeof JOBS.generateReport;
  data: { scheduleId: string; trigger: 'scheduled' };
  opts: JobSchedulerTemplateOptions;
};

type Plan =
  | { kind: 'off' }
  | { kind: 'invalid'; error: unknown }
  | { kind: 'on'; timing: ScheduleTiming; pattern: string; template: Template };

type Applied = { change: keyof SyncSummary | null; nextRun: Date | null };

/** States in which a scheduler's next job is still to come; in any other, its chain of runs broke. */
const LIVE_STATES = new Set(['delayed', 'waiting', 'prioritized', 'active', 'waiting-children']);

/**
 * Thrown inside the sync's transaction when the lock turns out lost part-way, so PostgreSQL rolls back
 * (the fence claim included, which frees the fence row for the newer leader).
 */
class LeadershipLost extends Error {}

/**
 * Before each write: a leader stopped mid-sync (a GC or VM pause, SIGSTOP) holds a claimed fence and an
 * open transaction when it wakes, so the fence check at the start no longer covers what it does next.
 */
async function assertStillLeader(deps: SyncDeps): Promise<void> {
  if (!(await deps.lock.confirm())) throw new LeadershipLost();
}

/**
 * Makes Redis hold exactly one job scheduler per enabled schedule, as PostgreSQL describes it, and
 * records each schedule's next run. Only the current leader may do this: it confirms its lock, then
 * claims the Postgres fence in the same transaction as its writes, and confirms the lock again before
 * every Redis write and before committing, so a stale leader changes nothing, even one woken mid-sync.
 */
export async function syncSchedules(deps: SyncDeps, now = new Date()): Promise<SyncOutcome> {
  if (!(await deps.lock.confirm())) return stale(deps.logger, 'the leader lock is no longer held');
  const fence = deps.lock.fence();
  if (fence === null) return stale(deps.logger, 'the leader lock is no longer held');
  try {
    return await deps.db.transaction(async (tx) => {
      const claim = await claimFence(tx, fence, now);
      if (!claim.claimed) {
        return stale(deps.logger, `a newer leader wrote fence ${claim.stored}; this one holds ${fence}`, claim.stored);
      }
      const schedules: ScheduleRow[] = await tx.select(scheduleColumns).from(reportSchedule);
      const { summary, nextRuns } = await applySchedulers(deps, schedules, now);
      await assertStillLeader(deps);
      await writeNextRuns(tx, schedules, nextRuns);
      await assertStillLeader(deps);
      const changed = summary.upserted + summary.removed + summary.invalid > 0;
      deps.logger[changed ? 'info' : 'debug'](summary, 'schedules synced');
      return { outcome: 'synced', ...summary };
    });
  } catch (error) {
    if (error instanceof LeadershipLost) return stale(deps.logger, 'the leader lock was lost during the sync');
    throw error;
  }
}

async function applySchedulers(deps: SyncDeps, schedules: ScheduleRow[], now: Date) {
  const existing = await ourSchedulers(deps.queue);
  const summary: SyncSummary = { upserted: 0, removed: 0, unchanged: 0, invalid: 0 };
  const nextRuns = new Map<string, Date | null>();
  for (const schedule of schedules) {
    const schedulerId = schedulerIdFor(schedule.id);
    const applied = await applyOne(deps, schedule, existing.get(schedulerId), now);
    existing.delete(schedulerId);
    if (applied.change) summary[applied.change] += 1;
    nextRuns.set(schedule.id, applied.nextRun);
  }
  // What is left belongs to schedules deleted from PostgreSQL.
  for (const orphan of existing.values()) {
    await assertStillLeader(deps);
    await removeScheduler(deps.queue, orphan);
    deps.logger.info({ schedulerId: orphan.key }, 'schedule deleted: job scheduler removed');
    summary.removed += 1;
  }
  return { summary, nextRuns };
}

async function applyOne(
  deps: SyncDeps,
  schedule: ScheduleRow,
  current: JobSchedulerJson | undefined,
  now: Date,
): Promise<Applied> {
  const log = deps.logger.child({ scheduleId: schedule.id });
  const plan = planFor(schedule, now);
  if (plan.kind !== 'on') {
    if (current) {
      await assertStillLeader(deps);
      await removeScheduler(deps.queue, current);
    }
    if (plan.kind === 'invalid') {
      log.error({ err: plan.error }, 'schedule timing is invalid: it is not scheduled');
      return { change: 'invalid', nextRun: null };
    }
    if (current) log.info('schedule disabled: job scheduler removed');
    return { change: current ? 'removed' : null, nextRun: null };
  }
  if (current?.next !== undefined && (await isUpToDate(deps.queue, current, plan))) {
    return { change: 'unchanged', nextRun: new Date(current.next) };
  }
  // Upserting replaces the pending job, so it is only issued on a real change (never to refresh).
  await assertStillLeader(deps);
  const job = await deps.queue.upsertJobScheduler(
    schedulerIdFor(schedule.id),
    { pattern: plan.pattern },
    plan.template,
  );
  const slot = (job?.opts as { prevMillis?: unknown } | undefined)?.prevMillis;
  const nextRun = typeof slot === 'number' ? new Date(slot) : nextRunAfter(plan.timing, now);
  log.info({ nextRunAt: nextRun.toISOString(), replaced: current !== undefined }, 'job scheduler upserted');
  return { change: 'upserted', nextRun };
}

function planFor(schedule: ScheduleRow, now: Date): Plan {
  if (!schedule.enabled) return { kind: 'off' };
  try {
    const timing = timingOf(schedule);
    // The repeat strategy would throw inside BullMQ; finding out here keeps the other schedules going.
    nextRunAfter(timing, now);
    const template: Template = {
      name: JOBS.generateReport,
      data: { scheduleId: schedule.id, trigger: 'scheduled' },
      opts: JOB_OPTIONS[JOBS.generateReport],
    };
    return { kind: 'on', timing, pattern: encodeTiming(timing), template };
  } catch (error) {
    return { kind: 'invalid', error };
  }
}

async function isUpToDate(queue: Queue, current: JobSchedulerJson, plan: Plan & { kind: 'on' }): Promise<boolean> {
  const same =
    current.pattern === plan.pattern &&
    current.name === plan.template.name &&
    isDeepStrictEqual(current.template?.data, plan.template.data) &&
    isDeepStrictEqual(current.template?.opts ?? {}, plan.template.opts);
  if (!same || current.next === undefined) return false;
  // A scheduler's runs continue only through its next job: if that is gone, upsert to restart the chain.
  return LIVE_STATES.has(await queue.getJobState(slotJobId(current.key, current.next)));
}

async function removeScheduler(queue: Queue, scheduler: JobSchedulerJson): Promise<void> {
  await queue.removeJobScheduler(scheduler.key);
  if (scheduler.next === undefined) return;
  // removeJobScheduler deletes the next job only while it is delayed; one already due but not started
  // would still report on a schedule that is now off or gone.
  const jobId = slotJobId(scheduler.key, scheduler.next);
  const state = await queue.getJobState(jobId);
  if (state === 'waiting' || state === 'prioritized') await queue.remove(jobId);
}

async function ourSchedulers(queue: Queue): Promise<Map<string, JobSchedulerJson>> {
  const schedulers = await queue.getJobSchedulers();
  return new Map(
    schedulers
      .filter((scheduler) => scheduler.key.startsWith(SCHEDULER_ID_PREFIX))
      .map((scheduler) => [scheduler.key, scheduler]),
  );
}

async function writeNextRuns(tx: Transaction, schedules: ScheduleRow[], nextRuns: Map<string, Date | null>) {
  for (const schedule of schedules) {
    const next = nextRuns.get(schedule.id) ?? null;
    if ((schedule.nextRunAt?.getTime() ?? null) === (next?.getTime() ?? null)) continue;
    await tx.update(reportSchedule).set({ nextRunAt: next }).where(eq(reportSchedule.id, schedule.id));
  }
}

function stale(logger: Logger, reason: string, storedFence?: number): SyncOutcome {
  logger.warn({ reason }, 'no longer the leader: sync skipped, nothing changed');
  return storedFence === undefined ? { outcome: 'stale', reason } : { outcome: 'stale', reason, storedFence };
}
