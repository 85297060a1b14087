// The benchmark's floor, not product code: the same database work as the measured workbook (one snapshot,
// the summary, the same detail queries through the same cursors, read one batch ahead) with the rows
// written the cheapest way there is: minimal sheet XML (cell references and values, no styles, no Summary
// sheet) through one raw deflate stream at the workbook's deflate level, with no zip container around it.
// What the workbook costs beyond this is the price of exceljs, styles and the zip.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw, type DeflateRaw } from 'node:zlib';
import {
  CURSOR_BATCH,
  computeReportSummary,
  createSaleItemsFormatter,
  productNames,
  type ReportPeriod,
  readAhead,
  repairDetailRows,
  saleDetailRows,
  withReportSnapshot,
  workbookCompressionLevel,
} from '@reportmail/reports';
import type { PendingQuery, Row, Sql } from 'postgres';

type Cell = string | number;

const COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const EXCEL_EPOCH_DAYS = 25_569;
const MS_PER_DAY = 86_400_000;

/** Writes the period's Sales and Repairs rows as the floor does; resolves to the rows written. */
export function writeFloor(sql: Sql, period: ReportPeriod, output: Writable): Promise<number> {
  return withReportSnapshot(sql, async (tx) => {
    const { totals } = await computeReportSummary(tx, period);
    const deflate = createDeflateRaw({ level: workbookCompressionLevel(totals.transactions) });
    const written = pipeline(deflate, output);
    const formatItems = createSaleItemsFormatter(await productNames(tx));
    const { timezone } = period;
    const sales = await writeSheet(deflate, saleDetailRows(tx, period, timezone, 'sheet'), (row) => [
      row.invoice_no,
      row.customer,
      formatItems(row.items_code),
      row.status,
    ]);
    const repairs = await writeSheet(deflate, repairDetailRows(tx, period, timezone, 'sheet'), (row) => [
      row.ticket_number,
      row.customer,
      row.device_type,
      row.status,
    ]);
    deflate.end();
    await written;
    return sales + repairs;
  });
}

type PaymentRow = Row & { local_ms: number; method: string; amount: string };

/** One sheet: header, a row per record (date, reference, customer, subject, method, amount, status), TOTAL. */
async function writeSheet<R extends PaymentRow>(
  deflate: DeflateRaw,
  rows: PendingQuery<R[]>,
  text: (row: R) => [reference: string, customer: string, subject: string, status: string],
): Promise<number> {
  await write(
    deflate,
    SHEET_HEAD + rowXml(1, ['Date/Time', 'Reference', 'Customer', 'Subject', 'Method', 'Amount', 'Status']),
  );
  let written = 0;
  for await (const batch of readAhead(rows.cursor(CURSOR_BATCH))) {
    for (let start = 0; start < batch.length; start += ROWS_PER_SLICE) {
      let xml = '';
      for (const row of batch.slice(start, start + ROWS_PER_SLICE)) {
        written += 1;
        const [reference, customer, subject, status] = text(row);
        const date = EXCEL_EPOCH_DAYS + Math.trunc(row.local_ms) / MS_PER_DAY;
        xml += rowXml(written + 1, [date, reference, customer, subject, row.method, Number(row.amount), status]);
      }
      await write(deflate, xml);
    }
  }
  await write(deflate, rowXml(written + 2, ['TOTAL']) + SHEET_TAIL);
  return written;
}

function rowXml(number: number, cells: Cell[]): string {
  let xml = `<row r="${number}">`;
  for (const [index, value] of cells.entries()) {
    const reference = `${COLUMNS[index]}${number}`;
    xml +=
      typeof value === 'number'
        ? `<c r="${reference}"><v>${value}</v></c>`
        : `<c r="${reference}" t="str"><v>${escapeXml(value)}</v></c>`;
  }
  return `${xml}</row>`;
}

const XML_SPECIAL = /[<>&"']/g;
const XML_ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(XML_SPECIAL, (special) => XML_ENTITY[special] ?? special);
}

/** Bytes deflate may have queued before the writer waits: as the workbook writer's pace. */
const DEFLATE_BACKLOG_BYTES = 4 * 1024 * 1024;

/** Rows turned into XML between two yields to the event loop (as the workbook writer's slices). */
const ROWS_PER_SLICE = 250;

/**
 * Deflate runs on libuv's thread pool and PostgreSQL sends the next batch while XML is built here; each
 * slice yields so the socket is read and deflate fed in between. Waiting for every drain, or building a
 * whole batch at once (PostgreSQL stalls on a full socket meanwhile), would make the three take turns.
 */
async function write(deflate: DeflateRaw, xml: string): Promise<void> {
  deflate.write(xml);
  if (deflate.writableLength > DEFLATE_BACKLOG_BYTES) await once(deflate, 'drain');
  else await new Promise<void>((resolve) => setImmediate(resolve));
}
