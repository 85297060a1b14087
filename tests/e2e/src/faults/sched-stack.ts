import {
  type LogLine,
  type OwnPostgresServer,
  type OwnRedisServer,
  type ServiceProcess,
  startOwnPostgresServer,
  startOwnRedisServer,
} from '@reportmail/testing';
import { createPipeline, type Pipeline, type ServiceName } from '../harness.js';
import { findingsStarter } from './fault-stack.js';

/** Matches the harness's FAST_TIMINGS: the lease a standby waits out before it takes over. */
export const LEADER_TTL_MS = 1_500;
/** A reconcile every 5 s (as the other scenarios): a woken stale leader finds its interval overdue. */
export const RECONCILE_INTERVAL_MS = 5_000;
const RECONCILE = { RECONCILE_INTERVAL_MS: String(RECONCILE_INTERVAL_MS), LEDGER_STALL_MS: '5000' };

export type SchedStackOptions = {
  /** The run's database outside vitest (on the run's own PostgreSQL when there is one). */
  databaseName: string;
  /** A PostgreSQL cluster of the run's own with these settings (statement logging, say). */
  postgresSettings?: Record<string, string>;
};

export type SchedStack = {
  pipeline: Pipeline;
  redisServer: OwnRedisServer;
  postgres: OwnPostgresServer | null;
  /** A service that exits on its own (not by `stop`/`kill`) is printed as a finding. */
  start: (name: ServiceName, env?: Record<string, string>) => ServiceProcess;
  close: () => Promise<void>;
};

/** A Redis server of the run's own, PostgreSQL (own or DATABASE_URL's), the SMTP sink; services on demand. */
export async function startSchedStack(options: SchedStackOptions): Promise<SchedStack> {
  const [redisServer, postgres] = await Promise.all([
    startOwnRedisServer(),
    options.postgresSettings ? startOwnPostgresServer({ settings: options.postgresSettings }) : Promise.resolve(null),
  ]);
  const pipeline = await createPipeline({
    redisUrl: redisServer.url,
    // Under vitest (the smoke version) a clone of the run's template, as every other test; else one name.
    ...(process.env.VITEST && !postgres ? {} : { databaseName: options.databaseName }),
    ...(postgres ? { postgresAdminUrl: postgres.adminUrl } : {}),
  });
  const services = findingsStarter(pipeline, RECONCILE);
  return {
    pipeline,
    redisServer,
    postgres,
    start: services.start,
    close: async () => {
      services.closing();
      await pipeline.close();
      await Promise.all([redisServer.remove(), postgres?.remove()]);
    },
  };
}

/** The first log line from position `from` on that matches (past or future). */
export function waitForLogFrom(
  service: ServiceProcess,
  from: number,
  match: (line: LogLine) => boolean,
  description?: string,
): Promise<LogLine> {
  return service.waitForLog((line) => match(line) && service.logs.indexOf(line) >= from, description);
}

/** The first of `services` to log `match`, with that line. */
export function firstToLog(
  services: ServiceProcess[],
  match: (line: LogLine) => boolean,
): Promise<{ service: ServiceProcess; line: LogLine }> {
  return Promise.race(services.map((service) => service.waitForLog(match).then((line) => ({ service, line }))));
}

/** Resolves at `at` (epoch ms), or at once if it has passed: for instants the scenario itself defines. */
export const until = (at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
