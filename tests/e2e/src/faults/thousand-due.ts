import { createRedisConnection, publishScheduleChange, QUEUES } from '@reportmail/queue';
import { reportPeriodForRun, type SchedulePeriodInput } from '@reportmail/schedules';
import type { ServiceProcess } from '@reportmail/testing';
import { Queue } from 'bullmq';
import type { Sql } from 'postgres';
import { percentile, seedBenchDay, untilScheduled } from '../bench-support.js';
import { localTime, logged } from '../harness.js';
import { byDeadline } from './fault-stack.js';
import type { RunResult, Scenario, ScenarioOptions } from './scenario.js';
import { cronAt } from './sched-cron.js';
import { countRuns, type ExpectedRun, type RunCounts, settleLedger } from './sched-runs.js';
import { firstToLog, LEADER_TTL_MS, type SchedStack, startSchedStack, until, waitForLogFrom } from './sched-stack.js';

/**
 * `count` schedules due at one instant at least `leadMs` ahead: daily in Manila at a whole minute, as
 * `pnpm bench:pipeline` (full), or a daily cron at a whole second (smoke: no wait for the next minute).
 */
type Plan = { count: number; leadMs: number; timing: 'daily' | 'cron' };

const FULL: Plan = { count: 1000, leadMs: 40_000, timing: 'daily' };
const SMOKE: Plan = { count: 50, leadMs: 20_000, timing: 'cron' };
/** The leader is killed at a random point this far either side of the instant. */
const KILL_SPREAD_MS = 20_000;
/** Every email is expected within this long of the instant (the bench's 1,000 take about 35 s). */
const SETTLE_MS = 180_000;
/** Workers as `pnpm bench:pipeline` runs them; workers log warnings only, the schedulers what they lead. */
const WORKER_ENV = { LOG_LEVEL: 'warn', REPORT_CONCURRENCY: '2', MAIL_CONCURRENCY: '8' };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** An offset from the instant: `+ 3.2 s`, `− 0.9 s`. */
const offset = (ms: number) => `${ms < 0 ? '−' : '+'} ${seconds(Math.abs(ms))}`;

/** The instant, the schedules' timing and the period every run reports on. */
function timingFor(plan: Plan) {
  const unit = plan.timing === 'daily' ? 60_000 : 1_000;
  const instant = new Date(Math.ceil((Date.now() + plan.leadMs) / unit) * unit);
  const timing: SchedulePeriodInput =
    plan.timing === 'daily'
      ? {
          frequency: 'daily',
          sendTime: localTime(instant, 'Asia/Manila'),
          timezone: 'Asia/Manila',
          periodMode: 'previous_days',
        }
      : {
          frequency: 'cron',
          sendTime: '09:00',
          timezone: 'UTC',
          cronExpression: cronAt(instant),
          periodMode: 'previous_days',
        };
  return { instant, timing, period: reportPeriodForRun(timing, instant) };
}

/** A realistic day of payments in the period, and `count` schedules on `timing`; returns their ids. */
async function seed(sql: Sql, count: number, timing: SchedulePeriodInput, periodStart: Date): Promise<string[]> {
  await seedBenchDay(sql, periodStart);
  const rows = await sql<{ id: string }[]>`
    insert into reportmail.report_schedule
      (name, enabled, enabled_at, frequency, send_time, cron_expression, timezone, recipients_to)
    select 'Due ' || g, true, now() - interval '1 day', ${timing.frequency}, ${timing.sendTime},
      ${timing.cronExpression ?? null}, ${timing.timezone}, array['owner' || g || '@shop.example']
    from generate_series(1, ${count}) g
    returning id`;
  return rows.map((row) => row.id);
}

/** Two schedulers, two report workers and two mail workers; resolves with the leader and the standby. */
async function startServices(stack: SchedStack) {
  for (let n = 0; n < 2; n += 1) stack.start('report-worker', WORKER_ENV);
  for (let n = 0; n < 2; n += 1) stack.start('mail-worker', WORKER_ENV);
  const schedulers = [stack.start('scheduler'), stack.start('scheduler')];
  const { service: leader } = await firstToLog(schedulers, logged('became the leader'));
  return { leader, standby: schedulers.find((service) => service !== leader) as ServiceProcess };
}

/** SIGKILL of the leader at `killAt` (not before its sync was done); the standby's takeover, timed. */
async function killLeader(roles: { leader: ServiceProcess; standby: ServiceProcess }, killAt: number) {
  await until(killAt);
  const from = roles.standby.logs.length;
  const killedAt = Date.now();
  await roles.leader.kill();
  await waitForLogFrom(roles.standby, from, logged('became the leader'), 'the standby to take over');
  return { killedAt, takeoverMs: Date.now() - killedAt };
}

