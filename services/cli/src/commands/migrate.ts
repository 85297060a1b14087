import { describeDatabaseUrl, migrateDatabase } from '@reportmail/db';
import type { Sql } from 'postgres';

export const MIGRATE_HELP = `Usage: pnpm db:migrate

Applies pending migrations to DATABASE_URL. Safe to run again, and from several processes at once.`;

export async function runMigrateCommand(deps: { sql: Sql; url: string; stdout: NodeJS.WriteStream }): Promise<void> {
  await migrateDatabase(deps.sql);
  const [row] = await deps.sql<{ count: number }[]>`
    select count(*)::int as count from drizzle.__drizzle_migrations`;
  deps.stdout.write(
    `Database ${describeDatabaseUrl(deps.url)} is up to date (${row?.count ?? 0} migrations applied).\n`,
  );
}
