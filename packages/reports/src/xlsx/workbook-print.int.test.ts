import { PassThrough } from 'node:stream';
import { createTestDatabase, seedManilaScenario, type TestDatabase } from '@reportmail/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodFromLocalDates } from '../period.js';
import { writeReportWorkbook } from './workbook.js';
import { zipEntry } from './zip-entry.test-helper.js';

/** The streamed workbook's bytes. */
async function writtenWorkbook(database: TestDatabase): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeReportWorkbook({
    sql: database.sql,
    period: periodFromLocalDates('2026-03-02', '2026-03-02', 'Asia/Manila'),
    output,
    frequencyLabel: 'Daily',
    now: new Date('2026-03-03T01:05:00Z'),
  });
  return Buffer.concat(chunks);
}

const pageSetupOf = (workbook: ExcelJS.Workbook, name: string) => {
  const { orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow } = (
    workbook.getWorksheet(name) as ExcelJS.Worksheet
  ).pageSetup;
  return { orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow };
};

describe('the report workbook prints', () => {
  let database: TestDatabase;
  let bytes: Buffer;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedManilaScenario(database);
    bytes = await writtenWorkbook(database);
    // Read back as a spreadsheet app would: whatever exceljs reads was in the file.
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  });
  afterAll(() => database.drop());

  it('the Summary on one portrait page', () => {
    expect(pageSetupOf(workbook, 'Summary')).toEqual({
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      printTitlesRow: undefined,
    });
  });

  it.each(['Sales', 'Repairs'])('%s one page wide in landscape, the header row on every page', (name) => {
    expect(pageSetupOf(workbook, name)).toEqual({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect((workbook.getWorksheet(name) as ExcelJS.Worksheet).views).toEqual([
      expect.objectContaining({ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }),
    ]);
  });

  it('wraps customer and items text within their columns, every cell top-aligned', () => {
    const sales = workbook.getWorksheet('Sales') as ExcelJS.Worksheet;
    const row = sales.getRow(4);
    expect([row.getCell(3).value, row.getCell(4).value]).toEqual(['Ana Cruz', '2× Phone case, 1× Charger']);
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((column) => sales.getCell(`${column}4`).alignment)).toEqual([
      { horizontal: 'left', vertical: 'top' },
      { vertical: 'top' },
      { vertical: 'top', wrapText: true },
      { vertical: 'top', wrapText: true },
      { vertical: 'top' },
      { vertical: 'top' },
      { vertical: 'top' },
    ]);
    expect(sales.getColumn(4).width).toBe(44);
  });

  it('as the XML Excel reads: fit-to-page flag, page setup, print titles and frozen pane', () => {
    const sheetXml = [1, 2, 3].map((index) => zipEntry(bytes, `xl/worksheets/sheet${index}.xml`));
    for (const xml of sheetXml) expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheetXml.map((xml) => xml.match(/<pageSetup [^>]*>/)?.[0])).toEqual([
      '<pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/>',
      '<pageSetup orientation="landscape" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="0"/>',
      '<pageSetup orientation="landscape" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="0"/>',
    ]);
    expect(sheetXml.map((xml) => xml.match(/<pane [^>]*>/)?.[0])).toEqual([
      undefined,
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    ]);
    expect(zipEntry(bytes, 'xl/workbook.xml').match(/<definedNames>.*<\/definedNames>/)?.[0]).toBe(
      '<definedNames>' +
        '<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Sales&apos;!$1:$1</definedName>' +
        '<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;Repairs&apos;!$1:$1</definedName>' +
        '</definedNames>',
    );
  });
});
