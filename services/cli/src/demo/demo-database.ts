import { createDatabase, describeDatabaseUrl, explainDatabaseError } from '@reportmail/db';
import { invalidField } from '@reportmail/errors';
import type { Sql } from 'postgres';
import { prepareServers } from '../stack/preflight.js';

/** The demo's database by default: on the product's server, never the product's database itself. */
export const DEMO_DATABASE = 'reportmail_demo';

/**
 * Set on a database the demo created, so `--clean` knows it may drop it: a database someone else made
 * (or pointed the demo at) only ever loses the demo's rows.
 */
export const DEMO_DATABASE_COMMENT = 'Made by pnpm demo; pnpm demo --clean drops it.';

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_$-]*$/;

/** `--database`: a name (on DATABASE_URL's server) or a whole postgres:// URL; `reportmail_demo` if absent. */
export function demoDatabaseUrl(productUrl: string, flag: string | undefined): string {
  const value = flag?.trim() || DEMO_DATABASE;
  if (/^postgres(ql)?:\/\//.test(value)) return value;
  if (!PLAIN_NAME.test(value)) throw invalidField('--database', `"${value}" is neither a database name nor a URL`);
  const url = new URL(productUrl);
  url.pathname = `/${value}`;
  return url.toString();
}

export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** The server's maintenance database, where a database is looked up, created or dropped. */
function serverOf(url: string) {
  const server = new URL(url);
  server.pathname = '/postgres';
  return createDatabase(server.toString(), { max: 1, applicationName: 'reportmail-demo' });
}

async function withServer<T>(url: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  const server = serverOf(url);
  try {
    return await work(server.sql);
  } catch (error) {
    throw explainDatabaseError(error, url);
  } finally {
    await server.close();
  }
}

/** Creates (and marks) the database when missing and migrates it; says which database the demo uses. */
export async function prepareDemoDatabase(url: string, redisUrl: string, stdout: NodeJS.WriteStream): Promise<void> {
  const { createdDatabase } = await prepareServers({ DATABASE_URL: url, REDIS_URL: redisUrl });
  const name = databaseName(url);
  if (createdDatabase) {
    await withServer(url, (sql) => sql.unsafe(`comment on database ${quoted(name)} is '${DEMO_DATABASE_COMMENT}'`));
  }
  const state = createdDatabase ? 'created and migrated' : 'migrated';
  stdout.write(
    `Demo database: ${describeDatabaseUrl(url)} (${state}; pnpm demo --clean removes what the demo made).\n`,
  );
}

export type DemoDatabaseState = { exists: boolean; madeByDemo: boolean };

export function demoDatabaseState(url: string): Promise<DemoDatabaseState> {
  return withServer(url, async (sql) => {
    const [row] = await sql<{ comment: string | null }[]>`
      select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${databaseName(url)}`;
    return { exists: row !== undefined, madeByDemo: row?.comment === DEMO_DATABASE_COMMENT };
  });
}

export function dropDemoDatabase(url: string): Promise<void> {
  return withServer(url, async (sql) => {
    await sql.unsafe(`drop database if exists ${quoted(databaseName(url))}`);
  });
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
