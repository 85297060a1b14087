import type { StackEnvironment } from '../stack/stack-env.js';
import { type ServiceName, Supervisor } from '../stack/supervisor.js';

const DEMO_WORKERS: ServiceName[] = ['report-worker', 'mail-worker'];

/**
 * The demo's queues: workers of a running `pnpm start` read the product's database, so they must never
 * take a demo job (its delivery is not in their database), and the demo's workers never take theirs.
 */
export function demoRedisPrefix(prefix: string, databaseName: string): string {
  return `${prefix}-demo-${databaseName}`;
}

export type DemoWorkerSettings = { databaseUrl: string; redisPrefix: string };

/**
 * Starts the report and mail workers on the demo's database and queues for the demo's duration, quiet
 * (warnings and errors) unless LOG_LEVEL says otherwise.
 */
export function startDemoWorkers(stack: StackEnvironment, settings: DemoWorkerSettings, output: NodeJS.WriteStream) {
  const env = {
    ...stack.env,
    DATABASE_URL: settings.databaseUrl,
    REDIS_PREFIX: settings.redisPrefix,
    LOG_LEVEL: stack.env.LOG_LEVEL ?? 'warn',
  };
  const supervisor = new Supervisor({ root: stack.root, env, output, stopTimeoutMs: 15_000, apiHealth: false });
  for (const service of DEMO_WORKERS) supervisor.start(service);
  return supervisor;
}
