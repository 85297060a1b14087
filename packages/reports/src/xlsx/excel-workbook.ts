/// <reference path="./exceljs-writer.d.ts" />
import type { Writable } from 'node:stream';
// The streaming writer alone: exceljs's entry also loads its readers, in-memory workbook and CSV code,
// ~12 MB more in every thread that writes a workbook. Same class as `ExcelJS.stream.xlsx.WorkbookWriter`
// of the pinned version.
import WorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer.js';
import type { ReportSummary } from '../summary.js';
import { type DetailSheet, type SheetStart, startDetailSheet, type WireCell } from './detail-sheet.js';
import { createWorkbookStyles } from './styles.js';
import { type SummaryMeta, writeSummarySheet } from './summary-sheet.js';

/** What the writer needs before the first sheet: the amounts' number format and the deflate level. */
export type WorkbookSetup = { moneyFormat: string; compressionLevel: number };

/**
 * The report workbook as the database side drives it, sheet by sheet. Implemented by exceljs in this
 * thread (openExcelWorkbook) and by the same code in a worker thread (see workbook-thread.ts); every
 * argument is plain data, so it can be posted to a thread as it is.
 */
export type WorkbookTarget = {
  writeSummary: (summary: ReportSummary, meta: SummaryMeta) => Promise<void>;
  startSheet: (start: SheetStart) => Promise<void>;
  addRows: (cells: WireCell[]) => Promise<void>;
  endSheet: (total: string) => Promise<void>;
  /** Finishes the zip; resolves once `output` has finished. */
  commit: () => Promise<void>;
};

/** The streaming exceljs writer over `output`: the Summary sheet first, then the detail sheets. */
export function openExcelWorkbook(output: Writable, setup: WorkbookSetup): WorkbookTarget {
  const styles = createWorkbookStyles(setup.moneyFormat);
  const workbook = new WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: setup.compressionLevel } },
  });
  workbook.creator = 'reportmail';
  let sheet: DetailSheet | undefined;
  const current = (): DetailSheet => {
    if (!sheet) throw new Error('No detail sheet is open');
    return sheet;
  };
  return {
    writeSummary: async (summary, meta) => writeSummarySheet(workbook, summary, meta, styles),
    startSheet: async (start) => {
      sheet = startDetailSheet(workbook, start, styles);
    },
    addRows: (cells) => current().addRows(cells),
    endSheet: async (total) => {
      current().end(total);
      sheet = undefined;
    },
    commit: async () => {
      await workbook.commit();
    },
  };
}
