import { existsSync } from 'node:fs';
import { AppError, invalidField } from '@reportmail/errors';
import postgres from 'postgres';
import { userPath } from '../args.js';

export type OldRow = Record<string, unknown>;

/**
 * The old database, read only, inside one snapshot. Queries are written per dialect through `expr`, so
 * money and naive times leave the old database as text: numbers never become JS floats on the way.
 */
export type OldDatabase = {
  dialect: 'sqlite' | 'postgres';
  description: string;
  expr: SourceExpressions;
  columns(table: string): Promise<Set<string>>;
  batches(query: string, size: number): AsyncIterable<OldRow[]>;
};

export type SourceExpressions = {
  /** numeric → text with two decimals ('12.30'), null stays null. */
  money(column: string): string;
  /** naive timestamp → text 'YYYY-MM-DD HH:MM:SS[.ffffff]', no zone. */
  naive(column: string): string;
  /** date → 'YYYY-MM-DD'. */
  date(column: string): string;
  /** time of day → 'HH:MM'. */
  timeOfDay(column: string): string;
};

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** Opens `--from` (a SQLite file, `sqlite:///file`, or a postgres:// URL) and runs `work` in one read snapshot. */
export async function withOldDatabase<T>(from: string, work: (source: OldDatabase) => Promise<T>): Promise<T> {
  if (POSTGRES_URL.test(from)) return withPostgresSource(from, work);
  const path = userPath(from.replace(/^sqlite:\/\/\//, ''));
  if (!existsSync(path)) {
    throw invalidField(
      '--from',
      `no such file "${path}" (a SQLite file such as instance/jc_icons_v2.db, or a postgres:// URL)`,
    );
  }
  return withSqliteSource(path, work);
}

async function withSqliteSource<T>(path: string, work: (source: OldDatabase) => Promise<T>): Promise<T> {
  // Loaded only here: the native addon is not needed for PostgreSQL sources or any other command.
  const { default: Sqlite } = await import('better-sqlite3');
  let database: InstanceType<typeof Sqlite>;
  try {
    database = new Sqlite(path, { readonly: true, fileMustExist: true });
    database.pragma('schema_version');
  } catch (cause) {
    throw new AppError('VALIDATION', `--from: "${path}" is not a SQLite database`, { cause });
  }
  try {
    database.exec('begin'); // one read snapshot for every table
    return await work({
      dialect: 'sqlite',
      description: `SQLite ${path}`,
      expr: {
        money: (c) => `case when ${c} is null then null else printf('%.2f', ${c}) end`,
        naive: (c) => `${c}`,
        date: (c) => `substr(${c}, 1, 10)`,
        timeOfDay: (c) => `substr(${c}, 1, 5)`,
      },
      columns: async (table) =>
        new Set(database.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]),
      batches: (query, size) => sqliteBatches(database.prepare(query).iterate() as Iterable<OldRow>, size),
    });
  } finally {
    database.close();
  }
}

async function* sqliteBatches(rows: Iterable<OldRow>, size: number): AsyncIterable<OldRow[]> {
  let batch: OldRow[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function withPostgresSource<T>(url: string, work: (source: OldDatabase) => Promise<T>): Promise<T> {
  const sql = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: 'reportmail-import-flask' },
  });
  try {
    return (await sql.begin('isolation level repeatable read read only', (tx) =>
      work({
        dialect: 'postgres',
        description: `PostgreSQL ${new URL(url).host}${new URL(url).pathname}`,
        expr: {
          money: (c) => `(${c})::numeric(14, 2)::text`,
          naive: (c) => `to_char(${c}, 'YYYY-MM-DD HH24:MI:SS.US')`,
          date: (c) => `to_char(${c}, 'YYYY-MM-DD')`,
          timeOfDay: (c) => `to_char(${c}, 'HH24:MI')`,
        },
        columns: async (table) => {
          const rows = await tx<{ name: string }[]>`
            select column_name as name from information_schema.columns
            where table_schema = current_schema() and table_name = ${table}`;
          return new Set(rows.map((row) => row.name));
        },
        batches: (query, size) => tx.unsafe(query).cursor(size) as AsyncIterable<OldRow[]>,
      }),
    )) as T;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === '3D000' || code === '28P01' || code === '28000') {
      throw new AppError('VALIDATION', `--from: cannot open the old database (${(error as Error).message})`, {
        cause: error,
      });
    }
    throw error;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
