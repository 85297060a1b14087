import { assertDatabaseReachable, createDatabase } from '@reportmail/db';
import { createLogger } from '@reportmail/logger';
import { assertRedisReachable, createRedisConnection } from '@reportmail/queue';
import { createSecretBox } from '@reportmail/secrets';
import { startEventLoopWatchdog } from '@reportmail/watchdog';
import { buildApp } from './app.js';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { loadApiConfig, publicBaseUrl } from './config.js';
import { closeApiQueues, createApiQueues } from './queues.js';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const logger = createLogger({ service: 'api', level: config.LOG_LEVEL });
  const watchdog = startEventLoopWatchdog({ service: 'api', stallMs: config.EVENT_LOOP_STALL_MS, logger });
  const secretBox = createSecretBox(config.SECRETS_KEY);
  const database = createDatabase(config.DATABASE_URL, { max: 10, applicationName: 'api' });
  const onError = (error: Error) => logger.warn({ err: error }, 'redis connection error');
  const redis = createRedisConnection(config.REDIS_URL, 'producer', { onError });
  const queueConnection = createRedisConnection(config.REDIS_URL, 'producer', { onError });
  const queues = createApiQueues(queueConnection, config.REDIS_PREFIX);
  const closeClients = async () => {
    await closeApiQueues(queues);
    // BullMQ leaves a connection it was given open: without these the process would not exit.
    queueConnection.disconnect();
    redis.disconnect();
    await database.close();
  };
  try {
    await assertDatabaseReachable(database.sql, config.DATABASE_URL);
    await assertRedisReachable(redis, config.REDIS_URL);
    const admin = await ensureFirstAdmin(database.db, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
    if (admin?.generated) {
      // Shown once, on the terminal only: the log never carries it.
      process.stdout.write(`First admin created: ${admin.email} / ${admin.password} (change it after signing in)\n`);
    }
  } catch (error) {
    await closeClients();
    throw error;
  }
  const app = await buildApp({ config, database, logger, redis, queues, secretBox, watchdog });
  await app.listen({ host: config.HOST, port: config.PORT });
  logger.info({ url: publicBaseUrl(config), docs: '/docs', queues: '/admin/queues' }, 'api started');

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'stopping: finishing requests in flight');
    await app.close();
    await closeClients();
    await watchdog.stop();
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`api: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
