import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultMigrationsFolder } from '@reportmail/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import type { Sql } from 'postgres';

type ReadinessCheck = 'postgres' | 'redis' | 'migrations';
/** `ok`, or why not, in words safe for an anonymous caller (no addresses; the log has the error). */
export type Readiness = { ready: boolean; checks: Record<ReadinessCheck, string> };

type ReadinessDeps = {
  sql: Sql;
  redis: Redis;
  logger: FastifyBaseLogger;
  /** The migrations this build expects: the journal on disk (tag, and `when`, drizzle's `created_at`). */
  migrations: JournalEntry[];
  timeoutMs: number;
};

export type JournalEntry = { tag: string; when: number };

/** The migrations journal drizzle-kit writes next to the SQL files. */
export function readMigrationsJournal(folder = defaultMigrationsFolder()): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/**
 * drizzle's migrator (packages/db migrate.ts, default options) records each applied migration in
 * `drizzle.__drizzle_migrations` with `created_at` = the journal entry's `when`.
 */
async function pendingMigrations(sql: Sql, expected: JournalEntry[]): Promise<string> {
  const exists = await sql<{ found: boolean }[]>`
    select to_regclass('drizzle.__drizzle_migrations') is not null as found`;
  if (!exists[0]?.found) return 'no migrations applied';
  const rows = await sql<{ createdAt: string }[]>`
    select created_at::text as "createdAt" from drizzle.__drizzle_migrations`;
  const applied = new Set(rows.map((row) => row.createdAt));
  const pending = expected.filter((entry) => !applied.has(String(entry.when))).map((entry) => entry.tag);
  return pending.length === 0 ? 'ok' : `pending: ${pending.join(', ')}`;
}

/** One check, never longer than `timeoutMs`; a failure becomes its reason and a warning in the log. */
async function bounded(name: ReadinessCheck, deps: ReadinessDeps, check: () => Promise<string>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`timed out after ${deps.timeoutMs} ms`), deps.timeoutMs);
  });
  const outcome = check().catch((error: unknown) => {
    deps.logger.warn({ err: error, check: name }, 'readiness check failed');
    return 'not answering';
  });
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** PostgreSQL and Redis answer and every migration of this build is applied; checks run in parallel. */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const [postgres, redis, migrations] = await Promise.all([
    bounded('postgres', deps, async () => {
      await deps.sql`select 1`;
      return 'ok';
    }),
    bounded('redis', deps, async () => {
      await deps.redis.ping();
      return 'ok';
    }),
    bounded('migrations', deps, () => pendingMigrations(deps.sql, deps.migrations)),
  ]);
  const checks = { postgres, redis, migrations };
  return { ready: Object.values(checks).every((value) => value === 'ok'), checks };
}
