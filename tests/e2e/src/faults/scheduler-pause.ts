import { createRedisConnection, publishScheduleChange, QUEUES } from '@reportmail/queue';
import type { ServiceProcess } from '@reportmail/testing';
import { Queue } from 'bullmq';
import { logged } from '../harness.js';
import type { RunResult, Scenario, ScenarioOptions } from './scenario.js';
import { createTimedSchedules, owedRuns, type ScheduleEdit, type TimedSchedule } from './sched-cron.js';
import { STATEMENT_LOGGING } from './sched-pg-writes.js';
import {
  type PauseContext,
  type Phase,
  pauseIdle,
  pauseMidSync,
  type Roles,
  untilEditsInRedis,
} from './sched-phases.js';
import { watchRedisWrites } from './sched-redis-writes.js';
import { countRuns, settleLedger } from './sched-runs.js';
import { firstToLog, RECONCILE_INTERVAL_MS, startSchedStack, until } from './sched-stack.js';
import {
  fencingViolations,
  measurementViolations,
  type ProcessWrites,
  type Recorded,
  schedulerName,
  writesOf,
} from './sched-stale.js';

/**
 * `count` schedules due `spacingMs` apart from `leadMs` on. Stopped idle: the last `moved` move past the
 * others, the `disabled` before them are switched off, `enabled` more are switched on. Stopped mid-sync:
 * `midMoved` more move.
 */
type Plan = {
  count: number;
  leadMs: number;
  spacingMs: number;
  moved: number;
  disabled: number;
  enabled: number;
  midMoved: number;
};

const FULL: Plan = { count: 20, leadMs: 30_000, spacingMs: 4_000, moved: 3, disabled: 2, enabled: 2, midMoved: 2 };
const SMOKE: Plan = { count: 6, leadMs: 25_000, spacingMs: 2_000, moved: 1, disabled: 1, enabled: 1, midMoved: 1 };
/** After the last run is due: time for it to be generated, sent and recorded. */
const SETTLE_MS = 60_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type Setup = { roles: Roles; initial: TimedSchedule[]; idleEdits: ScheduleEdit[]; midEdits: ScheduleEdit[] };

/** The edits of both pauses; every moved run lands after all the others, so none is due before its edit. */
function editsFor(plan: Plan, initial: TimedSchedule[], extra: TimedSchedule[], later: number) {
  const at = (slot: number) => new Date(later + slot * plan.spacingMs);
  const end = initial.length;
  const moved = initial.slice(end - plan.moved);
  const disabled = initial.slice(end - plan.moved - plan.disabled, end - plan.moved);
  const midMoved = initial.slice(end - plan.moved - plan.disabled - plan.midMoved, end - plan.moved - plan.disabled);
  const idleEdits: ScheduleEdit[] = [
    ...moved.map((schedule, n) => ({ id: schedule.id, enabled: true, at: at(n) })),
    ...disabled.map((schedule) => ({ id: schedule.id, enabled: false, at: schedule.at })),
    ...extra.map((schedule) => ({ id: schedule.id, enabled: true, at: schedule.at })),
  ];
  const midEdits = midMoved.map((schedule, n) => ({
    id: schedule.id,
    enabled: true,
    at: at(plan.moved + plan.enabled + n),
  }));
  return { idleEdits, midEdits };
}

/** Both schedulers and the workers; the schedules, created once one scheduler leads and synced by it. */
async function setUp(ctx: PauseContext, plan: Plan, log: (line: string) => void): Promise<Setup> {
  const { stack } = ctx;
  stack.start('report-worker');
  stack.start('mail-worker');
  const schedulers = [stack.start('scheduler'), stack.start('scheduler')];
  const { service: leader } = await firstToLog(schedulers, logged('became the leader'));
  const standby = schedulers.find((service) => service !== leader) as ServiceProcess;
  // Cron counts whole seconds.
  const first = Math.ceil((Date.now() + plan.leadMs) / 1000) * 1000;
  const later = first + plan.count * plan.spacingMs;
  const initial = await createTimedSchedules(stack.pipeline, plan.count, first, plan.spacingMs, true);
  const extraAt = later + plan.moved * plan.spacingMs;
  const extra = await createTimedSchedules(stack.pipeline, plan.enabled, extraAt, plan.spacingMs, false);
  await publishScheduleChange(ctx.redis, stack.pipeline.redis.prefix);
  const asCreated = initial.map((schedule) => ({ ...schedule, enabled: true }));
  await untilEditsInRedis(ctx.reports, asCreated, Date.now() + 60_000);
  log(`${plan.count} schedules due from ${seconds(first - Date.now())} on, every ${seconds(plan.spacingMs)}`);
  return { roles: { leader, standby }, initial, ...editsFor(plan, initial, extra, later) };
}

type Measured = { label: string; phase: Phase; stale: ProcessWrites; current: ProcessWrites };

