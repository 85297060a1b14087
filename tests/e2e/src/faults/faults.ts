// `pnpm faults`: fault scenarios against the real services, real PostgreSQL and Redis (servers of the run's
// own, stopped and started), and an SMTP sink; one table row per scenario. Not part of `pnpm test`.
import { parseArgs } from 'node:util';
import { SCENARIOS } from './catalogue.js';
import { emptyResult, type RunResult } from './scenario.js';

const HELP = `Usage: pnpm faults [--runs 1] [--only 1,4a,…] [--smoke]

Runs each scenario --runs times and prints per scenario: runs, deliveries expected, accepted by the sink
(distinct messages), duplicates (extra copies of one message), lost (neither sent nor unknown once settled),
unknown, recovery (median, max; what it measures is in the scenario's notes) and notes. Exits 1 when any
run broke a rule of its scenario (listed under the table). --smoke runs the small versions (as pnpm test).
Scenarios:
${SCENARIOS.map((scenario) => `  ${scenario.id.padEnd(3)} ${scenario.name}`).join('\n')}
Needs Debian's redis-server and PostgreSQL server binaries; run as root for the outbox scenario (tmpfs).`;

type Row = RunResult & { scenario: string; runs: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'none');

function recoveryCell(values: number[]): string {
  return values.length === 0 ? '–' : `${seconds(median(values))} / ${seconds(Math.max(...values))}`;
}

function tableOf(rows: Row[]): string {
  const header = [
    'scenario',
    'runs',
    'expected',
    'accepted',
    'duplicates',
    'lost',
    'unknown',
    'recovery median / max',
    'notes',
  ];
  const lines = rows.map((row) => [
    row.scenario,
    ...[row.runs, row.expected, row.accepted, row.duplicates, row.lost, row.unknown].map(String),
    recoveryCell(row.recoveryMs),
    [...new Set(row.notes)].join('; '),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const format = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

function add(row: Row, run: RunResult): void {
  row.expected += run.expected;
  row.accepted += run.accepted;
  row.duplicates += run.duplicates;
  row.lost += run.lost;
  row.unknown += run.unknown;
  row.recoveryMs.push(...run.recoveryMs);
  row.notes.push(...run.notes);
  row.violations.push(...run.violations);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '1' },
      only: { type: 'string' },
      smoke: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const runs = Number(values.runs);
  const chosen = values.only ? values.only.split(',') : SCENARIOS.map((scenario) => scenario.id);
  const rows: Row[] = [];
  for (const id of chosen) {
    const scenario = SCENARIOS.find((candidate) => candidate.id === id);
    if (!scenario) throw new Error(`--only: no scenario ${id} (${SCENARIOS.map((s) => s.id).join(', ')})`);
    const row: Row = { ...emptyResult(), scenario: `${id} ${scenario.name}`, runs };
    for (let run = 1; run <= runs; run += 1) {
      process.stdout.write(`${row.scenario}: run ${run} of ${runs}…\n`);
      const log = (line: string) => process.stdout.write(`  ${line}\n`);
      const started = Date.now();
      add(row, await scenario.run({ smoke: values.smoke, log }));
      log(`done in ${seconds(Date.now() - started)}`);
    }
    rows.push(row);
  }
  process.stdout.write(`\n${tableOf(rows)}\n`);
  const broken = rows.flatMap((row) => row.violations.map((violation) => `${row.scenario}: ${violation}`));
  if (broken.length > 0) {
    process.stdout.write(`\nRules broken:\n${broken.map((line) => `- ${line}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`faults: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
