import { PassThrough } from 'node:stream';
import { createTestDatabase, FORMULA_NAME, seedManilaScenario, type TestDatabase } from '@reportmail/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodFromLocalDates } from '../period.js';
import { workbookThreadEntry } from './threaded-workbook.js';
import { type WriteWorkbookOptions, writeReportWorkbook } from './workbook.js';
import { zipEntries } from './zip-entry.test-helper.js';

const THREAD = workbookThreadEntry(import.meta.url);
const THROWING_THREAD = new URL('./thread-entry.throwing.test-helper.ts', import.meta.url);
const DYING_THREAD = new URL('./thread-entry.dying.test-helper.ts', import.meta.url);

function collected() {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { output, bytes: () => Buffer.concat(chunks) };
}

function writeDay(database: TestDatabase, options: Partial<WriteWorkbookOptions> = {}) {
  const { output, bytes } = collected();
  const written = writeReportWorkbook({
    sql: database.sql,
    period: periodFromLocalDates('2026-03-02', '2026-03-02', 'Asia/Manila'),
    output,
    frequencyLabel: 'Daily',
    now: new Date('2026-03-03T01:05:00Z'),
    ...options,
  });
  return { output, bytes, written };
}

/** Worker threads alive in this process (the vitest fork runs none of its own). */
const liveThreads = () => (process.report.getReport() as { workers: unknown[] }).workers.length;

/** Every part of the zip but docProps/core.xml, whose creation time is the writing instant. */
const partsOf = (zip: Buffer) =>
  zipEntries(zip)
    .filter((entry) => entry.name !== 'docProps/core.xml')
    .map((entry) => [entry.name, entry.text()]);

const cells = (sheet: ExcelJS.Worksheet, row: number) =>
  [1, 2, 3, 4, 5, 6, 7].map((column) => sheet.getRow(row).getCell(column).value);