function measure(label: string, phase: Phase, recorded: Recorded, roles: Roles, lockKey: string): Measured {
  const stale = writesOf(schedulerName(roles.leader.child.pid), recorded, lockKey);
  const current = writesOf(schedulerName(roles.standby.child.pid), recorded, lockKey);
  return { label, phase, stale, current };
}

function noteOf({ label, phase, stale, current }: Measured, windowMs: number): string {
  const blocked =
    phase.editsAfterWakeMs > 0 ? ` (its sync waited until ${seconds(phase.editsAfterWakeMs)} after SIGCONT)` : '';
  return (
    `${label}: standby led ${seconds(phase.takeoverMs)} after SIGSTOP${blocked}, ` +
    `SIGCONT at ${seconds(phase.pausedMs)} (it stood down ${phase.stoodDownMs} ms later); ` +
    `stale leader in the ${seconds(windowMs)} after: ${stale.statements.length} PostgreSQL writes, ` +
    `${stale.jobsQueued} jobs queued, ${stale.queueWrites.length} Redis writes besides ` +
    `${stale.lockWrites.length} refused lock attempts (new leader: ${current.statements.length} and ` +
    `${current.queueWrites.length + current.lockWrites.length})`
  );
}

/** Both pauses, then every run counted once the last is due and settled. */
async function runPhases(ctx: PauseContext, plan: Plan, options: ScenarioOptions): Promise<RunResult> {
  const setup = await setUp(ctx, plan, options.log);
  const lockKey = `${ctx.stack.pipeline.redis.prefix}:scheduler:leader`;
  const idle = await pauseIdle(ctx, setup.roles, setup.idleEdits);
  // Open for two reconcile intervals: its overdue timers and the signals it missed have had their turn.
  await until(idle.wokeAt + 2 * RECONCILE_INTERVAL_MS);
  const first = measure('stopped idle', idle, await idle.close(), setup.roles, lockKey);
  const notes = [noteOf(first, Date.now() - idle.wokeAt)];
  options.log(notes[0] ?? '');
  const swapped = { leader: setup.roles.standby, standby: setup.roles.leader };
  const mid = await pauseMidSync(ctx, swapped, setup.midEdits);
  const owed = owedRuns(setup.initial, [...setup.idleEdits, ...setup.midEdits]);
  const lastDue = Math.max(...owed.map((run) => run.periodEnd.getTime()));
  const rows = await settleLedger(ctx.stack.pipeline.database.sql, owed, lastDue + SETTLE_MS);
  const second = measure('stopped mid-sync', mid, await mid.close(), swapped, lockKey);
  notes.push(noteOf(second, Date.now() - mid.wokeAt));
  options.log(notes[1] ?? '');
  const counts = countRuns(rows, ctx.stack.pipeline.sink.received, owed);
  const violations = [first, second].flatMap((phase) => [
    ...fencingViolations(phase.stale).map((violation) => `${phase.label}: ${violation}`),
    ...measurementViolations(phase.current).map((violation) => `${phase.label}: ${violation}`),
  ]);
  if (counts.lost + counts.duplicates > 0) violations.push(`${counts.lost} lost, ${counts.duplicates} duplicated`);
  if (counts.strays.length > 0) violations.push(`runs that were not owed: ${counts.strays.join(', ')}`);
  const { strays: _strays, periodsDoubled: _doubled, lastAcceptedAt: _last, ...result } = counts;
  return {
    ...result,
    recoveryMs: [idle.takeoverMs, mid.takeoverMs],
    notes,
    violations,
  };
}

/**
 * Two schedulers, their own PostgreSQL (logging every modifying statement with its client's name) and
 * Redis (watched with MONITOR); the leader is stopped twice past 2 × its lease, once idle and once in the
 * middle of a sync, and what it writes after SIGCONT is counted, not assumed.
 */
async function runPause(options: ScenarioOptions): Promise<RunResult> {
  const plan = options.smoke ? SMOKE : FULL;
  const stack = await startSchedStack({ databaseName: 'reportmail_faults_pause', postgresSettings: STATEMENT_LOGGING });
  const watch = await watchRedisWrites(stack.redisServer.url);
  const redis = createRedisConnection(stack.redisServer.url, 'worker', { onError: () => undefined });
  const reports = new Queue(QUEUES.reports, { connection: redis, prefix: stack.pipeline.redis.prefix });
  reports.on('error', () => undefined);
  try {
    return await runPhases({ stack, watch, redis, reports, logFile: stack.postgres?.logFile ?? '' }, plan, options);
  } finally {
    await reports.close();
    redis.disconnect();
    await watch.close();
    await stack.close();
  }
}

export const schedulerPause: Scenario = {
  id: '3',
  name: 'Leading scheduler paused past 2 × lease',
  run: runPause,
};
