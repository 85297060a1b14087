import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDatabase, migrateDatabase } from '@reportmail/db';
import { invalidField } from '@reportmail/errors';
import type { Logger } from '@reportmail/logger';
import { periodFromLocalDates } from '@reportmail/reports';
import { integerFlag, parseFlags } from '../args.js';
import type { BenchMode, BenchRun } from '../bench/generate-once.js';
import { createProgress } from '../progress.js';
import { truncateShop } from '../seed/loader.js';
import { seedShop } from '../seed/seed-shop.js';

export const BENCH_HELP = `Usage: pnpm bench:report [--sizes 100000,1000000] [--runs 3]

Seeds each size of payment rows inside one week (2026-03-01 … 2026-03-07, Asia/Manila) in a database
of its own (reportmail_bench_<size> on DATABASE_URL's server; reused when already seeded), then
writes that week's XLSX as \`pnpm report\` does (exceljs in a worker thread) --runs times, each in a
fresh process, database read included, alternating with as many runs of a floor: the same database
work with the rows written as minimal sheet XML through one raw deflate stream (no exceljs, no
styles, no zip). Prints wall seconds, CPU seconds of the process (every thread; PostgreSQL's own not
included) and peak RSS, medians, and the workbook's ratio to the floor.`;

const WEEK = { from: '2026-03-01', to: '2026-03-07', timezone: 'Asia/Manila' };
/** From source (tsx) the child is the .ts file; from the tsup bundle it is the sibling entry. */
const GENERATE_ONCE = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../bench/generate-once.ts' : './generate-once.js', import.meta.url),
);
/** The Node flags the root package.json's `report` script runs the CLI with, so both measure the same. */
const REPORT_NODE_FLAGS = ['--max-semi-space-size=1', '--heap-growing-percent=50', '--v8-pool-size=1'];
const run = promisify(execFile);

export type BenchDeps = { databaseUrl: string; logger: Logger; stdout: NodeJS.WriteStream };

type Measured = Record<BenchMode, BenchRun[]>;

export async function runBenchCommand(deps: BenchDeps, argv: string[]): Promise<void> {
  const flags = parseFlags(argv, { sizes: { type: 'string', default: '100000,1000000' }, runs: { type: 'string' } });
  const sizes = flags.sizes.split(',').map((size) => integerFlag('sizes', size.trim(), 0, 1, 20_000_000));
  if (sizes.length === 0) throw invalidField('--sizes', 'list at least one size');
  const runs = integerFlag('runs', flags.runs, 3, 1, 15);
  const lines: string[] = [];
  for (const size of sizes) {
    const url = await prepareBenchDatabase(deps, size);
    const measured: Measured = { workbook: [], floor: [] };
    // Alternating, so a slower spell of this machine weighs on both figures of the ratio alike.
    for (let attempt = 0; attempt < runs; attempt += 1) {
      for (const mode of ['workbook', 'floor'] as const) {
        measured[mode].push(await measureOnce(mode, url));
        deps.logger.info({ size, attempt, mode, ...measured[mode].at(-1) }, 'bench run');
      }
      if (measured.floor[attempt]?.rows !== measured.workbook[attempt]?.rows) {
        throw new Error(
          `The floor wrote ${measured.floor[attempt]?.rows} rows, the workbook ${measured.workbook[attempt]?.rows}`,
        );
      }
    }
    lines.push(...formatResult(size, measured));
  }
  deps.stdout.write(`${HEADER} (medians of ${runs})\n${lines.join('\n')}\n`);
}

async function measureOnce(mode: BenchMode, url: string): Promise<BenchRun> {
  const { stdout } = await run(
    process.execPath,
    [...process.execArgv, ...REPORT_NODE_FLAGS, GENERATE_ONCE, mode, url, WEEK.from, WEEK.to, WEEK.timezone],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as BenchRun;
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

const HEADER = [
  'payments '.padEnd(10),
  'writer  ',
  'wall s'.padStart(7),
  'CPU s'.padStart(7),
  'peak RSS'.padStart(9),
  'file'.padStart(10),
].join('  ');

function formatResult(size: number, measured: Measured): string[] {
  const medians = (mode: BenchMode) => {
    const runs = measured[mode];
    return {
      seconds: median(runs.map((m) => m.seconds)),
      cpu: median(runs.map((m) => m.cpuSeconds)),
      rss: median(runs.map((m) => m.peakRssMb)),
      bytes: median(runs.map((m) => m.bytes)),
    };
  };
  const workbook = medians('workbook');
  const floor = medians('floor');
  const line = (label: string, figures: typeof workbook) =>
    [
      String(size).padEnd(10),
      label.padEnd(8),
      figures.seconds.toFixed(2).padStart(7),
      figures.cpu.toFixed(2).padStart(7),
      `${figures.rss.toFixed(0)} MB`.padStart(9),
      `${(figures.bytes / 1_048_576).toFixed(1)} MiB`.padStart(10),
    ].join('  ');
  // Each workbook run over the floor run next to it, then the median: drift cancels out within a pair.
  const ratio = (figure: (run: BenchRun) => number) =>
    median(measured.workbook.map((run, index) => figure(run) / figure(measured.floor[index] ?? run)));
  const rows = measured.workbook[0]?.rows ?? 0;
  return [
    `${line('workbook', workbook)}  (${rows} rows in the workbook)`,
    line('floor', floor),
    [
      String(size).padEnd(10),
      'ratio   ',
      `${ratio((run) => run.seconds).toFixed(2)}×`.padStart(7),
      `${ratio((run) => run.cpuSeconds).toFixed(2)}×`.padStart(7),
      `${ratio((run) => run.peakRssMb).toFixed(2)}×`.padStart(9),
      '  (workbook / floor, median of the pairs)',
    ].join('  '),
  ];
}
