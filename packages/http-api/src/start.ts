import { assertDatabaseReachable, createDatabase } from '@reportmail/db';
import type { Logger } from '@reportmail/logger';
import { assertRedisReachable, createRedisConnection } from '@reportmail/queue';
import { createSecretBox } from '@reportmail/secrets';
import type { EventLoopWatchdog } from '@reportmail/watchdog';
import { buildApp } from './app.js';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { type ApiConfig, publicBaseUrl } from './config.js';
import { closeApiQueues, createApiQueues } from './queues.js';

export type RunningApi = {
  /** Set on the very first start only: shown once on the terminal by the caller, never logged. */
  generatedAdmin: { email: string; password: string } | undefined;
  /** Finishes the requests in flight, then closes the API's connections. */
  stop: () => Promise<void>;
};

/** The API with connections of its own, checked, listening: its service's and the all-in-one process's. */
export async function startApi(config: ApiConfig, logger: Logger, watchdog?: EventLoopWatchdog): Promise<RunningApi> {
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
  let generatedAdmin: RunningApi['generatedAdmin'];
  try {
    await assertDatabaseReachable(database.sql, config.DATABASE_URL);
    await assertRedisReachable(redis, config.REDIS_URL);
    const admin = await ensureFirstAdmin(database.db, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
    if (admin?.generated) generatedAdmin = { email: admin.email, password: admin.password };
  } catch (error) {
    await closeClients();
    throw error;
  }
  const secretBox = createSecretBox(config.SECRETS_KEY);
  const app = await buildApp({ config, database, logger, redis, queues, secretBox, ...(watchdog ? { watchdog } : {}) });
  try {
    await app.listen({ host: config.HOST, port: config.PORT });
  } catch (error) {
    await app.close();
    await closeClients();
    throw error;
  }
  logger.info({ url: publicBaseUrl(config), docs: '/docs', queues: '/admin/queues' }, 'api started');
  return {
    generatedAdmin,
    stop: async () => {
      await app.close();
      await closeClients();
    },
  };
}