describe('writeReportWorkbook through a worker thread', () => {
  let database: TestDatabase;
  let threaded: Buffer;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedManilaScenario(database);
    const { bytes, written } = writeDay(database, { thread: THREAD });
    const result = await written;
    expect([result.salesRows, result.repairRows]).toEqual([7, 2]);
    threaded = bytes();
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(threaded as unknown as ArrayBuffer);
  });
  afterAll(() => database.drop());

  it('writes the same parts as the writer in this thread, byte for byte', async () => {
    const { bytes, written } = writeDay(database);
    await written;
    expect(partsOf(threaded)).toEqual(partsOf(bytes()));
    expect(liveThreads()).toBe(0);
  });

  it('starts the thread only for periods of threadFromRows payments or more (this day has 9)', async () => {
    const threadsWhileWriting = async (threadFromRows: number) => {
      const { output, bytes, written } = writeDay(database, { thread: THREAD, threadFromRows });
      const seen = new Promise<number>((resolve) => output.once('data', () => resolve(liveThreads())));
      await written;
      expect(partsOf(bytes())).toEqual(partsOf(threaded));
      return seen;
    };
    expect(await threadsWhileWriting(10)).toBe(0);
    expect(await threadsWhileWriting(9)).toBe(1);
    expect(liveThreads()).toBe(0);
  });

  it('reads back with every Sales cell as the database has it', () => {
    const sales = workbook.getWorksheet('Sales') as ExcelJS.Worksheet;
    const at = (time: string) => new Date(`2026-03-02T${time}:00Z`);
    expect([2, 3, 4, 5, 6, 7, 8].map((row) => cells(sales, row))).toEqual([
      [at('00:00'), 'INV-B', 'Walk-in', '3× Cable', 'GCash', 200, 'PAID'],
      [at('07:30'), 'INV-B', 'Walk-in', '3× Cable', 'GCash', 50, 'PAID'],
      [at('10:00'), 'INV-A', 'Ana Cruz', '2× Phone case, 1× Charger', 'Cash', 300, 'PARTIAL'],
      [at('11:00'), 'INV-OVER', FORMULA_NAME, '1× Charger', 'Card', 1000, 'PAID'],
      // A sale without items: an empty text cell, which exceljs reads back as no value.
      [at('12:00'), 'INV-UNKNOWN', 'Blue Shop Inc.', null, 'Unknown', 10, 'PAID'],
      [at('12:30'), 'INV-UNKNOWN', 'Blue Shop Inc.', null, 'Unknown', 5, 'PAID'],
      [at('13:00'), 'INV-REVOKED', 'Ben Reyes', '1× Earbuds', 'Cash', 150, 'PAID'],
    ]);
    expect(cells(sales, 9)).toEqual(['TOTAL', null, null, null, null, { formula: 'SUM(F2:F8)', result: 1715 }, null]);
    expect(sales.getCell('C5').type).toBe(ExcelJS.ValueType.String);
    expect([sales.getCell('A2').numFmt, sales.getCell('F2').numFmt]).toEqual(['yyyy-mm-dd hh:mm', '₱#,##0.00']);
    expect(sales.getCell('F2').type).toBe(ExcelJS.ValueType.Number);
    expect(sales.autoFilter).toBe('A1:G8');
  });

  it('reads back with every Repairs cell and the Summary figures', () => {
    const repairs = workbook.getWorksheet('Repairs') as ExcelJS.Worksheet;
    expect([2, 3, 4].map((row) => cells(repairs, row))).toEqual([
      [new Date('2026-03-02T09:00:00Z'), 'JC-2026-001', 'Acme Corp', 'Laptop', 'Cash', 500, 'Paid'],
      [new Date('2026-03-02T15:00:00Z'), 'JC-2026-001', 'Acme Corp', 'Laptop', 'Bank Transfer', 1500, 'Paid'],
      ['TOTAL', null, null, null, null, { formula: 'SUM(F2:F3)', result: 2000 }, null],
    ]);
    const summary = workbook.getWorksheet('Summary') as ExcelJS.Worksheet;
    expect(['A10', 'B10', 'C10', 'D10', 'E10'].map((address) => summary.getCell(address).value)).toEqual([
      'Total Revenue',
      3715,
      500,
      3215,
      6.43,
    ]);
  });
});

describe('a threaded write that fails', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedManilaScenario(database);
  });
  afterAll(() => database.drop());

  /** Rejected, the output closed without its end (never a whole-looking file), no thread left, the connection usable. */
  async function expectCleanFailure(write: ReturnType<typeof writeDay>, reason: RegExp) {
    await expect(write.written).rejects.toThrow(reason);
    expect(write.output.destroyed).toBe(true);
    expect(write.output.writableFinished).toBe(false);
    expect(liveThreads()).toBe(0);
    const [row] = await database.sql<{ ok: number }[]>`select 1 as ok`;
    expect(row?.ok).toBe(1);
  }

  it('rejects when the thread reports an error', async () => {
    await expectCleanFailure(writeDay(database, { thread: THROWING_THREAD }), /null/);
  });

  it('rejects when the thread dies', async () => {
    await expectCleanFailure(writeDay(database, { thread: DYING_THREAD }), /the workbook thread died/);
  });

  it('rejects when the database read fails after the thread started writing', async () => {
    await database.sql`alter table sale_item rename to sale_item_away`;
    try {
      await expectCleanFailure(writeDay(database, { thread: THREAD }), /sale_item/);
    } finally {
      await database.sql`alter table sale_item_away rename to sale_item`;
    }
  });

  it('rejects when this side fails between two batches of rows', async () => {
    const write = writeDay(database, {
      thread: THREAD,
      onProgress: () => {
        throw new Error('stopped after the first batch');
      },
    });
    await expectCleanFailure(write, /stopped after the first batch/);
  });

  it('rejects when the output fails', async () => {
    const write = writeDay(database, { thread: THREAD });
    write.output.once('data', () => write.output.destroy(new Error('disk full')));
    await expectCleanFailure(write, /disk full/);
  });
});
