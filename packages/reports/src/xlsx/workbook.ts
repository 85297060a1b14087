import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { Sql } from 'postgres';
import { type CurrencyOptions, currencyNumberFormat, DEFAULT_CURRENCY } from '../money.js';
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
import { createSaleItemsFormatter } from '../sale-items.js';
import { computeReportSummary, type ReportSummary } from '../summary.js';
import { type DetailColumn, writeDetailSheet } from './detail-sheet.js';
import { createWorkbookStyles } from './styles.js';
import { moneyCell, writeSummarySheet } from './summary-sheet.js';

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
};

export type WorkbookResult = {
  filename: string;
  summary: ReportSummary;
  salesRows: number;
  repairRows: number;
  /** The `largestPayments` largest payments of the period (empty when not asked for). */
  largest: LargestPaymentRow[];
};

/** The excel cell for an instant shown as local wall-clock time (cells carry no zone). */
const localCell = (row: { local_ms: number }) => new Date(row.local_ms);

type PaymentRow = { local_ms: number; customer: string; method: string; amount: string; status: string };
type SheetColumn<R> = Pick<DetailColumn<R>, 'header' | 'width' | 'value'>;

/** Both detail sheets: when, which document, who, what, how, how much, and the document's status. */
function paymentColumns<R extends PaymentRow>(
  reference: SheetColumn<R>,
  subject: SheetColumn<R>,
  statusHeader: string,
): DetailColumn<R>[] {
  return [
    { header: 'Date/Time', width: 18, kind: 'dateTime', value: localCell },
    { ...reference, kind: 'text' },
    { header: 'Customer', width: 28, kind: 'wrappedText', value: (row) => row.customer },
    { ...subject, kind: 'wrappedText' },
    { header: 'Payment Method', width: 18, kind: 'text', value: (row) => row.method },
    { header: 'Amount Paid', width: 16, kind: 'money', value: (row) => Number(row.amount) },
    { header: statusHeader, width: 15, kind: 'text', value: (row) => row.status },
  ];
}

const salesColumns = (formatItems: (code: string) => string) =>
  paymentColumns<SaleDetailRow>(
    { header: 'Invoice #', width: 18, value: (row) => row.invoice_no },
    { header: 'Items', width: 44, value: (row) => formatItems(row.items_code) },
    'Sale Status',
  );

const REPAIR_COLUMNS = paymentColumns<RepairDetailRow>(
  { header: 'Ticket #', width: 16, value: (row) => row.ticket_number },
  { header: 'Device', width: 22, value: (row) => row.device_type },
  'Payment Status',
);

/**
 * Streams the report workbook (Summary, Sales, Repairs) to `output` from one database snapshot.
 * The summary is computed first (aggregate queries) and committed, then the detail sheets stream from
 * cursors, so memory does not grow with the number of rows.
 */
export function writeReportWorkbook(options: WriteWorkbookOptions): Promise<WorkbookResult> {
  const { period, output, onProgress } = options;
  const styles = createWorkbookStyles(currencyNumberFormat((options.currency ?? DEFAULT_CURRENCY).symbol));
  return withReportSnapshot(options.sql, async (tx) => {
    const summary = await computeReportSummary(tx, period);
    const largest = options.largestPayments
      ? await largestPayments(tx, period, period.timezone, options.largestPayments)
      : [];
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
      zip: { zlib: { level: compressionLevel(summary.totals.transactions) } },
    });
    workbook.creator = 'reportmail';
    const generatedAtLocal = localWallClock(options.now ?? new Date(), period.timezone);
    writeSummarySheet(workbook, summary, { frequencyLabel: options.frequencyLabel, generatedAtLocal }, styles);
    const { totals } = summary;
    const salesRows = await writeDetailSheet(
      workbook,
      {
        name: 'Sales',
        columns: salesColumns(createSaleItemsFormatter(await productNames(tx))),
        rows: saleDetailRows(tx, period, period.timezone, 'sheet'),
        expectedRows: totals.salesTransactions,
        total: moneyCell(totals.salesRevenue),
        onRows: (written) =>
          onProgress?.({
            sheet: 'Sales',
            written,
            expected: totals.salesTransactions,
          }),
      },
      styles,
    );
    const repairRows = await writeDetailSheet(
      workbook,
      {
        name: 'Repairs',
        columns: REPAIR_COLUMNS,
        rows: repairDetailRows(tx, period, period.timezone, 'sheet'),
        expectedRows: totals.repairTransactions,
        total: moneyCell(totals.repairRevenue),
        onRows: (written) =>
          onProgress?.({
            sheet: 'Repairs',
            written,
            expected: totals.repairTransactions,
          }),
      },
      styles,
    );
    await workbook.commit();
    return {
      filename: workbookFilename(period),
      summary,
      salesRows,
      repairRows,
      largest,
    };
  });
}

/** A Date whose UTC fields read as the local wall clock in `timezone` (how spreadsheets show time). */
function localWallClock(instant: Date, timezone: string): Date {
  const offsetMinutes = DateTime.fromJSDate(instant, { zone: timezone }).offset;
  return new Date(instant.getTime() + offsetMinutes * 60_000);
}

/** Rows above which speed beats size: such workbooks are far past any mail attachment limit anyway. */
const FAST_COMPRESSION_ROWS = 250_000;

/** Deflate level 6 makes files ~25% smaller than level 1 but costs ~5 s of CPU per million rows. */
function compressionLevel(rows: number): number {
  return rows > FAST_COMPRESSION_ROWS ? 1 : 6;
}
