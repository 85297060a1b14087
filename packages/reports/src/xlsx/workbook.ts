import type { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import type { Sql, TransactionSql } from 'postgres';
import { type CurrencyOptions, currencyNumberFormat, DEFAULT_CURRENCY, formatDecimal } from '../money.js';
import { type ReportPeriod, workbookFilename } from '../period.js';
import {
  type LargestPaymentRow,
  largestPayments,
  productNames,
  type RepairDetailRow,
  repairDetailRows,
  type SaleDetailRow,
  saleDetailRows,
} from '../queries.js';
import { withReportSnapshot } from '../report.js';
import { capturePayments, type ReportChange, type StoredPayment } from '../report-changes.js';
import { createSaleItemsFormatter } from '../sale-items.js';
import { computeReportSummary, type ReportSummary } from '../summary.js';
import { type RevenueTrend, revenueTrend } from '../trend.js';
import { writeAdjustmentsSheet } from './adjustments-sheet.js';
import { type DetailColumn, streamDetailSheet } from './detail-rows.js';
import type { WorkbookSetup, WorkbookTarget } from './excel-workbook.js';
import { startWorkbookThread, type WorkbookThread } from './threaded-workbook.js';

export type WorkbookProgress = {
  sheet: 'Sales' | 'Repairs';
  written: number;
  expected: number;
};

export type WriteWorkbookOptions = {
  sql: Sql;
  period: ReportPeriod;
  output: Writable;
  /** Shown on the Summary sheet: `Daily`, `Every 3 Days`, `Weekly`, `Custom range`. */
  frequencyLabel: string;
  currency?: CurrencyOptions;
  now?: Date;
  /** Also read the N largest payments from the same snapshot (for the email), so both agree. */
  largestPayments?: number;
  onProgress?: (progress: WorkbookProgress) => void;
  /**
   * Build the sheets' XML with exceljs in a worker thread started from this entry (workbookThreadEntry)
   * while this thread reads PostgreSQL; without it everything runs in this thread. Same workbook.
   */
  thread?: URL;
  /**
   * With `thread`: use it only for periods of at least this many payments (the summary counts them
   * first). Starting a thread and loading exceljs in it costs some 30 ms of CPU, more than a whole
   * ordinary day's workbook; a big one is worth it. Default 0: always.
   */
  threadFromRows?: number;
  /**
   * Also return every payment of the period with why it counts or not, from the same snapshot, for periods
   * of at most this many counted payments (they are held in memory and stored): a bigger period (a long
   * custom range) returns none, so the workbook's memory stays flat. Default 0: none.
   */
  capturePaymentsUpTo?: number;
  /** Also return revenue per day for the email's chart (see revenueTrend), from the same snapshot. */
  trend?: boolean;
  /** Earlier reports whose figures changed since they were sent: an "Adjustments" sheet when any. */
  adjustments?: ReportChange[];
};

export type WorkbookResult = {
  filename: string;
  summary: ReportSummary;
  salesRows: number;
  repairRows: number;
  /** The `largestPayments` largest payments of the period (empty when not asked for). */
  largest: LargestPaymentRow[];
  /**
   * With `capturePaymentsUpTo`: the period's payments and their codes (empty for a period without any);
   * null when not captured (not asked, or past the limit), which is not the same as an empty period.
   */
  payments: StoredPayment[] | null;
  /** With `trend`: revenue per day (null without it, or for a period too long to chart). */
  trend: RevenueTrend | null;
};

type PaymentRow = { local_ms: number; customer: string; method: string; amount: string; status: string };
type PickedColumn<R> = Pick<DetailColumn<R>, 'header' | 'width' | 'cell'>;

/** Both detail sheets: when, which document, who, what, how, how much, and the document's status. */
function paymentColumns<R extends PaymentRow>(
  reference: PickedColumn<R>,
  subject: PickedColumn<R>,
  statusHeader: string,
): DetailColumn<R>[] {
  return [
    { header: 'Date/Time', width: 18, kind: 'dateTime', cell: (row) => row.local_ms },
    { ...reference, kind: 'text' },
    { header: 'Customer', width: 28, kind: 'wrappedText', cell: (row) => row.customer },
    { ...subject, kind: 'wrappedText' },
    { header: 'Payment Method', width: 18, kind: 'text', cell: (row) => row.method },
    { header: 'Amount Paid', width: 16, kind: 'money', cell: (row) => row.amount },
    { header: statusHeader, width: 15, kind: 'text', cell: (row) => row.status },
  ];
}

const salesColumns = (formatItems: (code: string) => string) =>
  paymentColumns<SaleDetailRow>(
    { header: 'Invoice #', width: 18, cell: (row) => row.invoice_no },
    { header: 'Items', width: 44, cell: (row) => formatItems(row.items_code) },
    'Sale Status',
  );

const REPAIR_COLUMNS = paymentColumns<RepairDetailRow>(
  { header: 'Ticket #', width: 16, cell: (row) => row.ticket_number },
  { header: 'Device', width: 22, cell: (row) => row.device_type },
  'Payment Status',
);

type OpenTarget = (setup: WorkbookSetup, rows: number) => Promise<WorkbookTarget>;

/**
 * Streams the report workbook (Summary, Sales, Repairs) to `output` from one database snapshot.
 * The summary is computed first (aggregate queries) and committed, then the detail sheets stream from
 * cursors, so memory does not grow with the number of rows. With `thread`, exceljs runs in a worker
 * thread; on failure the thread is ended and `output` destroyed (never ended) before the promise rejects.
 */
export async function writeReportWorkbook(options: WriteWorkbookOptions): Promise<WorkbookResult> {
  const { thread, threadFromRows = 0, output } = options;
  if (!thread) return writeFromSnapshot(options, (setup) => openHere(output, setup));
  // Started before the summary queries when it is always used, so loading exceljs there overlaps them.
  let started: WorkbookThread | undefined = threadFromRows > 0 ? undefined : startWorkbookThread(thread, output);
  const open: OpenTarget = async (setup, rows) => {
    if (!started && rows < threadFromRows) return openHere(output, setup);
    started ??= startWorkbookThread(thread, output);
    return started.open(setup);
  };
  try {
    const result = await writeFromSnapshot(options, open);
    await started?.stop();
    return result;
  } catch (error) {
    if (started) {
      await started.stop();
      output.destroy();
    }
    throw error;
  }
}

/** exceljs in this thread, imported when used: a process that writes through a thread never loads it. */
async function openHere(output: Writable, setup: WorkbookSetup): Promise<WorkbookTarget> {
  return (await import('./excel-workbook.js')).openExcelWorkbook(output, setup);
}

function writeFromSnapshot(options: WriteWorkbookOptions, open: OpenTarget): Promise<WorkbookResult> {
  const { period } = options;
  return withReportSnapshot(options.sql, async (tx) => {
    const summary = await computeReportSummary(tx, period);
    const largest = options.largestPayments
      ? await largestPayments(tx, period, period.timezone, options.largestPayments)
      : [];
    const captured = summary.totals.transactions <= (options.capturePaymentsUpTo ?? 0);
    const payments = captured ? await capturePayments(tx, period, summary.totals) : null;
    const trend = options.trend ? await revenueTrend(tx, period) : null;
    const setup = {
      moneyFormat: currencyNumberFormat((options.currency ?? DEFAULT_CURRENCY).symbol),
      compressionLevel: workbookCompressionLevel(summary.totals.transactions),
    };
    const target = await open(setup, summary.totals.transactions);
    const generatedAtLocal = localWallClock(options.now ?? new Date(), period.timezone);
    await target.writeSummary(summary, { frequencyLabel: options.frequencyLabel, generatedAtLocal });
    const rows = await writeDetailSheets(tx, target, summary, options.onProgress);
    if (options.adjustments?.length) await writeAdjustmentsSheet(target, options.adjustments, period.timezone);
    await target.commit();
    return { filename: workbookFilename(period), summary, ...rows, largest, payments, trend };
  });
}

async function writeDetailSheets(
  tx: TransactionSql,
  target: WorkbookTarget,
  { period, totals }: ReportSummary,
  onProgress: WriteWorkbookOptions['onProgress'],
): Promise<{ salesRows: number; repairRows: number }> {
  const progress = (sheet: WorkbookProgress['sheet'], expected: number) => (written: number) =>
    onProgress?.({ sheet, written, expected });
  const salesRows = await streamDetailSheet(target, {
    name: 'Sales',
    columns: salesColumns(createSaleItemsFormatter(await productNames(tx))),
    rows: saleDetailRows(tx, period, period.timezone, 'sheet'),
    expectedRows: totals.salesTransactions,
    total: formatDecimal(totals.salesRevenue),
    onRows: progress('Sales', totals.salesTransactions),
  });
  const repairRows = await streamDetailSheet(target, {
    name: 'Repairs',
    columns: REPAIR_COLUMNS,
    rows: repairDetailRows(tx, period, period.timezone, 'sheet'),
    expectedRows: totals.repairTransactions,
    total: formatDecimal(totals.repairRevenue),
    onRows: progress('Repairs', totals.repairTransactions),
  });
  return { salesRows, repairRows };
}

/** A Date whose UTC fields read as the local wall clock in `timezone` (how spreadsheets show time). */
function localWallClock(instant: Date, timezone: string): Date {
  const offsetMinutes = DateTime.fromJSDate(instant, { zone: timezone }).offset;
  return new Date(instant.getTime() + offsetMinutes * 60_000);
}

/**
 * Deflate level by size. Level 6 makes files ~20% smaller than level 1 at about twice the deflate CPU (5 s
 * per million rows). An ordinary period's workbook is tens of kilobytes at either level, so it takes the
 * faster one (4 ms less CPU per report of 500 payments); the mid-sized ones, which can come near a mail
 * attachment limit, take the smaller; past FAST_COMPRESSION_ROWS they are far over any limit anyway. Exported
 * for the benchmark's floor, which deflates at the workbook's level.
 */
export function workbookCompressionLevel(rows: number): number {
  return rows < SMALL_WORKBOOK_ROWS || rows > FAST_COMPRESSION_ROWS ? 1 : 6;
}

/** Below this many rows a workbook is under about 1.5 MB at level 1. */
const SMALL_WORKBOOK_ROWS = 20_000;
/** Rows above which speed beats size. */
const FAST_COMPRESSION_ROWS = 250_000;
