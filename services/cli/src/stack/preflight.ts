import { assertDatabaseReachable, createDatabase, explainDatabaseError, migrateDatabase } from '@reportmail/db';
import { AppError } from '@reportmail/errors';
import { assertRedisReachable, createRedisConnection } from '@reportmail/queue';

/** Said with every "cannot reach" at start: the exact commands, whichever way the machine is set up. */
export const START_SERVERS_HINT =
  'Start them with `docker compose up -d postgres redis`, or on Debian/Ubuntu ' +
  '`sudo apt-get install -y postgresql redis-server` (then `sudo systemctl start postgresql redis-server`), ' +
  'or point DATABASE_URL and REDIS_URL at yours.';

/** Only "cannot reach" gets the hint: a refused password or a missing role needs a fix, not a start. */
function withHint(error: unknown): unknown {
  if (error instanceof Error && error.message.startsWith('Cannot reach')) {
    return new AppError('UNAVAILABLE', `${error.message}\n${START_SERVERS_HINT}`, { cause: error });
  }
  return error;
}

/** A fresh server has no `reportmail` database yet: create it (through the server's `postgres` database). */
async function ensureDatabaseExists(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const server = createDatabase(url.toString(), { max: 1, applicationName: 'reportmail-start' });
  try {
    const [row] = await server.sql<{ found: boolean }[]>`
      select exists (select 1 from pg_database where datname = ${name}) as found`;
    if (row?.found) return false;
    await server.sql.unsafe(`create database "${name.replaceAll('"', '""')}"`);
    return true;
  } catch (error) {
    throw explainDatabaseError(error, databaseUrl);
  } finally {
    await server.close();
  }
}

export type PreflightResult = { createdDatabase: boolean };

/** PostgreSQL and Redis answer, the database exists and every migration is applied; else one clear error. */
export async function prepareServers(env: { DATABASE_URL: string; REDIS_URL: string }): Promise<PreflightResult> {
  const redis = createRedisConnection(env.REDIS_URL, 'worker', { onError: () => {} });
  try {
    await assertRedisReachable(redis, env.REDIS_URL);
  } catch (error) {
    throw withHint(error);
  } finally {
    redis.disconnect();
  }
  const createdDatabase = await ensureDatabaseExists(env.DATABASE_URL).catch((error: unknown) => {
    throw withHint(error);
  });
  // Two connections: the migrator holds its advisory lock on one and migrates on the other.
  const database = createDatabase(env.DATABASE_URL, { max: 2, applicationName: 'reportmail-start' });
  try {
    await assertDatabaseReachable(database.sql, env.DATABASE_URL);
    await migrateDatabase(database.sql);
  } finally {
    await database.close();
  }
  return { createdDatabase };
}
