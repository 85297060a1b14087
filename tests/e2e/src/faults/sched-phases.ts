import { publishScheduleChange } from '@reportmail/queue';
import type { ServiceProcess } from '@reportmail/testing';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Sql } from 'postgres';
import { logged } from '../harness.js';
import { applyEdits, cronAt, type ScheduleEdit } from './sched-cron.js';
import type { RedisWrites } from './sched-redis-writes.js';
import { LEADER_TTL_MS, type SchedStack, until, waitForLogFrom } from './sched-stack.js';
import { openWindow, type Recorded, schedulerName } from './sched-stale.js';

export type PauseContext = {
  stack: SchedStack;
  watch: RedisWrites;
  /** Publishes change signals. */
  redis: Redis;
  /** Reads the job schedulers, to see when edits took effect. */
  reports: Queue;
  logFile: string;
};

export type Roles = { leader: ServiceProcess; standby: ServiceProcess };

export type Phase = {
  /** SIGSTOP → the standby logs that it leads. */
  takeoverMs: number;
  pausedMs: number;
  /** SIGCONT → the stale leader logs that it no longer leads. */
  stoodDownMs: number;
  /** SIGCONT → the edits made during the pause are in Redis (0: in before the stale leader woke). */
  editsAfterWakeMs: number;
  wokeAt: number;
  /** Ends the record of writes, open since SIGCONT. */
  close: () => Promise<Recorded>;
};

/** Job schedulers are `report-schedule:<id>` (packages/scheduling/src/job-ids.ts). */
async function editsInRedis(reports: Queue, edits: ScheduleEdit[]): Promise<boolean> {
  for (const edit of edits) {
    const scheduler = await reports.getJobScheduler(`report-schedule:${edit.id}`);
    if (edit.enabled ? scheduler?.next !== edit.at.getTime() : scheduler !== undefined) return false;
  }
  return true;
}

