import { QUEUES } from '@reportmail/queue';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { StackEnvironment } from '../stack/stack-env.js';
import { type ServiceName, Supervisor } from '../stack/supervisor.js';

const WORKER_OF_QUEUE: Record<string, ServiceName> = {
  [QUEUES.reports]: 'report-worker',
  [QUEUES.mail]: 'mail-worker',
};

/** The workers the demo needs that no running process (a `pnpm start`, say) provides already. */
export async function missingWorkers(connection: Redis, prefix: string): Promise<ServiceName[]> {
  const missing: ServiceName[] = [];
  for (const [name, service] of Object.entries(WORKER_OF_QUEUE)) {
    const queue = new Queue(name, { connection, prefix });
    try {
      if ((await queue.getWorkers()).length === 0) missing.push(service);
    } finally {
      await queue.close();
    }
  }
  return missing;
}

/** Starts those workers for the demo's duration, quiet (warnings and errors) unless LOG_LEVEL says otherwise. */
export function startDemoWorkers(stack: StackEnvironment, services: ServiceName[], output: NodeJS.WriteStream) {
  const env = { ...stack.env, LOG_LEVEL: stack.env.LOG_LEVEL ?? 'warn' };
  const supervisor = new Supervisor({ root: stack.root, env, output, stopTimeoutMs: 15_000 });
  for (const service of services) supervisor.start(service);
  return supervisor;
}
