import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SHOP_TABLES } from '@reportmail/db';
import type { Sql, TransactionSql } from 'postgres';
import type { CopyBatch } from './generator.js';

export { SHOP_TABLES };

/** Streams one batch of rows into its table with COPY (the fastest way into PostgreSQL). */
export async function copyBatch(sql: Sql | TransactionSql, batch: CopyBatch): Promise<void> {
  if (batch.lines.length === 0) return;
  const writable = await sql`copy ${sql(batch.table)} (${sql(batch.columns)}) from stdin`.writable();
  await pipeline(Readable.from([batch.lines.join('')]), writable);
}

/** Whether any shop table holds a row (the seed, the demo and the Flask import fill empty ones only). */
export async function shopHoldsData(sql: Sql | TransactionSql): Promise<boolean> {
  const checks = SHOP_TABLES.map((table) => `exists (select 1 from ${table})`).join(' or ');
  const [row] = await sql.unsafe<{ held: boolean }[]>(`select ${checks} as held`);
  return row?.held === true;
}

export async function truncateShop(sql: Sql): Promise<void> {
  await sql`truncate ${sql(SHOP_TABLES)} restart identity cascade`;
}

/** After loading explicit ids: move sequences past them, then refresh planner statistics. */
export async function finishLoad(sql: Sql): Promise<void> {
  for (const table of SHOP_TABLES) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql(table)}), 0) + 1, false)`;
  }
  await sql.unsafe(`vacuum analyze ${SHOP_TABLES.join(', ')}`);
}