/** Polls until a scheduler has applied `edits` (whichever did), or fails at `deadline`. */
export async function untilEditsInRedis(reports: Queue, edits: ScheduleEdit[], deadline: number): Promise<number> {
  while (!(await editsInRedis(reports, edits))) {
    if (Date.now() > deadline) throw new Error('the schedules as edited never reached Redis');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now();
}

/** SIGCONT once 2 × the lease has passed since `stoppedAt`, recording writes from then on. */
async function wake(ctx: PauseContext, roles: Roles, stoppedAt: number) {
  await until(stoppedAt + 2 * LEADER_TTL_MS);
  const close = await openWindow(ctx.watch, ctx.logFile);
  const from = roles.leader.logs.length;
  const wokeAt = Date.now();
  roles.leader.child.kill('SIGCONT');
  await waitForLogFrom(roles.leader, from, logged('no longer the leader'), 'the stale leader to stand down');
  return { close, wokeAt, stoodDownMs: Date.now() - wokeAt };
}

/**
 * Whether `application` has a transaction open or a statement running, giving one that was in flight at
 * the stop a moment to finish (a statement still running after that waits on the stopped client).
 */
async function busy(sql: Sql, application: string): Promise<boolean> {
  const settleBy = Date.now() + 250;
  for (;;) {
    const rows = await sql<{ state: string | null }[]>`
      select state from pg_stat_activity where application_name = ${application}`;
    const states = rows.map((row) => row.state ?? '');
    if (states.some((state) => state.startsWith('idle in transaction'))) return true;
    if (!states.includes('active')) return false;
    if (Date.now() > settleBy) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * SIGSTOP at a moment the leader has no PostgreSQL transaction open, as checked once it is stopped; if
 * it was inside one (a sync), it is continued, left to finish, and stopped again. The stop inside a
 * sync is the other phase's.
 */
async function stopOutsideTransactions(sql: Sql, leader: ServiceProcess): Promise<number> {
  const application = schedulerName(leader.child.pid);
  const deadline = Date.now() + 30_000;
  for (;;) {
    leader.child.kill('SIGSTOP');
    const stoppedAt = Date.now();
    if (!(await busy(sql, application))) return stoppedAt;
    leader.child.kill('SIGCONT');
    while (await busy(sql, application)) {
      if (Date.now() > deadline) throw new Error(`${application} never left its transaction`);
    }
  }
}

/**
 * The leader stopped while idle: the standby takes over, the edits are made and published (the stale
 * leader's subscription holds the signals for when it wakes) and synced by the new leader, then SIGCONT.
 */
export async function pauseIdle(ctx: PauseContext, roles: Roles, edits: ScheduleEdit[]): Promise<Phase> {
  const from = roles.standby.logs.length;
  const stoppedAt = await stopOutsideTransactions(ctx.stack.pipeline.database.sql, roles.leader);
  await waitForLogFrom(roles.standby, from, logged('became the leader'), 'the standby to take over');
  const takeoverMs = Date.now() - stoppedAt;
  await until(stoppedAt + 2 * LEADER_TTL_MS);
  await applyEdits(ctx.stack.pipeline, ctx.redis, edits);
  await untilEditsInRedis(ctx.reports, edits, Date.now() + 30_000);
  const woken = await wake(ctx, roles, stoppedAt);
  return { ...woken, takeoverMs, pausedMs: woken.wokeAt - stoppedAt, editsAfterWakeMs: 0 };
}

/** Polls pg_stat_activity until a backend of `application` waits on a lock. */
async function untilWaitingOnLock(sql: Sql, application: string, deadline: number): Promise<void> {
  for (;;) {
    const [row] = await sql<{ waiting: number }[]>`
      select count(*)::int as waiting from pg_stat_activity
      where application_name = ${application} and wait_event_type = 'Lock'`;
    if ((row?.waiting ?? 0) > 0) return;
    if (Date.now() > deadline) throw new Error(`${application} never waited on the fence row`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The leader stopped inside a sync: the run holds the fence row, edits schedules in the same transaction
 * and signals; once the leader's sync waits on that row, SIGSTOP, then commit. The leader's claim then
 * goes through on the server while it is stopped, so it wakes in the middle of a sync with its fence
 * claimed and its PostgreSQL transaction open.
 */
export async function pauseMidSync(ctx: PauseContext, roles: Roles, edits: ScheduleEdit[]): Promise<Phase> {
  const { sql } = ctx.stack.pipeline.database;
  const from = roles.standby.logs.length;
  let stoppedAt = 0;
  await sql.begin(async (tx) => {
    await tx`select fence from reportmail.scheduler_fence where id = 1 for update`;
    for (const edit of edits)
      await tx`update reportmail.report_schedule set cron_expression = ${cronAt(edit.at)} where id = ${edit.id}`;
    await publishScheduleChange(ctx.redis, ctx.stack.pipeline.redis.prefix);
    await untilWaitingOnLock(sql, schedulerName(roles.leader.child.pid), Date.now() + 30_000);
    roles.leader.child.kill('SIGSTOP');
    stoppedAt = Date.now();
  });
  await waitForLogFrom(roles.standby, from, logged('became the leader'), 'the standby to take over');
  const takeoverMs = Date.now() - stoppedAt;
  await until(stoppedAt + 2 * LEADER_TTL_MS);
  // The new leader's sync waits for the fence row, which the stopped leader's transaction holds.
  const inBeforeWaking = await editsInRedis(ctx.reports, edits);
  const woken = await wake(ctx, roles, stoppedAt);
  const applied = await untilEditsInRedis(ctx.reports, edits, Date.now() + 30_000);
  const editsAfterWakeMs = inBeforeWaking ? 0 : applied - woken.wokeAt;
  return { ...woken, takeoverMs, pausedMs: woken.wokeAt - stoppedAt, editsAfterWakeMs };
}
