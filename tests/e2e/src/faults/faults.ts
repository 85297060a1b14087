// `pnpm faults`: fault scenarios against the real services, real PostgreSQL and Redis (servers of the run's
// own, stopped and started), and an SMTP sink; one table row per scenario. Not part of `pnpm test`.
import { parseArgs } from 'node:util';
import { type FaultRow, type Outage, runOutage } from './outage.js';

const HELP = `Usage: pnpm faults [--runs 1] [--deliveries 100] [--only 4a,4b,6]

Runs each scenario --runs times with --deliveries sends queued at once, and prints per scenario: runs,
deliveries expected, accepted by the sink (distinct messages), duplicates (extra copies of one message),
lost (not sent and not unknown), unknown, and recovery (server back → next message accepted; median, max).
Scenarios so far (issue 13 lists ten):
  4a  Redis stopped for 5 s (AOF on) mid-run        4b  the same for 60 s
  6   PostgreSQL stopped for 10 s mid-run
Needs Debian's redis-server and PostgreSQL server binaries.`;

/** In the order issue 13 numbers them (a Map: an object would put the key '6' before '4a'). */
const SCENARIOS = new Map<string, { name: string; outage: Omit<Outage, 'deliveries'> }>([
  ['4a', { name: 'Redis stopped 5 s', outage: { server: 'redis', outageMs: 5_000 } }],
  ['4b', { name: 'Redis stopped 60 s', outage: { server: 'redis', outageMs: 60_000 } }],
  ['6', { name: 'PostgreSQL stopped 10 s', outage: { server: 'postgres', outageMs: 10_000 } }],
]);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function tableOf(rows: FaultRow[]): string {
  const header = ['scenario', 'runs', 'expected', 'accepted', 'duplicates', 'lost', 'unknown', 'recovery median / max'];
  const lines = rows.map((row) => [
    row.scenario,
    ...[row.runs, row.expected, row.accepted, row.duplicates, row.lost, row.unknown].map(String),
    `${seconds(median(row.recoveryMs))} / ${seconds(Math.max(...row.recoveryMs))}`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const format = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '1' },
      deliveries: { type: 'string', default: '100' },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const runs = Number(values.runs);
  const deliveries = Number(values.deliveries);
  const chosen = values.only ? values.only.split(',') : [...SCENARIOS.keys()];
  const rows: FaultRow[] = [];
  for (const id of chosen) {
    const scenario = SCENARIOS.get(id);
    if (!scenario) throw new Error(`--only: no scenario ${id} (${[...SCENARIOS.keys()].join(', ')})`);
    const row: FaultRow = {
      scenario: `${id} ${scenario.name}`,
      runs,
      expected: 0,
      accepted: 0,
      duplicates: 0,
      lost: 0,
      unknown: 0,
      recoveryMs: [],
    };
    for (let run = 1; run <= runs; run += 1) {
      process.stdout.write(`${row.scenario}: run ${run} of ${runs}…\n`);
      const result = await runOutage({ ...scenario.outage, deliveries });
      row.expected += result.expected;
      row.accepted += result.accepted;
      row.duplicates += result.duplicates;
      row.lost += result.lost;
      row.unknown += result.unknown;
      row.recoveryMs.push(result.recovery);
    }
    rows.push(row);
  }
  process.stdout.write(`\n${tableOf(rows)}\n`);
  if (rows.some((row) => row.lost > 0 || row.duplicates > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`faults: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
