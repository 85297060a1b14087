import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import * as service from './schema/service.js';
import * as shop from './schema/shop.js';

export const schema = { ...shop, ...service };
export type Schema = typeof schema;
export type Db = PostgresJsDatabase<Schema>;

export type Database = { sql: Sql; db: Db; close: () => Promise<void> };

export type DatabaseOptions = { max?: number; applicationName?: string; connectTimeoutSeconds?: number };

/**
 * One postgres.js pool and the drizzle handle over it. numeric and bigint stay strings
 * (postgres.js default), so money never becomes a JS float on the way in.
 */
export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    // Server notices ("relation already exists, skipping") are not errors; drop them.
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? 'reportmail' },
  });
  const db = drizzle(sql, { schema });
  return { sql, db, close: () => sql.end({ timeout: 5 }) };
}
