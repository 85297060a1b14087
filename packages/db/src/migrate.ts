import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Sql } from 'postgres';

/** The committed SQL migrations, found through the package itself so a bundled service finds them too. */
export function defaultMigrationsFolder(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@reportmail/db/package.json')), 'migrations');
}

/** An arbitrary constant: the advisory lock that serialises concurrent migrators. */
const MIGRATION_LOCK_KEY = 7_263_011;

/**
 * Applies pending migrations; safe to run again and from several processes at once
 * (a session advisory lock makes the others wait, then find nothing to do).
 */
export async function migrateDatabase(sql: Sql, migrationsFolder = defaultMigrationsFolder()): Promise<void> {
  const reserved = await sql.reserve();
  try {
    await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      // The lock is held on the reserved connection; the migrator runs its transaction on the pool.
      await migrate(drizzle(sql), { migrationsFolder });
    } finally {
      await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    reserved.release();
  }
}
