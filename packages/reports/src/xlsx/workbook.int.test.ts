import { PassThrough } from 'node:stream';
import { createTestDatabase, FORMULA_NAME, seedManilaScenario, type TestDatabase } from '@reportmail/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodFromLocalDates } from '../period.js';
import { writeReportWorkbook } from './workbook.js';

async function renderWorkbook(database: TestDatabase, from: string, to: string, capturePaymentsUpTo = 0) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = await writeReportWorkbook({
    sql: database.sql,
    period: periodFromLocalDates(from, to, 'Asia/Manila'),
    output,
    frequencyLabel: 'Daily',
    now: new Date('2026-03-03T01:05:00Z'),
    capturePaymentsUpTo,
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return { result, workbook };
}

const sheet = (workbook: ExcelJS.Workbook, name: string) => workbook.getWorksheet(name) as ExcelJS.Worksheet;
const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

describe('writeReportWorkbook', () => {
  let database: TestDatabase;
  let workbook: ExcelJS.Workbook;
  let result: Awaited<ReturnType<typeof writeReportWorkbook>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedManilaScenario(database);
    ({ workbook, result } = await renderWorkbook(database, '2026-03-02', '2026-03-02'));
  });
  afterAll(() => database.drop());

  it('has the Summary, Sales and Repairs sheets in order and the dated filename', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Sales', 'Repairs']);
    expect(result.filename).toBe('Sales_Report_2026_03_02.xlsx');
    expect([result.salesRows, result.repairRows]).toEqual([7, 2]);
  });

  it('puts real numbers in the Summary KPI block', () => {
    const summary = sheet(workbook, 'Summary');
    expect(summary.getCell('A1').value).toBe('SALES & REPAIR REPORT');
    expect(summary.getCell('B3').value).toBe('Mar 2, 2026');
    expect(summary.getCell('B4').value).toBe('Daily');
    expect(summary.getCell('B5').value).toBe('Asia/Manila');
    expect(summary.getCell('B7').value).toEqual(new Date('2026-03-03T09:05:00Z'));
    const kpis = [9, 10, 11, 12, 13, 14, 15].map((row) =>
      ['A', 'B', 'C', 'D', 'E'].map((column) => summary.getCell(`${column}${row}`).value),
    );
    expect(kpis).toEqual([
      ['Metric', 'This Period', 'Previous Period', 'Change', 'Change %'],
      ['Total Revenue', 3715, 500, 3215, 6.43],
      ['Transactions', 9, 2, 7, 3.5],
      ['Sales Revenue', 1715, 500, 1215, 2.43],
      ['Sales Transactions', 7, 2, 5, 2.5],
      ['Repair Revenue', 2000, 0, 2000, 'n/a'],
      ['Repair Transactions', 2, 0, 2, 'n/a'],
    ]);
    expect(summary.getCell('B10').type).toBe(ExcelJS.ValueType.Number);
    expect(summary.getCell('B10').numFmt).toBe('₱#,##0.00');
    expect(summary.getCell('E10').numFmt).toBe('0.00%');
    expect(fillOf(summary.getCell('A10'))).toBe('FFD9E8F5');
    expect(fillOf(summary.getCell('A9'))).toBe('FF4472C4');
    expect(summary.getCell('A9').font).toMatchObject({
      name: 'Calibri',
      bold: true,
      color: { argb: 'FFFFFFFF' },
    });
  });

  it('lists the payment-method breakdown with a TOTAL row that matches the revenue', () => {
    const summary = sheet(workbook, 'Summary');
    const rows = [18, 19, 20, 21, 22, 23, 24].map((row) =>
      ['A', 'B', 'C', 'D', 'E'].map((column) => summary.getCell(`${column}${row}`).value),
    );
    expect(summary.getCell('A17').value).toBe('Payment Method Breakdown');
    expect(rows).toEqual([
      ['Method', 'Count', 'Total', 'Sales', 'Repairs'],
      ['Bank Transfer', 1, 1500, 0, 1500],
      ['Card', 1, 1000, 1000, 0],
      ['Cash', 3, 950, 450, 500],
      ['GCash', 2, 250, 250, 0],
      ['Unknown', 2, 15, 15, 0],
      ['TOTAL', 9, 3715, 1715, 2000],
    ]);
  });

  it('writes Sales rows with date cells, numeric amounts and a SUM total', () => {
    const sales = sheet(workbook, 'Sales');
    expect(sales.getRow(1).values).toEqual([
      undefined,
      'Date/Time',
      'Invoice #',
      'Customer',
      'Items',
      'Payment Method',
      'Amount Paid',
      'Sale Status',
    ]);
    expect(sales.getCell('A1').font).toMatchObject({
      name: 'Calibri',
      bold: true,
      color: { argb: 'FFFFFFFF' },
    });
    expect(fillOf(sales.getCell('A1'))).toBe('FF4472C4');
    expect(sales.getRow(4).values).toEqual([
      undefined,
      new Date('2026-03-02T10:00:00Z'),
      'INV-A',
      'Ana Cruz',
      '2× Phone case, 1× Charger',
      'Cash',
      300,
      'PARTIAL',
    ]);
    expect(sales.getCell('A4').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sales.getCell('F4').type).toBe(ExcelJS.ValueType.Number);
    expect(sales.getCell('F4').numFmt).toBe('₱#,##0.00');
    expect(sales.getCell('A4').border?.top?.style).toBe('thin');
    expect(sales.getCell('A9').value).toBe('TOTAL');
    expect(sales.getCell('F9').value).toEqual({
      formula: 'SUM(F2:F8)',
      result: 1715,
    });
    expect(sales.rowCount).toBe(9);
    expect(sales.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sales.autoFilter).toBe('A1:G8');
  });

  it('keeps a formula-looking customer name as text', () => {
    const cell = sheet(workbook, 'Sales').getCell('C5');
    expect(cell.value).toBe(FORMULA_NAME);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  });

  it('writes Repairs rows and their total', () => {
    const repairs = sheet(workbook, 'Repairs');
    expect(repairs.getRow(1).values).toEqual([
      undefined,
      'Date/Time',
      'Ticket #',
      'Customer',
      'Device',
      'Payment Method',
      'Amount Paid',
      'Payment Status',
    ]);
    expect(repairs.getRow(3).values).toEqual([
      undefined,
      new Date('2026-03-02T15:00:00Z'),
      'JC-2026-001',
      'Acme Corp',
      'Laptop',
      'Bank Transfer',
      1500,
      'Paid',
    ]);
    expect(repairs.getCell('F4').value).toEqual({
      formula: 'SUM(F2:F3)',
      result: 2000,
    });
  });

  it('writes an empty period with zero totals and a range filename', async () => {
    const empty = await renderWorkbook(database, '2025-01-01', '2025-01-07');
    expect(empty.result.filename).toBe('Sales_Report_2025_01_01_to_2025_01_07.xlsx');
    const sales = sheet(empty.workbook, 'Sales');
    expect(sales.rowCount).toBe(2);
    expect([sales.getCell('A2').value, sales.getCell('F2').value]).toEqual(['TOTAL', 0]);
    expect(sheet(empty.workbook, 'Summary').getCell('B10').value).toBe(0);
  });

  it('returns the payments of the period with their codes up to the limit asked, none past it', async () => {
    const within = await renderWorkbook(database, '2026-03-02', '2026-03-02', 9);
    const counted = (within.result.payments ?? []).filter(([, , , code]) => code === '');
    expect(counted).toHaveLength(9);
    expect(counted.reduce((sum, [, , cents]) => sum + BigInt(cents), 0n)).toBe(371500n);
    expect((await renderWorkbook(database, '2026-03-02', '2026-03-02', 8)).result.payments).toBeNull();
    expect(result.payments).toBeNull();
  });
});
