import { createSchedule, localTime } from '../harness.js';
import { startFaultStack } from './fault-stack.js';
import type { RunResult, Scenario, ScenarioOptions } from './scenario.js';

const SCHEDULES = 10;

/** Polls `condition` every 100 ms; resolves with the time it took, or NaN past `ms`. */
async function timeUntil(condition: () => Promise<boolean>, ms: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await condition().catch(() => false)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Number.NaN;
}

/**
 * Scenario 5: Redis restarted empty (no AOF, no snapshot) while 100 sends are under way, with 10 enabled
 * schedules whose job schedulers live in Redis. The leader must rebuild them from PostgreSQL within one
 * reconcile, and the ledger watchdog must queue again every delivery whose job was lost.
 */
async function runRedisEmpty(options: ScenarioOptions): Promise<RunResult> {
  const stack = await startFaultStack({ redisAppendOnly: false });
  try {
    // Due half a day from now: none fires during the run, each needs its job scheduler.
    const sendTime = localTime(new Date(Date.now() + 12 * 3_600_000), 'Asia/Manila');
    for (let n = 1; n <= SCHEDULES; n += 1)
      await createSchedule(stack.pipeline.database, { name: `Daily ${n}`, sendTime });
    for (const name of ['scheduler', 'report-worker', 'mail-worker'] as const) stack.start(name);
    const schedulersBuilt = async () => (await stack.reports.getJobSchedulers()).length === SCHEDULES;
    if (Number.isNaN(await timeUntil(schedulersBuilt, 30_000))) throw new Error('the job schedulers were never built');
    const ids = await stack.queueSends(options.smoke ? 10 : 100);
    const { sink } = stack.pipeline;
    await sink.waitForMessages(1);
    await stack.redisServer.stop();
    await stack.redisServer.start();
    const back = Date.now();
    const emptied = (await stack.reports.getJobSchedulers()).length === 0;
    const accepted = sink.received.length;
    const [rebuiltMs, nextMs] = await Promise.all([
      timeUntil(schedulersBuilt, 60_000),
      timeUntil(async () => sink.received.length > accepted, 120_000),
    ]);
    const counts = await stack.settle(ids, Date.now() + 180_000);
    const allSentMs = Math.max(...sink.received.map((mail) => mail.receivedAt)) - back;
    const violations: string[] = [];
    if (counts.lost > 0) violations.push(`${counts.lost} deliveries lost`);
    if (counts.duplicates > 0) violations.push(`${counts.duplicates} messages sent twice`);
    if (Number.isNaN(rebuiltMs)) violations.push('job schedulers not rebuilt within 60 s');
    options.log(
      `Redis came back ${emptied ? 'empty' : 'NOT empty'}; schedulers rebuilt in ${rebuiltMs} ms; next email ${nextMs} ms`,
    );
    return {
      ...counts,
      recoveryMs: [nextMs],
      notes: [
        `${SCHEDULES} job schedulers rebuilt ${(rebuiltMs / 1000).toFixed(1)} s after Redis returned empty (reconcile every 5 s); the last lost job re-driven and sent ${(allSentMs / 1000).toFixed(1)} s after (watchdog: 5 s stall); recovery: Redis back → next accepted`,
      ],
      violations: emptied ? violations : [...violations, 'Redis kept its data: the run tested nothing'],
    };
  } finally {
    await stack.close();
  }
}

export const redisRestartedEmpty: Scenario = {
  id: '5',
  name: 'Redis restarted empty mid-run',
  run: runRedisEmpty,
};
