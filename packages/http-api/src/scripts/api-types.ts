import { withDotEnv } from '@reportmail/config';
import { createDatabase } from '@reportmail/db';
import { createLogger } from '@reportmail/logger';
import { createRedisConnection } from '@reportmail/queue';
import { createSecretBox, generateKeyEntry } from '@reportmail/secrets';
import { buildApp } from '../app.js';
import { loadApiConfig } from '../config.js';
import { syncConsoleApiTypes } from '../console-api-types.js';
import { closeApiQueues, createApiQueues } from '../queues.js';

/**
 * `pnpm api:types [--check]`: regenerates the console's API types from the routes (or, with --check, exits 1
 * when they differ). The app is built, never listens, and sends no query: only its route table is read.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const config = loadApiConfig({
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    REDIS_URL: 'redis://127.0.0.1:6379',
    ...withDotEnv(),
    SECRETS_KEY: generateKeyEntry('types'),
    JWT_SECRET: 'only-the-route-table-is-read-here-0123456789',
    LOG_LEVEL: 'silent',
  });
  const logger = createLogger({ service: 'api', level: 'silent' });
  const database = createDatabase(config.DATABASE_URL, { max: 1, applicationName: 'api-types' });
  const redis = createRedisConnection(config.REDIS_URL, 'producer', { lazyConnect: true });
  const queueConnection = createRedisConnection(config.REDIS_URL, 'producer', { lazyConnect: true });
  const queues = createApiQueues(queueConnection, config.REDIS_PREFIX);
  const secretBox = createSecretBox(config.SECRETS_KEY);
  const app = await buildApp({ config, database, logger, redis, queues, secretBox });
  try {
    const result = await syncConsoleApiTypes(app, check ? 'check' : 'write');
    if (!result.upToDate) {
      process.stderr.write(`${result.path} is out of date: run pnpm api:types\n`);
      process.exitCode = 1;
    } else process.stdout.write(`${check ? 'Up to date' : 'Wrote'}: ${result.path}\n`);
  } finally {
    await app.close();
    await closeApiQueues(queues);
    queueConnection.disconnect();
    redis.disconnect();
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`api:types: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
