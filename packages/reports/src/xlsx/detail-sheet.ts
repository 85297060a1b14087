import type { PageSetup, Style, stream, Worksheet } from 'exceljs';
import { paceSheet } from './pace.js';
import { styleRow, type WorkbookStyles } from './styles.js';

type Workbook = stream.xlsx.WorkbookWriter;
type CellValue = string | number | Date;

/** `wrappedText` for free text that may run long (customer, items): it wraps within the column. */
export type ColumnKind = 'text' | 'wrappedText' | 'dateTime' | 'money';

/**
 * A detail cell on its way from the database side to the sheet, possibly to another thread: text as it
 * is, `dateTime` as local wall-clock epoch milliseconds, `money` as its exact decimal string (it becomes
 * a float only as the cell's value, the last step).
 */
export type WireCell = string | number;

export type SheetColumn = { header: string; width: number; kind: ColumnKind };

export type SheetStart = { name: string; columns: SheetColumn[] };

export type DetailSheet = {
  /** Row-major cells, `columns.length` per row; resolves once the zip entry can take more. */
  addRows: (cells: WireCell[]) => Promise<void>;
  /** Writes the TOTAL row (`total`: the money column's exact sum as a decimal string) and commits. */
  end: (total: string) => void;
};

/**
 * Printed in landscape, scaled to one page wide (as many pages down as it takes) with the header row
 * on every page. Passed when the sheet is added: the streaming writer writes `<sheetPr>` (fit to page)
 * at once, and the print titles go into workbook.xml as `_xlnm.Print_Titles` when the workbook commits.
 */
export const DETAIL_PAGE_SETUP: Partial<PageSetup> = {
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
};

/** Rows built between two yields to the event loop, which feeds deflate and takes messages. */
const ROWS_PER_SLICE = 250;

/**
 * A row's own style: none, as a fresh row has, but one object for every row. exceljs looks a style's id
 * up by object identity and serialises every object it has not seen (a second of CPU per million rows).
 * exceljs's types leave out the row's `style` object its writer reads.
 */
const ROW_STYLE: Partial<Style> = {};
type RowStyle = { style: Partial<Style> };

type ToCell = (wire: WireCell) => CellValue;

const CELL_OF: Record<ColumnKind, ToCell> = {
  text: (wire) => wire,
  wrappedText: (wire) => wire,
  // A Date whose UTC fields read as the local wall clock: how spreadsheets show time (cells carry no zone).
  dateTime: (wire) => new Date(wire),
  // The exact decimal becomes the nearest double here, as the cell's value and nowhere else.
  money: (wire) => Number(wire),
};

/**
 * Adds a sheet (frozen header row, page setup) whose rows stream in batches: each row is committed as
 * it is added, so memory stays flat, and the writer paces itself against the zip entry it feeds.
 */
export function startDetailSheet(workbook: Workbook, start: SheetStart, styles: WorkbookStyles): DetailSheet {
  const { columns } = start;
  const sheet = workbook.addWorksheet(start.name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: DETAIL_PAGE_SETUP,
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const header = sheet.addRow(columns.map((column) => column.header));
  styleRow(
    header,
    columns.map(() => styles.header),
  );
  header.commit();

  const cellStyles = columns.map((column) => styles[column.kind]);
  const cellOf = columns.map((column) => CELL_OF[column.kind]);
  // One array refilled for every row: exceljs copies the values into its cells.
  const values: CellValue[] = columns.map(() => '');
  let written = 0;
  return {
    addRows: async (cells) => {
      for (let at = 0; at < cells.length; at += columns.length) {
        for (let index = 0; index < cellOf.length; index += 1) {
          values[index] = (cellOf[index] as ToCell)(cells[at + index] as WireCell);
        }
        const row = sheet.addRow(values);
        (row as unknown as RowStyle).style = ROW_STYLE;
        styleRow(row, cellStyles);
        row.commit();
        written += 1;
        if (written % ROWS_PER_SLICE === 0) await paceSheet(sheet);
      }
      await paceSheet(sheet);
    },
    end: (total) => {
      writeTotalRow(sheet, { columns, written, total }, styles);
      sheet.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: written + 1, column: columns.length },
      };
      sheet.commit();
    },
  };
}

function writeTotalRow(
  sheet: Worksheet,
  { columns, written, total }: { columns: SheetColumn[]; written: number; total: string },
  styles: WorkbookStyles,
): void {
  const moneyIndex = columns.findIndex((column) => column.kind === 'money');
  const letter = String.fromCharCode(65 + moneyIndex);
  const values: (CellValue | { formula: string; result: number } | null)[] = columns.map(() => null);
  values[0] = 'TOTAL';
  values[moneyIndex] =
    written === 0
      ? 0
      : {
          formula: `SUM(${letter}2:${letter}${written + 1})`,
          result: Number(total),
        };
  const row = sheet.addRow(values);
  styleRow(
    row,
    columns.map((_, index) =>
      index === 0 ? styles.totalLabel : index === moneyIndex ? styles.totalMoney : styles.totalBlank,
    ),
  );
  row.commit();
}
