import { assertDatabaseReachable, createDatabase } from '@reportmail/db';
import { createLogger } from '@reportmail/logger';
import { assertRedisReachable, createRedisConnection } from '@reportmail/queue';
import { startEventLoopWatchdog, startShutdownDeadline } from '@reportmail/watchdog';
import { loadReportWorkerConfig } from './config.js';
import { createReportWorker } from './worker.js';

async function main(): Promise<void> {
  const config = loadReportWorkerConfig();
  const logger = createLogger({ service: 'report-worker', level: config.LOG_LEVEL });
  const watchdog = startEventLoopWatchdog({ service: 'report-worker', stallMs: config.EVENT_LOOP_STALL_MS, logger });
  const database = createDatabase(config.DATABASE_URL, {
    max: config.REPORT_CONCURRENCY + 2,
    applicationName: 'report-worker',
  });
  const connection = createRedisConnection(config.REDIS_URL, 'worker', {
    onError: (error) => logger.warn({ err: error }, 'redis connection error'),
  });
  try {
    await assertDatabaseReachable(database.sql, config.DATABASE_URL);
    await assertRedisReachable(connection, config.REDIS_URL);
  } catch (error) {
    connection.disconnect();
    await database.close();
    throw error;
  }
  const reportWorker = createReportWorker({
    database,
    connection,
    prefix: config.REDIS_PREFIX,
    logger,
    currency: { symbol: config.CURRENCY_SYMBOL, locale: config.CURRENCY_LOCALE },
    attachmentLimitBytes: config.ATTACHMENT_LIMIT_BYTES,
    concurrency: config.REPORT_CONCURRENCY,
    locks: { lockDuration: config.WORKER_LOCK_DURATION_MS, stalledInterval: config.WORKER_STALLED_INTERVAL_MS },
  });
  logger.info({ concurrency: config.REPORT_CONCURRENCY }, 'report worker started');

  const shutdown = async (signal: string) => {
    logger.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'stopping: finishing the current job');
    const deadline = startShutdownDeadline({ graceMs: config.SHUTDOWN_GRACE_MS, logger });
    await reportWorker.close();
    await connection.quit();
    await database.close();
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
