import { createLogger } from '@reportmail/logger';
import { loadMailWorkerConfig, startMailWorker } from '@reportmail/mail-jobs';
import { startEventLoopWatchdog, startShutdownDeadline } from '@reportmail/watchdog';

async function main(): Promise<void> {
  const config = loadMailWorkerConfig();
  const logger = createLogger({ service: 'mail-worker', level: config.LOG_LEVEL });
  const watchdog = startEventLoopWatchdog({ service: 'mail-worker', stallMs: config.EVENT_LOOP_STALL_MS, logger });
  const mailWorker = await startMailWorker(config, logger);

  const shutdown = async (signal: string) => {
    logger.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'stopping: finishing the current sends');
    const deadline = startShutdownDeadline({ graceMs: config.SHUTDOWN_GRACE_MS, logger });
    await mailWorker.stop();
    await watchdog.stop();
    deadline.cancel();
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`mail-worker: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
