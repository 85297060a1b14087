import { byDeadline, startFaultStack } from './fault-stack.js';
import type { Scenario, ScenarioOptions } from './scenario.js';

type Outage = { server: 'redis' | 'postgres'; outageMs: number };

/**
 * The scheduler and both workers on a Redis and a PostgreSQL of the run's own; 100 sends queued at once
 * (10 for the smoke); the server stopped as soon as the first email is accepted, for `outageMs`, then
 * started again; counted when every row is final (or 3 minutes after the server's return).
 */
async function runOutage(outage: Outage, options: ScenarioOptions) {
  const stack = await startFaultStack({ ownPostgres: outage.server === 'postgres' });
  try {
    for (const name of ['scheduler', 'report-worker', 'mail-worker'] as const) stack.start(name);
    const ids = await stack.queueSends(options.smoke ? 10 : 100);
    const { sink } = stack.pipeline;
    await sink.waitForMessages(1);
    const server = outage.server === 'redis' ? stack.redisServer : stack.postgres;
    if (!server) throw new Error('no server of the run’s own to stop');
    await server.stop();
    options.log(`${outage.server} stopped for ${outage.outageMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, outage.outageMs));
    const acceptedBefore = sink.received.length;
    await server.start();
    const back = Date.now();
    // Bounded: a run where nothing more goes out is counted (as lost), not waited on forever.
    const settleBy = back + 180_000;
    const next = await byDeadline(sink.waitForMessages(acceptedBefore + 1), settleBy);
    const recovery = next ? (next.at(-1)?.receivedAt ?? back) - back : Number.NaN;
    const counts = await stack.settle(ids, settleBy);
    const violations =
      counts.lost + counts.duplicates > 0 ? [`${counts.lost} lost, ${counts.duplicates} duplicated`] : [];
    return { ...counts, recoveryMs: [recovery], notes: [], violations };
  } finally {
    await stack.close();
  }
}

const outageScenario = (id: string, name: string, outage: Outage, smokeMs: number): Scenario => ({
  id,
  name,
  run: (options) => runOutage({ ...outage, outageMs: options.smoke ? smokeMs : outage.outageMs }, options),
});

export const redisShortOutage = outageScenario(
  '4a',
  'Redis stopped 5 s (AOF on)',
  { server: 'redis', outageMs: 5_000 },
  2_000,
);
export const redisLongOutage = outageScenario(
  '4b',
  'Redis stopped 60 s (AOF on)',
  { server: 'redis', outageMs: 60_000 },
  2_000,
);
export const postgresOutage = outageScenario(
  '6',
  'PostgreSQL stopped 10 s',
  { server: 'postgres', outageMs: 10_000 },
  3_000,
);
