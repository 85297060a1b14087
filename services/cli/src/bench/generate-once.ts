// One measured workbook generation, in a process of its own so its peak RSS is the workbook's alone.
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { createDatabase } from '@reportmail/db';
import { periodFromLocalDates, writeReportWorkbook } from '@reportmail/reports';

export type BenchRun = { rows: number; seconds: number; peakRssMb: number; bytes: number };

async function generateOnce(url: string, from: string, to: string, timezone: string): Promise<BenchRun> {
  const database = createDatabase(url, { max: 1 });
  const file = join(tmpdir(), `reportmail-bench-${process.pid}.xlsx`);
  try {
    const started = performance.now();
    const output = createWriteStream(file);
    const result = await writeReportWorkbook({
      sql: database.sql,
      period: periodFromLocalDates(from, to, timezone),
      output,
      frequencyLabel: 'Weekly',
    });
    await finished(output);
    const seconds = (performance.now() - started) / 1000;
    const { size } = await stat(file);
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    return { rows: result.salesRows + result.repairRows, seconds, peakRssMb, bytes: size };
  } finally {
    await database.close();
    await rm(file, { force: true });
  }
}

const [url = '', from = '', to = '', timezone = 'Asia/Manila'] = process.argv.slice(2);
generateOnce(url, from, to, timezone).then(
  (run) => process.stdout.write(`${JSON.stringify(run)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