type Timeline = { instant: number; offsetMs: number; takeoverMs: number; readyMs: number };

function notesOf(counts: RunCounts, delays: number[], kill: Timeline) {
  const sorted = [...delays].sort((a, b) => a - b);
  const last = counts.lastAcceptedAt === null ? 'none' : seconds(counts.lastAcceptedAt - kill.instant);
  return [
    `job schedulers ready ${seconds(kill.readyMs)} before the instant`,
    `leader SIGKILLed at the instant ${offset(kill.offsetMs)}, standby led ${seconds(kill.takeoverMs)} later`,
    `instant → last email ${last} (p50 ${seconds(percentile(sorted, 50))}, p95 ${seconds(percentile(sorted, 95))})`,
    `ledger: ${counts.periodsDoubled} periods doubled, ${counts.strays.length} runs not owed`,
  ];
}

type Redis = ReturnType<typeof createRedisConnection>;

async function runDue(
  stack: SchedStack,
  { reports, publisher }: { reports: Queue; publisher: Redis },
  plan: Plan,
  options: ScenarioOptions,
): Promise<RunResult> {
  const { sql } = stack.pipeline.database;
  const roles = await startServices(stack);
  // Timed from here, so how long the services took to start does not eat into the lead.
  const { instant, timing, period } = timingFor(plan);
  const ids = await seed(sql, plan.count, timing, period.start);
  await publishScheduleChange(publisher, stack.pipeline.redis.prefix);
  const readyAt = await untilScheduled(reports, plan.count, instant);
  const killAt = Math.max(readyAt, instant.getTime() + (Math.random() * 2 - 1) * KILL_SPREAD_MS);
  options.log(
    `${plan.count} schedules due in ${seconds(instant.getTime() - Date.now())}; ` +
      `leader to be killed at the instant ${offset(killAt - instant.getTime())}`,
  );
  const kill = await killLeader(roles, killAt);
  options.log(`standby led ${seconds(kill.takeoverMs)} after the SIGKILL`);
  const expected: ExpectedRun[] = ids.map((scheduleId) => ({ scheduleId, periodEnd: period.end }));
  const deadline = instant.getTime() + SETTLE_MS;
  await byDeadline(stack.pipeline.sink.waitForMessages(plan.count), deadline);
  const rows = await settleLedger(sql, expected, deadline + 10_000);
  const counts = countRuns(rows, stack.pipeline.sink.received, expected);
  const delays = stack.pipeline.sink.received.map((mail) => mail.receivedAt - instant.getTime());
  const notes = notesOf(counts, delays, {
    ...kill,
    instant: instant.getTime(),
    offsetMs: kill.killedAt - instant.getTime(),
    readyMs: instant.getTime() - readyAt,
  });
  for (const note of notes) options.log(note);
  const violations: string[] = [];
  if (counts.lost + counts.duplicates > 0) violations.push(`${counts.lost} lost, ${counts.duplicates} duplicated`);
  if (counts.strays.length > 0) violations.push(`runs that were not owed: ${counts.strays.slice(0, 5).join(', ')}`);
  if (kill.takeoverMs > 2 * LEADER_TTL_MS)
    violations.push(`the standby took ${seconds(kill.takeoverMs)} to lead (over 2 × the lease)`);
  const { strays: _strays, periodsDoubled: _doubled, lastAcceptedAt: _last, ...result } = counts;
  return { ...result, recoveryMs: [kill.takeoverMs], notes, violations };
}

/**
 * 1,000 schedules due in the same minute, two schedulers, two of each worker; the leader SIGKILLed at a
 * random point from 20 s before to 20 s after the instant. Every email once: none lost, none doubled.
 */
async function runThousandDue(options: ScenarioOptions): Promise<RunResult> {
  const plan = options.smoke ? SMOKE : FULL;
  const stack = await startSchedStack({ databaseName: 'reportmail_faults_due' });
  const connection = createRedisConnection(stack.redisServer.url, 'worker', { onError: () => undefined });
  const reports = new Queue(QUEUES.reports, { connection, prefix: stack.pipeline.redis.prefix });
  reports.on('error', () => undefined);
  try {
    return await runDue(stack, { reports, publisher: connection }, plan, options);
  } finally {
    await reports.close();
    connection.disconnect();
    await stack.close();
  }
}

export const thousandDue: Scenario = {
  id: '9',
  name: '1,000 schedules due in one minute, leader killed',
  run: runThousandDue,
};
