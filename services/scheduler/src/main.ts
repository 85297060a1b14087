import { assertDatabaseReachable, createDatabase } from '@reportmail/db';
import { createLogger, type Logger } from '@reportmail/logger';
import { assertRedisReachable, createRedisConnection } from '@reportmail/queue';
import { startEventLoopWatchdog } from '@reportmail/watchdog';
import { loadSchedulerConfig, type SchedulerConfig } from './config.js';
import { createScheduler } from './scheduler.js';

/** A shutdown that waits on an unreachable Redis would otherwise hang until the supervisor kills it. */
const SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadSchedulerConfig();
  const logger = createLogger({ service: 'scheduler', level: config.LOG_LEVEL });
  const watchdog = startEventLoopWatchdog({ service: 'scheduler', stallMs: config.EVENT_LOOP_STALL_MS, logger });
  const { database, connection, subscriber } = await connect(config, logger);
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
  await scheduler.start().catch(async (error: unknown) => {
    subscriber.disconnect();
    connection.disconnect();
    await database.close();
    throw error;
  });
  logger.info({ leaderTtlMs: config.LEADER_TTL_MS, reconcileIntervalMs: config.RECONCILE_INTERVAL_MS }, 'started');

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
    await subscriber.quit();
    await connection.quit();
    await database.close();
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

/**
 * PostgreSQL and Redis (commands, and a connection of its own for change signals), both checked. Each
 * connection names this process (`pg_stat_activity.application_name`, Redis `CLIENT LIST`), so what one
 * instance of several did can be told apart: a stale leader's writes, say (`pnpm faults`, scenario 3).
 */
async function connect(config: SchedulerConfig, logger: Logger) {
  const name = `reportmail-scheduler-${process.pid}`;
  const database = createDatabase(config.DATABASE_URL, { max: 2, applicationName: name });
  const onError = (error: Error) => logger.warn({ err: error }, 'redis connection error');
  const connection = createRedisConnection(config.REDIS_URL, 'worker', { onError, connectionName: name });
  const subscriber = createRedisConnection(config.REDIS_URL, 'worker', { onError, connectionName: `${name}-changes` });
  try {
    await assertDatabaseReachable(database.sql, config.DATABASE_URL);
    await assertRedisReachable(connection, config.REDIS_URL);
  } catch (error) {
    subscriber.disconnect();
    connection.disconnect();
    await database.close();
    throw error;
  }
  return { database, connection, subscriber };
}

main().catch((error: unknown) => {
  process.stderr.write(`scheduler: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
