import { assertDatabaseReachable, createDatabase } from '@reportmail/db';
import { createLogger } from '@reportmail/logger';
import { buildApp } from './app.js';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { loadApiConfig } from './config.js';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const logger = createLogger({ service: 'api', level: config.LOG_LEVEL });
  const database = createDatabase(config.DATABASE_URL, { max: 10, applicationName: 'api' });
  try {
    await assertDatabaseReachable(database.sql, config.DATABASE_URL);
    const admin = await ensureFirstAdmin(database.db, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
    if (admin?.generated) {
      // Shown once, on the terminal only: the log never carries it.
      process.stdout.write(`First admin created: ${admin.email} / ${admin.password} (change it after signing in)\n`);
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  const app = await buildApp({
    database,
    logger,
    auth: {
      secret: config.JWT_SECRET,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      expiresIn: config.JWT_EXPIRES_IN,
    },
  });
  await app.listen({ host: config.HOST, port: config.PORT });

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'stopping: finishing requests in flight');
    await app.close();
    await database.close();
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`api: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
