import { assertDatabaseReachable, createDatabase } from '@reportmail/db';
import type { Logger } from '@reportmail/logger';
import { assertRedisReachable, createRedisConnection } from '@reportmail/queue';
import type { SchedulerConfig } from './config.js';
import { createScheduler } from './scheduler.js';

export type RunningScheduler = {
  /** Lets a running sync finish, releases the lock, then closes its connections. */
  stop: () => Promise<void>;
};

/**
 * The scheduler with connections of its own, checked: what its service runs, and what the all-in-one
 * process runs beside the API and the workers. Each connection names this process
 * (`pg_stat_activity.application_name`, Redis `CLIENT LIST`), so what one instance of several did can be
 * told apart: a stale leader's writes, say (`pnpm faults`, scenario 3).
 */
export async function startScheduler(config: SchedulerConfig, logger: Logger): Promise<RunningScheduler> {
  const name = `reportmail-scheduler-${process.pid}`;
  const database = createDatabase(config.DATABASE_URL, { max: 2, applicationName: name });
  const onError = (error: Error) => logger.warn({ err: error }, 'redis connection error');
  const connection = createRedisConnection(config.REDIS_URL, 'worker', { onError, connectionName: name });
  const subscriber = createRedisConnection(config.REDIS_URL, 'worker', { onError, connectionName: `${name}-changes` });
  const closeClients = async () => {
    subscriber.disconnect();
    connection.disconnect();
    await database.close();
  };
  const scheduler = createScheduler({
    db: database.db,
    connection,
    subscriber,
    prefix: config.REDIS_PREFIX,
    logger,
    leaderTtlMs: config.LEADER_TTL_MS,
    reconcileIntervalMs: config.RECONCILE_INTERVAL_MS,
    catchUpWindowMs: config.CATCH_UP_WINDOW_HOURS * 3_600_000,
    ledgerStallMs: config.LEDGER_STALL_MS,
  });
  try {
    await assertDatabaseReachable(database.sql, config.DATABASE_URL);
    await assertRedisReachable(connection, config.REDIS_URL);
    await scheduler.start();
  } catch (error) {
    await closeClients();
    throw error;
  }
  logger.info({ leaderTtlMs: config.LEADER_TTL_MS, reconcileIntervalMs: config.RECONCILE_INTERVAL_MS }, 'started');
  return {
    stop: async () => {
      await scheduler.stop();
      await subscriber.quit();
      await connection.quit();
      await database.close();
    },
  };
}
