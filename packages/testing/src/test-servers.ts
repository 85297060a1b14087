import { createDatabase, describeDatabaseUrl } from '@reportmail/db';
import { Redis } from 'ioredis';

type Env = Record<string, string | undefined>;

/**
 * The servers the tests use when nothing is set: the ones `pnpm start` uses. The database is the
 * server's `postgres` maintenance database, only a place to connect from: each test file gets its
 * own database cloned from a migrated template, never the product's `reportmail` database.
 */
export const TEST_SERVER_DEFAULTS = {
  DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  REDIS_URL: 'redis://127.0.0.1:6379',
} as const;

export const START_TEST_SERVERS =
  'run `docker compose up -d postgres redis` (or `sudo apt-get install -y postgresql redis-server`)';

export type TestServerUrls = { databaseUrl: string; redisUrl: string; databaseUrlIsSet: boolean };

/** DATABASE_URL and REDIS_URL when set (an empty value counts as unset), else the defaults. */
export function testServerUrls(env: Env = process.env): TestServerUrls {
  const databaseUrl = env.DATABASE_URL?.trim();
  return {
    databaseUrl: databaseUrl || TEST_SERVER_DEFAULTS.DATABASE_URL,
    redisUrl: env.REDIS_URL?.trim() || TEST_SERVER_DEFAULTS.REDIS_URL,
    databaseUrlIsSet: Boolean(databaseUrl),
  };
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}

/** Undefined when PostgreSQL answers at the URL, else one line saying what to do. */
export async function checkPostgres(url: string, timeoutSeconds = 5): Promise<string | undefined> {
  const database = createDatabase(url, { max: 1, connectTimeoutSeconds: timeoutSeconds, applicationName: 'tests' });
  try {
    await database.sql`select 1`;
    return undefined;
  } catch (error) {
    return (
      `PostgreSQL does not answer at ${describeDatabaseUrl(url)} (${reasonOf(error)}): ` +
      `${START_TEST_SERVERS}, or set DATABASE_URL to a server whose user can create databases.`
    );
  } finally {
    await database.close().catch(() => {});
  }
}

/** Undefined when Redis answers PING at the URL, else one line saying what to do. */
export async function checkRedis(url: string, timeoutMs = 5_000): Promise<string | undefined> {
  // One attempt, no reconnecting: a preflight wants the first answer, not ioredis' patience.
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // ioredis may reject connect() with a bare "Connection is closed."; its first error event says why.
  let firstError: unknown;
  client.on('error', (error) => {
    firstError ??= error;
  });
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    const where = new URL(url);
    return (
      `Redis does not answer at ${where.hostname}:${where.port || '6379'} (${reasonOf(firstError ?? error)}): ` +
      `${START_TEST_SERVERS}, or set REDIS_URL.`
    );
  } finally {
    client.disconnect();
  }
}

/** One line per server that does not answer; empty when both do. */
export async function checkTestServers(env: Env = process.env): Promise<string[]> {
  const { databaseUrl, redisUrl } = testServerUrls(env);
  const problems = await Promise.all([checkPostgres(databaseUrl), checkRedis(redisUrl)]);
  return problems.filter((problem): problem is string => problem !== undefined);
}
