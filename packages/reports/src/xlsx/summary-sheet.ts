import type { PageSetup, stream, Worksheet } from 'exceljs';
import { formatDecimal, percentChange } from '../money.js';
import type { MethodBreakdown, ReportSummary, Totals } from '../summary.js';
import { styleRow, type WorkbookStyles } from './styles.js';

type Workbook = stream.xlsx.WorkbookWriter;
type Sheet = Worksheet;

export type SummaryMeta = { frequencyLabel: string; generatedAtLocal: Date };

/** Excel stores doubles: a two-place decimal string becomes the nearest double, exactly as typed. */
export const moneyCell = (cents: bigint): number => Number(formatDecimal(cents));

const KPI_ROWS: {
  label: string;
  kind: 'money' | 'count';
  pick: (totals: Totals) => bigint | number;
}[] = [
  { label: 'Total Revenue', kind: 'money', pick: (t) => t.revenue },
  { label: 'Transactions', kind: 'count', pick: (t) => t.transactions },
  { label: 'Sales Revenue', kind: 'money', pick: (t) => t.salesRevenue },
  {
    label: 'Sales Transactions',
    kind: 'count',
    pick: (t) => t.salesTransactions,
  },
  { label: 'Repair Revenue', kind: 'money', pick: (t) => t.repairRevenue },
  {
    label: 'Repair Transactions',
    kind: 'count',
    pick: (t) => t.repairTransactions,
  },
];

/** The Summary prints on one portrait page, scaled down if a shop has many payment methods. */
export const SUMMARY_PAGE_SETUP: Partial<PageSetup> = {
  orientation: 'portrait',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 1,
};

/** Writes and commits the Summary sheet, so later sheets stream straight into the zip. */
export function writeSummarySheet(
  workbook: Workbook,
  summary: ReportSummary,
  meta: SummaryMeta,
  styles: WorkbookStyles,
) {
  const sheet = workbook.addWorksheet('Summary', {
    properties: { defaultRowHeight: 18 },
    pageSetup: SUMMARY_PAGE_SETUP,
  });
  sheet.columns = [{ width: 30 }, { width: 22 }, { width: 22 }, { width: 20 }, { width: 20 }];
  const title = sheet.addRow(['SALES & REPAIR REPORT']);
  title.height = 25;
  sheet.mergeCells('A1:E1');
  styleRow(title, [styles.title]);
  sheet.addRow([]);
  addMetaRow(sheet, 'Report Period:', summary.period.label, styles);
  addMetaRow(sheet, 'Frequency:', meta.frequencyLabel, styles);
  addMetaRow(sheet, 'Time Zone:', summary.period.timezone, styles);
  addMetaRow(sheet, 'Previous Period:', summary.previous.period.label, styles);
  const generated = sheet.addRow(['Generated:', meta.generatedAtLocal]);
  styleRow(generated, [styles.label, styles.metaDateTime]);
  sheet.addRow([]);
  writeKpiBlock(sheet, summary, styles);
  sheet.addRow([]);
  writeBreakdown(sheet, summary.breakdown, summary.totals, styles);
  sheet.addRow([]);
  sheet.addRow(['Only payments actually received in the period are counted; see the Sales and Repairs sheets.']);
  sheet.commit();
}

function writeKpiBlock(sheet: Sheet, summary: ReportSummary, styles: WorkbookStyles): void {
  styleRow(
    sheet.addRow(['Metric', 'This Period', 'Previous Period', 'Change', 'Change %']),
    Array(5).fill(styles.header),
  );
  for (const { label, kind, pick } of KPI_ROWS) {
    const current = pick(summary.totals);
    const previous = pick(summary.previous.totals);
    const change = kind === 'money' ? BigInt(current) - BigInt(previous) : Number(current) - Number(previous);
    const value = (v: bigint | number) => (kind === 'money' ? moneyCell(BigInt(v)) : Number(v));
    const changePercent = percentChange(BigInt(current), BigInt(previous));
    const percent = changePercent === null ? null : changePercent / 100;
    const row = sheet.addRow([label, value(current), value(previous), value(change), percent ?? 'n/a']);
    const numberStyle = kind === 'money' ? styles.kpiMoney : styles.kpiCount;
    styleRow(row, [
      styles.kpiLabel,
      numberStyle,
      numberStyle,
      numberStyle,
      percent === null ? styles.kpiText : styles.kpiPercent,
    ]);
  }
}

function writeBreakdown(sheet: Sheet, breakdown: MethodBreakdown[], totals: Totals, styles: WorkbookStyles): void {
  styleRow(sheet.addRow(['Payment Method Breakdown']), [styles.section]);
  styleRow(sheet.addRow(['Method', 'Count', 'Total', 'Sales', 'Repairs']), Array(5).fill(styles.header));
  for (const entry of breakdown) {
    const row = sheet.addRow([
      entry.method,
      entry.count,
      moneyCell(entry.total),
      moneyCell(entry.salesTotal),
      moneyCell(entry.repairsTotal),
    ]);
    styleRow(row, [styles.text, styles.count, styles.money, styles.money, styles.money]);
  }
  const total = sheet.addRow([
    'TOTAL',
    totals.transactions,
    moneyCell(totals.revenue),
    moneyCell(totals.salesRevenue),
    moneyCell(totals.repairRevenue),
  ]);
  styleRow(total, [styles.totalLabel, styles.totalCount, styles.totalMoney, styles.totalMoney, styles.totalMoney]);
}

function addMetaRow(sheet: Sheet, label: string, value: string, styles: WorkbookStyles): void {
  styleRow(sheet.addRow([label, value]), [styles.label]);
}
