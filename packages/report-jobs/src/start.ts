import { assertDatabaseReachable, createDatabase } from '@reportmail/db';
import type { Logger } from '@reportmail/logger';
import { assertRedisReachable, createRedisConnection } from '@reportmail/queue';
import type { ReportWorkerConfig } from './config.js';
import { createReportWorker } from './worker.js';

export type RunningReportWorker = {
  /** Finishes the jobs in hand, then closes the worker's connections. */
  stop: () => Promise<void>;
};

/** The report worker with connections of its own, checked: its service's and the all-in-one process's. */
export async function startReportWorker(config: ReportWorkerConfig, logger: Logger): Promise<RunningReportWorker> {
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
  return {
    stop: async () => {
      await reportWorker.close();
      await connection.quit();
      await database.close();
    },
  };
}
