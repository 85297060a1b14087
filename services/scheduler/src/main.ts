import { createLogger } from '@reportmail/logger';
import { loadSchedulerConfig, startScheduler } from '@reportmail/scheduling';
import { startEventLoopWatchdog } from '@reportmail/watchdog';

/** A shutdown that waits on an unreachable Redis would otherwise hang until the supervisor kills it. */
const SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadSchedulerConfig();
  const logger = createLogger({ service: 'scheduler', level: config.LOG_LEVEL });
  const watchdog = startEventLoopWatchdog({ service: 'scheduler', stallMs: config.EVENT_LOOP_STALL_MS, logger });
  const scheduler = await startScheduler(config, logger);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: letting a running sync finish, then releasing the lock');
    setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    await scheduler.stop();
    await watchdog.stop();
    logger.info('stopped');
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(
      signal,
      () => void shutdown(signal).catch((error: unknown) => logger.error({ err: error }, 'shutdown failed')),
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`scheduler: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
