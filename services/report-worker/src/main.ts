import { createLogger } from '@reportmail/logger';
import { loadReportWorkerConfig, startReportWorker } from '@reportmail/report-jobs';
import { startEventLoopWatchdog, startShutdownDeadline } from '@reportmail/watchdog';

async function main(): Promise<void> {
  const config = loadReportWorkerConfig();
  const logger = createLogger({ service: 'report-worker', level: config.LOG_LEVEL });
  const watchdog = startEventLoopWatchdog({ service: 'report-worker', stallMs: config.EVENT_LOOP_STALL_MS, logger });
  const reportWorker = await startReportWorker(config, logger);

  const shutdown = async (signal: string) => {
    logger.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'stopping: finishing the current job');
    const deadline = startShutdownDeadline({ graceMs: config.SHUTDOWN_GRACE_MS, logger });
    await reportWorker.stop();
    await watchdog.stop();
    deadline.cancel();
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`report-worker: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
