import type { TransactionSql } from 'postgres';
import { copyLine } from '../seed/copy-format.js';
import { copyBatch, SHOP_TABLES } from '../seed/loader.js';
import { SHOP_COLUMNS } from '../shop-columns.js';
import { assertColumns, type CopiedIds, SHOP_TABLE_COPIES, type ShopTable } from './shop-tables.js';
import type { OldDatabase } from './source.js';

const BATCH_ROWS = 5_000;

export type TableResult = {
  table: string;
  copied: number;
  /** Reason → rows left out. */
  skipped: Record<string, number>;
  /** Reason → rows copied with a change. */
  adjusted: Record<string, number>;
  /** The old database has no such table (repair_payment came with v2.0.6). */
  absent?: true;
};

/** Whether our shop tables already hold rows: the import copies into empty ones only. */
/**
 * Copies the old shop tables into ours (same ids, so invoice and ticket links keep working), in the
 * caller's transaction, with COPY. Money stays text, naive UTC times become timestamptz. A missing
 * repair_payment table (old versions) is reported, not an error.
 */
export async function copyShopData(
  tx: TransactionSql,
  source: OldDatabase,
  importedAt: string,
): Promise<TableResult[]> {
  const copied: CopiedIds = { customer: new Set(), product: new Set(), sale: new Set(), device: new Set() };
  const results: TableResult[] = [];
  for (const copy of SHOP_TABLE_COPIES) {
    const has = await source.columns(copy.table);
    if (has.size === 0 && copy.table === 'repair_payment') {
      results.push({ table: copy.table, copied: 0, skipped: {}, adjusted: {}, absent: true });
      continue;
    }
    assertColumns(copy, has);
    results.push(await copyTable(tx, source, copy, has, { copied, importedAt }));
  }
  return results;
}

async function copyTable(
  tx: TransactionSql,
  source: OldDatabase,
  copy: ShopTable,
  has: Set<string>,
  context: { copied: CopiedIds; importedAt: string },
): Promise<TableResult> {
  const result: TableResult = { table: copy.table, copied: 0, skipped: {}, adjusted: {} };
  const ids = copy.table in context.copied ? context.copied[copy.table as keyof CopiedIds] : undefined;
  for await (const batch of source.batches(copy.select(source.expr, has), BATCH_ROWS)) {
    const lines: string[] = [];
    for (const row of batch) {
      const mapped = copy.map(row, context.copied, context.importedAt);
      if ('skip' in mapped) {
        count(result.skipped, mapped.skip);
        continue;
      }
      if (mapped.note) count(result.adjusted, mapped.note);
      lines.push(copyLine(mapped.values));
      ids?.add(Number(row.id));
    }
    // COPY as the seed loads it, on the transaction's connection.
    await copyBatch(tx, { table: copy.table, columns: SHOP_COLUMNS[copy.table], lines });
    result.copied += lines.length;
  }
  return result;
}

/** After copying explicit ids: move each sequence past them. Not in a dry run (setval ignores rollback). */
export async function advanceSequences(tx: TransactionSql): Promise<void> {
  for (const table of SHOP_TABLES) {
    await tx`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${tx(table)}), 0) + 1, false)`;
  }
}

/**
 * Tickets with money on them (a deposit, or marked Paid) but no repair_payment row: the old system kept
 * that money only in device.deposit_paid / deposit_paid_at, which no report of ours reads.
 */
export async function ticketsWithoutPayments(tx: TransactionSql): Promise<number> {
  const [row] = await tx<{ count: number }[]>`
    select count(*)::int as count from device d
    where (d.deposit_paid > 0 or (d.payment_status = 'Paid' and d.total_cost > 0)) and not d.charge_waived
      and not exists (select 1 from repair_payment rp where rp.device_id = d.id)`;
  return row?.count ?? 0;
}

function count(counts: Record<string, number>, reason: string): void {
  counts[reason] = (counts[reason] ?? 0) + 1;
}
