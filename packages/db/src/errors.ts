import { AppError } from '@reportmail/errors';
import type { Sql } from 'postgres';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'CONNECT_TIMEOUT']);

/** Where a URL points, without its password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/**
 * Turns a connection failure into an actionable UNAVAILABLE error (never echoing the password);
 * any other error is returned unchanged.
 */
export function explainDatabaseError(error: unknown, url: string): unknown {
  const code = (error as { code?: string } | null)?.code;
  const where = describeDatabaseUrl(url);
  if (code && UNREACHABLE.has(code)) {
    return new AppError(
      'UNAVAILABLE',
      `Cannot reach PostgreSQL at ${where} (${code}). Start it (docker compose up -d postgres, ` +
        'or the Debian package postgresql) or set DATABASE_URL.',
      { cause: error },
    );
  }
  if (code === '28P01' || code === '28000') {
    return new AppError('UNAVAILABLE', `PostgreSQL at ${where} refused the credentials in DATABASE_URL.`, {
      cause: error,
    });
  }
  if (code === '3D000') {
    return new AppError('UNAVAILABLE', `Database ${where} does not exist: create it, or fix DATABASE_URL.`, {
      cause: error,
    });
  }
  return error;
}

/** Fails with the explained error when PostgreSQL does not answer (a service's start-up check). */
export async function assertDatabaseReachable(sql: Sql, url: string): Promise<void> {
  try {
    await sql`select 1`;
  } catch (error) {
    throw explainDatabaseError(error, url);
  }
}
