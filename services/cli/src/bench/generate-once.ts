// One measured run, in a process of its own so its CPU and peak RSS are the run's alone: the workbook as
// `pnpm report` writes it (exceljs in a worker thread) or the floor it is compared with (floor-writer.ts).
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createDatabase } from '@reportmail/db';
import { periodFromLocalDates, type ReportPeriod, workbookThreadEntry, writeReportWorkbook } from '@reportmail/reports';
import type { Sql } from 'postgres';
import { writeFloor } from './floor-writer.js';

export type BenchMode = 'workbook' | 'floor';

export type BenchRun = { rows: number; seconds: number; cpuSeconds: number; peakRssMb: number; bytes: number };

type Write = (sql: Sql, period: ReportPeriod, output: Writable) => Promise<number>;

const WRITERS: Record<BenchMode, Write> = {
  workbook: async (sql, period, output) => {
    const result = await writeReportWorkbook({
      sql,
      period,
      output,
      frequencyLabel: 'Weekly',
      thread: workbookThreadEntry(import.meta.url),
    });
    return result.salesRows + result.repairRows;
  },
  floor: writeFloor,
};

async function runOnce(mode: BenchMode, url: string, period: ReportPeriod): Promise<BenchRun> {
  const database = createDatabase(url, { max: 1 });
  const file = join(tmpdir(), `reportmail-bench-${process.pid}.${mode === 'floor' ? 'deflate' : 'xlsx'}`);
  try {
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    const output = createWriteStream(file);
    const rows = await WRITERS[mode](database.sql, period, output);
    await finished(output);
    const seconds = (performance.now() - started) / 1000;
    // The whole process, every thread: what the run cost this machine besides PostgreSQL's own work.
    const cpu = process.cpuUsage(cpuAtStart);
    const { size } = await stat(file);
    return {
      rows,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      bytes: size,
    };
  } finally {
    await database.close();
    await rm(file, { force: true });
  }
}

const [mode = '', url = '', from = '', to = '', timezone = 'Asia/Manila'] = process.argv.slice(2);
if (mode !== 'workbook' && mode !== 'floor') throw new Error(`Unknown bench mode "${mode}"`);
runOnce(mode, url, periodFromLocalDates(from, to, timezone)).then(
  (run) => process.stdout.write(`${JSON.stringify(run)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
