import type { Borders, Fill, Font, Style } from 'exceljs';

const HEADER_BLUE = 'FF4472C4';
const KPI_FILL = 'FFD9E8F5';
const TITLE_NAVY = 'FF203864';

const thin = { style: 'thin' as const, color: { argb: 'FFB4B4B4' } };
const border: Partial<Borders> = {
  top: thin,
  left: thin,
  bottom: thin,
  right: thin,
};
const solid = (argb: string): Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb },
});
/**
 * Every styled font names the workbook's body font: a font element without a name makes LibreOffice
 * (and other readers) fall back to a serif, wider than Calibri, so headers get cut off.
 */
const BODY_FONT: Partial<Font> = { name: 'Calibri', family: 2 };
const bold: Partial<Font> = { ...BODY_FONT, bold: true };

export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const COUNT_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.00%';

/**
 * One style object per kind of cell, shared by every cell of that kind. exceljs caches a style's id by
 * object identity, so sharing avoids re-serialising a style per cell (most of the CPU otherwise).
 */
export function createWorkbookStyles(moneyFormat: string) {
  // Top-aligned, so a row made taller by wrapped text (a long items list) still reads as one line.
  const cell = (extra: Partial<Style>): Partial<Style> => ({
    border,
    ...extra,
    alignment: { vertical: 'top', ...extra.alignment },
  });
  const kpi = (extra: Partial<Style>): Partial<Style> => ({
    border,
    fill: solid(KPI_FILL),
    ...extra,
  });
  return {
    title: {
      font: { ...bold, size: 14, color: { argb: 'FFFFFFFF' } },
      fill: solid(TITLE_NAVY),
      alignment: { horizontal: 'center', vertical: 'middle' },
    } satisfies Partial<Style>,
    header: {
      font: { ...bold, size: 11, color: { argb: 'FFFFFFFF' } },
      fill: solid(HEADER_BLUE),
      border,
      alignment: { horizontal: 'center', vertical: 'middle' },
    } satisfies Partial<Style>,
    label: { font: bold } satisfies Partial<Style>,
    section: { font: { ...bold, size: 12 } } satisfies Partial<Style>,
    text: cell({}),
    wrappedText: cell({ alignment: { wrapText: true } }),
    dateTime: cell({
      numFmt: DATE_TIME_FORMAT,
      alignment: { horizontal: 'left' },
    }),
    money: cell({ numFmt: moneyFormat }),
    count: cell({ numFmt: COUNT_FORMAT }),
    kpiLabel: kpi({ font: bold }),
    kpiMoney: kpi({ numFmt: moneyFormat }),
    kpiCount: kpi({ numFmt: COUNT_FORMAT }),
    kpiPercent: kpi({ numFmt: PERCENT_FORMAT }),
    kpiText: kpi({ alignment: { horizontal: 'right' } }),
    totalLabel: kpi({ font: bold }),
    totalMoney: kpi({ font: bold, numFmt: moneyFormat }),
    totalCount: kpi({ font: bold, numFmt: COUNT_FORMAT }),
    totalBlank: kpi({}),
    metaDateTime: {
      numFmt: DATE_TIME_FORMAT,
      alignment: { horizontal: 'left' },
    } satisfies Partial<Style>,
  };
}

export type WorkbookStyles = ReturnType<typeof createWorkbookStyles>;

type CellStyle = WorkbookStyles[keyof WorkbookStyles];

/** Assigns the shared style objects to a row's cells, left to right (a plain loop: it runs for every row). */
export function styleRow(row: { getCell: (index: number) => { style: unknown } }, cellStyles: CellStyle[]): void {
  for (let index = 0; index < cellStyles.length; index += 1) row.getCell(index + 1).style = cellStyles[index];
}
