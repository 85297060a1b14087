import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Sql } from 'postgres';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/** An arbitrary constant: the advisory lock that serialises concurrent migrators. */
const MIGRATION_LOCK_KEY = 7_263_011;

/**
 * Applies pending migrations; safe to run again and from several processes at once
 * (a session advisory lock makes the others wait, then find nothing to do).
 */
export async function migrateDatabase(sql: Sql, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
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
