import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDatabase, migrateDatabase } from '@reportmail/db';
import { invalidField } from '@reportmail/errors';
import type { Logger } from '@reportmail/logger';
import { periodFromLocalDates } from '@reportmail/reports';
import { integerFlag, parseFlags } from '../args.js';
import type { BenchRun } from '../bench/generate-once.js';
import { createProgress } from '../progress.js';
import { truncateShop } from '../seed/loader.js';
import { seedShop } from '../seed/seed-shop.js';

export const BENCH_HELP = `Usage: pnpm bench:report [--sizes 100000,1000000] [--runs 3]

Seeds each size of payment rows inside one week (2026-03-01 … 2026-03-07, Asia/Manila) in a database
of its own (reportmail_bench_<size> on DATABASE_URL's server; reused when already seeded), then
generates that week's XLSX through the streaming path --runs times, each in a fresh process.
Prints rows, seconds, rows/s and peak RSS (medians), database read included.`;

const WEEK = { from: '2026-03-01', to: '2026-03-07', timezone: 'Asia/Manila' };
/** From source (tsx) the child is the .ts file; from the tsup bundle it is the sibling entry. */
const GENERATE_ONCE = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../bench/generate-once.ts' : './generate-once.js', import.meta.url),
);
const run = promisify(execFile);

export type BenchDeps = { databaseUrl: string; logger: Logger; stdout: NodeJS.WriteStream };

export async function runBenchCommand(deps: BenchDeps, argv: string[]): Promise<void> {
  const flags = parseFlags(argv, { sizes: { type: 'string', default: '100000,1000000' }, runs: { type: 'string' } });
  const sizes = flags.sizes.split(',').map((size) => integerFlag('sizes', size.trim(), 0, 1, 20_000_000));
  if (sizes.length === 0) throw invalidField('--sizes', 'list at least one size');
  const runs = integerFlag('runs', flags.runs, 3, 1, 15);
  const results: string[] = [];
  for (const size of sizes) {
    const url = await prepareBenchDatabase(deps, size);
    const measured: BenchRun[] = [];
    for (let attempt = 0; attempt < runs; attempt += 1) {
      const { stdout } = await run(
        process.execPath,
        [...process.execArgv, GENERATE_ONCE, url, WEEK.from, WEEK.to, WEEK.timezone],
        {
          maxBuffer: 1 << 20,
        },
      );
      measured.push(JSON.parse(stdout) as BenchRun);
      deps.logger.info({ size, attempt, ...measured.at(-1) }, 'bench run');
    }
    results.push(formatResult(size, measured));
  }
  deps.stdout.write(`rows       seconds  rows/s    peak RSS  size      (median of ${runs})\n${results.join('\n')}\n`);
}

async function prepareBenchDatabase(deps: BenchDeps, size: number): Promise<string> {
  const name = `reportmail_bench_${size}`;
  const admin = createDatabase(deps.databaseUrl, { max: 1 });
  try {
    const [exists] = await admin.sql`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin.sql.unsafe(`create database "${name}"`);
  } finally {
    await admin.close();
  }
  const url = new URL(deps.databaseUrl);
  url.pathname = `/${name}`;
  const bench = createDatabase(url.toString(), { max: 2 });
  try {
    await migrateDatabase(bench.sql);
    const period = periodFromLocalDates(WEEK.from, WEEK.to, WEEK.timezone);
    const [row] = await bench.sql<{ count: number }[]>`
      select (select count(*) from sale_payment where paid_at >= ${period.start.toISOString()}::timestamptz
                and paid_at < ${period.end.toISOString()}::timestamptz)
           + (select count(*) from repair_payment) as count`;
    if (Number(row?.count) !== size) {
      await truncateShop(bench.sql);
      const progress = createProgress(`Seeding ${size} payments into ${name}`, size);
      await seedShop(
        bench.sql,
        { payments: size, days: 7, until: WEEK.to, timezone: WEEK.timezone, seed: 1 },
        progress.update,
      );
      progress.stop();
    }
  } finally {
    await bench.close();
  }
  return url.toString();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function formatResult(size: number, measured: BenchRun[]): string {
  const seconds = median(measured.map((m) => m.seconds));
  const rss = median(measured.map((m) => m.peakRssMb));
  const bytes = median(measured.map((m) => m.bytes));
  const rows = measured[0]?.rows ?? 0;
  return [
    String(size).padEnd(10),
    seconds.toFixed(2).padStart(7),
    String(Math.round(rows / seconds)).padStart(8),
    `${rss.toFixed(0)} MB`.padStart(10),
    `${(bytes / 1_048_576).toFixed(1)} MiB`.padStart(10),
    `  (${rows} rows in the workbook)`,
  ].join('  ');
}
