import { startApi } from '@reportmail/http-api';
import { createLogger } from '@reportmail/logger';
import { startMailWorker } from '@reportmail/mail-jobs';
import { startReportWorker } from '@reportmail/report-jobs';
import { startScheduler } from '@reportmail/scheduling';
import { startEventLoopWatchdog, startShutdownDeadline } from '@reportmail/watchdog';
import { loadAllInOneConfig } from './config.js';
import { startInOrder } from './start-in-order.js';

/**
 * The API, the scheduler and both workers in one process, for a small install: the same parts the split
 * services run, each with its own connections, BullMQ worker and (for the scheduler) leader lock, so
 * split services on another machine can join the same PostgreSQL and Redis later.
 */
async function main(): Promise<void> {
  const config = loadAllInOneConfig();
  const logger = createLogger({ service: 'all-in-one', level: config.LOG_LEVEL });
  const watchdog = startEventLoopWatchdog({ service: 'all-in-one', stallMs: config.EVENT_LOOP_STALL_MS, logger });
  const part = (component: string) => logger.child({ component });
  // Workers first, the API last: the pipeline is listening before the API takes a request.
  const parts = await startInOrder([
    () => startReportWorker(config, part('report-worker')),
    () => startMailWorker(config, part('mail-worker')),
    () => startScheduler(config, part('scheduler')),
    async () => {
      const api = await startApi(config, part('api'), watchdog);
      if (api.generatedAdmin) {
        const { email, password } = api.generatedAdmin;
        // Shown once, on the terminal only: the log never carries it.
        process.stdout.write(`First admin created: ${email} / ${password} (change it after signing in)\n`);
      }
      return api;
    },
  ]);

  const shutdown = async (signal: string) => {
    logger.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'stopping: requests, syncs and jobs in hand finish');
    const deadline = startShutdownDeadline({ graceMs: config.SHUTDOWN_GRACE_MS, logger });
    await parts.stop();
    await watchdog.stop();
    deadline.cancel();
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`all-in-one: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
